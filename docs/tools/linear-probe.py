#!/usr/bin/env python3
"""A check on the ceiling (session 22; not part of the build or the tests; needs scikit-learn and numpy from PyPI).

Fits a plain linear baseline - one logistic regression per tactic (SGD, log loss) over hashed, TF-IDF-weighted character
1-4-grams and word 1-2-grams of the NFKC-lowercased reply - on Scenarios/corpus/*.jsonl and scores the read blind sets
v50-v55 with the evaluator's orientation rule in its simplest form (the type with the largest total of used tactics), so
that the shipped network can be compared with a different model family on the same data. Run from the repository root.

    python3 docs/tools/linear-probe.py [ALPHA]            # the whole corpus (MODE=all, the default; ALPHA 5e-7 is best)
    MODE=half python3 docs/tools/linear-probe.py 5e-7     # a random half of it
    MODE=blind python3 docs/tools/linear-probe.py 5e-7    # only the blind-written files (h*, c112 and later)
    MODE=noold python3 docs/tools/linear-probe.py 5e-7    # without the quota-brief rounds of sessions 1-7 (c1-c43)
    ENSEMBLE=.build/release/dojo python3 docs/tools/linear-probe.py 5e-7
        # also: the shipped evaluator's per-tactic confidences (`dojo grade --format jsonl`, with the buyer line) averaged
        # with the probe's probabilities, w * evaluator + (1 - w) * probe, at a few weights and thresholds
"""
import glob
import json
import os
import random
import re
import subprocess
import sys
import unicodedata

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import SGDClassifier

# The catalogue's tactics by value type (anti-patterns apart), as in ../../shared/DESIGN.md.
TYPES = {
    "intrinsic": ["price-angle", "volume-offer", "differentiation-barrier", "cut-sales-cost", "channel-change", "walk-away",
                  "new-product"],
    "extrinsic": ["team-value", "early-education", "inside-coach", "influencer-mapping", "needs-diagnosis",
                  "service-guidance", "optimization-advice"],
    "strategic": ["mutual-value", "extraordinary-value", "beyond-plan-proposal", "resource-sharing", "equal-partnership",
                  "executive-alignment"],
}
TACTICS = [t for tactics in TYPES.values() for t in tactics]
TYPE_OF = {t: kind for kind, tactics in TYPES.items() for t in tactics}
DEV = sorted(glob.glob("Tests/DojoKitTests/Fixtures/heldout-blind-v5[0-5].jsonl"))


def load(paths):
    """The labelled replies of these files: records (reply, buyer, tactics, orientation)."""
    records = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("{"):
                    r = json.loads(line)
                    records.append((r["reply"], r.get("buyer") or "", set(r["tactics"]) & set(TACTICS), r["orientation"]))
    return records


def training_files(mode):
    def number(path):
        return int(re.match(r"c(\d+)", os.path.basename(path)).group(1))
    files = sorted(glob.glob("Scenarios/corpus/*.jsonl"))
    if mode == "blind":
        return [p for p in files if os.path.basename(p).startswith("h") or number(p) >= 112]
    if mode == "noold":
        return [p for p in files if os.path.basename(p).startswith("h") or number(p) >= 44]
    return files


def probabilities(train, dev, alpha):
    """Fits one classifier per tactic on `train`; returns their probabilities on `dev` (replies × tactics)."""
    chars = HashingVectorizer(analyzer="char_wb", ngram_range=(1, 4), n_features=2**20, alternate_sign=False, norm=None)
    words = HashingVectorizer(analyzer="word", ngram_range=(1, 2), n_features=2**19, alternate_sign=False, norm=None,
                              token_pattern=r"(?u)\b\w+\b")
    def text(records):
        return [unicodedata.normalize("NFKC", r[0]).lower() for r in records]
    a, b = text(train), text(dev)
    x_train = hstack([chars.transform(a), words.transform(a)]).tocsr()
    x_dev = hstack([chars.transform(b), words.transform(b)]).tocsr()
    tfidf = TfidfTransformer(sublinear_tf=True).fit(x_train)
    x_train, x_dev = tfidf.transform(x_train), tfidf.transform(x_dev)
    out = np.zeros((len(dev), len(TACTICS)))
    for i, tactic in enumerate(TACTICS):
        y = np.array([tactic in r[2] for r in train])
        model = SGDClassifier(loss="log_loss", alpha=alpha, max_iter=15, tol=None, random_state=1)
        model.fit(x_train, y)
        out[:, i] = model.predict_proba(x_dev)[:, 1]
    return out


def figures(scores, threshold, dev):
    """Orientation accuracy, tactic micro-F1, precision and recall of `scores` used at `threshold`."""
    tp = fp = fn = right = 0
    for k, (_, _, labelled, orientation) in enumerate(dev):
        used = {TACTICS[i]: scores[k, i] for i in range(len(TACTICS)) if scores[k, i] >= threshold}
        tp += len(used.keys() & labelled)
        fp += len(used.keys() - labelled)
        fn += len(labelled - used.keys())
        totals = {}
        for tactic, score in used.items():
            totals[TYPE_OF[tactic]] = totals.get(TYPE_OF[tactic], 0) + score
        found = max(sorted(totals), key=lambda kind: totals[kind]) if totals else "none"
        right += found == orientation
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return right / len(dev), 2 * precision * recall / max(1e-9, precision + recall), precision, recall


def evaluator_confidences(dojo, dev):
    """The shipped evaluator's confidence and use of every tactic on `dev`, through `dojo grade --format jsonl`."""
    lines = [json.dumps({"reply": r[0], **({"buyer": r[1]} if r[1] else {})}, ensure_ascii=False) for r in dev]
    run = subprocess.run([dojo, "grade", "--format", "jsonl"], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=True)
    graded = [json.loads(line) for line in run.stdout.strip().split("\n")]
    confidence = np.zeros((len(dev), len(TACTICS)))
    used = np.zeros((len(dev), len(TACTICS)))
    for k, g in enumerate(graded):
        for t in g["tactics"]:
            if t["id"] in TACTICS:
                confidence[k, TACTICS.index(t["id"])] = t["confidence"]
                used[k, TACTICS.index(t["id"])] = 1.0 if t["used"] else 0.0
    return confidence, used


def main():
    mode = os.environ.get("MODE", "all")
    alpha = float(sys.argv[1]) if len(sys.argv) > 1 else 5e-7
    train, dev = load(training_files(mode)), load(DEV)
    if mode == "half":
        random.seed(7)
        train = [train[i] for i in sorted(random.sample(range(len(train)), len(train) // 2))]
    print(f"{mode}: {len(train)} training replies, {len(dev)} development replies (v50-v55)", flush=True)
    probe = probabilities(train, dev, alpha)
    for threshold in (0.2, 0.25, 0.3):
        print("probe, threshold %.2f: orientation %.3f, micro-F1 %.3f (P %.3f, R %.3f)" % ((threshold,) + figures(probe, threshold, dev)))
    if os.environ.get("ENSEMBLE"):
        confidence, used = evaluator_confidences(os.environ["ENSEMBLE"], dev)
        print("evaluator alone: orientation %.3f, micro-F1 %.3f (P %.3f, R %.3f)" % figures(used, 0.5, dev))
        for weight in (0.5, 0.6, 0.7):
            for threshold in (0.4, 0.45, 0.5):
                print("ensemble, weight %.1f, threshold %.2f: orientation %.3f, micro-F1 %.3f (P %.3f, R %.3f)"
                      % ((weight, threshold) + figures(weight * confidence + (1 - weight) * probe, threshold, dev)))


if __name__ == "__main__":
    main()
