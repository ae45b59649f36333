"""Records: head-to-head, against a country's sides, each side's record in its tie
situation, and 'lost only one of their last N' — each recounted in Python over raw rows."""

from __future__ import annotations

import datetime as dt

DAY = dt.date(2021, 4, 14)
EUROPEAN = {"UCL", "UEL", "UCWC", "UECL", "UIC"}  # the Super Cup apart


def _team(con, name: str) -> int:  # noqa: ANN001
    return con.execute("SELECT id FROM team WHERE name = ?", [name]).fetchone()[0]


def _matches(con) -> list[tuple]:  # noqa: ANN001
    """Every played match before DAY: (id, date, competition, kind, stage, neutral, home,
    away, home country, away country, home goals, away goals), newest first."""
    return con.execute(
        """SELECT m.id, m.date, m.competition_id, c.kind, m.stage, coalesce(m.neutral, false),
                  m.home_id, m.away_id, h.country, a.country,
                  coalesce(m.home_goals_et, m.home_goals), coalesce(m.away_goals_et, m.away_goals)
           FROM match m JOIN competition c ON c.id = m.competition_id
           JOIN team h ON h.id = m.home_id JOIN team a ON a.id = m.away_id
           WHERE m.date < ? AND m.status = 'played'
             AND (m.home_goals IS NOT NULL OR m.home_goals_et IS NOT NULL)
           ORDER BY m.date DESC, m.id DESC""",
        [DAY],
    ).fetchall()


def _for_against(row: tuple, team: int) -> tuple[int, int]:
    return (row[10], row[11]) if row[6] == team else (row[11], row[10])


def _fact(facts, start: str):  # noqa: ANN001, ANN202
    return next(f for f in facts if f.text.startswith(start))


def test_head_to_head_record_recounts(store, flagship):
    fact = _fact(flagship, "Real Madrid have won four of their seven meetings with Liverpool")
    assert fact.form == "head_to_head_record"
    madrid, liverpool = _team(store, "Real Madrid CF"), _team(store, "Liverpool FC")
    meetings = [r for r in _matches(store) if {r[6], r[7]} == {madrid, liverpool}]
    results = [_for_against(r, madrid) for r in meetings]
    wins = sum(gf > ga for gf, ga in results)
    draws = sum(gf == ga for gf, ga in results)
    assert (fact.numerator, fact.denominator) == (wins, len(meetings)) == (4, 7)
    assert (fact.details["draws"], fact.details["losses"]) == (draws, 7 - wins - draws)
    assert fact.text.endswith("Liverpool the other three.")


def test_record_against_a_countrys_sides_recounts(store, flagship):
    fact = _fact(flagship, "Liverpool have won seven of their 20 European home matches")
    liverpool = _team(store, "Liverpool FC")
    home = [
        r
        for r in _matches(store)
        if r[2] in EUROPEAN and r[4] != "qualifying" and not r[5] and r[6] == liverpool
    ]
    spanish = [r for r in home if r[9] == "ESP"]
    wins = sum(gf > ga for gf, ga in (_for_against(r, liverpool) for r in spanish))
    assert (fact.numerator, fact.denominator) == (wins, len(spanish)) == (7, 20)
    assert fact.context == {"competition": "European", "venue": "home", "opposition": "Spanish"}
    everyone = sum(gf > ga for gf, ga in (_for_against(r, liverpool) for r in home))
    assert fact.details["base_rate"] == round(everyone / len(home), 4)


def _ties(con) -> list[tuple]:  # noqa: ANN001
    """(competition, first-leg stage, neutral, home, away, home goals, away goals, winner,
    second-leg date, second-leg id) of every tie whose second leg was before DAY."""
    return con.execute(
        """SELECT t.competition_id, f.stage, coalesce(f.neutral, false), f.home_id, f.away_id,
                  f.home_goals, f.away_goals, t.winner_id, s.date, s.id
           FROM tie t JOIN match f ON f.id = t.first_leg_id JOIN match s ON s.id = t.second_leg_id
           WHERE s.date < ?""",
        [DAY],
    ).fetchall()


def _situation(con, team: int, at_home: bool) -> list[tuple]:  # noqa: ANN001
    """(margin from the team's side, went through, second-leg id) of its European ties."""
    found = []
    for comp, stage, neutral, home, away, hg, ag, winner, _, second in _ties(con):
        if comp not in EUROPEAN or stage == "qualifying" or neutral or winner is None:
            continue
        if hg is None or (home if at_home else away) != team:
            continue
        margin = hg - ag if at_home else ag - hg
        found.append((margin, winner == team, second))
    return found


def test_a_sides_record_after_the_same_first_leg_recounts(store, flagship, flagship_candidates):
    liverpool = _team(store, "Liverpool FC")
    ties = _situation(store, liverpool, at_home=False)
    lost = [t for t in ties if t[0] < 0]
    by_two = [t for t in ties if t[0] == -2]
    fact = _fact(flagship, "Liverpool have gone through in 14 of their 29 European ties")
    assert fact.text.endswith("after losing the first leg away.")
    assert (fact.numerator, fact.denominator) == (sum(t[1] for t in lost), len(lost))
    assert {e.match_id for e in fact.evidence} == {t[2] for t in lost}
    exact = _fact(flagship_candidates, "Liverpool have gone through in one of their seven")
    assert exact.text.endswith("after losing the first leg away by two goals.")
    assert (exact.numerator, exact.denominator) == (sum(t[1] for t in by_two), len(by_two))
    madrid = _team(store, "Real Madrid CF")
    won = [t for t in _situation(store, madrid, at_home=True) if t[0] > 0]
    fact = _fact(flagship, "Real Madrid have gone through in 48 of their 59 European ties")
    assert (fact.numerator, fact.denominator) == (sum(t[1] for t in won), len(won))


def test_lost_only_one_of_their_last_n_recounts(store, flagship):
    fact = _fact(flagship, "Real Madrid have lost only one of their last 20 away league")
    madrid = _team(store, "Real Madrid CF")
    away = [r for r in _matches(store) if r[3] == "league" and r[7] == madrid and not r[5]]
    defeats = [
        i for i, r in enumerate(away) if _for_against(r, madrid)[0] < _for_against(r, madrid)[1]
    ]
    assert fact.value == defeats[1] == 20  # the second defeat bounds the window
    assert [e.match_id for e in reversed(fact.evidence)] == [r[0] for r in away[:20]]


def test_league_and_european_runs_recount(store, flagship_candidates):
    fact = _fact(flagship_candidates, "Real Madrid have lost only one of their last 24 league")
    madrid = _team(store, "Real Madrid CF")
    every = [r for r in _matches(store) if madrid in (r[6], r[7])]
    defeats = [
        i for i, r in enumerate(every) if _for_against(r, madrid)[0] < _for_against(r, madrid)[1]
    ]
    assert fact.value == defeats[1] == 24
