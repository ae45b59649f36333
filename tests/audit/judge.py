"""One audited line: the product's fact (or fact-sheet line), the figure it states, the
figure the raw files give, and the verdict: true, false (another figure), misleading (the
figure holds but the words claim more than the data can show), or not audited (the reader
cannot speak to it: a player's goals)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from audit import units as U
from audit.derive import Derived, NotDerivable, derive

# League football began in each country before the first season the raw files hold of its
# top league (the Eredivisie of 1956, the Bundesliga of 1963 ...); only England's files
# start with its league (the Football League, 1888-89). A count "in their league matches"
# with no "since" over a side that was there from the files' first season claims a past
# the files do not hold.
LEAGUE_FROM_START = {"ENG1": "1888-89", "ESP1": "1928-29", "ITA1": "1929-30", "FRA1": "1932-33"}


@dataclass
class Line:
    fixture: str
    kind: str  # fact, sheet
    text: str
    product: object
    independent: object
    verdict: str  # true, false, misleading, not audited
    reason: str


def product_figure(item: dict) -> object:
    shape = item["query"]["shape"]
    if "rows" in item:  # a fact-sheet record line
        row = item["rows"][0]
        if "P" in row:
            return (row["P"], row["W"], row["D"], row["L"], row["F"], row["A"])
        goals = [int(x) for x in row["goals"].split("-")]
        keys = list(row)
        return (row["played"], row[keys[1]], row["draws"], row[keys[3]], *goals)
    if shape == "record" and isinstance(item["value"], str):  # "Record(played=12, won=2 ...)"
        return tuple(int(x) for x in re.findall(r"=(-?\d+)", item["value"]))
    if shape in ("k_of_n", "split", "share"):
        return (item["numerator"], item["denominator"])
    if shape == "first_since":
        return item["value"]
    return item["value"]


def _compare(shape: str, stated: object, found: Derived, query: dict) -> tuple[str, str]:
    value = found.value
    if shape == "record" and isinstance(stated, tuple) and len(stated) == 6 and value:
        # a head-to-head row counts the other side's wins as its defeats
        return ("true", "") if tuple(stated) == tuple(value) else ("false", f"raw {value}")
    if shape == "run":
        if value is None or stated is None:
            return ("false", "no run in the raw files")
        if found.spans_gap:
            return ("misleading", "the run spans a season the files do not hold for this side")
        if stated == value:
            return ("true", "")
        if stated < value:
            return ("true", f"understated: the raw run is {value}")
        return ("false", f"the raw run is {value}")
    if shape == "first_since":
        return ("true", "") if str(stated) == str(value) else ("false", f"raw {value}")
    if isinstance(stated, list):
        stated = tuple(stated)
    return ("true", "") if stated == value else ("false", f"raw {value}")


def _wording(item: dict, query: dict, as_of: dt.date) -> str | None:
    """What the sentence claims beyond its figure: an all-time league count over a side
    the files hold from their first season."""
    text = item.get("text", "")
    ctx = query.get("context", {})
    if query.get("window", "all") != "all" or "since" in text or ctx.get("season"):
        return None
    if query["subject"].get("sides") or query["unit"] != "match":
        return None
    competition = ctx.get("competition", "all")
    if competition in U.EUROPEAN or competition == "european" or competition == "USC":
        return None
    team = query["subject"]["team"]
    opponent = ctx.get("opponent")
    if opponent is not None and U.identity.country(opponent) != U.identity.country(team):
        return None  # clubs of two countries meet in no league: the count is European
    m = U.team_matches(team, as_of)
    leagues = m[m["kind"] == "league"]
    if competition not in ("all", "league"):
        leagues = leagues[leagues["comp"] == competition]
    if leagues.empty or query["shape"] == "run":
        return None
    first = leagues.iloc[0]
    held_from = U.matches().groupby("comp")["season"].min()[first["comp"]]
    if first["season"] == held_from and LEAGUE_FROM_START.get(first["comp"]) != held_from:
        return (
            f"counts league matches from {held_from}, the files' first season of "
            f"{first['comp']}, as if all-time: needs 'since {held_from}'"
        )
    return None


def judge(fixture: str, item: dict, as_of: dt.date, gaps: dict, kind: str = "fact") -> Line:
    query = item["query"]
    text = item.get("text", "")
    stated = product_figure(item)
    try:
        found = derive(query, as_of, gaps)
    except NotDerivable as why:
        return Line(fixture, kind, text, stated, None, "not audited", str(why))
    verdict, reason = _compare(query["shape"], stated, found, query)
    if verdict == "true":
        wording = _wording(item, query, as_of)
        if wording:
            verdict, reason = "misleading", wording
    if verdict == "true" and not _numbers_in_text(stated, text, query["shape"]):
        verdict, reason = "false", "the sentence does not state the figure"
    return Line(fixture, kind, text, stated, found.value, verdict, reason)


SPELT = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
WORDS = {w: i for i, w in enumerate(SPELT)} | {"once": 1, "twice": 2, "none": 0}


def _numbers_in_text(stated: object, text: str, shape: str) -> bool:
    """Every figure of the product's answer is in its sentence (spelt to ten)."""
    if shape == "first_since" or not isinstance(stated, int | tuple | list):
        return True
    found = {int(x) for x in re.findall(r"\b\d+\b", text.replace(",", ""))}
    found |= {WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in WORDS}
    figures = [stated] if isinstance(stated, int) else list(stated)
    return all(f in found for f in figures[:2] if isinstance(f, int))
