"""How interesting a fact is: one score from named components, kept in `Fact.details`.

Each miner states what it knows about its fact in `details`:

- `chance`: how likely a statement this strong would be by chance under the context's own
  base rate (a run of six at a 50% rate: 1/64; two wins in 20 visits where a third of
  visits are won: the binomial tail). Rarity is its surprisal, capped.
- `windows`: for each natural change of window ("last 3", "last 4", "last 5", "last 10",
  "this season", "since 1992", "ever"), whether the fact would still be the story there.
- `subject_kind`: "team" (one of the two clubs), "tie" (the situation of this tie),
  "player" (one of their players) or "other".
- `sample` (optional): how many matches or ties the fact rests on; by default its evidence.

The score is the weighted sum of rarity, sample size, robustness, freshness and
centrality, each in [0, 1], rounded so that the order is the same on every machine.
"""

from __future__ import annotations

import math
from dataclasses import replace

from scipy.stats import binom

from matchfacts.facts.record import Fact

WEIGHTS = {
    "rarity": 0.30,
    "sample": 0.15,
    "robustness": 0.15,
    "freshness": 0.15,
    "centrality": 0.25,
}
CENTRALITY = {"situation": 1.0, "team": 1.0, "tie": 0.9, "player": 0.7, "other": 0.4}
TIMELESS = {"situation"}  # a base rate after a first leg is not staler for being old
FRESH_HALF_LIFE_YEARS = 2.0  # evidence this old counts half as fresh
SAMPLE_SCALE = 8.0  # eight matches behind a fact make it 63% as solid as it gets


def run_chance(rate: float, length: int) -> float:
    """The chance of a run of `length` when each match continues it with `rate`."""
    return rate**length


def binomial_chance(hits: int, n: int, rate: float) -> float:
    """The chance of a record at least as far from `rate` as hits in n, on its side."""
    if n == 0:
        return 1.0
    if hits >= n * rate:
        return min(1.0, float(binom.sf(hits - 1, n, rate)))
    return min(1.0, float(binom.cdf(hits, n, rate)))


def components(fact: Fact) -> dict[str, float]:
    d = fact.details
    chance = max(float(d.get("chance", 1.0)), 1e-12)
    windows = d.get("windows") or {}
    n = d.get("sample", len(fact.evidence))
    newest = max((e.date for e in fact.evidence), default=None)
    age = (fact.as_of - newest).days / 365.25 if newest else 50.0
    return {
        "rarity": min(1.0, -math.log10(chance) / 3),
        "sample": 1 - math.exp(-n / SAMPLE_SCALE),
        "robustness": sum(windows.values()) / len(windows) if windows else 0.5,
        "freshness": 1.0 if d.get("subject_kind") in TIMELESS
        else 0.5 ** (age / FRESH_HALF_LIFE_YEARS),
        "centrality": CENTRALITY[d.get("subject_kind", "other")],
    }


def scored(fact: Fact) -> Fact:
    """The fact with its score, and the components behind it in `details['score']`."""
    parts = {name: round(value, 4) for name, value in components(fact).items()}
    total = round(sum(WEIGHTS[name] * value for name, value in parts.items()), 4)
    details = {**fact.details, "score": parts}
    if "chance" in details:
        details["chance"] = float(f"{float(details['chance']):.4g}")
    return replace(fact, score=total, details=details)


def order_key(fact: Fact) -> tuple:
    """Best first; ties broken by form, subject and text, so the order is deterministic."""
    return (-fact.score, fact.form, fact.subject, fact.text)
