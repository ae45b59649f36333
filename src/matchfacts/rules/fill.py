"""Filling every tie in the store with its winner and how it was decided.

Runs on a freshly built store before it replaces the old one (the ingest's `finalize`).
The winner comes from the scores and the season's rules, never from a source's own
winner column; where that column disagrees, both versions go to the conflict table.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from matchfacts.errors import MatchfactsError
from matchfacts.rules.loader import builtin_catalogue
from matchfacts.rules.tie import MatchResult, TieResult, tie_result

# tie.decided_by keeps the engine's words; match.decided_by the schema's shorter list.
MATCH_DECIDED_BY = {
    "normal_time": "normal",
    "aggregate": "normal",
    "away_goals": "away_goals",
    "extra_time": "extra_time",
    "away_goals_extra_time": "away_goals",
    "penalties": "penalties",
    "replay": "replay",
    "coin_toss": "coin_toss",
}
MATCH_COLUMNS = (
    "home_id",
    "away_id",
    "home_goals",
    "away_goals",
    "home_goals_et",
    "away_goals_et",
    "home_pens",
    "away_pens",
)


def _match(row: tuple) -> MatchResult:
    return MatchResult(*row)


def derive(
    competition: str, season: str, round_code: str | None, matches: list[tuple]
) -> TieResult | str:
    """The engine's verdict on one tie, or the reason it cannot give one."""
    try:
        rules = builtin_catalogue().select(competition, season, round_code)
        played = [_match(m) for m in matches]
        if rules.legs == 1:
            legs, replay = played[:1], (played[1] if len(played) > 1 else None)
        else:
            legs, replay = played[:2], (played[2] if len(played) > 2 else None)
        return tie_result(legs, rules, replay=replay)
    except MatchfactsError as exc:
        return str(exc)


def fill_tie_results(con: duckdb.DuckDBPyConnection) -> None:
    columns = ", ".join(f"m.{c}" for c in MATCH_COLUMNS)
    rows = con.execute(f"""
        SELECT t.id, t.competition_id, t.season, t.round, t.source_winner_id,
               t.source_winner_from, m.id, m.status, {columns}
        FROM tie t JOIN match m ON m.tie_id = t.id
        ORDER BY t.id, m.date, m.id
    """).fetchall()
    ties: dict[int, dict] = {}
    for row in rows:
        tie = ties.setdefault(row[0], {"meta": row[1:6], "matches": [], "ids": []})
        tie["matches"].append(row[8:])
        tie["ids"].append((row[6], row[7]))
    updates, match_updates, conflicts = [], [], []
    played_on = _played_on(con)
    for tie_id, tie in ties.items():
        competition, season, round_code, source_winner, source_from = tie["meta"]
        if any(status != "played" for _, status in tie["ids"]):
            reason = "a match of the tie was not played (walkover, annulled or abandoned)"
            updates.append(_undetermined(tie_id, reason, played_on.get(tie_id), source_winner))
            continue
        verdict = derive(competition, season, round_code, tie["matches"])
        if isinstance(verdict, str) or not verdict.determined:
            reason = verdict if isinstance(verdict, str) else verdict.reason
            updates.append(_undetermined(tie_id, reason, played_on.get(tie_id), source_winner))
            continue
        updates.append((verdict.winner, verdict.decided_by, None, tie_id))
        decider = tie["ids"][-1][0]
        match_updates.append((MATCH_DECIDED_BY[verdict.decided_by], decider))
        if source_winner is not None and source_winner != verdict.winner:
            conflicts.append((tie_id, str(verdict.winner), str(source_winner), source_from))
    _apply(con, "tie", ["winner_id", "decided_by", "undetermined_reason", "id"], updates)
    _apply(con, "match", ["decided_by", "id"], match_updates)
    if not conflicts:  # DuckDB's executemany refuses an empty list (a store of leagues only)
        return
    start = con.execute("SELECT coalesce(max(id), 0) FROM conflict").fetchone()[0]  # type: ignore[index]
    con.executemany(
        "INSERT INTO conflict VALUES (?, 'tie', ?, 'winner', ?, 'tie engine', "
        "'derived from scores and rules', ?, ?, 'its winner column')",
        [(start + i + 1, t, kept, other, src) for i, (t, kept, other, src) in enumerate(conflicts)],
    )


def _undetermined(
    tie_id: int, reason: str, advanced: int | None, source_winner: int | None
) -> tuple:
    """A tie the scores and rules cannot settle (a coin toss whose winner is not given, a
    shoot-out or extra time the file does not score, an abandoned match replayed) still
    had a winner: the side that played on. Its winner is kept, the manner left
    undetermined, so that "sides that lost the first leg ... went through in k of n" does
    not drop exactly the ties settled by a toss, a shoot-out or a play-off. Who played the
    next round outweighs a source's own verdict (charliegnomo gives Red Star the 1988-89 tie
    with Milan from the abandoned second leg; its own replay row has Milan winning on
    penalties), and the reason says they disagree."""
    if advanced is None:  # no witness
        return (None, "undetermined", reason, tie_id)
    if source_winner not in (None, advanced):  # the next round outweighs a source's verdict
        return (advanced, "undetermined", f"{reason}; the winner is the side that played on "
                "(a source names the other side)", tie_id)  # fmt: skip
    return (advanced, "undetermined", f"{reason}; the winner is the side that played on", tie_id)


def _played_on(con: duckdb.DuckDBPyConnection) -> dict[int, int]:
    """Each tie's side that played again in the same competition and season after the
    tie's last match, where exactly one of the two did."""
    rows = con.execute("""
        WITH last AS (
            SELECT t.id, t.competition_id, t.season, t.team_a_id, t.team_b_id,
                   max(m.date) AS until
            FROM tie t JOIN match m ON m.tie_id = t.id
            GROUP BY ALL
        ), later AS (
            SELECT l.id, side
            FROM last l, (SELECT unnest([l.team_a_id, l.team_b_id]) AS side)
            WHERE EXISTS (
                SELECT 1 FROM match n
                WHERE n.competition_id = l.competition_id AND n.season = l.season
                  AND n.date > l.until AND side IN (n.home_id, n.away_id))
        )
        SELECT id, any_value(side) FROM later GROUP BY id HAVING count(*) = 1
    """).fetchall()
    return dict(rows)


def _apply(con: duckdb.DuckDBPyConnection, table: str, columns: list[str], rows: list) -> None:
    """One set-based UPDATE from a frame (row-by-row updates are slow in DuckDB)."""
    if not rows:
        return
    frame = pd.DataFrame(rows, columns=columns).astype({"id": "int64"})
    con.register("updates", frame)
    sets = ", ".join(f"{c} = updates.{c}" for c in columns if c != "id")
    con.execute(f"UPDATE {table} SET {sets} FROM updates WHERE {table}.id = updates.id")
    con.unregister("updates")
