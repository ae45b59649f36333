"""Finding teams and matches in the store from what a user types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from matchfacts.errors import NotFoundError, UnknownNameError
from matchfacts.store.common_names import typed_by_key, typed_names
from matchfacts.store.names import name_key, suggestions


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


MATCH_FIELDS = ", ".join(MatchRow.__dataclass_fields__)


def match_by_id(con: duckdb.DuckDBPyConnection, match_id: int) -> MatchRow:
    row = con.execute(f"SELECT {MATCH_FIELDS} FROM match WHERE id = ?", [match_id]).fetchone()
    if row is None:
        raise NotFoundError(f"no match with id {match_id}")
    return MatchRow(*row)


def fixture(
    con: duckdb.DuckDBPyConnection, home: TeamRef, away: TeamRef, date: dt.date
) -> MatchRow:
    """The match `home` v `away` on `date` (a day either side, for time zones), or an
    error that lists the meetings the store does have."""
    row = con.execute(
        f"""SELECT {MATCH_FIELDS} FROM match WHERE home_id = ? AND away_id = ?
            AND date BETWEEN ? - INTERVAL 1 DAY AND ? + INTERVAL 1 DAY
            ORDER BY abs(date - ?::DATE), id LIMIT 1""",
        [home.id, away.id, date, date, date],
    ).fetchone()
    if row is not None:
        return MatchRow(*row)
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
        for d, c, s, r, h, hg, ag, a in meetings
    )
    where = (
        f" The store has these meetings: {listed}."
        if meetings
        else (" The store has no meeting between them at all.")
    )
    raise NotFoundError(
        f"No match {home.short_name} v {away.short_name} (at {home.short_name}) on {date}." + where
    )
