"""First-since facts, each re-derived in Python over raw match rows (no shared SQL)."""

from __future__ import annotations

import datetime as dt

from matchfacts.facts.words import month

DAY = dt.date(2021, 4, 14)
LIVERPOOL, REAL_MADRID = "Liverpool FC", "Real Madrid CF"


def _team(con, name: str) -> int:  # noqa: ANN001
    return con.execute("SELECT id FROM team WHERE name = ?", [name]).fetchone()[0]


def _rows(con, where: str, params: list) -> list[tuple]:  # noqa: ANN001
    """(id, date, home id, away id, home goals, away goals) of played matches before DAY
    that `where` picks, newest first; extra time counts."""
    return con.execute(
        f"""SELECT m.id, m.date, m.home_id, m.away_id, coalesce(m.home_goals_et, m.home_goals),
                   coalesce(m.away_goals_et, m.away_goals)
            FROM match m JOIN competition c ON c.id = m.competition_id
            JOIN team h ON h.id = m.home_id JOIN team a ON a.id = m.away_id
            WHERE m.date < ? AND m.status = 'played' AND {where}
            ORDER BY m.date DESC, m.id DESC""",
        [DAY, *params],
    ).fetchall()


def _won(row: tuple, team: int) -> bool:
    _, _, home, _, hg, ag = row
    return hg > ag if home == team else ag > hg


def _drought(rows: list[tuple], team: int) -> tuple[int, tuple]:
    """Matches since the team's last win (newest first), and that win."""
    for n, row in enumerate(rows):
        if _won(row, team):
            return n, row
    raise AssertionError("no win at all")


def _fact(facts, start: str):  # noqa: ANN001, ANN202
    return next(f for f in facts if f.form == "first_since" and f.text.startswith(start))


def test_a_liverpool_win_would_be_the_first_over_real_madrid_since_2009(store, flagship):
    fact = _fact(flagship, "A Liverpool win would be their first over Real Madrid")
    liverpool, madrid = _team(store, LIVERPOOL), _team(store, REAL_MADRID)
    rows = _rows(
        store,
        "((m.home_id = ? AND m.away_id = ?) OR (m.home_id = ? AND m.away_id = ?))",
        [liverpool, madrid, madrid, liverpool],
    )
    n, win = _drought(rows, liverpool)
    assert fact.value == n == 4
    assert fact.details["since"] == win[1].isoformat() == "2009-03-10"
    assert f"since a 4-0 win in {month(win[1])}." in fact.text
    assert {e.match_id for e in fact.evidence} == {r[0] for r in rows[: n + 1]}


def test_liverpools_win_over_villa_ended_their_home_league_drought(store, flagship):
    fact = _fact(flagship, "Liverpool's 2-1 win over Aston Villa on 10 April 2021")
    liverpool = _team(store, LIVERPOOL)
    rows = _rows(
        store,
        "c.kind = 'league' AND m.home_id = ? AND NOT coalesce(m.neutral, false)",
        [liverpool],
    )
    assert _won(rows[0], liverpool)  # the latest home league match was the win
    n, win = _drought(rows[1:], liverpool)
    assert fact.value == n == 8
    assert fact.details["since"] == win[1].isoformat() == "2020-12-16"
    assert fact.text.endswith(
        "was their first home league win since a 2-1 win over Tottenham Hotspur in December 2020."
    )
    assert {e.match_id for e in fact.evidence} == {r[0] for r in rows[: n + 2]}


def test_real_madrid_away_to_english_sides_in_knockout_matches(store, flagship_candidates):
    fact = _fact(flagship_candidates, "A Real Madrid win would be their first away to English")
    madrid = _team(store, REAL_MADRID)
    rows = _rows(
        store,
        "m.away_id = ? AND h.country = 'ENG' AND m.stage IN ('knockout', 'final') "
        "AND NOT coalesce(m.neutral, false)",
        [madrid],
    )
    n, win = _drought(rows, madrid)
    assert fact.value == n == 2
    assert win[1] == dt.date(2013, 3, 5)
    assert fact.text == (
        "A Real Madrid win would be their first away to English opposition in a knockout "
        "match since a 2-1 win over Manchester United in March 2013."
    )


def test_every_first_since_fact_names_the_date_of_the_win_it_counts_from(flagship_candidates):
    found = [f for f in flagship_candidates if f.form == "first_since"]
    assert len(found) >= 3
    for fact in found:
        since = dt.date.fromisoformat(fact.details["since"])
        assert f"in {month(since)}." in fact.text
        assert min(e.date for e in fact.evidence) == since
        assert fact.measure in ("first_win", "ended_drought")
