"""Finding teams and matches in the store from what a user types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import duckdb

from matchfacts.errors import NotFoundError, UnknownNameError
from matchfacts.store.common_names import typed_by_key, typed_names
from matchfacts.store.crowds import behind_closed_doors
from matchfacts.store.names import name_key, suggestions
from matchfacts.store.planned import Plan, home_ground, infer, newest_played


@dataclass(frozen=True, slots=True)
class TeamRef:
    id: int
    name: str  # the full name, as UEFA writes it where it can
    short_name: str  # for prose: "Liverpool"
    country: str | None


def resolve_team(con: duckdb.DuckDBPyConnection, typed: str) -> TeamRef:
    """The one team a user means: by name, short name or any source's spelling, ignoring
    case and accents; an unknown or ambiguous name is an error with the nearest names."""
    text = typed.strip()
    if not text:
        raise UnknownNameError("team", typed, [])
    ids = _spelt(con, text)
    if not ids and name_key(text) in typed_by_key():  # "PSG", "Man Utd", "Spurs"
        ids = _spelt(con, typed_by_key()[name_key(text)])
    if len(ids) == 1:
        return team_by_id(con, ids.pop())
    if ids:
        names = [team_by_id(con, i) for i in sorted(ids)]
        raise UnknownNameError("team", typed, [f"{t.name} ({t.country or '?'})" for t in names])
    known = [row[0] for row in con.execute("SELECT name FROM team").fetchall()]
    known += [row[0] for row in con.execute("SELECT DISTINCT alias FROM team_alias").fetchall()]
    raise UnknownNameError("team", typed, suggestions(text, known + list(typed_names())))


def _spelt(con: duckdb.DuckDBPyConnection, text: str) -> set[int]:
    """The teams a spelling names: a name, short name or source alias, as typed, else by
    name key ("Malmo FF" for "Malmö FF")."""
    rows = con.execute(
        """SELECT DISTINCT t.id FROM team t LEFT JOIN team_alias a ON a.team_id = t.id
           WHERE lower(t.name) = lower($1) OR lower(t.short_name) = lower($1)
              OR lower(a.alias) = lower($1)""",
        [text],
    ).fetchall()
    ids = {row[0] for row in rows}
    if not ids:
        key = name_key(text)
        spellings = con.execute("SELECT alias, team_id FROM team_alias").fetchall()
        ids = {team_id for alias, team_id in spellings if name_key(alias) == key}
    return ids


def team_by_id(con: duckdb.DuckDBPyConnection, team_id: int) -> TeamRef:
    row = con.execute(
        "SELECT id, name, coalesce(short_name, name), country FROM team WHERE id = ?", [team_id]
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no team with id {team_id}")
    return TeamRef(*row)


@dataclass(frozen=True, slots=True)
class MatchRow:
    id: int
    competition_id: str
    season: str
    stage: str
    round: str | None
    leg: int | None
    tie_id: int | None
    date: dt.date
    home_id: int
    away_id: int
    home_goals: int | None
    away_goals: int | None
    home_goals_et: int | None
    away_goals_et: int | None
    home_pens: int | None
    away_pens: int | None
    neutral: bool | None
    behind_closed_doors: bool | None
    status: str
    venue: str | None
    # A planned match (not in the store): its first leg, and what was inferred, to say.
    first_leg_id: int | None = None
    notes: tuple[str, ...] = ()

    @property
    def planned(self) -> bool:
        return self.status == "planned"


MATCH_FIELDS = ", ".join(list(MatchRow.__dataclass_fields__)[:20])


def match_by_id(con: duckdb.DuckDBPyConnection, match_id: int) -> MatchRow:
    row = con.execute(f"SELECT {MATCH_FIELDS} FROM match WHERE id = ?", [match_id]).fetchone()
    if row is None:
        raise NotFoundError(f"no match with id {match_id}")
    return MatchRow(*row)


def tie_legs(con: duckdb.DuckDBPyConnection, match: MatchRow) -> tuple[int, int | None] | None:
    """The match's tie as (first leg id, second leg id): None when it is in no tie; a
    second leg of None for a single-match tie (a final). A planned match's own id is 0
    and an unplayed other leg is -1."""
    if match.planned:
        if match.first_leg_id is not None:
            return match.first_leg_id, 0
        if match.stage == "final":
            return 0, None
        return (0, -1) if match.leg == 1 else None
    if match.tie_id is None:
        return None
    return con.execute(
        "SELECT first_leg_id, second_leg_id FROM tie WHERE id = ?", [match.tie_id]
    ).fetchone()


MEETINGS_LISTED = 10  # in the error for a date without the match


def fixture(
    con: duckdb.DuckDBPyConnection,
    home: TeamRef,
    away: TeamRef,
    date: dt.date,
    plan: Plan | None = None,
) -> MatchRow:
    """The match `home` v `away` on `date` (a day either side, for time zones); else, for
    a date after the store's newest result or with a plan (--competition ...), the match
    as planned, its other slots inferred from the store; else an error that lists the
    meetings the store does have."""
    row = con.execute(
        f"""SELECT {MATCH_FIELDS} FROM match WHERE home_id = ? AND away_id = ?
            AND date BETWEEN ? - INTERVAL 1 DAY AND ? + INTERVAL 1 DAY
            ORDER BY abs(date - ?::DATE), id LIMIT 1""",
        [home.id, away.id, date, date, date],
    ).fetchone()
    planned = plan is not None and plan.given()
    if row is not None:
        match = MatchRow(*row)
        if not (match.status == "scheduled" and match.home_goals is None):
            return match
        if not planned:
            return _scheduled(con, match, home, away)  # a source lists it, not yet played
    newest = newest_played(con)
    if planned or (newest and date > newest):
        return planned_match(con, home, away, date, plan or Plan())
    meetings = con.execute(
        """SELECT m.date, m.competition_id, m.season, coalesce(m.round, m.stage),
                  h.short_name, m.home_goals, m.away_goals, a.short_name
           FROM match m JOIN team h ON h.id = m.home_id JOIN team a ON a.id = m.away_id
           WHERE (home_id = $1 AND away_id = $2) OR (home_id = $2 AND away_id = $1)
           ORDER BY m.date, m.id""",
        [home.id, away.id],
    ).fetchall()
    listed = "; ".join(
        f"{d} {c} {s} {r}: {h} {'' if hg is None else hg}-{'' if ag is None else ag} {a}"
        for d, c, s, r, h, hg, ag, a in meetings[-MEETINGS_LISTED:]
    )
    earlier = len(meetings) - MEETINGS_LISTED
    where = (
        f" The store's {'latest ' if earlier > 0 else ''}meetings of the two: {listed}"
        + (f" (and {earlier} before)." if earlier > 0 else ".")
        if meetings
        else (" The store has no meeting between them at all.")
    )
    raise NotFoundError(
        f"No match {home.short_name} v {away.short_name} (at {home.short_name}) on {date}."
        " To preview it as a match the store does not hold, give --competition." + where
    )


def _scheduled(
    con: duckdb.DuckDBPyConnection, match: MatchRow, home: TeamRef, away: TeamRef
) -> MatchRow:
    """A match a source lists as scheduled: its competition, round and ground as listed,
    previewed as planned from the matches before it."""
    legs = tie_legs(con, match) if match.leg == 2 else None
    note = (
        f"{home.short_name} v {away.short_name} on {match.date} is listed by the sources "
        "but not played in their copy: previewed from the matches before it."
    )
    first = legs[0] if legs else None
    return replace(match, id=0, status="planned", first_leg_id=first, notes=(note,))


def planned_match(
    con: duckdb.DuckDBPyConnection, home: TeamRef, away: TeamRef, date: dt.date, plan: Plan
) -> MatchRow:
    """The match as the user names it, not (yet) in the store: no id, no score, each slot
    from the plan or inferred (and said so in `notes`)."""
    inferred = infer(con, home.id, away.id, date, plan)
    closed = bool(behind_closed_doors(date, None, home.country))  # by decree on the day
    ground = None if inferred.neutral else home_ground(con, home.id, date)
    return MatchRow(
        0, inferred.competition, inferred.season, inferred.stage, inferred.round,
        inferred.leg, inferred.tie_id, date, home.id, away.id, None, None, None, None, None,
        None, inferred.neutral, closed, "planned", ground, inferred.first_leg_id,
        (f"{home.short_name} v {away.short_name} on {date} is not in the store: previewed "
         "as planned, from the matches before it.", *inferred.said),
    )  # fmt: skip
