"""Comparing names as sources spell them: "Malmö FF", "Malmoe Ff" and "Malmo FF" are one.

A name's key drops accents and the transliterations German and Nordic sources use
(ö = oe), lower-cases it, and drops the tokens that are only legal form or filler
(FC, CF, AFC, SK ...) and founding years, so what is left is the part that names the club.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

# Letters NFKD does not decompose.
_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "ß": "ss",
        "ð": "d",
        "þ": "th",
    }
)
_DIGRAPHS = (("ue", "u"), ("oe", "o"), ("ae", "a"))
FILLER = frozenset(
    [
        "fc",
        "cf",
        "afc",
        "ac",
        "as",
        "sc",
        "sk",
        "fk",
        "bk",
        "if",
        "ff",
        "cd",
        "ud",
        "sv",
        "vfl",
        "vfb",
        "tsv",
        "rc",
        "rcd",
        "ca",
        "cs",
        "ssc",
        "ss",
        "us",
        "sl",
        "kv",
        "krc",
        "rsc",
        "club",
        "de",
        "del",
        "la",
        "le",
        "les",
        "the",
        "nk",
        "hnk",
        "gnk",
        "pfc",
        "ofk",
        "bsc",
        "sco",
        "ik",
        "aik",
        "gif",
        "kf",
        "fsv",
        "spvgg",
        "osc",
        "ogc",
        "calcio",
        "football",
        "futbol",
        "fotbal",
        "klub",
        "sportclub",
        "sportverein",
    ]
)
_YEAR = re.compile(r"^(18|19|20)\d\d$")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The comparable core of a team name."""
    text = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    for digraph, plain in _DIGRAPHS:  # only inside a word: "UE Santa Coloma" keeps its UE
        text = re.sub(f"(?<=[a-z]){digraph}", plain, text)
    tokens = re.findall(r"[a-z0-9]+", text)
    core = [t for t in tokens if t not in FILLER and not _YEAR.match(t)]
    return " ".join(core or tokens)


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """The comparable form of a person's name: no accents, lower case, single spaces."""
    text = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def similarity(a: str, b: str, **_: object) -> float:
    """0..100: how alike two name keys are, forgiving extra or reordered words.

    (Takes and ignores rapidfuzz's keyword arguments, so it serves as a scorer too.)
    """
    # Not token_set_ratio: it scores "espanyol barcelona" against "barcelona" as 100.
    return max(fuzz.token_sort_ratio(a, b), fuzz.ratio(a, b))


def best_match(
    key: str, choices: dict[int, str], threshold: float = 92.0, margin: float = 4.0
) -> int | None:
    """The one choice clearly most like `key`, or None when none is close or two tie."""
    if not choices:
        return None
    ranked = process.extract(key, choices, scorer=similarity, limit=2)
    best_score, best_id = ranked[0][1], ranked[0][2]
    if best_score < threshold:
        return None
    if len(ranked) > 1 and ranked[1][1] > best_score - margin and ranked[1][0] != ranked[0][0]:
        return None
    return int(best_id)


def suggestions(name: str, known: Iterable[str], limit: int = 5) -> list[str]:
    """Known names nearest to a wrong one, for error messages."""
    options = list(dict.fromkeys(known))
    ranked = process.extract(
        name_key(name),
        {o: name_key(o) for o in options},
        scorer=similarity,
        limit=limit,
        score_cutoff=60,
    )
    return [choice[2] for choice in ranked]
