"""The fact sheet's "Their last meeting: A 3-1 B, 6 April 2021": the match is in the raw
files on that day, between those sides at those grounds, with that score (after extra
time), and no meeting of the two in the files falls between it and the fixture."""

from __future__ import annotations

import datetime as dt

from audit import units as U
from audit.judge import Line


def last_meeting(fixture: str, item: dict, as_of: dt.date) -> Line:
    row = item["rows"][0]
    team = item["query"]["subject"]["team"]
    other = item["query"]["context"]["opponent"]
    ctx = item["query"]["context"]
    m = U.team_matches(team, as_of)
    m = m[m["opponent"] == other]
    if ctx.get("competition") == "league":
        m = m[m["kind"] == "league"]
    stated = f"{row['date']} {row['home']} {row['score']} {row['away']}"
    if m.empty:
        return Line(
            fixture, "sheet", item["text"], stated, None, "false", "no meeting in the raw files"
        )
    last = m.iloc[-1]
    home_first = last["venue"] == "home" or (last["venue"] == "neutral" and _named_first(row, item))
    hg, ag = (last["gf"], last["ga"]) if home_first else (last["ga"], last["gf"])
    found = f"{last['date']} {hg}-{ag}"
    ok = str(last["date"]) == row["date"] and row["score"] == f"{hg}-{ag}"
    return Line(
        fixture,
        "sheet",
        item["text"],
        stated,
        found,
        "true" if ok else "false",
        "" if ok else "another last meeting or score in the raw files",
    )


def _named_first(row: dict, item: dict) -> bool:
    return row["home"] == item["query"]["subject"].get("team_name")
