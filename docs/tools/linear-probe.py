#!/usr/bin/env python3
"""A check on the ceiling (session 22; not part of the build or the tests; needs scikit-learn and numpy from PyPI).

Fits a plain linear baseline - one logistic regression per tactic (SGD, log loss) over hashed, TF-IDF-weighted character
1-4-grams and word 1-2-grams of the NFKC-lowercased reply - on Scenarios/corpus/*.jsonl and scores the read blind sets
v50-v55 with the same orientation rule as the evaluator's (the type with the largest total of used tactics), so that the
shipped network can be compared with a different model family on the same data.

    python3 docs/tools/linear-probe.py [ALPHA]            # the whole corpus (MODE=all, the default)
    MODE=half python3 docs/tools/linear-probe.py 5e-7     # a random half of it
    MODE=blind python3 docs/tools/linear-probe.py 5e-7    # only the blind-written files (h*, c112 and later)
    MODE=noold python3 docs/tools/linear-probe.py 5e-7    # without the quota-brief rounds of sessions 1-7 (c1-c43)
"""
import json,glob,re,sys,time,unicodedata
import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import SGDClassifier
from scipy.sparse import hstack
TACT=["price-angle","volume-offer","differentiation-barrier","cut-sales-cost","channel-change","walk-away","new-product","team-value","early-education","inside-coach","influencer-mapping","needs-diagnosis","service-guidance","optimization-advice","mutual-value","extraordinary-value","beyond-plan-proposal","resource-sharing","equal-partnership","executive-alignment"]
TYPE={t:('intrinsic' if i<7 else 'extrinsic' if i<14 else 'strategic') for i,t in enumerate(TACT)}
def load(paths):
    X=[];Y=[];O=[]
    for p in paths:
        for l in open(p,encoding='utf-8'):
            if l.startswith('{'):
                r=json.loads(l); X.append(unicodedata.normalize('NFKC',r['reply']).lower()); Y.append(set(r['tactics'])); O.append(r['orientation'])
    return X,Y,O
import random,os
train=sorted(glob.glob('Scenarios/corpus/*.jsonl'))
mode=os.environ.get('MODE','all')
def number(p): return int(re.match(r'c(\d+)',os.path.basename(p)).group(1))
if mode=='blind':
    train=[p for p in train if os.path.basename(p).startswith('h') or number(p)>=112]
elif mode=='noold':
    train=[p for p in train if os.path.basename(p).startswith('h') or number(p)>=44]
dev=sorted(glob.glob('Tests/DojoKitTests/Fixtures/heldout-blind-v5[0-5].jsonl'))
Xt,Yt,Ot=load(train); Xd,Yd,Od=load(dev)
if mode=='half':
    random.seed(7); idx=sorted(random.sample(range(len(Xt)),len(Xt)//2)); Xt=[Xt[i] for i in idx]; Yt=[Yt[i] for i in idx]
print(len(Xt),len(Xd),flush=True)
hc=HashingVectorizer(analyzer='char_wb',ngram_range=(1,4),n_features=2**20,alternate_sign=False,norm=None)
hw=HashingVectorizer(analyzer='word',ngram_range=(1,2),n_features=2**19,alternate_sign=False,norm=None,token_pattern=r"(?u)\b\w+\b")
t=time.time()
A=hstack([hc.transform(Xt),hw.transform(Xt)]).tocsr(); B=hstack([hc.transform(Xd),hw.transform(Xd)]).tocsr()
tf=TfidfTransformer(sublinear_tf=True).fit(A); A=tf.transform(A); B=tf.transform(B)
print('features',time.time()-t,flush=True)
P=np.zeros((len(Xd),len(TACT)))
for i,lab in enumerate(TACT):
    y=np.array([lab in s for s in Yt])
    clf=SGDClassifier(loss='log_loss',alpha=float(sys.argv[1]) if len(sys.argv)>1 else 2e-6,max_iter=15,tol=None,random_state=1,class_weight=None)
    clf.fit(A,y); P[:,i]=clf.predict_proba(B)[:,1]
print('trained',time.time()-t,flush=True)
for th in (0.2,0.25,0.3):
    tp=fp=fn=0; acc=0
    for k in range(len(Xd)):
        pred={TACT[i] for i in range(len(TACT)) if P[k,i]>=th}
        tp+=len(pred&Yd[k]); fp+=len(pred-Yd[k]); fn+=len(Yd[k]-pred)
        if not pred: o='none'
        else:
            s={}
            for i in range(len(TACT)):
                if P[k,i]>=th: s[TYPE[TACT[i]]]=s.get(TYPE[TACT[i]],0)+P[k,i]
            o=max(sorted(s),key=lambda x:s[x])
        acc+= o==Od[k]
    pr=tp/max(1,tp+fp); rc=tp/max(1,tp+fn)
    print(mode,'th %.2f acc %.3f f1 %.3f P %.3f R %.3f'%(th,acc/len(Xd),2*pr*rc/(pr+rc),pr,rc),flush=True)
