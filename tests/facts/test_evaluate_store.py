"""The evaluator against an independent recount: plain Python over the store's raw match
rows (no SQL beyond SELECT *), for queries of every shape on the real store."""

from __future__ import annotations

import datetime as dt

import pytest

from matchfacts.facts.evaluate import Evaluator
from matchfacts.facts.query import Context, FirstLeg, Query, Subject, Window
from matchfacts.store.lookup import resolve_team

DAY = dt.date(2021, 4, 14)
EUROPEAN = {"UCL", "UEL", "UCWC", "UECL", "UIC"}


def _rows(con, team):  # noqa: ANN001, ANN202
    """The team's played matches before DAY, oldest first, from its side."""
    rows = con.execute("SELECT * FROM match ORDER BY date, id").fetchall()
    names = [d[0] for d in con.description]
    out = []
    for raw in rows:
        m = dict(zip(names, raw, strict=True))
        if team not in (m["home_id"], m["away_id"]) or m["date"] >= DAY:
            continue
        if m["status"] != "played" or (m["home_goals"] is None and m["home_goals_et"] is None):
            continue
        home = m["home_id"] == team
        h = m["home_goals_et"] if m["home_goals_et"] is not None else m["home_goals"]
        a = m["away_goals_et"] if m["away_goals_et"] is not None else m["away_goals"]
        out.append(
            {
                "id": m["id"],
                "comp": m["competition_id"],
                "stage": m["stage"],
                "venue": "neutral" if m["neutral"] else ("home" if home else "away"),
                "opp": m["away_id"] if home else m["home_id"],
                "gf": h if home else a,
                "ga": a if home else h,
            }
        )
    return out


@pytest.fixture(scope="module")
def sides(store):
    return resolve_team(store, "Real Madrid").id, resolve_team(store, "Liverpool").id


def test_record_against_an_opponent_recounts(store, sides):
    real, liverpool = sides
    mine = [r for r in _rows(store, real) if r["opp"] == liverpool and r["comp"] != "USC"]
    got = Evaluator(store, DAY).answer(
        Query(Subject(team=real), "played", "match", "record", Context(opponent=liverpool))
    )
    rec = got.value
    assert (rec.played, rec.won, rec.drawn, rec.lost) == (
        len(mine),
        sum(r["gf"] > r["ga"] for r in mine),
        sum(r["gf"] == r["ga"] for r in mine),
        sum(r["gf"] < r["ga"] for r in mine),
    )
    assert (rec.won, rec.lost) == (4, 3)  # the two clubs' seven meetings before the day


def test_active_run_recounts(store, sides):
    real, _ = sides
    mine = [
        r
        for r in _rows(store, real)
        if r["comp"] == "UCL" and r["stage"] in ("knockout", "final") and r["venue"] == "away"
    ]
    run = 0
    for r in reversed(mine):
        if r["gf"] == 0:
            break
        run += 1
    ctx = Context(competition="UCL", stage="knockout", venue="away")
    got = Evaluator(store, DAY).answer(Query(Subject(team=real), "scored", "match", "run", ctx))
    assert got.value == run == len(got.evidence)


def test_last_n_window_recounts(store, sides):
    _, liverpool = sides
    rows = _rows(store, liverpool)
    mine = [r for r in rows if r["comp"] in EUROPEAN and r["stage"] != "qualifying"]
    last = mine[-10:]
    q = Query(Subject(team=liverpool), "win", "match", "k_of_n", Context(competition="european"),
              Window(last=10))  # fmt: skip
    assert Evaluator(store, DAY).answer(q).value == (sum(r["gf"] > r["ga"] for r in last), 10)


def test_every_side_in_the_flagships_situation(store):
    q = Query(Subject(sides=True), "through", "tie", "k_of_n",
              Context(competition="UCL",
                      first_leg=FirstLeg("loss", "away", score=(1, 3))))  # fmt: skip
    k, n = Evaluator(store, DAY).answer(q).value
    # as the tie engine's ties give it, qualifying rounds apart; Inter v Barcelona 2009-10
    # (3-1, then a second leg the source gives as 3-1) counts since its winner is known from
    # who played the final
    assert (k, n) == (14, 54)


def test_seasons_are_counted_once_each_and_this_one_once(store):
    """Real Madrid before the 2012 quarter-final: six Champions League-era semi-finals
    (1997-98 to 2002-03: four; 2010-11; and none in 2011-12 yet), so 'a seventh CL
    semi-final'; 22 in the European Cup too, so a 23rd (Reuters, 4 April 2012)."""
    madrid = Subject(team=resolve_team(store, "Real Madrid").id)
    ev = Evaluator(store, dt.date(2012, 4, 4))
    semi = Context(competition="UCL", stage="semi_final")
    cl_era = Window(since=dt.date(1992, 7, 1))
    assert ev.answer(Query(madrid, "reached", "season", "nth", semi, cl_era)).value == 7
    assert ev.answer(Query(madrid, "reached", "season", "nth", semi)).value == 23
    straight = ev.answer(Query(madrid, "played", "season", "run", Context(competition="UCL")))
    assert straight.value == 2011 - 1997 + 1  # every season since 1997-98, this one included
    with pytest.raises(ValueError, match="reached in a season"):
        Query(madrid, "reached", "match", "count")


def test_a_run_never_bridges_a_season_the_store_lacks(store):
    """England's tiers 2-4 of 2022-23 are in no source: Swansea's winless league run in
    August 2023 counts its three 2023-24 matches, not the six of April 2022 before the gap
    (they may have won every match of 2022-23)."""
    swansea = Subject(team=resolve_team(store, "Swansea City").id)
    ev = Evaluator(store, dt.date(2023, 8, 20))
    assert "2022-23" in ev.gaps()["ENG2"]
    run = ev.answer(Query(swansea, "winless", "match", "run", Context(competition="league")))
    seasons = {row[0] for row in store.execute(
        "SELECT DISTINCT season FROM match WHERE list_contains(?, id)", [list(run.evidence)]
    ).fetchall()}  # fmt: skip
    assert run.value == 3 and seasons == {"2023-24"} and run.breaker is None
