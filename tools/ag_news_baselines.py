#!/usr/bin/env python3
"""Standard text classifiers on AG News, trained on the odd rows and scored on the even rows.

    tools/ag_news_baselines.py /work/shared/data/ag_news/test.csv

A yardstick for issue #6, not part of the build or the tests: how far can a supervised model get on
the only labelled news data this machine has (the 7,600-item AG News test split; its 120k training
split is not here)? The same split as `topics_eval --rows odd|even` and `ag_news_to_jsonl.py`: rows
numbered from 1 over the labelled records, trained on odd, scored on even. Prints each class's
top-1 (its recall), as topics_eval does.

Needs scikit-learn, which the project does not install: `pip install scikit-learn` in a venv.
"""
import argparse
import csv

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import make_union
from sklearn.svm import LinearSVC

NAMES = {"1": "World", "2": "Sports", "3": "Business", "4": "Sci/Tech"}


def load(path):
    train, test = [], []
    number = 0
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            if len(row) < 3 or row[0] not in NAMES:
                continue  # header
            number += 1
            # Headline twice: the rules and the model weight it 2 against the body's 1.
            text = (row[1] + " . ") * 2 + row[2].replace("\\", " ")
            (train if number % 2 == 1 else test).append((text, row[0]))
    return train, test


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv")
    args = ap.parse_args()
    train, test = load(args.csv)
    x_train, y_train = [t for t, _ in train], [y for _, y in train]
    x_test, y_test = [t for t, _ in test], [y for _, y in test]

    def words():
        return TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)

    models = [
        ("tf-idf words 1-2, linear SVM", words(), LinearSVC(C=1)),
        ("tf-idf words 1-2, logistic regression", words(), LogisticRegression(C=10, max_iter=2000)),
        ("tf-idf words 1, linear SVM", TfidfVectorizer(sublinear_tf=True), LinearSVC(C=0.5)),
        ("word 1-2 counts, complement naive Bayes",
         TfidfVectorizer(ngram_range=(1, 2), use_idf=False, norm=None), ComplementNB(alpha=0.3)),
        ("tf-idf words 1-2 + chars 2-5, linear SVM",
         make_union(words(), TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
         LinearSVC(C=0.5)),
    ]
    print(f"train: {len(train)} odd rows, test: {len(test)} even rows; top-1 per class")
    for name, vec, clf in models:
        clf.fit(vec.fit_transform(x_train), y_train)
        pred = clf.predict(vec.transform(x_test))
        per_class = []
        for c, label in NAMES.items():
            n = y_test.count(c)
            hit = sum(1 for y, p in zip(y_test, pred) if y == c and p == c)
            per_class.append(f"{label} {hit / n:.3f}")
        total = sum(1 for y, p in zip(y_test, pred) if y == p) / len(y_test)
        print(f"{name:42s} " + "  ".join(per_class) + f"  all {total:.3f}")


if __name__ == "__main__":
    main()
