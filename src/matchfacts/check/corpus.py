"""Scoring the checker on a claims corpus written from other people's previews
(tests/check/corpus): did it read the right query, and reach the right verdict?

A corpus line names teams and players as people do; the reading is compared on what the
query means: the subject, the event, the shape, the competition set, the stage, the
venue, the opponent, the opponent's country, the first-leg situation and the window.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import duckdb

from matchfacts.check.checker import check_text
from matchfacts.errors import MatchfactsError
from matchfacts.facts.lexicon import LEXICON
from matchfacts.store.lookup import resolve_team, team_by_id

COMPARED = ("competition", "stage", "venue", "opponent", "opponent_country", "first_leg")


@dataclass(frozen=True, slots=True)
class Scored:
    id: str
    address: str
    expected_verdict: str
    verdict: str
    read_right: bool
    why: str


def load(folder: Path) -> list[dict]:
    lines = []
    for path in sorted(folder.glob("part-*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    lines.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise MatchfactsError(f"{path}:{number}: {error}") from error
    return lines


def _team(con, name: object) -> int | None:
    if not isinstance(name, str):
        return None
    try:
        return resolve_team(con, name).id
    except MatchfactsError:
        return None


def expected_reading(con, claim: dict) -> dict | None:
    q = claim.get("query")
    if not q:
        return None
    fx = claim["fixture"]
    subject = q.get("subject", {})
    ctx = dict(q.get("context") or {})
    out = {
        "subject": ("sides",)
        if subject.get("sides")
        else (_team(con, subject.get("team")), (subject.get("player") or "").lower() or None),
        "event": q.get("event"),
        "shape": q.get("shape"),
        "window": q.get("window", "all"),  # not compared: what a record line may stand for
    }
    comp = ctx.get("competition", "all")
    out["competition"] = fx.get("competition") if comp == "this" else comp
    venue = ctx.get("venue")
    if isinstance(venue, dict) and "ground" in venue:
        owners = LEXICON.grounds.get(venue["ground"], ())
        owner = _team(con, owners[0]) if owners else None
        if owner is not None and owner == out["subject"][0]:
            venue = "home"
        else:
            venue = "away"
            ctx.setdefault("opponent", owners[0] if owners else None)
    out["venue"] = venue
    out["stage"] = ctx.get("stage")
    out["opponent"] = _team(con, ctx.get("opponent"))
    subject_team = out["subject"][0] if out["subject"] != ("sides",) else None
    out["abroad"] = _abroad(con, subject_team, out["opponent"])
    out["opponent_country"] = ctx.get("opponent_country")
    fl = ctx.get("first_leg")
    out["first_leg"] = (fl.get("result"), fl.get("venue")) if fl else None
    return out


def _abroad(con, team: int | None, opponent: int | None) -> bool:
    """Whether two sides are from different countries (so meet only in Europe)."""
    if team is None or opponent is None:
        return False
    rows = dict(con.execute("SELECT id, country FROM team WHERE id IN (?, ?)",
                            [team, opponent]).fetchall())  # fmt: skip
    return rows.get(team) is not None and rows.get(team) != rows.get(opponent)


def actual_reading(con, query: dict) -> dict:
    subject = query["subject"]
    ctx = query.get("context", {})
    player = None
    if subject.get("player") is not None:
        row = con.execute("SELECT name FROM player WHERE id = ?", [subject["player"]]).fetchone()
        player = row[0].lower() if row else None
    fl = ctx.get("first_leg")
    return {
        "subject": ("sides",) if subject.get("sides") else (subject.get("team"), player),
        "event": query["event"],
        "shape": query["shape"],
        "window": query.get("window", "all"),
        "competition": ctx.get("competition", "all"),
        "venue": ctx.get("venue"),
        "stage": ctx.get("stage"),
        "opponent": ctx.get("opponent"),
        "opponent_country": ctx.get("opponent_country"),
        "first_leg": (fl["result"], fl["venue"]) if fl else None,
    }


def _same_subject(expected: tuple, actual: tuple) -> bool:
    """The same side, and the same player where both name one (by surname)."""
    if expected == actual:
        return True
    if len(expected) < 2 or len(actual) < 2 or expected[0] != actual[0]:
        return False
    return not expected[1] or not actual[1] or expected[1].split()[-1] in actual[1]


def _same_matches(expected: dict, actual: dict) -> bool:
    """'Every competition' and 'European' are the same matches against another country's
    sides (they meet only in Europe): a reading may say either."""
    pair = {expected.get("competition"), actual.get("competition")}
    abroad = expected.get("opponent_country") is not None or expected.get("abroad")
    return pair <= {"all", "european"} and bool(abroad)


def differences(expected: dict, actual: dict) -> list[str]:
    out = []
    for key in ("subject", "event", "shape", *COMPARED):
        e, a = expected.get(key), actual.get(key)
        if key == "subject" and _same_subject(e, a):
            continue
        if key == "competition" and _same_matches(expected, actual):
            continue
        if key == "event" and expected.get("shape") == actual.get("shape") == "record":
            continue  # a record counts every result: its event is no part of it
        if e != a:
            out.append(f"{key}: expected {e!r}, read {a!r}")
    return out


CONTEXT = 2  # the claims before it in the same preview that a claim is read after


RESULT_EVENTS = ("win", "draw", "loss", "played")


def covered_by(expected: dict, actual: dict) -> bool:
    """Whether a mined fact states a finding: the same reading, or a record line in the
    same context for a count of results ("won 14 of their 55 European matches" is in
    "14 wins, 28 defeats and 13 draws in their 55 European matches")."""
    if not differences(expected, actual):
        return True
    statbox = actual.get("shape") == "record" and expected.get("shape") in ("k_of_n", "count")
    every = expected.get("window") == actual.get("window") == "all"  # the same matches
    if not statbox or not every or expected.get("event") not in RESULT_EVENTS:
        return False
    same = {**actual, "shape": expected["shape"], "event": expected["event"]}
    return not differences(expected, same)


def score(con: duckdb.DuckDBPyConnection, claims: list[dict]) -> list[Scored]:
    """Each claim checked as the checker reads a preview: after the claims before it in
    the same preview (at most CONTEXT, one a line), so "they" and "the hosts" have someone
    to refer to; the verdict is the one on the claim's own line."""
    out = []
    before: dict[str, list[str]] = {}
    for claim in claims:
        fx = claim["fixture"]
        home, away = _team(con, fx["home"]), _team(con, fx["away"])
        day = dt.date.fromisoformat(fx["date"])
        sides = [team_by_id(con, t) for t in (home, away) if t is not None]
        earlier = [t for t in before.get(claim["address"], []) if t != claim["text"]]
        lead = "".join(f"{t}\n" for t in earlier[-CONTEXT:])
        before.setdefault(claim["address"], []).append(claim["text"])
        report = check_text(con, lead + claim["text"], day, *(sides if len(sides) == 2 else ()))
        own = [c for c in report.claims if c.start >= len(lead)]
        expected = expected_reading(con, claim)
        checked = _the_claim(con, own, expected)
        verdict = checked.verdict.verdict if checked else "no claim"
        read = (checked.verdict.parsed or {}).get("query") if checked else None
        if expected is None:
            right, why = verdict == "not_checkable", "" if verdict == "not_checkable" else verdict
        elif read is None:
            right, why = False, checked.verdict.reason if checked else "no claim found"
        else:
            diffs = differences(expected, actual_reading(con, read))
            right, why = not diffs, "; ".join(diffs)
        out.append(Scored(claim["id"], claim["address"], claim["verdict"], verdict, right, why))
    return out


def _the_claim(con, own: list, expected: dict | None):  # noqa: ANN001, ANN202
    """Of the claims the checker read in a corpus line (a sentence may state two: a run
    and its record), the one the line is about: the one read as expected, else the last."""
    if not own:
        return None
    for checked in own:
        read = (checked.verdict.parsed or {}).get("query")
        if expected is not None and read and not differences(expected, actual_reading(con, read)):
            return checked
    return own[-1]


def summary(scored: list[Scored]) -> dict:
    n = len(scored)
    read = sum(s.read_right for s in scored)
    verdicts = sum(s.verdict == s.expected_verdict for s in scored)
    return {
        "claims": n,
        "read_right": read,
        "verdict_right": verdicts,
        "by_expected": dict(Counter(s.expected_verdict for s in scored)),
        "previews": len({s.address for s in scored}),
    }
