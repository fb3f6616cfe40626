#!/usr/bin/env python3
"""Generates a benchmark corpus of ninjs stories, one JSON object per line (issue #7).

Uses the generators of gen_samples.py, so the corpus has the same agencies, languages, ninjs
generations, HTML share and traps as samples/stories.jsonl, at volume and with realistic lengths:
0.5-20 KB per line, mean about 3 KB (log-normal), a fifth HTML. About 10% of lines are duplicates
(exact resends, or the same text under another uri) and about 10% near-duplicates (rewrites,
abridged briefs, updates) of a story from the recent past, as a live feed would show them.

Deterministic for a given --seed and N. Python 3 standard library only.

  python3 tools/gen_corpus.py 100000 -o /tmp/corpus.jsonl
  python3 tools/gen_corpus.py 1000 | head

Do not write the corpus under samples/: every samples/*.jsonl is embedded into the binary.
"""

import argparse
import datetime as dt
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_samples as gs  # noqa: E402  (the path has to be set up first)

SIZE_RANGE = (500, 20000)
# Log-normal parameters of the article length before tails and JSON: they give line sizes with a mean of
# about 3 KB once credit tails, JSON keys and the occasional second (HTML) body are added.
LOG_MU, LOG_SIGMA = 7.85, 0.72
RECENT = 400  # variants pick their original among the last RECENT originals


def generate(n, seed, out, stats=None, labels=None):
    rng = random.Random(seed)
    when = dt.datetime(2024, 3, 4, 0, 0, 0)
    recent = []          # (Story, its line) of recent originals
    counts = {}
    write = out.write
    for i in range(n):
        when += dt.timedelta(seconds=rng.randint(1, 40))
        r = rng.random()
        kind = "original"
        if recent and r < 0.10:
            s, line = gs._pick(rng, recent)
            if rng.random() < 0.5:
                kind = "resend"
            else:
                kind = "copy"
                line = gs.serialise(gs.make_copy(s, when, gs._uri(rng, s.agency)))
        elif recent and r < 0.20:
            s, _ = gs._pick(rng, recent)
            v = rng.random()
            if v < 0.45:
                kind, c = "rewrite", gs.make_rewrite(rng, s, when, gs._uri(rng, s.agency))
            elif v < 0.75:
                kind, c = "update", gs.make_update(rng, s, when)
            else:
                kind, c = "abridged", gs.make_abridged(rng, s, when, gs._uri(rng, s.agency))
                if len(c.body_text().encode()) < SIZE_RANGE[0]:  # too short to abridge: send a rewrite
                    kind, c = "rewrite", gs.make_rewrite(rng, s, when, gs._uri(rng, s.agency))
            line = gs.serialise(c)
        else:
            target = int(min(SIZE_RANGE[1], max(SIZE_RANGE[0] - 100, rng.lognormvariate(LOG_MU, LOG_SIGMA))))
            # Leave room under the cap for the paragraph an update adds.
            s = gs.make_story(rng, when, "", target_bytes=target, size_range=(SIZE_RANGE[0], SIZE_RANGE[1] - 600))
            s.uri = gs._uri(rng, s.agency)
            line = gs.serialise(s)
            recent.append((s, line))
            if len(recent) > RECENT:
                recent.pop(0)
        counts[kind] = counts.get(kind, 0) + 1
        write(line)
        write("\n")
        if stats is not None:
            stats.append(len(line.encode()) + 1)
        if labels is not None:
            labels.write(kind + "\n")
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", nargs="?", type=int, default=100000, help="number of stories (default 100000)")
    ap.add_argument("-o", "--output", help="output file (default stdout)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--stats", action="store_true", help="print the size distribution to stderr")
    ap.add_argument("--labels", help="also write each line's kind (original, resend, copy, rewrite, "
                    "update, abridged), one per line, to this file: what dedup should say of it")
    args = ap.parse_args(argv)
    sizes = [] if args.stats else None
    labels = open(args.labels, "w", encoding="utf-8") if args.labels else None
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as f:
            counts = generate(args.n, args.seed, f, sizes, labels)
    else:
        counts = generate(args.n, args.seed, sys.stdout, sizes, labels)
    if labels is not None:
        labels.close()
    summary = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
    print(f"wrote {args.n} stories ({summary})", file=sys.stderr)
    if sizes:
        sizes.sort()
        total = sum(sizes)
        pick = lambda q: sizes[min(len(sizes) - 1, int(q * len(sizes)))]  # noqa: E731
        print(f"line bytes: total {total / 1e6:.1f} MB, mean {total / len(sizes):.0f}, min {sizes[0]}, "
              f"p10 {pick(0.1)}, median {pick(0.5)}, p90 {pick(0.9)}, p99 {pick(0.99)}, max {sizes[-1]}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
