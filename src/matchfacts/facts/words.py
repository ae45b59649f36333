"""How a sports desk writes numbers, counts and dates."""

from __future__ import annotations

import datetime as dt

from matchfacts.facts.lexicon import LEXICON

SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
ORDINALS = (
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)


def number(n: int) -> str:
    """Numbers up to ten in words, larger ones in figures: 'six', '14'."""
    return SMALL[n] if 0 <= n < len(SMALL) else str(n)


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'one meeting', 'six meetings', '14 matches'."""
    return f"{number(n)} {noun if n == 1 else (plural or noun + 's')}"


def ordinal(n: int) -> str:
    return ORDINALS[n] if 0 <= n < len(ORDINALS) else f"{n}th"


def month(date: dt.date) -> str:
    """'March 2009'."""
    return date.strftime("%B %Y")


def score(home: int | None, away: int | None) -> str:
    return f"{home}-{away}"


def times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{number(n)} times")


def day(date: dt.date) -> str:
    """'10 April 2021'."""
    return f"{date.day} {date:%B %Y}"


def possessive(name: str) -> str:
    """ "Liverpool's", "Wycombe Wanderers'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def result(gf: int, ga: int) -> str:
    """'a 4-0 win', 'a 1-2 defeat' said the desk's way: 'a 2-1 defeat', 'a 1-1 draw'."""
    word = "win" if gf > ga else ("defeat" if gf < ga else "draw")
    return f"a {score(max(gf, ga), min(gf, ga))} {word}"


# A country code as a desk names its sides ("Spanish opposition"): the lexicon's table.
ADJECTIVES = {code: c.adjective for code, c in LEXICON.countries.items()}
