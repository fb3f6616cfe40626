#!/usr/bin/env python3
"""Labelled stream generator for the dedup stage (tools/dedup_eval.cc reads its output).

Writes ninjs 3 JSON lines, one story a line, each with a "label" object:
  {"kind": <variant kind>, "expect": unique|duplicate|near_duplicate|update, "of": <uri or "">}

Originals are written by this script from its own sentence grammar and templates. As a dev-only
option (--reuters DIR) originals come from Reuters-21578 .sgm files instead; that text is read at
run time and never stored in the repository.

Variant kinds: exact_resend, exact_other_uri (whitespace/quote/HTML differences), headline,
dateline, credit, promo, typos, reorder, writethrough, short (first 40%), full_after_short,
update, late_old_version; hard negatives: neg_background, neg_followup, neg_template,
neg_boilerplate (all expected unique).

Usage: gen_dedup_stream.py [--n 400] [--seed 1] [--reuters DIR] > stream.jsonl
"""
import argparse
import datetime as dt
import glob
import html
import json
import random
import re
import sys

FIRST = ("Anna Maria James Olivia Peter Hiroshi Fatima Carlos Ingrid Tomasz Amara Lucas Priya "
         "Mateo Sofia Kwame Elena Omar Yuki Lars Chen Aisha Diego Nadia Viktor Grace Rahul "
         "Leila Stefan Maya Jonas Ines Kofi Hana Pablo Zara Emil Noor Felix Aiko").split()
LAST = ("Keller Okafor Lindqvist Moreau Tanaka Haddad Silva Novak Brennan Castillo Petrov Mensah "
        "Albrecht Rossi Nakamura Dubois Kowalski Fernandes Osei Larsen Volkov Quinn Sato Ibrahim "
        "Marchetti Duarte Holm Varga Abara Whitfield Costa Jensen Reyes Kim Baptiste Horvat").split()
CITIES = ("Lisbon Nairobi Osaka Santiago Tallinn Accra Montreal Perth Lyon Bergen Manila Quito "
          "Krakow Durban Porto Medan Tbilisi Leeds Fresno Recife Malmo Graz Cebu Izmir Valencia "
          "Kumasi Dundee Tampere Rosario Busan").split()
COMPANY_A = ("Northwind Bluefield Crestline Ardent Solace Meridian Halcyon Ironbark Lumen Castellan "
             "Brightwater Redfern Silverpine Kestrel Oakhurst Tidewater Granite Polaris Evergreen "
             "Summit Harbor Falcon Juniper Copperleaf").split()
COMPANY_B = "Holdings Industries Systems Energy Foods Logistics Pharma Motors Bank Telecom".split()
NOUNS = ("council budget plan report inquiry contract factory bridge vaccine tariff pipeline "
         "election strike merger harvest reservoir railway airport shipment reform subsidy loan "
         "court ruling protest festival museum satellite reactor harbour mine forest drought "
         "flood survey index pension clinic school tunnel network platform treaty").split()
ADJS = ("regional federal new revised disputed long-awaited emergency annual cross-border costly "
        "delayed ambitious controversial temporary landmark sweeping modest urgent").split()
VERBS = ("approved rejected delayed announced expanded suspended criticised defended unveiled "
         "postponed reviewed confirmed questioned backed blocked launched").split()
GROUPS = ("officials lawmakers residents analysts investors farmers unions doctors teachers "
          "regulators engineers prosecutors economists shareholders activists").split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "Jan Feb March April May June July Aug Sept Oct Nov Dec".split()
AGENCIES = ["Reuters", "AP", "AFP", "Bloomberg", "dpa", "Kyodo"]

