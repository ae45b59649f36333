"""The tie engine replayed against every tie in the store built from the mirror."""

from __future__ import annotations

import pytest

from matchfacts.rules.replay import replay_ties


@pytest.fixture(scope="module")
def report(store_path):
    from matchfacts.store.db import open_store

    con = open_store(store_path)
    try:
        return replay_ties(con)
    finally:
        con.close()


def test_the_engine_agrees_with_uefas_own_verdicts(report):
    judged = [
        c
        for c in report.cases
        if c.claimed_from == "charliegnomo-champions-uefa-data"
        and c.verdict in ("agrees", "disagrees")
    ]
    agree = sum(c.verdict == "agrees" for c in judged)
    assert len(judged) > 2300
    assert agree / len(judged) > 0.99
    manner = [c for c in judged if c.manner_agrees is not None]
    assert sum(c.manner_agrees for c in manner) == len(manner)


def test_every_disagreement_is_listed_with_its_evidence_and_explained(report):
    for case in report.disagreements():
        assert case.explanation, case
        assert case.claimed or case.advanced, case


def test_uefas_replay_verdicts_are_the_known_source_error(report):
    """UEFA's dump names the loser of the early replays (Dortmund beat Spora 7-0 in a replay
    in 1956); the next round shows the engine is right."""
    case = next(
        c
        for c in report.cases
        if (c.season, c.team_a, c.team_b) == ("1956-57", "Borussia Dortmund", "Spora Luxembourg")
    )
    assert (case.winner, case.decided_by, case.verdict) == (
        "Borussia Dortmund",
        "replay",
        "disagrees",
    )
    assert case.explanation.startswith("source error")


def test_expelled_winners_are_explained(report):
    case = next(c for c in report.cases if c.season == "2013-14" and c.team_b == "Metalist Kharkiv")
    assert "removed after the tie" in case.explanation


def test_flagship_tie_agrees(report):
    case = next(
        c
        for c in report.cases
        if (c.season, c.round, c.team_a) == ("2020-21", "QF", "Real Madrid")
        and c.team_b == "Liverpool"
    )
    assert (case.winner, case.decided_by, case.verdict, case.manner_agrees) == (
        "Real Madrid",
        "aggregate",
        "agrees",
        True,
    )


def test_the_table_covers_every_competition_and_era(report):
    rows = report.table()
    assert {r["competition"] for r in rows} >= {"UCL", "UEL", "UCWC"}
    assert sum(r["ties"] for r in rows) == len(report.cases)
