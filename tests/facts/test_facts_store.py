"""Facts mined from the real store, each re-derived by an independent path."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import duckdb
import pytest

from matchfacts.facts.mine import candidates, facts_for
from matchfacts.store.db import open_store
from matchfacts.store.lookup import resolve_team

DAY = dt.date(2021, 4, 14)
FIXTURES = [
    ("Liverpool", "Real Madrid", "2021-04-14"),
    ("Liverpool", "Barcelona", "2019-05-07"),
    ("Bayern München", "Real Madrid", "1976-04-14"),
    ("Manchester United", "Liverpool", "2021-05-13"),
]


@pytest.fixture(scope="module")
def con(store_path):
    connection = open_store(store_path)
    yield connection
    connection.close()


def mine(con, home, away, day):  # noqa: ANN001, ANN201
    return facts_for(
        con, resolve_team(con, home), resolve_team(con, away), dt.date.fromisoformat(day), limit=50
    )


def test_flagship_facts_cover_several_forms_about_both_teams(con):
    facts = mine(con, "Liverpool", "Real Madrid", "2021-04-14")
    forms = {f.form for f in facts}
    assert len(facts) >= 15 and len(forms) >= 7
    subjects = {f.subject for f in facts}
    assert {"Liverpool", "Real Madrid"} <= subjects
    assert "Mohamed Salah has scored in each of Liverpool's last four" in " ".join(
        f.text for f in facts
    )


def test_the_previews_flagship_facts_are_many_and_varied(flagship):
    """At the default limit: 15 or more facts, seven or more forms, about both clubs and
    players of both."""
    assert len(flagship) >= 15
    assert len({f.form for f in flagship}) >= 7
    assert {"first_since", "head_to_head_record"} <= {f.form for f in flagship}
    teams = [f for f in flagship if f.details["subject_kind"] == "team"]
    players = [f for f in flagship if f.details["subject_kind"] == "player"]
    assert {f.subject for f in teams} == {"Liverpool", "Real Madrid"}
    assert {f.context.get("team") for f in players} >= {"Liverpool", "Real Madrid"}
    assert len({f.text for f in flagship}) == len(flagship)


def test_other_fixtures_give_sensible_facts(con):
    barcelona = mine(con, "Liverpool", "Barcelona", "2019-05-07")
    assert len(barcelona) >= 10 and len({f.form for f in barcelona}) >= 5
    munich = [f.text for f in mine(con, "Bayern München", "Real Madrid", "1976-04-14")]
    assert "Bayern München are unbeaten in their last 30 European home matches." in munich
    assert any("this season's European Cup." in t for t in munich)  # not Champions League
    assert not any("Champions League." in t and "this season's" in t for t in munich)
    league = mine(con, "Manchester United", "Liverpool", "2021-05-13")
    assert len(league) >= 4
    for fact in league:  # the store has no domestic cups: meetings are league meetings
        if fact.form in ("head_to_head_run", "head_to_head_record", "venue_history"):
            assert "league" in fact.text and fact.context["competition"] == "league"


@pytest.mark.parametrize(("home", "away", "day"), FIXTURES)
def test_every_fact_has_evidence_and_reads_like_a_desk(con, home, away, day):
    for fact in mine(con, home, away, day):
        assert fact.evidence, fact
        assert len(fact.context) <= 3, fact  # natural contexts: at most three filters
        assert all(e.date < dt.date.fromisoformat(day) for e in fact.evidence), fact
        # small numbers as words, no "1 goals", no float artefacts
        bare = re.sub(r"\d+-\d+", "", fact.text)
        assert not re.search(r"(?<![\d.])[1-9](?!\d)(?!\.\d)", bare), fact.text
        assert not re.search(r"\b1 \w+s\b|\.\d{3,}", fact.text), fact.text


def _result(row, team):  # noqa: ANN001, ANN202
    home_id, away_id, hg, ag = row
    gf, ga = (hg, ag) if home_id == team else (ag, hg)
    return gf, ga


def test_head_to_head_runs_recount(con):
    for fact in mine(con, "Liverpool", "Real Madrid", "2021-04-14"):
        if fact.form != "head_to_head_run":
            continue
        team = resolve_team(con, fact.subject).id
        other = resolve_team(con, fact.context["opponent"]).id
        rows = con.execute(
            """SELECT home_id, away_id, coalesce(home_goals_et, home_goals),
                      coalesce(away_goals_et, away_goals) FROM match
               WHERE date < ? AND ((home_id = ? AND away_id = ?) OR (home_id = ? AND away_id = ?))
               ORDER BY date DESC""",
            [DAY, team, other, other, team],
        ).fetchall()
        results = [_result(r, team) for r in rows]
        holds = {
            "winning": lambda gf, ga: gf > ga,
            "unbeaten": lambda gf, ga: gf >= ga,
            "winless": lambda gf, ga: gf <= ga,
        }[fact.measure]
        run = 0
        while run < len(results) and holds(*results[run]):
            run += 1
        assert run == fact.value, fact.text


def test_first_leg_base_rate_recounts(con):
    fact = next(
        f
        for f in mine(con, "Liverpool", "Real Madrid", "2021-04-14")
        if f.form == "conditional_record" and f.text.startswith("Sides that")
    )
    ties = con.execute(
        """SELECT t.winner_id = s.home_id FROM tie t JOIN match f ON f.id = t.first_leg_id
           JOIN match s ON s.id = t.second_leg_id
           WHERE t.competition_id = 'UCL' AND f.home_goals = 3 AND f.away_goals = 1
             AND s.date < ? AND t.winner_id IS NOT NULL AND f.stage <> 'qualifying'""",
        [DAY],
    ).fetchall()
    assert (fact.numerator, fact.denominator) == (sum(t[0] for t in ties), len(ties))


def test_player_streak_goals_are_in_every_match(con):
    fact = next(
        f
        for f in mine(con, "Liverpool", "Real Madrid", "2021-04-14")
        if f.form == "player_streak" and f.subject == "Mohamed Salah"
    )
    for e in fact.evidence:
        scored = con.execute(
            """SELECT count(*) FROM goal g JOIN player p ON p.id = g.player_id
               WHERE g.match_id = ? AND p.name = 'Mohamed Salah'""",
            [e.match_id],
        ).fetchone()[0]
        assert scored >= 1, e


def test_facts_do_not_change_when_later_matches_are_added(
    con, store_path, tmp_path, flagship_fixture
):
    copy = tmp_path / "before.duckdb"
    shutil.copy(store_path, copy)
    cut = duckdb.connect(str(copy))
    cut.execute("DELETE FROM goal WHERE match_id IN (SELECT id FROM match WHERE date > ?)", [DAY])
    cut.execute("DELETE FROM match WHERE date > ?", [DAY])
    cut.close()
    before = open_store(copy)
    try:
        a = [f.text for f in mine(con, "Liverpool", "Real Madrid", "2021-04-14")]
        b = [f.text for f in mine(before, "Liverpool", "Real Madrid", "2021-04-14")]
        every_a = candidates(con, flagship_fixture(con))
        every_b = candidates(before, flagship_fixture(before))
    finally:
        before.close()
    assert a == b
    # every mined fact, merged or not, with its score and what the score weighed
    assert [(f.text, f.score, f.details) for f in every_a] == [
        (f.text, f.score, f.details) for f in every_b
    ]
    new_forms = {"first_since", "head_to_head_record", "conditional_record", "team_streak"}
    assert new_forms <= {f.form for f in every_a}
    assert {"first_win", "ended_drought", "lost_one"} <= {f.measure for f in every_a}


def test_split_of_a_total_recounts(con):
    fact = next(
        f
        for f in mine(con, "Liverpool", "Real Madrid", "2021-04-14")
        if f.form == "split_of_total" and f.subject == "Mohamed Salah"
    )
    goals, total = con.execute(
        """SELECT count(*) FILTER (WHERE p.name = 'Mohamed Salah' AND g.kind <> 'own_goal'),
                  count(*)
           FROM goal g JOIN match m ON m.id = g.match_id LEFT JOIN player p ON p.id = g.player_id
           WHERE m.competition_id = 'UCL' AND m.season = '2020-21' AND m.date < ?
             AND g.team_id = (SELECT id FROM team WHERE name = 'Liverpool FC')""",
        [DAY],
    ).fetchone()
    assert (fact.numerator, fact.denominator) == (goals, total) == (6, 15)


def test_record_streak_recounts(con, flagship_candidates):
    # mined, though Salah's cap keeps it out of the final list
    fact = next(f for f in flagship_candidates if f.form == "record_streak")
    games = [
        r[0]
        for r in con.execute(
            """SELECT id FROM match WHERE competition_id = 'UCL' AND date < ? AND status = 'played'
             AND (SELECT id FROM team WHERE name = 'Liverpool FC') IN (home_id, away_id)
             AND stage <> 'qualifying'
           ORDER BY date, id""",
            [DAY],
        ).fetchall()
    ]
    scorers: dict[int, set[str]] = {}
    for match_id, name in con.execute(
        """SELECT g.match_id, p.name FROM goal g JOIN player p ON p.id = g.player_id
               WHERE g.kind <> 'own_goal'
                 AND g.team_id = (SELECT id FROM team WHERE name = 'Liverpool FC')"""
    ).fetchall():
        scorers.setdefault(match_id, set()).add(name)
    best, runs = 0, {}
    for match_id in games:
        names = scorers.get(match_id, set())
        runs = {n: runs.get(n, 0) + 1 for n in names}
        best = max([best, *runs.values()])
    assert fact.value == best == 5
    assert fact.text.endswith("five, by Steven Gerrard from October 2007.")


def test_share_extreme_recounts(con):
    fact = next(
        f
        for f in mine(con, "Liverpool", "Barcelona", "2019-05-07")
        if f.form == "share_extreme" and f.subject == "Sadio Mané"
    )
    rows = con.execute(
        """SELECT p.name, count(*), count(*) FILTER (WHERE m.stage IN ('knockout', 'final'))
           FROM goal g JOIN match m ON m.id = g.match_id JOIN player p ON p.id = g.player_id
           WHERE m.competition_id = 'UCL' AND m.season >= '1992-93' AND m.date < '2019-05-07'
             AND m.stage <> 'qualifying' AND g.kind <> 'own_goal'
           GROUP BY p.id, p.name HAVING count(*) >= 10"""
    ).fetchall()
    shares = {name: ko / total for name, total, ko in rows}
    mine_share = shares["Sadio Mané"]
    assert fact.value == pytest.approx(mine_share)
    assert sum(1 for s in shares.values() if s > mine_share) == 0  # "none has a higher share"
    assert f"of the {len(rows)} players" in fact.text