SENTENCES = [
    "{G} in {C} said on {D} that the {A} {N} would cost about {M} million {U}.",
    "The {N} was {V} by {P}, who has led the {C} {N2} since {Y}.",
    "{P} told reporters the decision followed {K} months of talks with {G}.",
    "According to a {N} published by {O}, {K} percent of {G} opposed the {A} {N2}.",
    "{O} shares rose {F} percent in early trading after the {N} was {V}.",
    "Critics said the {A} {N} ignored warnings from {G} in {C} and {C2}.",
    "The {N2} in {C} has been {V} {K} times since {Y}, records show.",
    "\"We cannot wait another {K} years for this {N},\" {P} said in a statement.",
    "{G} expect a final vote on the {N} before the end of {MO}.",
    "About {K},{H} people attended a meeting on the {N2} in {C} on {D}.",
    "{O} said it had set aside {M} million {U} to cover costs linked to the {N}.",
    "The {A} {N2} {V} last year drew protests from {G} and {G2}.",
    "{P}, a spokesperson for {O}, declined to comment on the {N}.",
    "Officials in {C2} said the {N} could be {V} again if funding falls short.",
    "The {N} is the {A} since the {N2} of {Y}, when {G} {V} a similar proposal.",
    "Data released on {D} showed {N2} spending in {C} up {F} percent from a year earlier.",
    "{P} said {G} had until {MO} {K2} to respond to the {A} {N}.",
    "The {N2} near {C} employs about {K},{H} workers, {O} said.",
]

BACKGROUND = [
    "The region has been hit by repeated droughts over the past decade, and water rationing has "
    "become routine in several districts during the summer months, according to the national "
    "weather service.",
    "The central bank raised its benchmark rate four times last year in an effort to bring "
    "inflation back toward its target, a policy that analysts say has slowed lending to small "
    "businesses.",
    "The alliance was founded after the end of the Second World War and has since expanded to "
    "include members across Europe and North America.",
    "The company, founded in a small workshop more than a century ago, now operates plants on "
    "three continents and employs tens of thousands of people worldwide.",
]
BOILERPLATE = [
    "This story has been corrected to fix the spelling of a name in the fourth paragraph.",
    "About the company: the group is a diversified industrial business with operations in more "
    "than forty countries. Forward-looking statements in this release involve risks and "
    "uncertainties that could cause actual results to differ materially.",
]
PROMOS = [
    "SEE ALSO: {P} on why the {N} matters",
    "READ MORE: The {A} {N} explained",
    "Sign up for our morning newsletter to get the top stories in your inbox.",
    "Related coverage: {C} braces for {N} vote",
    "Click here for the latest updates on the {N}.",
]


def person(r):
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def company(r):
    return f"{r.choice(COMPANY_A)} {r.choice(COMPANY_B)}"


def fill(r, s, ctx):
    vals = {
        "G": r.choice(GROUPS).capitalize(), "G2": r.choice(GROUPS), "C": ctx["city"],
        "C2": r.choice(CITIES), "D": r.choice(DAYS), "A": r.choice(ADJS), "N": ctx["noun"],
        "N2": r.choice(NOUNS), "V": r.choice(VERBS), "P": ctx["person"] if r.random() < 0.5 else person(r),
        "Y": str(r.randint(1990, 2023)), "K": str(r.randint(2, 95)), "K2": str(r.randint(1, 28)),
        "H": f"{r.randint(0, 999):03d}", "M": str(r.randint(3, 980)), "F": f"{r.randint(1, 19)}.{r.randint(0, 9)}",
        "U": r.choice(["euros", "dollars", "pounds", "yen"]), "O": ctx["company"], "MO": r.choice(MONTHS),
    }
    out = re.sub(r"\{(\w+)\}", lambda m: vals[m.group(1)], s)
    return out[0].upper() + out[1:]


def synth_story(r, ctx=None):
    ctx = ctx or {"city": r.choice(CITIES), "noun": r.choice(NOUNS), "person": person(r), "company": company(r)}
    paras = []
    for _ in range(r.randint(5, 9)):
        paras.append(" ".join(fill(r, r.choice(SENTENCES), ctx) for _ in range(r.randint(1, 3))))
    headline = f"{ctx['city']} {r.choice(GROUPS)} {r.choice(VERBS)} {r.choice(ADJS)} {ctx['noun']} plan"
    return headline, paras, ctx


