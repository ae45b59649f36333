"""Error class (audit, issue 15): ties the scores cannot settle were left without a
winner and so dropped from every base rate ("sides that lost the first leg ... went
through in k of n"): a coin toss whose winner the file does not give (1964-65), extra time
or a shoot-out a file does not score (the Cup Winners' Cup, the UEFA Cup), a match
abandoned and replayed (Red Star Belgrade v Milan, 1988). Exactly those ties went missing,
so the rates leaned. The side that played on in the competition is the winner."""

from __future__ import annotations

import duckdb


def test_a_tie_whose_one_side_played_on_has_that_side_as_winner(store: duckdb.DuckDBPyConnection):
    missing = store.execute("""
        WITH last AS (
            SELECT t.id, t.competition_id c, t.season s, t.team_a_id a, t.team_b_id b,
                   t.winner_id w, t.source_winner_id sw, max(m.date) AS until
            FROM tie t JOIN match m ON m.tie_id = t.id GROUP BY ALL
        ), on_ AS (
            SELECT l.*, [x FOR x IN [a, b] IF EXISTS (
                SELECT 1 FROM match n WHERE n.competition_id = l.c AND n.season = l.s
                AND n.date > l.until AND x IN (n.home_id, n.away_id))] AS went_on
            FROM last l
        )
        SELECT id, c, s FROM on_
        WHERE len(went_on) = 1 AND w IS NULL AND (sw IS NULL OR sw = went_on[1])
    """).fetchall()
    assert missing == []


def test_the_abandoned_and_replayed_tie_has_its_winner(store: duckdb.DuckDBPyConnection):
    winner = store.execute("""
        SELECT w.name FROM tie t JOIN team w ON w.id = t.winner_id
        JOIN team a ON a.id = t.team_a_id JOIN team b ON b.id = t.team_b_id
        WHERE t.competition_id = 'UCL' AND t.season = '1988-89'
          AND 'AC Milan' IN (a.name, b.name) AND t.round = 'R2'
    """).fetchall()
    assert winner == [("AC Milan",)]
