"""The names people use for clubs (common_names.toml): the short names prose writes, the
spellings people type, and the nicknames of running text. One table, read by ingest (short
names), by `resolve_team` (typed names) and by the checker (all of them).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from matchfacts.store.names import name_key


@cache
def _table() -> dict[str, dict[str, str]]:
    text = resources.files("matchfacts.store").joinpath("common_names.toml").read_text("utf-8")
    return tomllib.loads(text)


def short_names() -> dict[str, str]:
    """A club's name in the store -> the name prose uses for it."""
    return _table()["short"]


def typed_names() -> dict[str, str]:
    """What people type or write for one club anywhere -> a name the store resolves."""
    return _table()["names"]


def nicknames() -> dict[str, str]:
    """Names of running text only ('the Reds') -> a name the store resolves."""
    return _table()["nicknames"]


@cache
def typed_by_key() -> dict[str, str]:
    """typed_names() by name key, so 'man utd', 'Man. Utd' and 'MAN UTD' are one."""
    return {name_key(typed): target for typed, target in typed_names().items()}


# A club's legal form as a word of its own, before or after the name, and a founding year:
# "AFC Ajax", "NK Maribor", "PFC Ludogorets 1945", "Olympiacos FC".
LEGAL_PREFIX = re.compile(
    r"^(?:A?FC|ACF|PFC|NK|HNK|GNK|FK|KF|SK|ŠK|SL|RSC|KRC|RC|RCD|CF|SC|sc|AS|US|SS|SSC|CS|"
    r"ACS|CSM|FCM|MFK|OFK|BSC|SD|UD|CD|CA|SV|VfL|VfB|TSG|OGC|1\.\s?FC)\s+"
)
LEGAL_SUFFIX = re.compile(r"\s+(?:FC|CF|CFC|BC|SK|FK|AŞ|JK|SC|Calcio)$|\s+(?:18|19|20)\d\d$")


def without_legal_form(name: str) -> str:
    """'AFC Ajax' -> 'Ajax', 'PFC Ludogorets 1945' -> 'Ludogorets'; a name that would be
    left shorter than three letters is kept whole."""
    short = LEGAL_SUFFIX.sub("", LEGAL_PREFIX.sub("", name.strip()))
    short = LEGAL_SUFFIX.sub("", short)  # again: "Bologna FC 1909" loses its year, then FC
    return short if len(short) >= 3 else name
