#!/usr/bin/env python3
"""Inter-rater agreement between the corpus authors' labels and a second, blind rater.

usage: agreement.py RATER.jsonl CORPUS.jsonl...   (prints per-label Cohen's kappa, orientation kappa)
"""
import json, sys

LABELS = ["price-angle", "volume-offer", "differentiation-barrier", "cut-sales-cost", "channel-change", "walk-away",
          "new-product", "team-value", "early-education", "inside-coach", "influencer-mapping", "needs-diagnosis",
          "service-guidance", "optimization-advice", "mutual-value", "extraordinary-value", "beyond-plan-proposal",
          "resource-sharing", "equal-partnership", "executive-alignment", "hard-sell", "feature-push", "premature-discount"]

def load(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("{"):
            r = json.loads(line)
            out[r["id"]] = r
    return out

def kappa(pairs):
    n = len(pairs)
    if n == 0:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    cats = set(a for a, _ in pairs) | set(b for _, b in pairs)
    pe = sum((sum(a == c for a, _ in pairs) / n) * (sum(b == c for _, b in pairs) / n) for c in cats)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)

def main():
    rater = load(sys.argv[1])
    authors = {}
    for path in sys.argv[2:]:
        authors.update(load(path))
    ids = [i for i in rater if i in authors]
    def labels(r):
        return set(r.get("tactics", [])) | set(r.get("anti_patterns", []))
    print(f"{len(ids)} replies labelled by both")
    print(f"orientation: agreement {sum(rater[i]['orientation'] == authors[i]['orientation'] for i in ids) / len(ids):.3f}, "
          f"kappa {kappa([(authors[i]['orientation'], rater[i]['orientation']) for i in ids]):.3f}")
    exact = sum(labels(rater[i]) == labels(authors[i]) for i in ids) / len(ids)
    print(f"identical label sets: {exact:.3f}")
    print(f"{'label':24} {'author':>6} {'rater':>6} {'kappa':>6}")
    for label in LABELS:
        pairs = [(label in labels(authors[i]), label in labels(rater[i])) for i in ids]
        a = sum(x for x, _ in pairs); b = sum(y for _, y in pairs)
        k = kappa(pairs)
        print(f"{label:24} {a:6d} {b:6d} {k:6.2f}" if a + b else f"{label:24} {a:6d} {b:6d}      -")
    all_pairs = [(label in labels(authors[i]), label in labels(rater[i])) for i in ids for label in LABELS]
    print(f"pooled over all labels: kappa {kappa(all_pairs):.3f}")
    for i in ids:
        if labels(rater[i]) != labels(authors[i]):
            print(f"  {i}: author {sorted(labels(authors[i]))} / rater {sorted(labels(rater[i]))}: {authors[i]['reply'][:90]}")

main()