def results_story(r):
    """Template: quarterly results. Two instances differ only in names and numbers."""
    co, ceo, city = company(r), person(r), r.choice(CITIES)
    q = r.choice(["first", "second", "third", "fourth"])
    n = lambda a, b: r.randint(a, b)
    paras = [
        f"{co} said on {r.choice(DAYS)} its {q}-quarter net profit rose to {n(20, 900)} million euros, "
        f"or {n(10, 99)} cents per share, from {n(10, 800)} million euros a year earlier.",
        f"Revenue increased {n(2, 30)} percent to {n(1, 9)}.{n(1, 9)} billion euros, beating the average "
        f"analyst forecast of {n(1, 9)}.{n(1, 9)} billion euros, the {city}-based company said.",
        f"Chief executive {ceo} said demand had been strong in all regions and that the company "
        f"expected full-year operating margin of between {n(5, 12)} and {n(13, 20)} percent.",
        f"The company raised its dividend to {n(10, 99)} cents per share and said it would buy back "
        f"up to {n(100, 900)} million euros of stock over the next {n(2, 4)} years.",
        f"Shares in {co.split()[0]} were up {n(1, 9)}.{n(0, 9)} percent at {n(10, 99)}.{n(10, 99)} euros "
        f"by {n(9, 11)}:{n(10, 59)} GMT, valuing the group at about {n(2, 40)} billion euros.",
    ]
    return f"{co} {q}-quarter profit rises, beats forecasts", paras


def match_story(r):
    """Template: match report. Two instances differ only in teams, players and numbers."""
    clubs = r.sample([f"{c} {s}" for c in CITIES for s in ("United", "City", "Rovers")], 2)
    a, b = clubs
    ga, gb = r.randint(1, 5), r.randint(0, 4)
    s1, s2, s3 = person(r), person(r), person(r)
    paras = [
        f"{a} beat {b} {ga}-{gb} on {r.choice(DAYS)} to move up to {r.choice(['second', 'third', 'fourth', 'fifth'])} "
        f"place in the league table with {r.randint(20, 70)} points from {r.randint(15, 30)} games.",
        f"{s1} opened the scoring in the {r.randint(2, 40)}th minute with a header from a corner, and "
        f"{s2} doubled the lead shortly after half-time with a low shot from the edge of the area.",
        f"{b} pulled one back through {s3} in the {r.randint(60, 88)}th minute but could not find an "
        f"equaliser in front of a crowd of {r.randint(10, 60)},{r.randint(100, 999)}.",
        f"\"We showed great character today,\" said {a} coach {person(r)}. \"The players deserve this.\"",
        f"{b} have now gone {r.randint(3, 9)} matches without a win and sit {r.randint(10, 19)}th, "
        f"{r.randint(1, 9)} points above the relegation zone.",
    ]
    return f"{a} beat {b} to climb table", paras


def reuters_stories(path_glob, r):
    out = []
    seen = set()
    for path in sorted(glob.glob(path_glob)):
        raw = open(path, encoding="latin-1").read()
        for m in re.finditer(r"<TITLE>(.*?)</TITLE>.*?<BODY>(.*?)</BODY>", raw, re.S):
            title, body = html.unescape(m.group(1)), html.unescape(m.group(2))
            body = re.sub(r"\s*Reuter\s*\x03?\s*$", "", body.strip())
            paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s{3,}", body)]
            paras = [p for p in paras if p]
            # The corpus holds its own duplicates (the same story filed twice); keep one of each so
            # the labels stay true.
            text = re.sub(r"\W+", " ", " ".join(paras).lower())
            keys = (text[:160], text[-160:])
            if sum(len(p) for p in paras) > 600 and len(paras) >= 3 and not (seen & set(keys)):
                seen.update(keys)
                out.append((title.strip().title(), paras))
    r.shuffle(out)
    return out


class Stream:
    def __init__(self, r):
        self.r = r
        self.t = dt.datetime(2024, 3, 1, 6, 0, tzinfo=dt.timezone.utc)
        self.n = 0
        self.lines = []

    def uri(self):
        self.n += 1
        return f"urn:newsml:example.com:20240301:story-{self.n:06d}"

    def emit(self, uri, headline, paras, kind, expect, of, version=1, when=None, dateline=None,
             html_body=False):
        self.t += dt.timedelta(seconds=self.r.randint(20, 400))
        when = when or self.t
        body_paras = list(paras)
        if dateline:
            body_paras[0] = f"{dateline} - {body_paras[0]}"
        if html_body:
            body = "".join(f"<p>{html.escape(p)}</p>\n" for p in body_paras)
            ctype = "text/html"
        else:
            body = "\n\n".join(body_paras)
            ctype = "text/plain"
        self.lines.append(json.dumps({
            "uri": uri, "version": str(version),
            "versionCreated": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "headlines": [{"role": "main", "value": headline}],
            "bodies": [{"role": "main", "contentType": ctype, "value": body}],
            "label": {"kind": kind, "expect": expect, "of": of},
        }, ensure_ascii=False))
        return when


