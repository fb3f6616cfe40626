#!/usr/bin/env python3
"""Extracts IPTC Media Topics codes, parents and English labels into config/data/mediatopics.tsv.

The tagger needs only the tree (to resolve any topic to its top-level ancestor) and a label per code;
carrying the whole 1,200-concept tree keeps every code a lexicon may name valid. Retired concepts are
skipped so editors cannot tag with codes IPTC has withdrawn.

Usage: tools/extract_mediatopics.py /work/shared/data/iptc/mediatopics-2019.json config/data/mediatopics.tsv
The source is (c) IPTC, CC BY 4.0; see config/data/IPTC-ATTRIBUTION.md.
"""
import json
import sys


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        scheme = json.load(f)
    rows = []
    for concept in scheme["conceptSet"]:
        if concept.get("retired"):
            continue
        qcode = concept["qcode"]
        broader = concept.get("broader", [])
        parent = broader[0] if broader else ""
        if parent.startswith("http://cv.iptc.org/newscodes/mediatopic/"):
            parent = "medtop:" + parent.rsplit("/", 1)[1]
        label = concept.get("prefLabel", {}).get("en-GB", "")
        label = label.replace("\t", " ").replace("\n", " ").strip()
        rows.append((qcode, parent, label))
    rows.sort()
    with open(argv[2], "w", encoding="utf-8") as out:
        out.write("# IPTC Media Topics (%s), CC BY 4.0, (c) IPTC - see IPTC-ATTRIBUTION.md\n"
                  % scheme.get("dateReleased", "unknown release"))
        out.write("# qcode\tparent qcode (empty for top level)\ten-GB label\n")
        for qcode, parent, label in rows:
            out.write("%s\t%s\t%s\n" % (qcode, parent, label))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
