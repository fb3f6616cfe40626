#!/usr/bin/env python3
"""Dedup confusion on the benchmark corpus: what enrich said of each line vs what the line is.

  python3 tools/gen_corpus.py 100000 -o /tmp/c.jsonl --labels /tmp/c.labels
  build/wirefeed enrich --input /tmp/c.jsonl --output /tmp/c.out.jsonl
  python3 tools/dedup_corpus_eval.py /tmp/c.labels /tmp/c.out.jsonl

Kinds (tools/gen_corpus.py): original -> unique; resend, copy -> duplicate; rewrite, abridged ->
near_duplicate; update -> update. Prints the confusion table and the precision/recall of the
duplicate + near_duplicate flag. The corpus's originals come from a small sentence grammar, so
many distinct originals share most of their wording (template stories): a harder test of precision
than most live feeds. Python 3 standard library only.
"""
import collections
import json
import sys

EXPECT = {"original": "unique", "resend": "duplicate", "copy": "duplicate",
          "rewrite": "near_duplicate", "abridged": "near_duplicate", "update": "update"}
STATUSES = ["unique", "duplicate", "near_duplicate", "update"]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    labels = [line.strip() for line in open(sys.argv[1], encoding="utf-8")]
    counts = collections.Counter()
    n = 0
    with open(sys.argv[2], encoding="utf-8") as out:
        for kind, line in zip(labels, out):
            counts[(kind, json.loads(line)["wirefeed"]["dedup"]["status"])] += 1
            n += 1
    if n != len(labels):
        sys.exit(f"{n} records for {len(labels)} labels: was every line enriched?")
    print("kind".ljust(10) + "".join(s.rjust(16) for s in STATUSES))
    for kind in sorted({k for k, _ in counts}):
        print(kind.ljust(10) + "".join(str(counts[(kind, s)]).rjust(16) for s in STATUSES))
    flagged = ("duplicate", "near_duplicate")
    tp = sum(v for (k, s), v in counts.items() if s in flagged and EXPECT[k] in flagged)
    fp = sum(v for (k, s), v in counts.items() if s in flagged and EXPECT[k] not in flagged)
    fn = sum(v for (k, s), v in counts.items() if s not in flagged and EXPECT[k] in flagged)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"duplicate+near_duplicate: precision {p:.4f} recall {r:.4f} F1 {f1:.4f} "
          f"(tp {tp} fp {fp} fn {fn})")


if __name__ == "__main__":
    main()
