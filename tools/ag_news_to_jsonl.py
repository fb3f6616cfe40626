#!/usr/bin/env python3
"""Converts AG News (label,title,description CSV) into a topic-model training file.

    tools/ag_news_to_jsonl.py [--rows odd|even|R/M] [--world other|politics|skip] CSV OUT.jsonl

Rows are numbered from 1 over the labelled records (the header does not count), as in
`topics_eval --rows`: odd = 1, 3, 5...; R/M keeps the records whose number % M == R.
Sports -> medtop:15000000, Business -> medtop:04000000, Sci/Tech -> medtop:13000000. World spans
politics, conflict, crime, disaster and society, so by default it is written with "topics": [],
the model's "other" class, and left to the rules (see docs/topics.md, "Supervised model").

Write OUT under /tmp or .cache: AG News must never be copied into the repository.
"""
import argparse
import csv
import json
import sys

LABELS = {"2": ["medtop:15000000"], "3": ["medtop:04000000"], "4": ["medtop:13000000"]}
WORLD = {"other": [], "politics": ["medtop:11000000"]}


def keep(number, rows):
    if rows == "all":
        return True
    if rows == "odd":
        return number % 2 == 1
    if rows == "even":
        return number % 2 == 0
    r, m = rows.split("/")
    return number % int(m) == int(r) % int(m)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", default="odd")
    ap.add_argument("--world", default="other", choices=["other", "politics", "skip"])
    ap.add_argument("csv")
    ap.add_argument("out")
    args = ap.parse_args()
    number = 0
    written = 0
    with open(args.csv, newline="", encoding="utf-8") as f, open(args.out, "w") as out:
        for row in csv.reader(f):
            if len(row) < 3 or row[0] not in ("1", "2", "3", "4"):
                continue  # header
            number += 1
            if not keep(number, args.rows):
                continue
            if row[0] == "1":
                if args.world == "skip":
                    continue
                topics = WORLD[args.world]
            else:
                topics = LABELS[row[0]]
            # AG News writes line breaks as a literal backslash (topics_eval does the same).
            headline = row[1].replace("\\", " ")
            body = row[2].replace("\\", " ")
            out.write(json.dumps({"headline": headline, "body": body, "topics": topics}) + "\n")
            written += 1
    print(f"{written} stories written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
