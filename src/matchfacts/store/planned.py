"""A match the store does not hold yet: the fixture a user names (HOME AWAY --date D,
with --competition, --round, --leg, --neutral where they matter), its other slots inferred
from what the store holds before D, and each inference stated so the user can correct it.

A preview is written before the match, so this is the normal case for a user: the store's
newest match is the last one its sources had, and the fixture is next week's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import duckdb

from matchfacts.errors import UsageError
from matchfacts.facts.lexicon import LEXICON
from matchfacts.sources.records import season_of
from matchfacts.store.competitions import ROUND_NAMES

# The round codes a user may give, and the words for them.
ROUND_WORDS = {
    "final": "F", "semi-final": "SF", "semi-finals": "SF", "semi final": "SF",
    "quarter-final": "QF", "quarter-finals": "QF", "quarter final": "QF",
    "round of 16": "R16", "last 16": "R16", "round of 32": "R32", "last 32": "R32",
    "knockout play-off": "KPO", "knockout play-offs": "KPO", "play-off": "PO",
    "play-offs": "PO", "league phase": "LEAGUE_PHASE", "group stage": "GROUP",
    "group": "GROUP", "league": "LEAGUE",
}  # fmt: skip
ROUND_STAGE = {"F": "final", "PO": "qualifying", "PRE": "qualifying", "GROUP": "group",
               "GROUP2": "group", "LEAGUE_PHASE": "group", "LEAGUE": "league"}  # fmt: skip
FIRST_LEG_WINDOW = dt.timedelta(days=42)  # a return leg follows within six weeks
STALE_AFTER = dt.timedelta(days=21)  # older data than this gets a warning


@dataclass(frozen=True, slots=True)
class Plan:
    """What a user says of a match the store may not hold; None: infer it."""

    competition: str | None = None
    round: str | None = None
    leg: int | None = None
    neutral: bool | None = None

    def given(self) -> bool:
        return any(v is not None for v in (self.competition, self.round, self.leg, self.neutral))


def competition_id(con: duckdb.DuckDBPyConnection, typed: str) -> str:
    """'UCL', 'Champions League', 'premier league' -> the store's competition id."""
    text = typed.strip()
    ids = [row[0] for row in con.execute("SELECT id FROM competition").fetchall()]
    for known in ids:
        if known.lower() == text.lower():
            return known
    for variant, value in LEXICON.reading("competition").items():
        if variant.lower() == text.lower() and value in ids:
            return value
    raise UsageError(
        f"unknown competition {typed!r}: give an id ({', '.join(sorted(ids))}) or a name "
        "such as 'Champions League' or 'Premier League'"
    )


def round_code(typed: str) -> str:
    text = typed.strip()
    code = ROUND_WORDS.get(text.lower(), text.upper())
    if code not in ROUND_NAMES and code != "LEAGUE":
        raise UsageError(
            f"unknown round {typed!r}: give a code (F, SF, QF, R16, R32, KPO, PO, Q1-Q4, "
            "LEAGUE_PHASE, GROUP) or words such as 'quarter-final'"
        )
    return code


def stage_of(round_: str | None, competition: str) -> str:
    if competition[-1:].isdigit():
        return "league"
    if round_ is None:
        return "group"
    if round_ in ROUND_STAGE:
        return ROUND_STAGE[round_]
    return "qualifying" if re.fullmatch(r"Q\d", round_) else "knockout"


@dataclass(frozen=True, slots=True)
class Inferred:
    """A planned match's slots with where each came from, for the notice."""

    competition: str
    season: str
    stage: str
    round: str | None
    leg: int | None
    neutral: bool
    first_leg_id: int | None
    tie_id: int | None
    said: tuple[str, ...]  # one line per slot inferred, for the user to correct


