#!/usr/bin/env python3
"""Generates samples/stories.jsonl: the project's own wire feed for tests, demos and evaluation.

Every word is produced here from small hand-written vocabularies and sentence templates, so the
file carries no third-party text. The feed imitates what a real news-wire topic delivers: several
agencies' house styles (datelines, credit tails, photo captions), IPTC ninjs 3.x and 1.x/2.x field
names, plain-text and HTML bodies, and the mess downstream stages must survive: resends, updates,
late old versions, the same text under another uri, rewrites, abridged copies and malformed lines.

Deterministic: the same --seed gives byte-identical output. Python 3 standard library only.
gen_corpus.py imports this module to build large benchmark corpora from the same generators.

  python3 tools/gen_samples.py                      # writes samples/stories.jsonl
  python3 tools/gen_samples.py --labels /tmp/l.jsonl  # also writes the ground truth per line
"""

import argparse
import copy
import datetime as dt
import hashlib
import json
import os
import random
import re
import sys

# ---------------------------------------------------------------------------------------------
# Vocabularies. Names are assembled from parts so that stories rarely share a person or company.
# ---------------------------------------------------------------------------------------------

FIRST = {
    "en": ["James", "Olivia", "Daniel", "Grace", "Marcus", "Hannah", "Trevor", "Alicia", "Owen", "Rachel",
           "Curtis", "Dana", "Gregory", "Megan", "Patrick", "Lauren", "Wesley", "Tamara", "Colin", "Brenda"],
    "ko": ["Min-jun", "Seo-yeon", "Ji-hoon", "Hye-jin", "Dong-hyun", "Soo-ah", "Jae-won", "Eun-ji", "Sung-min",
           "Ha-neul"],
    "de": ["Jürgen", "Katrin", "Matthias", "Sabine", "Florian", "Ulrike", "Tobias", "Anke", "Henrik", "Miriam"],
    "fr": ["Étienne", "Camille", "Mathieu", "Claire", "Baptiste", "Sandrine", "Julien", "Élodie", "Thibault",
           "Margaux"],
    "es": ["Alejandro", "Lucía", "Javier", "Carmen", "Rodrigo", "Marta", "Sergio", "Paula", "Andrés", "Inés"],
    "pt": ["João", "Beatriz", "Rafael", "Mariana", "Tiago", "Luana", "Gustavo", "Fernanda", "Rui", "Helena"],
    "ru": ["Dmitry", "Yelena", "Sergei", "Anastasia", "Pavel", "Irina", "Nikolai", "Olga", "Andrei", "Vera"],
    "in": ["Rahul", "Priya", "Vikram", "Ananya", "Sanjay", "Kavita", "Arjun", "Meera", "Rohan", "Sunita"],
    "ar": ["Omar", "Layla", "Khaled", "Rania", "Yusuf", "Nadia", "Tariq", "Samira", "Hassan", "Dina"],
    "ja": ["Haruto", "Yui", "Kenji", "Aiko", "Takeshi", "Naomi", "Ryo", "Emi", "Daiki", "Sakura"],
}
LAST = {
    "en": ["Whitfield", "Barrow", "Castellano", "Hendricks", "Moreland", "Ashby", "Pruitt", "Galloway",
           "Lindqvist", "Okafor", "Brennan", "Sutter", "Delacroix", "Fairbanks", "Kowalczyk", "Marsh", "Holloway",
           "Petrakis", "Quinlan", "Radcliffe"],
    "ko": ["Kim", "Park", "Lee", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin"],
    "de": ["Brandt", "Kessler", "Vogt", "Hartmann", "Lindner", "Roth", "Baumann", "Seidel", "Krüger", "Albers"],
    "fr": ["Lefebvre", "Moreau", "Girard", "Fontaine", "Rousseau", "Chevalier", "Marchand", "Dubois", "Garnier",
           "Lemaire"],
    "es": ["Herrera", "Castillo", "Navarro", "Ortega", "Rubio", "Medina", "Vidal", "Serrano", "Molina", "Prieto"],
    "pt": ["Ferreira", "Carvalho", "Almeida", "Ribeiro", "Moura", "Teixeira", "Batista", "Pinheiro", "Cardoso",
           "Lopes"],
    "ru": ["Volkov", "Sokolova", "Morozov", "Lebedeva", "Kozlov", "Novikova", "Orlov", "Zaitseva", "Belov",
           "Gromova"],
    "in": ["Sharma", "Iyer", "Reddy", "Mehta", "Chatterjee", "Nair", "Bhatt", "Kulkarni", "Saxena", "Menon"],
    "ar": ["Haddad", "Mansour", "Khalil", "Nasser", "Saleh", "Aziz", "Hamdan", "Farouk", "Rahimi", "Qasim"],
    "ja": ["Tanaka", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Sato", "Ishikawa", "Fujita", "Mori",
           "Ogawa"],
}

# (city, country, US-style region or "", agencies whose home this is)
PLACES = [
    ("SEOUL", "South Korea", "", "yonhap"), ("BUSAN", "South Korea", "", "yonhap"),
    ("INCHEON", "South Korea", "", "yonhap"), ("TOKYO", "Japan", "", ""), ("OSAKA", "Japan", "", ""),
    ("BEIJING", "China", "", ""), ("SHANGHAI", "China", "", ""), ("HONG KONG", "China", "", ""),
    ("SINGAPORE", "Singapore", "", ""), ("JAKARTA", "Indonesia", "", ""), ("MANILA", "Philippines", "", ""),
    ("NEW DELHI", "India", "", "ani"), ("MUMBAI", "India", "", "ani"), ("SRINAGAR", "India", "", "ani"),
    ("BENGALURU", "India", "", "ani"), ("MOSCOW", "Russia", "", "tass"), ("ST. PETERSBURG", "Russia", "", "tass"),
    ("KAZAN", "Russia", "", "tass"), ("BERLIN", "Germany", "", "dpa"), ("HAMBURG", "Germany", "", "dpa"),
    ("MUNICH", "Germany", "", "dpa"), ("PARIS", "France", "", "afp"), ("LYON", "France", "", "afp"),
    ("MARSEILLE", "France", "", "afp"), ("MADRID", "Spain", "", "efe"), ("BARCELONA", "Spain", "", "efe"),
    ("BOGOTA", "Colombia", "", "efe"), ("MEXICO CITY", "Mexico", "", "efe"), ("LONDON", "Britain", "", ""),
    ("BRUSSELS", "Belgium", "", ""), ("GENEVA", "Switzerland", "", ""), ("ROME", "Italy", "", ""),
    ("WARSAW", "Poland", "", ""), ("KYIV", "Ukraine", "", ""), ("ISTANBUL", "Turkey", "", ""),
    ("CAIRO", "Egypt", "", ""), ("NAIROBI", "Kenya", "", ""), ("LAGOS", "Nigeria", "", ""),
    ("JOHANNESBURG", "South Africa", "", ""), ("DUBAI", "United Arab Emirates", "", ""),
    ("SAO PAULO", "Brazil", "", ""), ("BUENOS AIRES", "Argentina", "", ""), ("LIMA", "Peru", "", ""),
    ("SYDNEY", "Australia", "", ""), ("WELLINGTON", "New Zealand", "", ""), ("OTTAWA", "Canada", "", ""),
    ("WASHINGTON", "United States", "", "ap"), ("NEW YORK", "United States", "", "ap"),
    ("CHICAGO", "United States", "", "ap"), ("HAYWARD", "United States", "Calif.", "ap"),
    ("TALLAHASSEE", "United States", "Fla.", "ap"), ("PHOENIX", "United States", "", "ap"),
    ("BATON ROUGE", "United States", "La.", "ap"), ("SPOKANE", "United States", "Wash.", "ap"),
    ("ALBANY", "United States", "N.Y.", "ap"), ("AUSTIN", "United States", "Texas", "ap"),
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
MONTHS_EN_SHORT = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MONTHS_ES_SHORT = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
MONTHS_PT_SHORT = ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"]
MONTHS_RU_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                 "октября", "ноября", "декабря"]

COMPANY_ROOT = ["Norvale", "Kestrel", "Hanbit", "Sorento", "Aldermoor", "Veltro", "Brightwater", "Castellan",
                "Daeyang", "Ironbark", "Lumeno", "Marisol", "Northgate", "Orinoco", "Pellucid", "Quillon",
                "Redfern", "Sakura Heavy", "Tavira", "Umbra", "Vantor", "Westmark", "Yelverton", "Zephyrine"]
COMPANY_SECTOR = [("Motors", "carmaker"), ("Semiconductor", "chipmaker"), ("Energy", "energy group"),
                  ("Pharmaceuticals", "drugmaker"), ("Airlines", "airline"), ("Bank", "lender"),
                  ("Telecom", "telecoms operator"), ("Steel", "steelmaker"), ("Foods", "food producer"),
                  ("Logistics", "shipping and logistics firm"), ("Retail", "retailer"),
                  ("Software", "software maker"), ("Mining", "miner"), ("Insurance", "insurer")]
PRODUCTS = ["electric SUV", "memory chip", "battery cell", "cloud platform", "weight-loss drug", "budget airline",
            "5G network", "offshore wind farm", "payments app", "cholesterol pill", "chip packaging plant"]
PARTIES = ["Democratic Alliance", "People's Renewal Party", "National Unity bloc", "Green Left", "Liberal Forum",
           "Civic Platform", "Labour Movement", "Conservative Union", "Progressive Front", "Reform Party"]
ROOT_WORDS = ["River", "Harbor", "Summit", "Valley", "Meridian", "Northern", "Coastal", "Highland", "Union",
              "Central", "Eastern", "Atlantic"]
TEAM_SUFFIX = ["United", "Rovers", "Athletic", "City", "Wanderers", "Albion", "FC", "Rangers", "Olympic",
               "Sporting"]
TEAM_TOWNS = ["Ashford", "Belmonte", "Carrow", "Dunmore", "Eastleigh", "Fairport", "Glenmoor", "Hollis",
              "Kingsbridge", "Lowestead", "Marbury", "Northam", "Oakhurst", "Porthaven", "Redcliffe", "Stanmore",
              "Thornbury", "Westbury"]
ARMED_GROUPS = ["the Northern Liberation Front", "the Coastal Brigades", "the Free Highlands Movement",
                "the Eastern Defence Units", "the Valley Militia"]
DISEASES = ["measles", "dengue fever", "cholera", "bird flu", "mpox", "tuberculosis", "a new COVID-19 variant",
            "malaria", "whooping cough"]
STORM_NAMES = ["Aurelia", "Bartholomew", "Celeste", "Dorian", "Esmeralda", "Fabian", "Greta", "Horace",
               "Imelda", "Jasper"]
FILM_ADJ = ["Silent", "Last", "Hollow", "Golden", "Broken", "Distant", "Burning", "Quiet", "Crimson", "Endless"]
FILM_NOUN = ["Harbor", "Orchard", "Winter", "Letters", "Mountain", "Tide", "Garden", "Station", "Season",
             "Bridge"]
INSTITUTES = ["the Institute for Advanced Materials", "Northfield University", "the National Space Agency",
              "the Coastal Research Centre", "the Institute of Marine Biology", "Eastbrook Polytechnic",
              "the Centre for Climate Studies", "the National Cancer Institute"]
JOURNALS = ["Nature", "Science", "The Lancet", "Cell", "the New England Journal of Medicine",
            "Geophysical Research Letters", "Nature Climate Change"]
AGGREGATOR_OUTLETS = ["Korea Daily Wire", "The Pacific Ledger", "Global Briefing", "The Morning Dispatch"]

# Top-level IPTC Media Topics used for `subjects`; the lexicons of the topic tagger should find the
# same vocabulary in the bodies.
MEDTOP = {
    "politics": ("11000000", "politics"), "economy": ("04000000", "economy, business and finance"),
    "markets": ("04000000", "economy, business and finance"), "results": ("04000000",
                                                                        "economy, business and finance"),
    "football": ("15000000", "sport"), "tennis": ("15000000", "sport"), "athletics": ("15000000", "sport"),
    "science": ("13000000", "science and technology"), "tech": ("13000000", "science and technology"),
    "health": ("07000000", "health"), "disaster": ("03000000", "disaster, accident and emergency incident"),
    "crime": ("02000000", "crime, law and justice"), "conflict": ("16000000", "conflict, war and peace"),
    "environment": ("06000000", "environment"), "culture": ("01000000", "arts, culture, entertainment and media"),
    "weather": ("17000000", "weather"), "labour": ("09000000", "labour"),
}


def _pick(rng, seq):
    """rng.choice without its rejection sampling: about three times faster, which the corpus needs."""
    return seq[int(rng.random() * len(seq))]


def _name(rng, culture):
    if culture == "ko":  # family name first, as the wires print Korean names
        return f"{_pick(rng, LAST['ko'])} {_pick(rng, FIRST['ko'])}"
    return f"{_pick(rng, FIRST[culture])} {_pick(rng, LAST[culture])}"


def culture_of(country):
    return {"South Korea": "ko", "Japan": "ja", "India": "in", "Russia": "ru", "Germany": "de", "France": "fr",
            "Spain": "es", "Colombia": "es", "Mexico": "es", "Argentina": "es", "Peru": "es", "Brazil": "pt",
            "Egypt": "ar", "United Arab Emirates": "ar", "Turkey": "ar"}.get(country, "en")


def money(rng, lo, hi, unit="billion"):
    return f"${rng.uniform(lo, hi):.1f} {unit}"


def make_facts(rng, place):
    """Everything a template may mention, drawn once per story so the story stays consistent."""
    city, country, region, _ = place
    cul = culture_of(country)
    f = {}
    f["city"] = city.title() if city not in ("SAO PAULO",) else "Sao Paulo"
    the = country in ("United States", "United Arab Emirates", "Philippines")
    f["country"] = ("the " if the else "") + country
    f["Country"] = ("The " if the else "") + country
    f["countrys"] = f["country"] + ("'" if country.endswith("s") else "'s")
    f["Countrys"] = f["Country"] + ("'" if country.endswith("s") else "'s")
    f["region"] = region or country
    for i in range(1, 5):
        c = cul if rng.random() < 0.7 else _pick(rng, list(FIRST))
        n = _name(rng, c)
        f[f"p{i}"] = n
        f[f"p{i}_last"] = n.split()[-1] if c != "ko" else n.split()[0]
    company_root = _pick(rng, COMPANY_ROOT)
    sector = _pick(rng, COMPANY_SECTOR)
    f["company"] = f"{company_root} {sector[0]}"
    f["company_short"] = company_root
    f["company_kind"] = sector[1]
    rival = _pick(rng, [c for c in COMPANY_ROOT if c != company_root])
    f["rival"] = f"{rival} {_pick(rng, COMPANY_SECTOR)[0]}"
    f["product"] = _pick(rng, PRODUCTS)
    f["party1"], f["party2"] = rng.sample(PARTIES, 2)
    f["org"] = _pick(rng, ["the interior ministry", "the central bank", "the finance ministry",
                           "the electoral commission", "the health ministry", "the national assembly",
                           "the supreme court", "the transport ministry", "the foreign ministry"])
    f["n_small"] = rng.randint(2, 19)
    f["n_small2"] = rng.randint(3, 40)
    f["n_med"] = rng.randint(40, 950)
    f["n_big"] = f"{rng.randint(1, 98)},{rng.randint(0, 999):03d}"
    f["pct"] = f"{rng.uniform(0.2, 9.8):.1f}"
    f["pct2"] = f"{rng.uniform(0.1, 4.9):.1f}"
    f["pct_big"] = rng.randint(18, 86)
    f["nth"] = _pick(rng, ["third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "10th", "12th"])
    f["bp"] = _pick(rng, [25, 50, 75])
    f["rate"] = f"{rng.uniform(1.0, 7.5):.2f}"
    f["money"] = money(rng, 1.1, 48.0)
    f["money_m"] = money(rng, 12, 900, "million")
    f["year"] = _pick(rng, [2024, 2025, 2026, 2027, 2028, 2030])
    f["weekday"] = _pick(rng, WEEKDAYS)
    f["weekday2"] = _pick(rng, WEEKDAYS)
    f["quarter"] = _pick(rng, ["first", "second", "third", "fourth"])
    f["index"] = _pick(rng, ["the benchmark index", "the blue-chip index", "the broader market index",
                             "the tech-heavy index"])
    f["currency"] = _pick(rng, ["won", "yen", "euro", "rupee", "peso", "rand", "lira", "real"])
    towns = rng.sample(TEAM_TOWNS, 2)
    f["team1"] = f"{towns[0]} {_pick(rng, TEAM_SUFFIX)}"
    f["team2"] = f"{towns[1]} {_pick(rng, TEAM_SUFFIX)}"
    f["score1"], f["score2"] = rng.randint(1, 4), rng.randint(0, 2)
    f["minute"] = rng.randint(8, 89)
    f["minute2"] = rng.randint(46, 90)
    f["league"] = _pick(rng, ["the Premier Division", "the national league", "the championship",
                              "the continental cup", "the top flight"])
    f["tournament"] = f"{_pick(rng, ['Harbor', 'Summit', 'Riviera', 'Capital', 'Lakeside'])} Open"
    f["sets"] = _pick(rng, ["6-4 6-3", "7-6(4) 6-2", "6-3 3-6 7-5", "6-2 6-1", "4-6 6-4 6-4",
                            "7-5 6-7(3) 6-4"])
    f["seed"] = rng.randint(2, 16)
    f["time"] = f"{rng.randint(9, 10)}.{rng.randint(50, 99):02d}"
    f["magnitude"] = f"{rng.uniform(4.8, 7.9):.1f}"
    f["depth"] = rng.randint(8, 120)
    f["km"] = rng.randint(12, 240)
    f["river"] = _pick(rng, ["the Arno", "the Kura", "the Sava", "the Lune", "the Mekong delta",
                             "the Ebro", "the Drava"])
    f["province"] = _pick(rng, ["the northern province", "the eastern region", "the southern coast",
                                "the central highlands", "the western districts"])
    f["storm"] = _pick(rng, STORM_NAMES)
    f["kmh"] = rng.randint(90, 240)
    f["temp"] = rng.randint(38, 47)
    f["mm"] = rng.randint(90, 420)
    f["disease"] = _pick(rng, DISEASES)
    f["hospital"] = f"{_pick(rng, ROOT_WORDS)} General Hospital"
    f["institute"] = _pick(rng, INSTITUTES)
    f["journal"] = _pick(rng, JOURNALS)
    f["group"] = _pick(rng, ARMED_GROUPS)
    f["Group"] = f["group"][0].upper() + f["group"][1:]
    f["film"] = f"The {_pick(rng, FILM_ADJ)} {_pick(rng, FILM_NOUN)}"
    f["festival"] = f"{_pick(rng, ['Lakeside', 'Northern Lights', 'Harbor', 'Riviera', 'Capital'])} Film Festival"
    f["museum"] = f"{_pick(rng, ROOT_WORDS)} Museum of Art"
    f["union"] = _pick(rng, ["the transport workers' union", "the teachers' union", "the nurses' union",
                             "the dockworkers' union", "the metalworkers' union"])
    f["age"] = rng.randint(19, 81)
    f["years"] = rng.randint(2, 25)
    return f


# ---------------------------------------------------------------------------------------------
# English sentence templates per topic. A story takes a lead, then body sentences without
# repetition, with quotes and background mixed in. Slot names are the keys of make_facts().
# ---------------------------------------------------------------------------------------------

EN = {
    "politics": {
        "lead": [
            "{Countrys} parliament voted {weekday} to approve a contested electoral reform, handing a narrow "
            "victory to the governing {party1} after weeks of street protests.",
            "Opposition lawmakers walked out of the national assembly on {weekday} as the government of "
            "President {p1} pushed through a budget that cuts regional spending by {pct} percent.",
            "{Countrys} prime minister {p1} survived a no-confidence vote on {weekday}, winning the support "
            "of {n_med} legislators after the {party2} split over the motion.",
            "Voters in {country} head to the polls on {weekday2} in a snap election that opinion surveys say "
            "the {party1} is on course to win by a wide margin.",
        ],
        "body": [
            "01|The bill passed by {n_med} votes to {n_small2} after a debate that ran past midnight.",
            "0|Critics say the reform will redraw constituency boundaries in favour of the ruling coalition.",
            "01|The {party2} said it would challenge the result before the constitutional court.",
            "3|Turnout in the last election was {pct} percent lower than in the previous ballot.",
            "012|{p2}, who leads the {party2}, called the vote \"a dark day for our democracy\".",
            "01|Police estimated that about {n_big} people marched through central {city} on {weekday2}.",
            "2|The cabinet reshuffle brought in a new finance minister and a new minister of the interior.",
            "Coalition partners have clashed repeatedly over pension reform and the minimum wage.",
            "01|Under the constitution, the president must sign the law within {n_small2} days or return it to "
            "parliament.",
            "23|The government has lost {n_small} by-elections since the start of the legislative term.",
            "Diplomats in {city} said the outcome could delay talks on a trade agreement with neighbouring "
            "states.",
            "A poll published on {weekday2} put support for the governing coalition at {n_small2} percent.",
            "3|Election observers from {n_small} countries will monitor polling stations across the country.",
            "01|The senate is expected to take up the measure when it reconvenes after the recess.",
        ],
    },
    "economy": {
        "lead": [
            "{Countrys} central bank raised its key interest rate by {bp} basis points to {rate} percent on "
            "{weekday}, saying inflation remained stubbornly above its target.",
            "{Countrys} economy grew {pct2} percent in the {quarter} quarter from the previous three months, "
            "official data showed on {weekday}, beating economists' forecasts.",
            "Consumer prices in {country} rose {pct} percent in the year to last month, the statistics office "
            "said on {weekday}, the fastest pace of inflation in {n_small} months.",
            "{Countrys} government unveiled a {money} stimulus package on {weekday} to support exporters "
            "hit by weak demand and a strong {currency}.",
        ],
        "body": [
            "1|Economists polled beforehand had expected growth of {pct2} percent.",
            "12|The unemployment rate fell to {pct} percent, its lowest level in {years} years.",
            "13|Exports, which account for nearly half of the economy, dropped {pct} percent from a year earlier.",
            "02|The central bank's governor, {p2}, said policymakers would act decisively if price pressures "
            "persisted.",
            "02|Household spending has been squeezed by higher mortgage payments and rising food and energy costs.",
            "13|The finance ministry forecast the budget deficit would narrow to {pct2} percent of gross domestic "
            "product next year.",
            "1|Business investment rose for the {quarter} straight quarter, led by spending on factories and "
            "equipment.",
            "013|The {currency} weakened {pct2} percent against the dollar after the announcement.",
            "13|The trade surplus widened to {money}, helped by shipments of cars and semiconductors.",
            "12|Analysts at a local brokerage said the data reduced the chance of a recession this year.",
            "02|Inflation expectations among households edged down for a {nth} consecutive month.",
            "3|The government plans to raise the value-added tax from next year to fund pension spending.",
            "02|Wage growth averaged {pct} percent, outpacing inflation for the first time in two years.",
        ],
    },
    "markets": {
        "lead": [
            "Stocks in {city} fell {pct2} percent on {weekday} as investors dumped technology shares after "
            "weaker-than-expected earnings and rising bond yields.",
            "Oil prices jumped more than {pct2} percent on {weekday} after producers signalled they would "
            "extend output cuts, tightening supply into the winter.",
            "{index} in {city} closed at a record high on {weekday}, lifted by banks and energy companies as "
            "bets on lower interest rates grew.",
            "Gold climbed to a two-month high on {weekday} as a softer dollar and geopolitical worries sent "
            "investors looking for safe havens.",
        ],
        "body": [
            "1|Brent crude futures rose {pct2} percent to settle at ${n_med}.{n_small2} a barrel.",
            "02|Shares of {company} slid {pct} percent, the biggest decliner on the index.",
            "023|The yield on the benchmark 10-year government bond rose {n_small} basis points.",
            "Trading volume was thin ahead of a public holiday and the release of jobs data on {weekday2}.",
            "0|Foreign investors were net sellers of local equities for a {nth} consecutive session.",
            "3|Spot gold was up {pct2} percent at ${n_med}.{n_small2} an ounce by late afternoon.",
            "13|The dollar index, which tracks the greenback against six major currencies, fell {pct2} percent.",
            "23|Futures markets are pricing in {n_small} rate cuts before the end of the year.",
            "\"The market is running ahead of the fundamentals,\" said {p2}, chief strategist at a fund manager "
            "in {city}.",
            "2|Bank shares gained on expectations of fatter lending margins.",
            "01|Copper, seen as a bellwether for the global economy, slipped to a three-week low.",
            "0|Volatility rose sharply in the final hour of trading as options contracts expired.",
        ],
    },
    "football": {
        "lead": [
            "{team1} beat {team2} {score1}-{score2} on {weekday} to move top of {league}, with {p1} scoring "
            "twice in the second half.",
            "{team2} were held to a {score2}-{score2} draw by {team1} on {weekday}, a result that leaves their "
            "title hopes hanging by a thread.",
            "{team1} sacked coach {p1} on {weekday} after a run of {n_small} matches without a win left the "
            "club just above the relegation zone.",
        ],
        "body": [
            "01|{p2} opened the scoring in the {minute}th minute with a low shot into the far corner.",
            "01|The visitors had a goal ruled out for offside after a lengthy video review.",
            "01|Goalkeeper {p3} made a string of saves to keep his side in the match.",
            "0|The striker has now scored {n_small2} goals in all competitions this season.",
            "01|A crowd of {n_big} packed the stadium despite heavy rain before kickoff.",
            "01|{team2} finished with 10 men after their captain was shown a second yellow card in the "
            "{minute2}th minute.",
            "0|The defeat was their {nth} in a row away from home.",
            "0|\"We controlled the game and deserved the three points,\" the coach told reporters after the match.",
            "The club confirmed that the midfielder would miss the next month with a hamstring injury.",
            "{team1} host the league leaders next weekend before a cup quarter-final.",
            "01|The penalty was awarded after a handball in the area and converted by {p4}.",
            "12|Supporters chanted against the board throughout the second half.",
        ],
    },
    "tennis": {
        "lead": [
            "{p1} beat {p2} {sets} to reach the final of the {tournament} on {weekday}, extending her winning "
            "streak to {n_small2} matches.",
            "Top seed {p1} was knocked out of the {tournament} in the second round on {weekday}, losing "
            "{sets} to world number {n_med} {p2}.",
            "{p1} won the {tournament} title on {weekday}, saving {n_small} break points in a tense final "
            "against {p2}.",
        ],
        "body": [
            "The {age}-year-old served {n_small2} aces and won {pct_big} percent of points on her first serve.",
            "Rain interrupted play for more than an hour at the start of the third set.",
            "02|{p2}, seeded {seed}, had not dropped a set all week before the match.",
            "2|The title is the {nth} of her career on the main tour and her first on clay.",
            "\"I just tried to stay aggressive and take my chances,\" {p1_last} said in her on-court interview.",
            "02|The win lifts her into the top {n_small2} of the world rankings for the first time.",
            "She broke serve in the opening game of the deciding set and never looked back.",
            "Her opponent received treatment on a shoulder injury during the changeover.",
            "The tournament, played on hard courts, is a warm-up event for the next Grand Slam.",
            "02|{p3}, her coach since last season, has rebuilt her forehand and her second serve.",
        ],
    },
    "athletics": {
        "lead": [
            "{p1} ran the 100 metres in {time} seconds in {city} on {weekday}, the fastest time in the world "
            "this year and a national record.",
            "{p1} broke the world indoor record in the women's pole vault on {weekday}, clearing 5.{n_small2} "
            "metres at a meeting in {city}.",
        ],
        "body": [
            "The {age}-year-old finished ahead of {p2} and {p3}.",
            "0|A tailwind of 1.{n_small} metres per second was within the legal limit.",
            "Her previous best had stood for {years} years.",
            "\"I knew the form was there, I just needed a clean race,\" {p1_last} said.",
            "The meeting is part of the world indoor tour, which offers prize money and ranking points.",
            "Organisers said {n_big} spectators watched the evening session.",
            "0|The sprinter missed most of last season with a torn hamstring.",
            "The national federation said the result would be submitted for ratification.",
            "1|The vaulter switched to longer poles this season on the advice of her coach, {p4}.",
        ],
    },
    "tech": {
        "lead": [
            "{company} unveiled a new {product} on {weekday}, betting that cheaper hardware and longer battery "
            "life will win back customers from {rival}.",
            "{company} said on {weekday} it would invest {money} in a new chip factory in {country}, creating "
            "about {n_big} jobs by {year}.",
            "Hackers stole the personal data of about {n_big} customers of {company}, the company said on "
            "{weekday}, in one of the largest breaches in {country} this year.",
            "Regulators in {city} opened an antitrust investigation into {company} on {weekday} over the way "
            "it ranks rival services in its app store.",
        ],
        "body": [
            "0|The company said the artificial intelligence features would run on the device rather than in the "
            "cloud.",
            "01|Shares of {company} rose {pct} percent in early trading after the announcement.",
            "1|The plant will produce advanced chips using a {n_small}-nanometre process.",
            "2|Cybersecurity experts said the attackers exploited a flaw in an outdated server.",
            "2|The data included names, phone numbers and encrypted passwords, but not payment card details.",
            "1|{p2}, the chief executive, said the company expected demand for data centres to keep growing.",
            "23|The regulator can impose fines of up to {pct} percent of annual turnover.",
            "0|Smartphone shipments fell {pct2} percent last year as consumers held on to their devices longer.",
            "0|The software update will be rolled out to users in {n_small2} countries over the coming weeks.",
            "0|Analysts said the pricing undercut rival models by roughly a fifth.",
            "03|The company has been hiring engineers to build large language models for its search engine.",
            "2|Police said they had arrested {n_small} suspects in connection with the ransomware attack.",
        ],
    },
    "science": {
        "lead": [
            "Scientists at {institute} said on {weekday} they had found evidence of water ice beneath the "
            "surface of an asteroid, a discovery that could reshape theories about the early solar system.",
            "Researchers writing in {journal} said they had identified a gene variant that protects carriers "
            "against a common form of heart disease.",
            "A spacecraft launched by {countrys} space agency entered lunar orbit on {weekday}, putting the "
            "country on track for its first robotic landing on the moon.",
        ],
        "body": [
            "1|The study followed {n_big} volunteers over {years} years.",
            "2|The probe will spend {n_small2} months mapping the surface before attempting to land.",
            "01|{p2}, the study's lead author, said the findings needed to be confirmed in larger trials.",
            "0|The telescope detected the signal in data gathered over {n_med} nights of observations.",
            "01|The research was funded by a government grant and published after peer review.",
            "02|Samples collected by the mission will be returned to Earth in {year} for analysis.",
            "01|Other scientists not involved in the work called the results intriguing but preliminary.",
            "0|The team used a particle accelerator to study the crystal structure of the material.",
            "2|The rocket lifted off from a coastal launch site shortly after dawn.",
            "2|If the landing succeeds, {country} would become the {nth} country to put a spacecraft on the moon.",
            "1|People carrying the variant had {pct_big} percent fewer heart attacks than non-carriers.",
        ],
    },
    "health": {
        "lead": [
            "Health authorities in {country} reported {n_med} new cases of {disease} on {weekday}, urging "
            "parents to make sure their children are vaccinated.",
            "{Countrys} health ministry approved a new drug for obesity on {weekday}, clearing the way for "
            "a treatment that patients have struggled to obtain.",
            "Hospitals in {city} postponed thousands of operations on {weekday} as junior doctors began a "
            "{n_small}-day strike over pay and working hours.",
        ],
        "body": [
            "0|The outbreak has infected {n_big} people since the start of the year and killed {n_small2}.",
            "0|Vaccination rates among young children have fallen to {pct_big} percent, below the level needed to "
            "prevent outbreaks.",
            "0|The World Health Organization said the risk to the general public remained low.",
            "02|{p2}, a doctor at {hospital}, said wards were full and patients were waiting in corridors.",
            "1|The drug was shown in clinical trials to reduce body weight by about {n_small2} percent.",
            "0|Health officials are tracing contacts of the infected patients and testing wastewater.",
            "0|The ministry said it had sent {n_big} doses of vaccine to the worst-hit regions.",
            "0|Symptoms include high fever, a rash and severe dehydration.",
            "1|Patients' groups said the price of the treatment would put it out of reach for many.",
            "02|Hospital admissions for respiratory illness rose {pct} percent last week.",
            "1|The treatment is given as a weekly injection and has to be taken long term.",
            "1|Regulators said the most common side effects were nausea and diarrhoea.",
            "1|Public insurers will cover the cost only for patients with severe obesity or diabetes.",
            "2|The doctors' association is demanding a pay rise of {n_small2} percent.",
            "2|Emergency care and cancer treatment will continue during the walkout, the health ministry said.",
            "2|{p3}, a junior doctor, said many colleagues were working 70-hour weeks.",
        ],
    },
    "disaster": {
        "lead": [
            "A magnitude {magnitude} earthquake struck off the coast of {country} on {weekday}, killing at "
            "least {n_small2} people and damaging hundreds of buildings, officials said.",
            "Floods triggered by days of torrential rain killed at least {n_small2} people in {province} of "
            "{Country} and forced {n_big} to leave their homes, authorities said on {weekday}.",
            "A wildfire fanned by strong winds has burned more than {n_big} hectares near {city}, forcing the "
            "evacuation of several villages, firefighters said on {weekday}.",
            "At least {n_small2} people were killed when a passenger train derailed near {city} on {weekday}, "
            "the transport ministry said.",
        ],
        "body": [
            "0|The quake struck at a depth of {depth} km, according to the geological survey.",
            "0|Rescue workers were searching collapsed buildings for survivors through the night.",
            "1|Water levels in {river} rose above danger marks at several points.",
            "1|Some {mm} mm of rain fell in 24 hours, more than the usual total for the whole month.",
            "Emergency services said {n_med} people had been treated in hospital for injuries.",
            "01|Power was cut to about {n_big} homes and several roads were blocked by landslides.",
            "2|{n_med} firefighters backed by water-bombing aircraft battled the flames.",
            "0|No tsunami warning was issued, but residents in coastal areas were told to stay alert.",
            "012|The government declared a state of emergency in {n_small} districts.",
            "1|Television footage showed cars swept along flooded streets and families sheltering on rooftops.",
            "3|Investigators are examining the signalling system and the condition of the track.",
            "0|Aftershocks continued to rattle the area, the strongest measuring 5.{n_small}.",
            "3|The train was carrying about {n_med} passengers when several carriages left the tracks.",
            "3|Cranes were brought in to lift the overturned carriages.",
            "2|Hot, dry weather and gusts of up to {kmh} km/h hampered efforts to contain the blaze.",
            "2|Police said they were investigating whether the fire had been started deliberately.",
        ],
    },
    "crime": {
        "lead": [
            "A court in {city} sentenced a former mayor to {n_small} years in prison on {weekday} for taking "
            "bribes in exchange for construction contracts.",
            "Police in {city} arrested {n_small2} people on {weekday} in raids targeting a gang suspected of "
            "smuggling cocaine hidden in fruit shipments.",
            "A jury in {city} found a {age}-year-old man guilty of murder on {weekday} over a stabbing outside "
            "a nightclub last year.",
        ],
        "body": [
            "0|Prosecutors said the scheme had cost taxpayers about {money_m}.",
            "1|Officers seized {n_med} kg of cocaine, firearms and large amounts of cash.",
            "02|The defendant denied the charges and his lawyer said he would appeal.",
            "2|The judge said the crime had caused \"immense and lasting harm\" to the victim's family.",
            "01|Investigators used wiretaps and financial records gathered over {n_small2} months.",
            "02|The trial heard evidence from {n_small2} witnesses over {n_small} weeks.",
            "1|Police said the suspects were believed to be members of an international trafficking network.",
            "0|The former official was also banned from holding public office for {years} years.",
            "1|A police spokesperson said further arrests were possible.",
            "2|Sentencing is scheduled for next month.",
        ],
    },
    "conflict": {
        "lead": [
            "Fighting between government troops and {group} killed at least {n_small2} people in {province} "
            "of {country} on {weekday}, local officials said.",
            "Drone strikes hit energy facilities in several regions overnight, cutting power to {n_big} homes, "
            "officials said on {weekday}.",
            "Negotiators from both sides agreed on {weekday} to a {n_small}-day ceasefire to allow the "
            "evacuation of civilians and the delivery of aid.",
        ],
        "body": [
            "0|The army said it had repelled an attack on a military base and killed dozens of fighters.",
            "02|Aid agencies said {n_big} people had fled the fighting in the past week.",
            "The United Nations called on all parties to protect civilians and allow humanitarian access.",
            "01|The claims could not be independently verified.",
            "1|Air defence units shot down {n_small2} of the {n_small2} drones launched, the military said.",
            "0|{Group} said in a statement that its fighters had captured {n_small} villages.",
            "2|The ceasefire was brokered with the help of regional mediators meeting in {city}.",
            "2|Previous truces have collapsed within days amid mutual accusations of violations.",
            "01|Hospitals in the area were short of blood supplies and fuel for generators.",
            "02|The defence ministry said soldiers were clearing mines from roads near the front line.",
        ],
    },
    "environment": {
        "lead": [
            "Global temperatures last month were the highest on record for the time of year, climate scientists "
            "said on {weekday}, extending a run of record heat.",
            "{Country} pledged on {weekday} to phase out coal-fired power by {year} and to triple renewable "
            "energy capacity, in a plan welcomed by environmental groups.",
            "Deforestation in the rainforest fell {pct_big} percent in the past year, satellite data released on "
            "{weekday} showed, the lowest level in {years} years.",
        ],
        "body": [
            "1|Carbon dioxide emissions from the power sector fell {pct} percent last year.",
            "0|Sea surface temperatures have been unusually high, fuelling coral bleaching.",
            "1|Environmental groups said the targets did not go far enough to meet the goals of the Paris "
            "Agreement.",
            "1|The government will auction licences for {n_small2} gigawatts of offshore wind capacity.",
            "02|{p2}, a climate scientist at {institute}, said the trend was consistent with a warming planet.",
            "2|Illegal logging and cattle ranching remain the main drivers of forest loss.",
            "1|The plan includes subsidies for heat pumps, electric vehicles and home insulation.",
            "1|Air pollution in {city} reached hazardous levels for the {nth} day in a row.",
            "2|Biodiversity experts warned that {n_med} species of plants and animals face extinction.",
            "01|Methane leaks from oil and gas facilities were detected by satellites over the region.",
        ],
    },
    "culture": {
        "lead": [
            "\"{film}\", a drama by director {p1}, won the top prize at the {festival} on {weekday}, beating "
            "{n_small2} films in the main competition.",
            "The {museum} in {city} reopened on {weekday} after a {years}-year renovation, unveiling a new wing "
            "dedicated to contemporary art.",
            "A painting by a little-known 19th-century artist sold for {money_m} at an auction in {city} on "
            "{weekday}, several times its estimate.",
        ],
        "body": [
            "0|The film follows a family of fishermen whose village is threatened by a new port.",
            "0|The jury praised the performances of the cast and the film's cinematography.",
            "1|The museum expects to welcome {n_big} visitors in its first year after reopening.",
            "1|The exhibition brings together {n_med} works loaned from collections around the world.",
            "1|{p2}, the museum's director, said the renovation cost {money_m}.",
            "0|The best actor award went to {p3} for his role as a disgraced police officer.",
            "0|The novel on which the film is based has been translated into {n_small2} languages.",
            "2|Bidding lasted more than {n_small2} minutes as several collectors competed by telephone.",
            "2|The auction house said the buyer, who bid by telephone, wished to remain anonymous.",
            "2|The canvas had hung for decades in a private collection and was rediscovered during a house clearance.",
            "2|Experts authenticated the work using pigment analysis and X-ray imaging.",
        ],
    },
    "weather": {
        "lead": [
            "Storm {storm} swept across {country} on {weekday} with winds of up to {kmh} km/h, uprooting trees, "
            "cutting power and disrupting flights, authorities said.",
            "Temperatures climbed to {temp} degrees Celsius in {city} on {weekday} as a heatwave tightened its "
            "grip, prompting authorities to issue a red alert.",
            "Heavy snow blanketed {city} on {weekday}, closing schools and stranding motorists on highways.",
        ],
        "body": [
            "The national weather service said conditions would remain hazardous until {weekday2}.",
            "02|Airlines cancelled {n_med} flights and rail operators suspended services on several lines.",
            "1|Authorities opened cooling centres and urged elderly people to stay indoors.",
            "0|Forecasters said the storm was expected to weaken as it moved inland.",
            "02|About {n_big} households were without electricity at the height of the storm.",
            "1|The temperature broke the previous record for the month set {years} years ago.",
            "1|Farmers warned that the heat and lack of rain would cut the harvest.",
            "02|Emergency crews worked through the night to clear roads of fallen trees and debris.",
            "1|Meteorologists said climate change was making heatwaves more frequent and more intense.",
            "2|Snowfall of up to {n_small2} centimetres was expected in mountain areas.",
        ],
    },
    "labour": {
        "lead": [
            "Workers represented by {union} walked off the job across {country} on {weekday} in a dispute over "
            "pay, halting public transport and closing ports.",
            "{company} said on {weekday} it would cut {n_big} jobs worldwide as part of a restructuring to "
            "reduce costs by {money}.",
        ],
        "body": [
            "0|The union is demanding a pay rise of {n_small2} percent to compensate for inflation.",
            "0|Employers have offered {n_small} percent over two years.",
            "0|Commuters faced long queues for buses and taxis as metro services were suspended.",
            "0|The labour minister called on both sides to return to the negotiating table.",
            "0|{p2}, the union's general secretary, said members were prepared to stay out indefinitely.",
            "1|The job cuts will fall mainly on administrative and middle-management roles.",
            "0|It is the {nth} national strike this year.",
            "1|The company said affected employees would be offered retraining and severance packages.",
            "1|Shares of {company} rose {pct2} percent as investors welcomed the savings plan.",
            "1|Unions said they would fight any compulsory redundancies.",
            "1|The {company_kind} has struggled with falling demand and rising costs for energy and materials.",
        ],
    },
}
# Business results are produced from one fixed template (see results_story): different companies, different
# figures, the same wording. Lexically close, factually different; they must not be merged as duplicates.
RESULTS_TEMPLATE = [
    "{company}, {countrys} biggest {company_kind}, reported a {pct} percent rise in {quarter}-quarter net profit "
    "on {weekday}, helped by strong demand for its {product} and a weaker {currency}.",
    "Net profit rose to {money} in the three months to the end of the quarter, from {money_m} a year earlier. "
    "Revenue increased {pct2} percent to {money2}.",
    "Analysts had on average expected a profit of {money3}, according to data compiled by a financial "
    "information provider.",
    "The company raised its full-year forecast and said it would buy back up to {n_small2} million of its own "
    "shares.",
    "\"Our results show that the investments we made over the past {n_small} years are paying off,\" chief "
    "executive {p1} said in a statement.",
    "Shares of {company} rose {pct2} percent in morning trade, outperforming the broader market.",
    "The {company_kind} faces stiffer competition from {rival}, which cut its prices earlier this year.",
]

EN_GENERIC = [
    "\"We are doing everything we can, but the situation remains difficult,\" {p2} said on {weekday}.",
    "Officials did not respond to requests for comment.",
    "{p3}, an analyst in {city}, said the outcome had been widely expected.",
    "The announcement came a day after a similar move in a neighbouring country.",
    "Further details are expected to be released in the coming days.",
    "\"This is only the beginning,\" {p3_last} told reporters in {city}.",
    "Local media reported that the decision was taken at an emergency meeting late on {weekday2}.",
    "The issue is expected to dominate talks between ministers next week.",
    "A spokesperson for {org} said the matter was under review.",
    "The figures are provisional and may be revised.",
]

# Sentences that mention an agency without crediting it: credit extraction must skip them.
MENTION_TRAPS = [
    "\"We have no plans to change course,\" {p2} told Reuters in an interview.",
    "A senior official, who spoke on condition of anonymity, told The Associated Press that talks would resume.",
    "According to the AP, at least two other companies were approached.",
    "Reuters could not independently verify the report.",
    "{p3} told AFP that the decision was \"long overdue\".",
    "The figures were first reported by Yonhap News Agency, citing government sources.",
    "The ministry confirmed the numbers to the Associated Press on {weekday2}.",
    "In an interview with Bloomberg Television, {p2} said the company had no plans to sell the unit.",
    "{p4}, speaking to dpa, said the negotiations had been \"tough but fair\".",
    "State news agency TASS quoted the ministry as saying the exercise was routine.",
]

# Compositional background sentences: speaker + verb + clause + time, each slot filled from the story's facts.
# Thousands of combinations keep stories on the same template from sharing long word runs.
COMPOSE_SPEAKER = [
    "{p3}, a senior researcher at {institute},", "{p4}, who advises {org},", "A senior official at {org}",
    "{p3}, a lawyer in {city},", "{p4}, a former adviser to the government,", "An opposition lawmaker",
    "{p3}, who has followed the issue for {years} years,", "A diplomat based in {city}", "{p4}, a local resident,",
    "A person familiar with the matter", "{p3}, head of a business association in {city},",
]
COMPOSE_VERB = ["said", "predicted", "warned", "argued", "suggested", "acknowledged", "estimated", "believed"]
COMPOSE_CLAUSE = [
    "the final bill could reach {money_m}", "{n_small2} more meetings would be needed before a deal",
    "about {pct_big} percent of those surveyed backed the plan", "the decision would be reviewed by {year}",
    "the {nth} round of talks had gone better than the previous ones", "at least {n_small} regions were affected",
    "the figures for {city} were likely to be revised upward", "{n_med} complaints had been filed since {weekday2}",
    "the rules dated back {years} years and needed updating", "the debate would shape the campaign in {year}",
    "officials in {city} had been warned {n_small} times", "demand had fallen {pct2} percent since the spring",
    "the {party2} would try to block the measure", "{company} had been consulted in advance",
    "talks with {countrys} neighbours would resume after {weekday2}",
    "a committee of {n_small2} experts would publish recommendations",
]
COMPOSE_TIME = [" on {weekday}", " in a statement", " in an interview", " last week", "", "", " on Twitter",
                " at a briefing in {city}"]


def _compose(rng, facts, reword):
    sp = _pick(rng, COMPOSE_SPEAKER)
    verb = reword(_pick(rng, COMPOSE_VERB))
    text = f"{sp} {verb}{reword(_pick(rng, COMPOSE_TIME))} that {reword(_pick(rng, COMPOSE_CLAUSE))}."
    return _fill(text, facts)


PROMO_LINES = ["READ MORE: Full coverage of the story", "READ MORE: What we know so far",
               "SEE ALSO: Live updates", "Sign up for our morning newsletter to get the day's top stories.",
               "RELATED: Timeline of key events", "Subscribe for breaking news alerts."]


# ---------------------------------------------------------------------------------------------
# Non-English stories: smaller pools per language, same slot names.
# ---------------------------------------------------------------------------------------------

FOREIGN = {
    "de": [
        {"topic": "politics", "headline": "Bundestag beschließt umstrittene Rentenreform",
         "lead": "Der Bundestag hat am {wd} ein umstrittenes Gesetz zur Reform der Rente beschlossen. Für den "
                 "Entwurf stimmten {n_med} Abgeordnete, {n_small2} votierten dagegen.",
         "body": ["Die Opposition kritisierte das Vorhaben scharf und kündigte eine Klage in Karlsruhe an.",
                  "Die Koalition hatte monatelang über die Details gestritten.",
                  "Das Rentenniveau soll bis {year} bei {pct_big} Prozent des Durchschnittslohns stabil bleiben.",
                  "Arbeitgeberverbände warnten vor steigenden Beiträgen für Beschäftigte und Betriebe.",
                  "Regierungssprecher {p2} sprach von einem „Versprechen an die junge Generation“.",
                  "Der Bundesrat muss dem Gesetz noch zustimmen."]},
        {"topic": "economy", "headline": "Inflation steigt auf {pct} Prozent",
         "lead": "Die Inflation in Deutschland ist im vergangenen Monat auf {pct} Prozent gestiegen, wie das "
                 "Statistische Bundesamt am {wd} mitteilte.",
         "body": ["Ökonomen hatten mit einem Anstieg auf {pct2} Prozent gerechnet.",
                  "Vor allem Lebensmittel und Energie verteuerten sich deutlich.",
                  "Die Europäische Zentralbank strebt mittelfristig eine Teuerungsrate von zwei Prozent an.",
                  "Die Kerninflation ohne Energie und Lebensmittel lag bei {pct2} Prozent.",
                  "Verbraucherschützer forderten eine Entlastung für Haushalte mit geringem Einkommen.",
                  "Die Mieten stiegen im Jahresvergleich um {pct2} Prozent."]},
        {"topic": "football", "headline": "{team1} übernimmt Tabellenführung",
         "lead": "{team1} hat das Spitzenspiel der Bundesliga gegen {team2} mit {score1}:{score2} gewonnen und "
                 "die Tabellenführung übernommen.",
         "body": ["{p2} erzielte in der {minute}. Minute das Führungstor für die Gastgeber.",
                  "Der Trainer lobte nach dem Abpfiff die Moral seiner Mannschaft.",
                  "Im Stadion waren {n_big} Zuschauer.",
                  "Die Gäste vergaben kurz vor der Pause einen Foulelfmeter.",
                  "Torhüter {p3} verhinderte mit mehreren Paraden einen höheren Rückstand.",
                  "Am kommenden Wochenende steht das Pokal-Viertelfinale an."]},
        {"topic": "weather", "headline": "Unwetter richtet schwere Schäden an",
         "lead": "Ein schweres Unwetter mit Starkregen und Hagel hat am {wd} in Teilen Süddeutschlands große "
                 "Schäden angerichtet. Feuerwehren rückten zu {n_med} Einsätzen aus.",
         "body": ["Der Deutsche Wetterdienst warnte vor weiteren Gewittern bis zum {wd2}.",
                  "Mehrere Straßen wurden überflutet, Keller liefen voll, Bäume stürzten auf Gleise.",
                  "Verletzt wurde nach Angaben der Polizei niemand.",
                  "Die Bahn stellte den Verkehr auf mehreren Strecken vorübergehend ein.",
                  "Binnen einer Stunde fielen örtlich {n_small2} Liter Regen pro Quadratmeter."]},
        {"topic": "labour", "headline": "{company} streicht {n_med} Stellen",
         "lead": "Der Konzern {company} will bis {year} rund {n_med} Stellen abbauen. Das kündigte das "
                 "Unternehmen am {wd} an.",
         "body": ["Die Gewerkschaft kündigte Widerstand gegen den Stellenabbau an.",
                  "Der Vorstandschef {p3} sprach von einem schmerzhaften, aber notwendigen Schritt.",
                  "Die Aktie des Unternehmens fiel nach der Ankündigung um {pct2} Prozent.",
                  "Betriebsbedingte Kündigungen sollen nach Möglichkeit vermieden werden.",
                  "Der Betriebsrat sprach von einem „schwarzen Tag“ für die Belegschaft."]},
    ],
    "fr": [
        {"topic": "politics", "headline": "L'Assemblée adopte le projet de loi sur l'immigration",
         "lead": "L'Assemblée nationale a adopté {wd} un projet de loi controversé sur l'immigration, par "
                 "{n_med} voix contre {n_small2}, après des semaines de débats houleux.",
         "body": ["L'opposition a dénoncé un texte « dangereux » et annoncé un recours devant le Conseil "
                  "constitutionnel.",
                  "Le texte doit maintenant être examiné par le Sénat.",
                  "Des milliers de personnes ont manifesté {wd2} à Paris contre le projet.",
                  "Le ministre de l'Intérieur, {p2}, a défendu un texte « ferme et juste ».",
                  "Plusieurs députés de la majorité se sont abstenus lors du vote."]},
        {"topic": "economy", "headline": "Le chômage recule à {pct} %",
         "lead": "Le chômage en France a reculé à {pct} % au {quarter_fr} trimestre, selon les chiffres "
                 "publiés {wd} par l'Insee.",
         "body": ["Les économistes s'attendaient à une stabilisation du taux de chômage.",
                  "Le ministre de l'Économie, {p3}, a salué « une bonne nouvelle pour l'emploi ».",
                  "Le chômage des jeunes reste toutefois élevé, à près de {n_small2} %.",
                  "Le gouvernement compte sur cette embellie pour réduire le déficit public à {pct2} % du PIB.",
                  "Les créations d'emplois ont surtout concerné les services et la construction."]},
        {"topic": "football", "headline": "Le {team1} prend la tête du championnat",
         "lead": "Le {team1} s'est imposé {score1}-{score2} face au {team2} {wd} soir et prend la tête du "
                 "championnat.",
         "body": ["{p2} a ouvert le score à la {minute}e minute d'une frappe croisée.",
                  "L'entraîneur a regretté le manque de réalisme de son équipe en première période.",
                  "Le gardien {p3} a multiplié les arrêts en fin de match.",
                  "Le stade affichait complet avec {n_big} spectateurs."]},
        {"topic": "disaster", "headline": "Un incendie ravage {n_big} hectares près de Marseille",
         "lead": "Un violent incendie a ravagé plus de {n_big} hectares de forêt près de Marseille, a-t-on "
                 "appris {wd} auprès des pompiers.",
         "body": ["Environ {n_med} pompiers et plusieurs bombardiers d'eau ont été mobilisés.",
                  "Aucune victime n'est à déplorer, selon la préfecture.",
                  "Les habitants de {n_small} villages ont été évacués par mesure de précaution.",
                  "Le vent soufflait en rafales jusqu'à {kmh} km/h, compliquant la lutte contre les flammes.",
                  "Une enquête a été ouverte pour déterminer l'origine du feu."]},
        {"topic": "labour", "headline": "Appel à la grève à la SNCF",
         "lead": "Les syndicats de la SNCF ont appelé à une grève de {n_small} jours à partir de {wd2} pour "
                 "protester contre la réforme des retraites.",
         "body": ["La circulation des trains sera fortement perturbée sur l'ensemble du réseau.",
                  "« Nous ne céderons pas », a déclaré {p3}, secrétaire général du syndicat.",
                  "La direction a appelé au dialogue et promis des mesures salariales.",
                  "Les usagers sont invités à reporter leurs déplacements."]},
    ],
    "es": [
        {"topic": "health", "headline": "El Gobierno aprueba un plan de {money} para la sanidad",
         "lead": "El Gobierno aprobó este {wd} un plan de {money} para reforzar la sanidad pública y reducir las "
                 "listas de espera en los hospitales.",
         "body": ["La ministra de Sanidad, {p2}, afirmó que la medida beneficiará a millones de pacientes.",
                  "La oposición calificó el plan de insuficiente y reclamó más fondos para las comunidades.",
                  "El plan prevé contratar a {n_big} médicos y enfermeros en los próximos tres años.",
                  "Los sindicatos sanitarios valoraron el anuncio, aunque pidieron mejores salarios.",
                  "La espera media para una operación supera los {n_med} días."]},
        {"topic": "football", "headline": "El {team1} se coloca líder",
         "lead": "El {team1} venció {score1}-{score2} al {team2} y se coloca líder de la liga a falta de "
                 "{n_small} jornadas para el final.",
         "body": ["{p3} marcó el primer gol en el minuto {minute} con un disparo desde fuera del área.",
                  "El entrenador destacó el esfuerzo de sus jugadores en la segunda parte.",
                  "El estadio registró una entrada de {n_big} espectadores.",
                  "El árbitro anuló un gol a los visitantes por fuera de juego tras revisar el VAR."]},
        {"topic": "disaster", "headline": "Inundaciones obligan a desalojar a {n_med} personas",
         "lead": "Las fuertes lluvias caídas en las últimas horas han provocado inundaciones en varias "
                 "localidades de la costa, donde {n_med} personas tuvieron que ser desalojadas.",
         "body": ["Los servicios de emergencia realizaron más de {n_med} intervenciones durante la noche.",
                  "La Agencia Estatal de Meteorología mantiene la alerta naranja hasta el {wd2}.",
                  "Varias carreteras permanecen cortadas por el desbordamiento de ríos y arroyos.",
                  "En algunos puntos se recogieron más de {mm} litros por metro cuadrado.",
                  "Las clases se suspendieron en {n_small} municipios."]},
        {"topic": "economy", "headline": "La inflación se modera al {pct} %",
         "lead": "La inflación se moderó hasta el {pct} % en el último mes, según el dato adelantado publicado "
                 "este {wd} por el Instituto Nacional de Estadística.",
         "body": ["El abaratamiento de los carburantes explica buena parte de la moderación de los precios.",
                  "Los economistas prevén que la inflación subyacente siga bajando en los próximos meses.",
                  "Los alimentos, en cambio, siguen subiendo a un ritmo del {pct2} % anual.",
                  "El Gobierno atribuyó la mejora a las medidas de apoyo a los hogares."]},
        {"topic": "crime", "headline": "Desarticulada una red de tráfico de cocaína",
         "lead": "La Policía detuvo a {n_small2} personas en una operación contra una red dedicada al tráfico de "
                 "cocaína en los puertos del sur.",
         "body": ["Los agentes intervinieron {n_med} kilos de cocaína y {n_small} armas de fuego.",
                  "Los detenidos han sido puestos a disposición judicial.",
                  "La droga llegaba oculta en contenedores de fruta procedentes de Sudamérica.",
                  "La investigación se inició hace {n_small2} meses tras un chivatazo."]},
    ],
    "pt": [
        {"topic": "economy", "headline": "Banco Central mantém juros em {rate}%",
         "lead": "O Banco Central decidiu nesta {wd} manter a taxa básica de juros em {rate}% ao ano, em decisão "
                 "unânime do comitê de política monetária.",
         "body": ["Segundo o comunicado, a inflação ainda está acima da meta definida para o ano.",
                  "Economistas do mercado financeiro esperavam a manutenção da taxa.",
                  "A próxima reunião do comitê está marcada para daqui a {n_small} semanas.",
                  "O dólar fechou em queda de {pct2}% após o anúncio."]},
        {"topic": "football", "headline": "{team1} vence e assume a liderança",
         "lead": "O {team1} venceu o {team2} por {score1} a {score2} e assumiu a liderança do campeonato.",
         "body": ["{p2} abriu o placar aos {minute} minutos do primeiro tempo.",
                  "O técnico elogiou a atuação da equipe no segundo tempo.",
                  "O goleiro {p3} fez defesas importantes nos minutos finais.",
                  "O público presente foi de {n_big} torcedores."]},
        {"topic": "disaster", "headline": "Chuvas deixam {n_small2} mortos no litoral",
         "lead": "Fortes chuvas deixaram pelo menos {n_small2} mortos e milhares de desalojados no litoral, "
                 "segundo a Defesa Civil.",
         "body": ["Equipes de resgate trabalham na busca por desaparecidos em áreas atingidas por deslizamentos.",
                  "Cerca de {n_med} famílias estão em abrigos montados pela prefeitura.",
                  "O volume de chuva superou a média prevista para todo o mês.",
                  "O governo federal anunciou o envio de recursos para as cidades afetadas."]},
        {"topic": "politics", "headline": "Governo lança programa de internet nas escolas",
         "lead": "O governo anunciou nesta {wd} um programa de {money} para ampliar o acesso à internet nas "
                 "escolas públicas.",
         "body": ["O ministro da Educação, {p3}, disse que a meta é conectar todas as escolas até {year}.",
                  "A oposição criticou o custo do programa e pediu mais transparência.",
                  "Hoje, cerca de {pct_big}% das escolas rurais não têm acesso à internet de qualidade."]},
    ],
    "ru": [
        {"topic": "politics", "headline": "Госдума приняла законопроект о налогах",
         "lead": "Государственная дума приняла в первом чтении законопроект о повышении налогов для крупных "
                 "компаний. За документ проголосовали {n_med} депутатов.",
         "body": ["По словам председателя комитета {p2}, закон позволит привлечь в бюджет дополнительные средства.",
                  "Второе чтение законопроекта запланировано на следующий месяц.",
                  "Представители бизнеса предупредили о росте нагрузки на промышленность."]},
        {"topic": "economy", "headline": "Банк России сохранил ключевую ставку на уровне {rate}%",
         "lead": "Банк России сохранил ключевую ставку на уровне {rate}% годовых, говорится в сообщении "
                 "регулятора.",
         "body": ["Инфляция по итогам прошлого месяца составила {pct}%.",
                  "Аналитики ожидали, что регулятор оставит ставку без изменений.",
                  "Следующее заседание совета директоров по ставке состоится через {n_small} недель."]},
        {"topic": "disaster", "headline": "У побережья Камчатки произошло землетрясение",
         "lead": "Землетрясение магнитудой {magnitude} произошло у побережья Камчатки, сообщили в региональном "
                 "управлении МЧС.",
         "body": ["Очаг залегал на глубине {depth} км. Угрозы цунами нет.",
                  "Сведений о пострадавших и разрушениях не поступало.",
                  "Спасатели продолжают обследовать здания в прибрежных районах."]},
        {"topic": "football", "headline": "«{team1}» обыграл «{team2}»",
         "lead": "Футбольный клуб «{team1}» обыграл «{team2}» со счетом {score1}:{score2} в матче чемпионата "
                 "страны.",
         "body": ["Единственный гол на {minute}-й минуте забил {p3}.",
                  "На матче присутствовали {n_big} зрителей.",
                  "После этой победы команда поднялась на второе место в турнирной таблице."]},
    ],
}
WEEKDAYS_L = {
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "pt": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"],
    "ru": ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"],
}


# ---------------------------------------------------------------------------------------------
# Agencies: dateline, byline and credit tail in each house style.
# ---------------------------------------------------------------------------------------------

def _agency_dateline(agency, place, when, lang):
    city, country, region, _ = place
    d, m = when.day, when.month - 1
    title_city = city.title()
    if agency == "reuters":
        loc = f"{city}, {region}" if region else city
        return f"{loc}, {MONTHS_EN_SHORT[m]} {d} (Reuters) - "
    if agency == "ap":
        loc = f"{city}, {region}" if region else city
        return f"{loc} (AP) — "
    if agency == "afp":
        return f"{title_city} (AFP) - "
    if agency == "yonhap":
        return f"{city}, {MONTHS_EN[m]} {d} (Yonhap) -- "
    if agency == "tass":
        if lang == "ru":
            return f"МОСКВА, {d} {MONTHS_RU_GEN[m]}. /ТАСС/. "
        return f"{city}, {MONTHS_EN[m]} {d}. /TASS/. "
    if agency == "dpa":
        return f"{title_city} (dpa) - "
    if agency == "efe":
        return f"{title_city}, {d} {MONTHS_ES_SHORT[m]} (EFE).- "
    if agency == "ani":
        return f"{title_city} [{country}], {MONTHS_EN_SHORT[m]} {d} (ANI): "
    if agency == "bloomberg":
        return "(Bloomberg) -- "
    if agency == "xinhua":
        return f"{city}, {MONTHS_AP[m]} {d} (Xinhua) -- "
    if agency == "lusa":
        return f"{title_city}, {d:02d} {MONTHS_PT_SHORT[m]} {when.year} (Lusa) - "
    if agency == "cnn":  # an outlet in the agency slot: not a wire
        loc = f"{city}, {region}" if region else city
        return f"{loc} (CNN) — "
    return ""


def _agency_place(rng, agency):
    home = [p for p in PLACES if p[3] == agency]
    if agency in ("ap", "cnn") and rng.random() < 0.8:
        return _pick(rng, [p for p in PLACES if p[3] == "ap"])
    if agency == "efe":
        return _pick(rng, home)
    if home and rng.random() < 0.75:
        return _pick(rng, home)
    return _pick(rng, PLACES)


def _two_names(rng, culture="en"):
    a = _name(rng, culture)
    b = _name(rng, _pick(rng, list(FIRST)))
    while b == a:
        b = _name(rng, _pick(rng, list(FIRST)))
    return a, b


def _agency_tail(rng, agency, facts, lang):
    """Credit paragraphs at the end of the body, and the byline, in the agency's style."""
    tail, byline = [], ""
    reporter = _name(rng, culture_of(facts["country"]))
    editor_a, editor_b = _two_names(rng)
    city = facts["city"]
    if agency == "reuters":
        byline = reporter if rng.random() < 0.6 else ""
        r = rng.random()
        if r < 0.45:
            tail.append(f"Reporting by {reporter} in {city}; Editing by {editor_a}")
        elif r < 0.8:
            extra = _name(rng, "en")
            tail.append(f"Reporting by {reporter} in {city}; Additional reporting by {extra}; "
                        f"Editing by {editor_a} and {editor_b}")
        else:
            tail.append(f"Reporting by {reporter}; Writing by {editor_b}; Editing by {editor_a}")
    elif agency == "ap":
        byline = f"By {reporter}"
        r = rng.random()
        if r < 0.45:
            tail.append(f"Associated Press writers {editor_a} and {editor_b} contributed to this report.")
        elif r < 0.75:
            tail.append(f"Associated Press writer {editor_a} in {_pick(rng, PLACES)[0].title()} contributed.")
    elif agency == "afp":
        byline = "AFP" if rng.random() < 0.5 else f"{reporter}, AFP"
        initials = lambda: "".join(_pick(rng, "abcdefghjklmnprstvw") for _ in range(rng.randint(2, 3)))
        tail.append(f"{initials()}-{initials()}/{initials()}")
    elif agency == "yonhap":
        handle = reporter.split()[0].lower() + _pick(rng, ["", "s", "k"])
        byline = f"By {reporter}"
        if rng.random() < 0.6:
            tail.append(f"{handle}@yna.co.kr")
        tail.append("(END)")
    elif agency == "tass":
        byline = "TASS"
    elif agency == "dpa":
        byline = f"Von {reporter}, dpa" if lang == "de" else f"By {reporter}, dpa"
        if rng.random() < 0.5:
            tail.append(f"dpa {''.join(_pick(rng, 'abcdefghklmnrst') for _ in range(2))} "
                        f"{''.join(_pick(rng, 'abcdefghklmnrst') for _ in range(2))}")
    elif agency == "efe":
        byline = f"Por {reporter}" if rng.random() < 0.5 else "EFE"
        tail.append(_pick(rng, ["(c) Agencia EFE", "EFE " + "".join(_pick(rng, "abcdefgmnprs") for _ in range(3))
                                + "/" + "".join(_pick(rng, "abcdefgmnprs") for _ in range(2))]))
    elif agency == "ani":
        byline = "ANI"
        tail.append("(ANI)")
    elif agency == "bloomberg":
        byline = reporter
        tail.append(f"--With assistance from {editor_a} and {editor_b}.")
        if rng.random() < 0.5:
            tail.append("(Updates with analyst comment in fifth paragraph.)")
    elif agency == "xinhua":
        byline = "Xinhua"
    elif agency == "lusa":
        byline = "Lusa"
        tail.append(f"{''.join(_pick(rng, 'ABCDFGJMNPRST') for _ in range(2))} // "
                    f"{''.join(_pick(rng, 'ABCDFGJMNPRST') for _ in range(2))}")
        tail.append("Lusa/Fim")
    elif agency == "cnn":
        byline = f"By {reporter}, CNN"
        tail.append(f"CNN's {editor_a} contributed to this report.")
    return tail, byline


def _photo_caption(rng, agency, facts):
    photog = _name(rng, culture_of(facts["country"]) if rng.random() < 0.6 else "en")
    desc = _pick(rng, [f"People walk past a damaged building in {facts['city']}, {facts['country']}",
                       f"Supporters wave flags outside the venue in {facts['city']}",
                       f"A general view of the port in {facts['city']}, {facts['country']}",
                       f"{facts['p2']} speaks during a news conference in {facts['city']}",
                       f"Traders work on the floor of the exchange in {facts['city']}"])
    stamp = f"{rng.randint(1, 28)} {_pick(rng, MONTHS_EN)}"
    if agency == "ap" or (agency not in ("reuters",) and rng.random() < 0.5):
        return f"{desc}, {stamp}. (AP Photo/{photog})", "AP"
    return f"{desc}, {stamp}. REUTERS/{photog}", "Reuters"


# ---------------------------------------------------------------------------------------------
# Story model and serialisation.
# ---------------------------------------------------------------------------------------------

class Story:
    """One version of one item as an agency would send it. `paras` are plain-text paragraphs."""

    def __init__(self):
        self.uri = ""
        self.version = 1
        self.when = None            # datetime, UTC
        self.lang = "en"
        self.headline = ""
        self.paras = []
        self.byline = ""
        self.agency = ""
        self.gen = "v3"             # "v3" camelCase or "v1" (1.x/2.x names)
        self.html = False
        self.html_extras = ""       # "script", "style" or ""
        self.both_bodies = False    # v3 only: plain and HTML bodies side by side
        self.topic = ""
        self.subjects_extra = []
        self.info_sources = []
        self.compact = True
        self.tail = 0               # how many trailing paragraphs are credit lines, not article
        self.labels = {}            # ground truth: agencies, photo credits, dateline; see --labels

    def clone(self):
        return copy.deepcopy(self)

    def body_text(self):
        return "\n\n".join(self.paras)


def _html_escape(text, rng_bits):
    t = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if rng_bits & 1:
        t = t.replace("'", "&#8217;")
    if rng_bits & 2:
        t = t.replace("\"", "&quot;")
    return t


def render_html(story, dateline_len, seed):
    """Wraps paragraphs in <p>; the dateline in <b> with &nbsp;; entities; sometimes script/style noise."""
    bits = seed & 0xff
    out = []
    if story.html_extras == "style":
        out.append("<style type=\"text/css\">p.lead{font-weight:bold} .caption{font-size:80%}</style>")
    for i, p in enumerate(story.paras):
        if i == 0 and dateline_len:
            dl, rest = p[:dateline_len], p[dateline_len:]
            dl_html = _html_escape(dl.rstrip(), bits).replace(" ", "&nbsp;", 1)
            out.append(f"<p class=\"lead\"><b>{dl_html}</b> {_html_escape(rest, bits)}</p>")
        elif story.labels.get("caption_index") == i:
            out.append(f"<figure><figcaption class=\"caption\">{_html_escape(p, bits)}</figcaption></figure>")
        elif bits & 4 and i == 2:
            words = _html_escape(p, bits).split(" ")
            k = min(len(words) - 1, 3)
            words[k] = f"<b>{words[k]}</b>"
            out.append("<p>" + " ".join(words) + "</p>")
        else:
            out.append(f"<p>{_html_escape(p, bits)}</p>")
        if story.html_extras == "script" and i == 1:
            out.append("<script type=\"text/javascript\">window.dataLayer = window.dataLayer || [];"
                       " dataLayer.push({'section': 'news', 'paywall': false});</script>")
    sep = "\n" if bits & 8 else ""
    return "<div class=\"article-body\">" + sep + sep.join(out) + sep + "</div>"


def iso(when):
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def serialise(story):
    """The JSON line for a story, in ninjs 3.x or 1.x/2.x naming."""
    seed = int(hashlib.sha1(f"{story.uri}|{story.version}".encode()).hexdigest()[:8], 16)
    text = story.body_text()
    dl_len = story.labels.get("dateline_len", 0)
    medtop = MEDTOP.get(story.topic)
    if story.gen == "v3":
        d = {"uri": story.uri, "type": "text", "version": str(story.version), "versionCreated": iso(story.when),
             "pubStatus": "usable", "language": story.lang,
             "headlines": [{"role": "main", "value": story.headline}]}
        if story.byline:
            d["by"] = story.byline
        bodies = []
        if not story.html or story.both_bodies:
            bodies.append({"role": "text", "contentType": "text/plain", "value": text})
        if story.html:
            bodies.append({"role": "main", "contentType": "text/html", "value": render_html(story, dl_len, seed)})
        d["bodies"] = bodies
        subjects = []
        if medtop:
            subjects.append({"name": medtop[1], "uri": f"http://cv.iptc.org/newscodes/mediatopic/{medtop[0]}",
                             "rel": "about"})
        subjects.extend(story.subjects_extra)
        if subjects:
            d["subjects"] = subjects
        if story.info_sources:
            d["infoSources"] = story.info_sources
    else:
        d = {"uri": story.uri, "type": "text", "version": str(story.version), "versioncreated": iso(story.when),
             "pubstatus": "usable", "language": story.lang, "headline": story.headline}
        if story.byline:
            d["byline"] = story.byline
        if story.html:
            d["body_html"] = render_html(story, dl_len, seed)
        else:
            d["body_text"] = text
        if medtop:
            d["subject"] = [{"code": medtop[0], "scheme": "http://cv.iptc.org/newscodes/mediatopic/",
                             "name": medtop[1]}]
    if story.compact:
        return json.dumps(d, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(d, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# Story generators.
# ---------------------------------------------------------------------------------------------

AGENCY_WEIGHTS = [("reuters", 26), ("ap", 20), ("afp", 9), ("yonhap", 8), ("tass", 4), ("dpa", 4), ("efe", 3),
                  ("ani", 5), ("bloomberg", 6), ("xinhua", 3), ("cnn", 2), ("aggregator", 5)]
FOREIGN_AGENCY = {"de": ["dpa"], "fr": ["afp"], "es": ["efe"], "pt": ["lusa"], "ru": ["tass"]}
TOPIC_WEIGHTS = [("politics", 12), ("economy", 10), ("markets", 8), ("football", 8), ("tennis", 4),
                 ("athletics", 2), ("tech", 8), ("science", 5), ("health", 7), ("disaster", 8), ("crime", 6),
                 ("conflict", 6), ("environment", 5), ("culture", 5), ("weather", 5), ("labour", 4)]


def _weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


def _fill(template, facts):
    return template.format_map(facts)


def _headline_en(rng, topic, facts):
    h = {
        "politics": ["{Country} parliament passes electoral reform amid protests",
                     "{Country} PM {p1_last} survives confidence vote", "Opposition cries foul as budget clears assembly",
                     "Polls point to landslide for {party1} in {country} snap vote"],
        "economy": ["{Country} central bank hikes rates to {rate}%", "{Country} economy grows faster than expected",
                    "{Country} inflation hits {n_small}-month high", "{Country} unveils {money} stimulus for exporters"],
        "markets": ["Stocks slide as tech sell-off deepens", "Oil jumps on output cut signals",
                    "{city} shares hit record on rate cut bets", "Gold climbs to two-month high"],
        "football": ["{team1} go top with win over {team2}", "{team2} held by {team1}, title hopes fade",
                     "{team1} sack coach {p1_last} after winless run"],
        "tennis": ["{p1_last} reaches {tournament} final", "Top seed {p1_last} crashes out in {tournament}",
                   "{p1_last} clinches {tournament} title"],
        "athletics": ["{p1_last} clocks world-leading {time} in {city}", "{p1_last} sets indoor pole vault record"],
        "tech": ["{company} launches cheaper {product}", "{company} to build {money} chip plant in {country}",
                 "{company} hit by data breach affecting {n_big} customers",
                 "Regulator probes {company} over app store rankings"],
        "science": ["Scientists find water ice inside asteroid", "Gene variant protects against heart disease, study says",
                    "{Country} probe enters lunar orbit"],
        "health": ["{Country} reports surge in {disease} cases", "{Country} approves new obesity drug",
                   "Thousands of operations postponed as doctors strike"],
        "disaster": ["Magnitude {magnitude} quake hits {country}, at least {n_small2} dead",
                     "Floods kill {n_small2} in {country}", "Wildfire forces evacuations near {city}",
                     "Train derailment near {city} kills {n_small2}"],
        "crime": ["Former mayor jailed for {n_small} years over bribes", "Police arrest {n_small2} in cocaine smuggling raids",
                  "Man found guilty of nightclub murder"],
        "conflict": ["Clashes with rebels kill {n_small2} in {country}", "Drone strikes cut power to {n_big} homes",
                     "Warring sides agree {n_small}-day ceasefire"],
        "environment": ["Last month hottest on record for time of year", "{Country} pledges coal exit by {year}",
                        "Rainforest deforestation falls to {years}-year low"],
        "culture": ["'{film}' wins top prize at {festival}", "{museum} reopens after renovation",
                    "Forgotten painter's work fetches {money_m} at auction"],
        "weather": ["Storm {storm} batters {country}", "Heatwave pushes {city} to {temp}C",
                    "Heavy snow shuts schools in {city}"],
        "labour": ["Strike halts transport across {country}", "{company} to cut {n_big} jobs"],
    }[topic]
    lead_idx = facts.get("_lead_idx", 0)
    return _fill(h[lead_idx % len(h)], facts)


def _sample_no_repeat(rng, pool, k):
    if k <= len(pool):
        return rng.sample(pool, k)
    out = list(pool)
    rng.shuffle(out)
    while len(out) < k:
        out.append(_pick(rng, pool))
    return out


def _applies(template, lead_idx):
    """Body templates may start with "02|": they fit only leads 0 and 2 of their topic. Returns the bare
    template when it fits, else None."""
    tag, bar, rest = template.partition("|")
    if not bar or not tag.isdigit():
        return template
    return rest if str(lead_idx) in tag else None


def _group(rng, sentences, max_k):
    """Sentences into paragraphs of 1..max_k sentences, as wire copy is laid out."""
    paras, i = [], 0
    while i < len(sentences):
        k = 1 if rng.random() < 0.45 else rng.randint(2, max_k)
        paras.append(" ".join(sentences[i:i + k]))
        i += k
    return paras


# Each English story picks one wording per entry, so stories built from the same template share fewer word
# runs (shingles) while a story's own variants keep its choices. The first alternative is the plain one.
SYNONYMS = {
    "said": ["said", "noted", "added"], "percent": ["percent", "per cent"],
    "about": ["about", "around", "roughly", "some"], "at least": ["at least", "no fewer than"],
    "officials": ["officials", "authorities"], "expected": ["expected", "anticipated", "forecast"],
    "rose": ["rose", "climbed", "increased"], "fell": ["fell", "dropped", "declined"],
    "more than": ["more than", "over"], "warned": ["warned", "cautioned"], "nearly": ["nearly", "almost"],
    "biggest": ["biggest", "largest"], "the company": ["the company", "the firm", "the group"],
    "urged": ["urged", "called on"],
    "a spokesperson": ["a spokesperson", "a spokesman", "a spokeswoman"],
    "reported": ["reported", "recorded"], "hit": ["hit", "struck"], "plans": ["plans", "intends"],
    "the country": ["the country", "the nation"], "thousands": ["thousands", "many thousands"],
}
_SYN_RE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(k) for k in SYNONYMS), key=len, reverse=True))
                     + r")\b|\bon \{weekday2?\}|\bon (?:" + "|".join(WEEKDAYS) + r")\b")
_N_WORDINGS = 64


def _make_wordings():
    """A fixed table of wordings. Stories pick one, and templates are reworded once per wording and cached:
    a regex pass per sentence would cost the corpus generator a third of its time."""
    r = random.Random(1)
    return [({k: _pick(r, v) for k, v in SYNONYMS.items()}, r.random() < 0.3) for _ in range(_N_WORDINGS)]


_WORDINGS = None
_WORDING_CACHE = [dict() for _ in range(_N_WORDINGS)]


def _wording(rng):
    """One story's choice of words: a function rewriting a template in that wording."""
    global _WORDINGS
    if _WORDINGS is None:
        _WORDINGS = _make_wordings()
    idx = int(rng.random() * _N_WORDINGS)
    pick, drop_on = _WORDINGS[idx]  # drop_on: AP style "said Tuesday" rather than "said on Tuesday"
    cache = _WORDING_CACHE[idx]

    def sub(m):
        w = m.group(0)
        if w.startswith("on ") and (w[3:] in WEEKDAYS or w[3:].startswith("{weekday")):
            return w[3:] if drop_on else w
        return pick.get(w, w)

    def reword(template):
        out = cache.get(template)
        if out is None:
            out = cache[template] = _SYN_RE.sub(sub, template)
        return out
    return reword


def _paragraphs_en(rng, topic, facts, target_bytes):
    """(lead, paragraphs, spare sentences) for an English story of about target_bytes."""
    spec = EN[topic]
    lead_idx = rng.randrange(len(spec["lead"]))
    facts["_lead_idx"] = lead_idx
    reword = _wording(rng)
    lead = _fill(reword(spec["lead"][lead_idx]), facts)
    specific = [t for t in (_applies(t, lead_idx) for t in spec["body"]) if t]
    rng.shuffle(specific)
    approx = max(1, (target_bytes - len(lead)) // 115)
    # Topic sentences first (what the story is about), a few stock phrases, then composed background; once
    # everything is used the story repeats sentences, which only very long benchmark stories reach.
    picked = specific[:approx] + rng.sample(EN_GENERIC, rng.randint(0, 3))
    sentences = [_fill(reword(t), facts) for t in picked]
    if len(sentences) > 3:  # keep the first topic sentences near the top, shuffle the rest
        rest = sentences[2:]
        rng.shuffle(rest)
        sentences[2:] = rest
    seen = set(sentences)
    tries = 0
    while len(sentences) < approx and tries < 4 * approx:
        tries += 1
        c = _compose(rng, facts, reword)
        if c not in seen:
            seen.add(c)
            sentences.insert(rng.randint(min(2, len(sentences)), len(sentences)), c)
    while len(sentences) < approx:  # very long stories only
        sentences.append(_pick(rng, sentences))
    spare = [_compose(rng, facts, reword) for _ in range(6)] + [_fill(reword(t), facts) for t in specific[approx:]]
    return lead, _group(rng, sentences, 3), spare


def _localise_numbers(facts, lang):
    """Decimal commas and the local thousands separator, as each language's wire prints numbers."""
    f = dict(facts)
    thousands = {"de": ".", "es": ".", "pt": ".", "fr": "\u202f", "ru": "\u00a0"}[lang]
    for k in ("pct", "pct2", "rate", "magnitude"):
        f[k] = str(f[k]).replace(".", ",")
    f["n_big"] = f["n_big"].replace(",", thousands)
    f["money"] = f["money"].replace("$", "").replace(".", ",").replace("billion", {
        "de": "Milliarden Euro", "fr": "milliards d'euros", "es": "millones de euros",
        "pt": "bilhões de reais", "ru": "млрд рублей"}[lang])
    return f


def _paragraphs_foreign(rng, spec, lang, facts, target_bytes):
    """(lead, paragraphs, spare sentences, localised facts) for a story in lang."""
    wd = WEEKDAYS_L[lang]
    facts = _localise_numbers(facts, lang)
    facts["wd"], facts["wd2"] = _pick(rng, wd), _pick(rng, wd)
    facts["quarter_fr"] = _pick(rng, ["premier", "deuxième", "troisième", "quatrième"])
    lead = _fill(spec["lead"], facts)
    approx = max(1, (target_bytes - len(lead)) // 110)
    order = _sample_no_repeat(rng, spec["body"], len(spec["body"]))
    sentences = [_fill(t, facts) for t in order[:approx]]
    spare = [_fill(t, facts) for t in order[approx:]]
    return lead, _group(rng, sentences, 2), spare, facts


def make_story(rng, when, uri, target_bytes=None, lang=None, agency=None, topic=None, size_range=(520, 5900),
               traps=True, used_foreign=None):
    """A fresh original story. Lengths follow a log-normal clipped to size_range."""
    if lang is None:
        lang = _weighted(rng, [("en", 74), ("de", 6), ("fr", 5), ("es", 6), ("pt", 4), ("ru", 5)])
    spec = None
    if lang != "en":
        # The foreign pools are small: one story per lead keeps distinct stories really distinct. Callers
        # that need volume more than variety (the benchmark corpus) pass used_foreign=None to allow reuse.
        choices = [i for i in range(len(FOREIGN[lang])) if used_foreign is None or (lang, i) not in used_foreign]
        if choices:
            i = _pick(rng, choices)
            spec = FOREIGN[lang][i]
            if used_foreign is not None:
                used_foreign.add((lang, i))
        else:
            lang = "en"
            agency = None
    if agency is None:
        agency = _pick(rng, FOREIGN_AGENCY[lang]) if lang != "en" else _weighted(rng, AGENCY_WEIGHTS)
    if target_bytes is None:
        target_bytes = int(min(size_range[1] - 400, max(size_range[0], rng.lognormvariate(7.35, 0.6))))
    place = _agency_place(rng, "ap" if agency == "aggregator" else agency)
    if lang == "de":
        place = _pick(rng, [p for p in PLACES if p[1] == "Germany"])
    elif lang == "fr":
        place = _pick(rng, [p for p in PLACES if p[1] == "France"])
    elif lang == "es":
        place = _pick(rng, [p for p in PLACES if p[3] == "efe"])
    elif lang == "pt":
        place = ("LISBOA", "Portugal", "", "lusa")
    elif lang == "ru":
        place = ("MOSCOW", "Russia", "", "tass")
    facts = make_facts(rng, place)
    s = Story()
    s.uri, s.when, s.lang, s.agency = uri, when, lang, agency
    s.gen = "v1" if rng.random() < 0.24 else "v3"
    s.compact = rng.random() < 0.7
    s.html = rng.random() < 0.23
    s.both_bodies = s.html and s.gen == "v3" and rng.random() < 0.25
    s.html_extras = _pick(rng, ["script", "style", ""]) if s.html and rng.random() < 0.3 else ""
    if lang == "en":
        s.topic = topic or _weighted(rng, TOPIC_WEIGHTS)
        lead, paras, spare = _paragraphs_en(rng, s.topic, facts, target_bytes)
        s.headline = _headline_en(rng, s.topic, facts)
    else:
        lead, paras, spare, facts = _paragraphs_foreign(rng, spec, lang, facts, target_bytes)
        s.topic = spec["topic"]
        s.headline = _fill(spec["headline"], facts)
    dateline = "" if agency == "aggregator" else _agency_dateline(agency, place, when, lang)
    s.paras = [dateline + lead] + paras
    labels = {"agency": agency, "dateline_len": len(dateline), "dateline": dateline.strip(),
              "topic": s.topic, "mentions": [], "photo_credits": []}
    if traps and lang == "en" and rng.random() < 0.22:
        trap = _fill(_pick(rng, MENTION_TRAPS), facts)
        s.paras.insert(rng.randint(1, len(s.paras)), trap)
        labels["mentions"].append(trap)
    if traps and lang == "en" and agency in ("reuters", "ap", "aggregator", "afp") and rng.random() < 0.15:
        cap, who = _photo_caption(rng, agency, facts)
        pos = rng.randint(1, len(s.paras))
        s.paras.insert(pos, cap)
        labels["caption_index"] = pos
        labels["photo_credits"].append(cap.rsplit(" ", 2)[-1] if who == "Reuters" else cap[cap.rfind("("):])
    if agency == "aggregator":
        outlet = _pick(rng, AGGREGATOR_OUTLETS)
        sources = rng.sample(["AP", "Reuters", "Yonhap", "AFP", "Bloomberg"], rng.randint(2, 3))
        credit = "With reporting by " + (", ".join(sources[:-1]) + ", and " + sources[-1]
                                         if len(sources) > 2 else " and ".join(sources))
        s.paras.append(credit)
        s.tail = 1
        s.byline = f"{outlet} staff"
        s.info_sources = [{"name": outlet, "role": "publisher"}] + [{"name": x, "role": "source"} for x in sources]
        labels["credited"] = sources
    else:
        tail, byline = _agency_tail(rng, agency, facts, lang)
        s.paras.extend(tail)
        s.tail = len(tail)
        s.byline = byline
        if rng.random() < 0.6:
            s.info_sources = [{"name": _AGENCY_NAME[agency], "role": "originfeed"}]
    if rng.random() < 0.3:
        s.subjects_extra = [{"name": facts["country"], "rel": "about"}]
    s.labels = labels
    while len(s.body_text().encode()) < size_range[0] + 40 and spare:  # too short for a story
        pos = _tail_start(s)
        s.paras.insert(pos, spare.pop())
        _shift_caption(s, pos)
    _fit(s, size_range)
    return s


_AGENCY_NAME = {"reuters": "Reuters", "ap": "The Associated Press", "afp": "Agence France-Presse",
                "yonhap": "Yonhap News Agency", "tass": "TASS", "dpa": "Deutsche Presse-Agentur", "efe": "EFE",
                "ani": "Asian News International", "bloomberg": "Bloomberg News", "xinhua": "Xinhua",
                "lusa": "Lusa", "cnn": "CNN", "aggregator": ""}


def _fit(s, size_range):
    """Drops middle paragraphs until the plain body fits the upper bound (tails and lead stay)."""
    while len(serialise(s).encode()) > size_range[1] and len(s.paras) > 4:
        i = len(s.paras) // 2
        if s.labels.get("caption_index") is not None:
            ci = s.labels["caption_index"]
            if i == ci:
                i -= 1
            elif i < ci:
                s.labels["caption_index"] = ci - 1
        del s.paras[i]


def results_story(rng, when, uri, company_root):
    """One quarterly-results story from the fixed template: the near-identical-but-different trap."""
    place = _agency_place(rng, "reuters")
    facts = make_facts(rng, place)
    facts["company"] = f"{company_root[0]} {company_root[1]}"
    facts["company_kind"] = company_root[2]
    facts["money2"] = money(rng, 5, 60)
    facts["money3"] = money(rng, 0.5, 4.0)
    s = Story()
    s.uri, s.when, s.agency, s.topic, s.gen, s.compact = uri, when, "reuters", "results", "v3", True
    dateline = _agency_dateline("reuters", place, when, "en")
    paras = [_fill(t, facts) for t in RESULTS_TEMPLATE]
    s.paras = [dateline + paras[0]] + paras[1:]
    tail, s.byline = _agency_tail(rng, "reuters", facts, "en")
    s.paras.extend(tail)
    s.tail = len(tail)
    s.headline = _fill("{company} {quarter}-quarter profit up {pct}%, beats forecasts", facts)
    s.labels = {"agency": "reuters", "dateline_len": len(dateline), "dateline": dateline.strip(),
                "topic": "results", "mentions": [], "photo_credits": []}
    return s


# ---------------------------------------------------------------------------------------------
# Variants of an existing story.
# ---------------------------------------------------------------------------------------------

def _typo(rng, text, n):
    words = text.split(" ")
    for _ in range(n):
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 4 and w.isalpha():
            j = rng.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def make_update(rng, s, when):
    """Same uri, next version, later time, one new paragraph before the credit tail."""
    u = s.clone()
    u.version = s.version + 1
    u.when = when
    facts = make_facts(rng, _pick(rng, PLACES))
    if u.lang == "en":
        extra = _pick(rng, [
            "The death toll rose to {n_small2} later in the day, officials said.",
            "In a statement issued after the close of trading, the company confirmed the figures.",
            "Later on {weekday}, the government said it would hold an emergency cabinet meeting.",
            "Police said on {weekday} evening that a second suspect had been detained.",
            "The ministry later revised the figure to {n_med}, citing incomplete reports from the regions.",
            "({weekday} update: adds reaction from opposition leader {p2})",
        ])
    else:
        extra = {"de": "Am Abend korrigierte die Behörde die Zahl auf {n_med}.",
                 "fr": "Dans la soirée, la préfecture a revu ce bilan à {n_med}.",
                 "es": "Por la tarde, las autoridades elevaron la cifra a {n_med}.",
                 "pt": "À noite, as autoridades atualizaram o número para {n_med}.",
                 "ru": "Позднее число было уточнено до {n_med}."}[u.lang]
    pos = _tail_start(u)
    u.paras.insert(pos, _fill(extra, facts))
    _shift_caption(u, pos)
    if u.lang == "en" and rng.random() < 0.5:
        u.headline = "UPDATE " + str(u.version) + "-" + u.headline
    return u


def _tail_start(s):
    """Index of the first credit-tail paragraph (the article is everything before it)."""
    return len(s.paras) - s.tail


def _shift_caption(s, pos):
    ci = s.labels.get("caption_index")
    if ci is not None and ci >= pos:
        s.labels["caption_index"] = ci + 1


def make_rewrite(rng, s, when, uri):
    """A near-duplicate: new headline, reworded dateline, a promo line, one reordered paragraph, typos."""
    r = s.clone()
    r.uri, r.version, r.when = uri, 1, when
    dl = r.labels.get("dateline_len", 0)
    first = r.paras[0]
    if dl and r.agency == "reuters":
        head = first[:dl]
        new_head = head.split(",")[0] + " (Reuters) - "
        r.paras[0] = new_head + first[dl:]
        r.labels["dateline_len"] = len(new_head)
        r.labels["dateline"] = new_head.strip()
    elif dl and r.lang == "en":
        r.paras[0] = first[:dl] + first[dl:].replace(" on ", " early on ", 1)
    body_end = _tail_start(r)
    if body_end > 3:
        i = rng.randint(1, body_end - 2)
        if r.labels.get("caption_index") in (i, i + 1):
            r.labels.pop("caption_index", None)
        r.paras[i], r.paras[i + 1] = r.paras[i + 1], r.paras[i]
    for _ in range(2):
        i = rng.randrange(len(r.paras))
        r.paras[i] = _typo(rng, r.paras[i], 2)
    if r.lang == "en":
        promo = _pick(rng, PROMO_LINES)
        pos = rng.randint(2, max(2, _tail_start(r)))
        r.paras.insert(pos, promo)
        _shift_caption(r, pos)
        r.headline = _pick(rng, ["WRAPUP - ", "FACTBOX - ", "", "Update: "]) + r.headline.replace(" as ", " amid ", 1)
        if r.headline == s.headline:
            r.headline += " - sources"
    else:
        r.headline += {"de": " (Zusammenfassung)", "fr": " (résumé)", "es": " (ampliación)", "pt": " (atualizada)",
                       "ru": " (дополнено)"}[r.lang]
    r.html = not s.html if rng.random() < 0.3 else s.html
    return r


def make_abridged(rng, s, when, uri):
    """The first ~40% of the article (credit tail kept), as a brief sent under a new uri."""
    a = s.clone()
    a.uri, a.version, a.when = uri, 1, when
    end = _tail_start(a)
    keep = max(1, round(end * 0.4))
    a.paras = a.paras[:keep] + a.paras[end:]
    if a.labels.get("caption_index") is not None and a.labels["caption_index"] >= keep:
        a.labels.pop("caption_index")
        a.labels["photo_credits"] = []
    if a.lang == "en":
        a.headline = "BRIEF-" + a.headline
    return a


def make_copy(s, when, uri):
    """The same text under another uri (a partner re-sending the item under its own id)."""
    c = s.clone()
    c.uri, c.version, c.when = uri, 1, when
    return c


# ---------------------------------------------------------------------------------------------
# The sample feed.
# ---------------------------------------------------------------------------------------------

MALFORMED = [
    ("bad_json", '{"uri":"urn:wirefeed:sample:bad-1","version":"1","headlines":[{"role":"main","value":"Unclosed"}],'
                 '"bodies":[{"role":"text","contentType":"text/plain","value":"SEOUL, March 5 (Reuters) - Missing '
                 'quote and brace}]'),
    ("truncated", None),  # the first 700 bytes of a real line, filled in by build_feed
    ("not_object", "[1,2]"),
    ("no_body", '{"uri":"urn:wirefeed:sample:nobody-1","version":"1","versionCreated":"2024-03-05T10:00:00Z",'
                '"language":"en","headlines":[{"role":"main","value":"Headline only, no body"}],"bodies":[]}'),
    ("blank", "   "),
    ("body_wrong_type", '{"uri":"urn:wirefeed:sample:badtype-1","version":"1","versioncreated":"2024-03-05T11:00:00Z",'
                        '"type":"text","headline":"Body is a number","body_text":42}'),
    ("bodies_wrong_type", '{"uri":"urn:wirefeed:sample:badtype-2","version":"1",'
                          '"versionCreated":"2024-03-05T12:00:00Z","headlines":[{"role":"main","value":"Bodies is a '
                          'string"}],"bodies":"SEOUL (AP) - not an array"}'),
    ("scalar", "\"just a string\""),
]

TEMPLATE_COMPANIES = [("Hanbit", "Motors", "carmaker"), ("Daeyang", "Motors", "carmaker"),
                      ("Lumeno", "Semiconductor", "chipmaker"), ("Pellucid", "Semiconductor", "chipmaker")]


def _uri(rng, agency):
    return f"urn:wirefeed:sample:{agency}:{rng.getrandbits(40):010x}"


def _aggregated(rng, when):
    """The fixed item tests rely on: body ends with exactly 'With reporting by AP, Reuters, and Yonhap'."""
    facts = make_facts(rng, ("SEOUL", "South Korea", "", "yonhap"))
    s = Story()
    s.uri, s.when, s.agency, s.topic, s.gen, s.compact = "urn:wirefeed:sample:aggregated-1", when, "aggregator", \
        "politics", "v3", True
    s.headline = "North and South Korea trade accusations after border incident"
    s.paras = [
        _fill("Tensions rose on the Korean peninsula on {weekday} after soldiers from the North briefly crossed the "
              "military demarcation line, prompting warning shots from the South, officials in Seoul said.", facts),
        _fill("South Korea's Joint Chiefs of Staff said about {n_small2} soldiers carrying tools crossed the line "
              "in the central section of the border and returned after the warning broadcasts and shots.", facts),
        "Pyongyang's state media accused the South of a \"deliberate provocation\" and said its troops had been "
        "repairing a road on their own side of the border.",
        _fill("{p1}, a professor of North Korean studies in Seoul, said both sides appeared keen to avoid an "
              "escalation ahead of planned military drills.", facts),
        "The United Nations Command, which oversees the armistice, said it was investigating.",
        "With reporting by AP, Reuters, and Yonhap",
    ]
    s.tail = 1
    s.byline = "Korea Daily Wire staff"
    s.info_sources = [{"name": "Korea Daily Wire", "role": "publisher"}, {"name": "AP", "role": "source"},
                      {"name": "Reuters", "role": "source"}, {"name": "Yonhap", "role": "source"}]
    s.labels = {"agency": "aggregator", "dateline_len": 0, "dateline": "", "topic": "politics", "mentions": [],
                "photo_credits": [], "credited": ["AP", "Reuters", "Yonhap"]}
    return s


def build_feed(seed=20240305, n_originals=180):
    """Returns [(line, label)] in feed order. Labels carry the ground truth for evaluation harnesses."""
    rng = random.Random(seed)
    start = dt.datetime(2024, 3, 4, 5, 0, 0)
    entries = []  # (order_key, line, label)

    def add(key, story, kind, family, expect):
        label = {"kind": kind, "family": family, "uri": story.uri, "version": story.version,
                 "expect": expect, "lang": story.lang, "agency": story.agency, "topic": story.topic,
                 "generation": story.gen, "html": story.html,
                 "credited": story.labels.get("credited", []),
                 "dateline": story.labels.get("dateline", ""),
                 "photo_credits": story.labels.get("photo_credits", []),
                 "mentions": story.labels.get("mentions", [])}
        line = serialise(story)
        entries.append((key, line, label))
        return line

    def when_at(key):
        return start + dt.timedelta(minutes=int(key * 11) + rng.randint(0, 4), seconds=rng.randint(0, 59))

    originals = []
    used_foreign = set()
    for i in range(n_originals):
        key = float(i)
        s = make_story(rng, when_at(key), "", used_foreign=used_foreign)
        s.uri = _uri(rng, s.agency)
        fam = f"f{i:03d}"
        add(key, s, "original", fam, "unique")
        originals.append((key, s, fam))

    # Quarterly-results template stories: same wording, different companies and figures.
    for j, comp in enumerate(TEMPLATE_COMPANIES):
        key = 40.5 + j * 23
        s = results_story(rng, when_at(key), _uri(rng, "reuters"), comp)
        add(key, s, "template", f"t{j}", "unique")

    # The aggregated story, its exact resend, and its next version.
    key = 60.5
    agg = _aggregated(rng, when_at(key))
    line = add(key, agg, "original", "agg", "unique")
    entries.append((key + 2.3, line, dict(entries[-1][2], kind="resend", expect="duplicate")))
    agg2 = agg.clone()
    agg2.version, agg2.when = 2, when_at(key + 9)
    agg2.paras.insert(5, "South Korea's defence ministry said on Thursday it had lodged a protest through the "
                         "military hotline, which the North answered for the first time in months.")
    add(key + 9.2, agg2, "update", "agg", "update")

    picks = rng.sample(range(n_originals - 6), 64)
    kinds = (["resend"] * 10 + ["copy"] * 9 + ["update"] * 11 + ["late_old"] * 5 + ["rewrite"] * 14
             + ["abridged"] * 9 + ["copy_before"] * 2 + ["update_chain"] * 4)
    assert len(kinds) == len(picks)
    used = set(picks)
    for idx, kind in zip(picks, kinds):
        if kind == "abridged" and len(originals[idx][1].body_text().encode()) < 1500:
            # A brief of a short story is barely a story: abridge one of the longer unused originals instead.
            longer = [i for i in range(n_originals - 6)
                      if i not in used and len(originals[i][1].body_text().encode()) >= 1500]
            if longer:
                idx = _pick(rng, longer)
                used.add(idx)
        key, s, fam = originals[idx]
        off = rng.uniform(0.6, 14.0)
        if kind == "resend":
            line = serialise(s)
            e = next(e for e in entries if e[1] == line)
            entries.append((key + off, line, dict(e[2], kind="resend", expect="duplicate")))
        elif kind == "copy":
            add(key + off, make_copy(s, when_at(key + off), _uri(rng, s.agency)), "copy", fam, "duplicate")
        elif kind == "copy_before":
            # A partner's copy arrives first; the agency's own item is then the duplicate.
            add(key - 0.4, make_copy(s, when_at(key - 0.4), _uri(rng, "partner")), "copy", fam, "unique")
            for n, e in enumerate(entries):
                if e[2]["family"] == fam and e[2]["kind"] == "original":
                    entries[n] = (e[0], e[1], dict(e[2], expect="duplicate"))
        elif kind in ("update", "update_chain"):
            u = make_update(rng, s, when_at(key + off))
            add(key + off, u, "update", fam, "update")
            if kind == "update_chain":
                u2 = make_update(rng, u, when_at(key + off + 3))
                add(key + off + 3, u2, "update", fam, "update")
        elif kind == "late_old":
            # v2 arrives in the original's slot, v1 turns up later: a stale version of a known uri.
            u = make_update(rng, s, s.when + dt.timedelta(minutes=rng.randint(3, 20)))
            for n, e in enumerate(entries):
                if e[2]["family"] == fam and e[2]["kind"] == "original":
                    old_line, old_label = e[1], e[2]
                    entries[n] = (key, serialise(u), dict(old_label, kind="update_first", version=u.version,
                                                         expect="unique"))
                    entries.append((key + off, old_line, dict(old_label, kind="late_old", expect="stale")))
                    break
        elif kind == "rewrite":
            add(key + off, make_rewrite(rng, s, when_at(key + off), _uri(rng, s.agency)), "rewrite", fam,
                "near_duplicate")
        elif kind == "abridged":
            a = make_abridged(rng, s, when_at(key + off), _uri(rng, s.agency))
            if len(a.body_text().encode()) >= 560:
                add(key + off, a, "abridged", fam, "near_duplicate")
            else:  # too short to make a >= 0.5 KB brief of: a rewrite instead
                add(key + off, make_rewrite(rng, s, when_at(key + off), _uri(rng, s.agency)), "rewrite", fam,
                    "near_duplicate")

    # Malformed lines, spread through the feed.
    for j, (kind, text) in enumerate(MALFORMED):
        if text is None:
            text = entries[j * 3][1][:len(entries[j * 3][1]) // 2]
        entries.append((12.7 + j * 21.0, text, {"kind": "malformed", "family": "", "uri": "",
                                                 "expect": "malformed", "malformed": kind}))

    entries.sort(key=lambda e: e[0])
    return [(line, label) for _, line, label in entries]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("-o", "--output", default=os.path.join(here, "..", "samples", "stories.jsonl"))
    ap.add_argument("--seed", type=int, default=20240305)
    ap.add_argument("--labels", help="also write one JSON label per feed line (ground truth) to this path")
    args = ap.parse_args(argv)
    feed = build_feed(args.seed)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        for line, _ in feed:
            f.write(line + "\n")
    if args.labels:
        with open(args.labels, "w", encoding="utf-8", newline="\n") as f:
            for n, (_, label) in enumerate(feed, 1):
                f.write(json.dumps(dict(label, line=n), ensure_ascii=False) + "\n")
    counts = {}
    for _, label in feed:
        counts[label["kind"]] = counts.get(label["kind"], 0) + 1
    print(f"wrote {len(feed)} lines to {os.path.normpath(args.output)}: "
          + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
