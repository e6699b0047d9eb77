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
    ENSEMBLE=.build/release/dojo python3 docs/tools/linear-probe.py 5e-7
        # also: the shipped evaluator's per-tactic confidences (`dojo grade --format jsonl`, with the buyer line) averaged
        # with the probe's probabilities, w * evaluator + (1 - w) * probe, at a few weights and thresholds
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

def figures(S, th, rows_y, rows_o):
    tp=fp=fn=acc=0
    for k in range(len(rows_y)):
        pred={TACT[i] for i in range(len(TACT)) if S[k,i]>=th}
        tp+=len(pred&rows_y[k]); fp+=len(pred-rows_y[k]); fn+=len(rows_y[k]-pred)
        s={}
        for i in range(len(TACT)):
            if S[k,i]>=th: s[TYPE[TACT[i]]]=s.get(TYPE[TACT[i]],0)+S[k,i]
        acc+=(max(sorted(s),key=lambda x:s[x]) if s else 'none')==rows_o[k]
    pr=tp/max(1,tp+fp); rc=tp/max(1,tp+fn)
    return acc/len(rows_y), 2*pr*rc/max(1e-9,pr+rc), pr, rc

if os.environ.get('ENSEMBLE'):
    import subprocess
    lines=[]
    for p in dev:
        for l in open(p,encoding='utf-8'):
            if l.startswith('{'):
                r=json.loads(l); o={'reply':r['reply']}
                if r.get('buyer'): o['buyer']=r['buyer']
                lines.append(json.dumps(o,ensure_ascii=False))
    run=subprocess.run([os.environ['ENSEMBLE'],'grade','--format','jsonl'],input='\n'.join(lines)+'\n',capture_output=True,text=True,check=True)
    graded=[json.loads(x) for x in run.stdout.strip().split('\n')]
    C=np.array([[next((t['confidence'] for t in g['tactics'] if t['id']==lab),0.0) for lab in TACT] for g in graded])
    used=np.array([[1.0 if any(t['id']==lab and t['used'] for t in g['tactics']) else 0.0 for lab in TACT] for g in graded])
    print('evaluator alone: acc %.3f f1 %.3f P %.3f R %.3f'%figures(used,0.5,Yd,Od))
    for w in (0.5,0.6,0.7):
        for th in (0.4,0.45,0.5):
            print('ensemble w %.1f th %.2f: acc %.3f f1 %.3f P %.3f R %.3f'%((w,th)+figures(w*C+(1-w)*P,th,Yd,Od)),flush=True)

