"""The summary's figures as flat rows (section, group, measure, value), for CSV."""
from __future__ import annotations

import csv
import io

SUPPRESSED = "suppressed"
ASPECT_TONES = ("positive", "mixed", "neutral", "negative")


def rows(summary: dict) -> list[tuple]:
    out: list[tuple] = [("responses", "all", "responses", _value(summary["responses"]))]
    out += _group_rows("all", summary["ratings"], summary["sentiment"])
    for section, key in (("trend", "month"), ("timing", "group")):
        for group in summary[section]:
            out.append((section, group[key], "responses", _value(group["responses"])))
            out += [(section, *row[1:]) for row in _group_rows(group[key], group["ratings"], group["sentiment"])]
    for aspect, figures in summary["aspects"].items():
        out.append(("aspects", aspect, "comments", _value(figures["comments"])))
        out += [("aspects", aspect, f"comments_{tone}", _value(figures[tone])) for tone in ASPECT_TONES]
    for item in summary["phrases"]["items"]:
        out.append(("phrases", item["tone"], item["phrase"], item["comments"]))
    out.append(("suppression", "all", "threshold", summary["suppression"]["threshold"]))
    return out


def _group_rows(group, ratings: dict, sentiment: dict) -> list[tuple]:
    measures = [("ratings", f"ratings_{k}", ratings[k]) for k in
                ("answered", "positive", "neutral", "negative", "positive_percent", "negative_percent")]
    measures += [("sentiment", "comments" if k == "comments" else f"comments_{k}", sentiment[k]) for k in
                 ("comments", "positive", "mixed", "neutral", "negative", "not_analysed")]
    return [(section, group, measure, _value(value)) for section, measure, value in measures]


def _value(value):
    return SUPPRESSED if value is None else value


def to_csv(summary: dict) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(("section", "group", "measure", "value"))
    writer.writerows(rows(summary))
    return buffer.getvalue()