def dateline_for(r, city):
    return f"{city.upper()}, {r.choice(MONTHS)} {r.randint(1, 28)} ({r.choice(AGENCIES)})"


def typo(r, paras, k):
    words = " ".join(paras).split(" ")
    out = [p.split(" ") for p in paras]
    flat = [(i, j) for i, p in enumerate(out) for j in range(len(p)) if len(p[j]) > 4]
    for i, j in r.sample(flat, min(k, len(flat))):
        w = list(out[i][j])
        x = r.randint(1, len(w) - 3)
        w[x], w[x + 1] = w[x + 1], w[x]
        out[i][j] = "".join(w)
    del words
    return [" ".join(p) for p in out]


def restyle(p):
    """Same text, other typography: curly quotes, doubled spaces, no-break spaces."""
    p = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", p).replace("'", "\u2019")
    return p.replace(". ", ".  ").replace(", ", ",\u00a0", 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=400, help="number of originals")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reuters", help="dev only: directory of Reuters-21578 .sgm files for originals")
    args = ap.parse_args()
    r = random.Random(args.seed)
    s = Stream(r)
    pool = reuters_stories(f"{args.reuters}/reut2-*.sgm", r) if args.reuters else []

    kinds = ["exact_resend", "exact_other_uri", "headline", "dateline", "credit", "promo", "typos",
             "reorder", "writethrough", "short", "full_after_short", "update", "neg_background",
             "neg_followup", "neg_template", "neg_boilerplate"]
    pending = []  # variants emitted later, interleaved with other originals
    for i in range(args.n):
        if pool:
            headline, paras = pool[i % len(pool)]
            ctx = {"city": r.choice(CITIES), "noun": r.choice(NOUNS), "person": person(r), "company": company(r)}
        else:
            headline, paras, ctx = synth_story(r)
        kind = kinds[i % len(kinds)]
        u = s.uri()
        dl = dateline_for(r, ctx["city"])
        if kind == "full_after_short":
            cut = max(1, round(len(paras) * 0.4))
            s.emit(u, headline, paras[:cut], "original_short", "unique", "", dateline=dl)
            pending.append(lambda hl=headline, p=paras, of=u, d=dl: s.emit(
                s.uri(), hl, p, "full_after_short", "near_duplicate", of, dateline=d))
            continue
        if kind == "neg_template":
            gen = results_story if i % 2 else match_story
            hl, p = gen(r)
            s.emit(u, hl, p, "original_template", "unique", "")
            hl2, p2 = gen(r)
            pending.append(lambda hl=hl2, p=p2: s.emit(s.uri(), hl, p, "neg_template", "unique", ""))
            continue
        when = s.emit(u, headline, paras, "original", "unique", "", dateline=dl)
        if kind == "exact_resend":
            v = lambda hl=headline, p=paras, of=u, d=dl, w=when: s.emit(of, hl, p, "exact_resend", "duplicate", of, when=w, dateline=d)
        elif kind == "exact_other_uri":
            v = lambda hl=headline, p=paras, of=u, d=dl: s.emit(
                s.uri(), hl, [restyle(x) for x in p], "exact_other_uri", "duplicate", of, dateline=d,
                html_body=r.random() < 0.5)
        elif kind == "headline":
            v = lambda p=paras, of=u, d=dl, c=ctx: s.emit(
                s.uri(), f"{c['person']} says {c['noun']} decision was right", p, "headline", "near_duplicate", of, dateline=d)
        elif kind == "dateline":
            v = lambda hl=headline, p=paras, of=u, c=ctx: s.emit(
                s.uri(), hl, p, "dateline", "near_duplicate", of,
                dateline=f"{c['city']}, {r.choice(DAYS)} ({r.choice(AGENCIES)})")
        elif kind == "credit":
            v = lambda hl=headline, p=paras, of=u, d=dl: s.emit(
                s.uri(), hl, p + [f"(Reporting by {person(r)}; Editing by {person(r)})"], "credit", "near_duplicate", of, dateline=d)
        elif kind == "promo":
            promo = [fill(r, x, ctx) for x in r.sample(PROMOS, 2)]
            v = lambda hl=headline, p=paras, of=u, d=dl, pr=promo: s.emit(
                s.uri(), hl, p[:2] + [pr[0]] + p[2:] + [pr[1]], "promo", "near_duplicate", of, dateline=d)
        elif kind == "typos":
            v = lambda hl=headline, p=paras, of=u, d=dl: s.emit(
                s.uri(), hl, typo(r, p, r.randint(2, 5)), "typos", "near_duplicate", of, dateline=d)
        elif kind == "reorder":
            def v(hl=headline, p=paras, of=u, d=dl):
                q = list(p)
                a, b = r.sample(range(1, len(q)), 2) if len(q) > 2 else (0, 1)
                q[a], q[b] = q[b], q[a]
                return s.emit(s.uri(), hl, q, "reorder", "near_duplicate", of, dateline=d)
        elif kind == "writethrough":
            extra = synth_story(r, ctx)[1][0]
            v = lambda hl=headline, p=paras, of=u, d=dl, x=extra: s.emit(
                s.uri(), hl, p + [x], "writethrough", "near_duplicate", of, dateline=d)
        elif kind == "short":
            cut = max(1, round(len(paras) * 0.4))
            v = lambda hl=headline, p=paras[:cut], of=u, d=dl: s.emit(
                s.uri(), hl, p, "short", "near_duplicate", of, dateline=d)
        elif kind == "update":
            extra = synth_story(r, ctx)[1][0]
            def v(hl=headline, p=paras, of=u, d=dl, x=extra, w0=when):
                s.emit(of, hl + " - update", p[:1] + [x] + p[1:], "update", "update", of, version=2, dateline=d)
                # The superseded version arriving late again is a duplicate.
                pending.append(lambda: s.emit(of, hl, p, "late_old_version", "duplicate", of, version=1, when=w0, dateline=d))
        elif kind == "neg_background":
            def v(c=ctx):
                hl2, p2, _ = synth_story(r)
                bg = r.choice(BACKGROUND)
                return s.emit(s.uri(), hl2, p2[:3] + [bg] + p2[3:], "neg_background", "unique", "")
            # The original carries the same background paragraph.
            s.lines.pop()
            s.n -= 1
            u = s.uri()
            bg = r.choice(BACKGROUND)
            s.emit(u, headline, paras[:2] + [BACKGROUND[0]] + paras[2:], "original", "unique", "", dateline=dl)
            v = (lambda c=ctx: s.emit(s.uri(), *(lambda hp: (hp[0], hp[1][:3] + [BACKGROUND[0]] + hp[1][3:]))(synth_story(r)),
                                      "neg_background", "unique", ""))
            del bg
        elif kind == "neg_followup":
            v = lambda c=ctx: s.emit(s.uri(), f"{c['company']} faces new questions over {c['noun']}",
                                     synth_story(r, c)[1], "neg_followup", "unique", "", dateline=dateline_for(r, c["city"]))
        elif kind == "neg_boilerplate":
            bp = BOILERPLATE[1]
            s.lines.pop()
            s.n -= 1
            u = s.uri()
            s.emit(u, headline, paras + [bp], "original", "unique", "", dateline=dl)
            v = lambda b=bp: s.emit(s.uri(), *(lambda hp: (hp[0], hp[1] + [b]))(synth_story(r)), "neg_boilerplate", "unique", "")
        pending.append(v)
        # Release some pending variants so families interleave.
        while len(pending) > 6:
            pending.pop(r.randrange(len(pending)))()
    while pending:
        pending.pop(r.randrange(len(pending)))()
    sys.stdout.write("\n".join(s.lines) + "\n")


if __name__ == "__main__":
    main()