def newest_played(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    row = con.execute("SELECT max(date) FROM match WHERE home_goals IS NOT NULL").fetchone()
    return row[0] if row else None


def infer(
    con: duckdb.DuckDBPyConnection, home_id: int, away_id: int, date: dt.date, plan: Plan
) -> Inferred:
    """The fixture's competition, round and leg from the plan, else from the store before
    `date`: a return leg of the tie the two began in the past six weeks; else the
    competition both sides played in most recently, in that season."""
    said: list[str] = []
    comp = competition_id(con, plan.competition) if plan.competition else None
    round_ = round_code(plan.round) if plan.round else None
    first = None
    if plan.leg in (None, 2):
        first = _first_leg(con, home_id, away_id, date, comp)
    if first is not None:
        first_id, first_date, comp, season, stage, first_round, tie_id = first
        said.append(
            f"Taken as the second leg of the {LEXICON.competition_name(comp, season)} tie that "
            f"began on {first_date} (--leg 1 to change)."
        )
        return Inferred(
            comp, season, stage, round_ or first_round, 2, bool(plan.neutral), first_id,
            tie_id, tuple(said),
        )  # fmt: skip
    if plan.leg == 2:
        raise UsageError(
            "--leg 2: no first leg between these sides (the other way round) in the six "
            f"weeks before {date}"
        )
    if comp is None:
        comp = _shared_competition(con, home_id, away_id, date)
        if comp is None:
            raise UsageError(
                f"no competition both sides played in the year before {date}: give "
                "--competition"
            )
        said.append(
            f"Competition: {LEXICON.competition_name(comp, season_of(date))}, the one both "
            "sides play in (--competition to change)."
        )
    season = season_of(date)  # every competition the store holds runs July to June
    if round_ is None and not comp[-1:].isdigit():
        round_ = _current_round(con, (home_id, away_id), comp, season)
        if round_ is not None:
            said.append(
                f"Round: the {ROUND_NAMES.get(round_, round_)}, where both sides last played "
                "(--round to change)."
            )
    stage = stage_of(round_, comp)
    leg = plan.leg
    if leg is None and stage == "knockout":
        leg = 1
        said.append("Taken as the first leg of a two-legged tie (--leg 2 or --round F to change).")
    return Inferred(
        comp, season, stage, round_, leg, bool(plan.neutral), None, None, tuple(said)
    )  # fmt: skip


def _first_leg(con, home_id, away_id, date, comp):  # noqa: ANN001, ANN202
    """The first leg the two began in the past six weeks (the other way round), with
    its date, competition, season, stage, round and tie; None if there is none."""
    return con.execute(
        """SELECT m.id, m.date, m.competition_id, m.season, m.stage, m.round, m.tie_id
           FROM match m LEFT JOIN tie t ON t.id = m.tie_id
           WHERE m.home_id = $away AND m.away_id = $home AND m.date < $day
             AND m.date >= $day - $window AND m.stage IN ('knockout', 'qualifying')
             AND m.home_goals IS NOT NULL AND ($comp IS NULL OR m.competition_id = $comp)
             AND (t.id IS NULL OR t.second_leg_id IS NULL OR t.first_leg_id = m.id)
           ORDER BY m.date DESC LIMIT 1""",
        {"home": home_id, "away": away_id, "day": date, "window": FIRST_LEG_WINDOW,
         "comp": comp},
    ).fetchone()  # fmt: skip


def _shared_competition(con, home_id: int, away_id: int, date: dt.date) -> str | None:  # noqa: ANN001
    """A competition both sides played in within the year before: their league when they
    share one, else the one of them played in most recently."""
    row = con.execute(
        """WITH h AS (SELECT competition_id, max(date) AS last FROM match
                      WHERE date < $day AND date >= $day - INTERVAL 365 DAY
                        AND $h IN (home_id, away_id) GROUP BY ALL),
                a AS (SELECT competition_id, max(date) AS last FROM match
                      WHERE date < $day AND date >= $day - INTERVAL 365 DAY
                        AND $a IN (home_id, away_id) GROUP BY ALL)
           SELECT h.competition_id FROM h JOIN a USING (competition_id)
           JOIN competition c ON c.id = h.competition_id
           ORDER BY c.kind = 'league' DESC, greatest(h.last, a.last) DESC LIMIT 1""",
        {"h": home_id, "a": away_id, "day": date},
    ).fetchone()
    return row[0] if row else None


def _current_round(con, sides: tuple[int, int], comp: str, season: str) -> str | None:  # noqa: ANN001
    """The round both sides last played in this competition and season, if the same."""
    rounds = []
    for side in sides:
        row = con.execute(
            """SELECT round FROM match WHERE competition_id = ? AND season = ?
               AND (home_id = ? OR away_id = ?) ORDER BY date DESC LIMIT 1""",
            [comp, season, side, side],
        ).fetchone()
        rounds.append(row[0] if row else None)
    return rounds[0] if rounds[0] == rounds[1] and rounds[0] in ROUND_STAGE else None


def home_ground(con: duckdb.DuckDBPyConnection, team_id: int, date: dt.date) -> str | None:
    """The side's ground now: of its last five home matches before `date` that name one,
    the latest ground named at least twice (Real Madrid at the Di Stéfano in 2020-21;
    Liverpool at Anfield, not in Budapest where one tie was moved), else the latest. None
    if no source names one."""
    row = con.execute(
        """SELECT venue FROM (
               SELECT venue, date FROM match WHERE home_id = ? AND date < ?
               AND venue IS NOT NULL AND NOT coalesce(neutral, false)
               ORDER BY date DESC LIMIT 5)
           GROUP BY venue ORDER BY count(*) >= 2 DESC, max(date) DESC LIMIT 1""",
        [team_id, date],
    ).fetchone()
    return row[0] if row else None


def freshness(con: duckdb.DuckDBPyConnection, date: dt.date) -> str | None:
    """A warning when the store's newest result is weeks older than the fixture."""
    newest = newest_played(con)
    if newest is None or date - newest <= STALE_AFTER:
        return None
    return (
        f"The store's newest result is from {newest}, {(date - newest).days} days before "
        "this fixture: form, facts and ratings miss every match played since."
    )


def scheduled(
    con: duckdb.DuckDBPyConnection,
    first: dt.date,
    last: dt.date | None = None,
    competition: str | None = None,
) -> list[dict]:
    """The matches a source lists but has not played in its copy, from `first` to `last`
    (both included; no end: every later one), in one competition or all."""
    rows = con.execute(
        """SELECT m.date, m.competition_id, m.season, m.round, h.short_name, a.short_name,
                  coalesce(m.neutral, false)
           FROM match m JOIN team h ON h.id = m.home_id JOIN team a ON a.id = m.away_id
           WHERE m.status = 'scheduled' AND m.home_goals IS NULL AND m.date >= $first
             AND ($last IS NULL OR m.date <= $last) AND ($comp IS NULL OR m.competition_id = $comp)
           ORDER BY m.date, m.competition_id, h.short_name""",
        {"first": first, "last": last, "comp": competition},
    ).fetchall()
    keys = ("date", "competition", "season", "round", "home", "away", "neutral")
    return [dict(zip(keys, row, strict=True)) for row in rows]
