"""Ranking from named components, a deterministic order, and near-duplicates merged."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from matchfacts.facts.merge import PER_FORM, PER_PLAYER, PER_SUBJECT, merged, near_duplicates
from matchfacts.facts.mine import facts_for
from matchfacts.facts.rank import WEIGHTS, binomial_chance, order_key, run_chance, scored
from matchfacts.facts.record import Evidence, Fact

AS_OF = dt.date(2021, 4, 14)


def _evidence(*ids: int) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(i, AS_OF - dt.timedelta(days=10 * i), "UCL", "QF", "A", "B", 1, 0) for i in ids
    )


def _fact(subject: str, measure: str, ids: tuple[int, ...], chance: float, **kw) -> Fact:  # noqa: ANN003
    return scored(
        Fact(
            kw.pop("form", "team_streak"),
            subject,
            {},
            measure,
            len(ids),
            kw.pop("text", f"{subject} {measure} {ids}"),
            AS_OF,
            _evidence(*ids),
            details={"subject_kind": kw.pop("kind", "team"), "chance": chance},
        )
    )


def test_the_score_is_the_weighted_sum_of_its_named_components(flagship_candidates):
    for fact in flagship_candidates:
        parts = fact.details["score"]
        assert set(parts) == set(WEIGHTS)
        assert all(0 <= value <= 1 for value in parts.values()), fact.text
        assert fact.score == pytest.approx(sum(WEIGHTS[k] * v for k, v in parts.items()), abs=1e-3)


def test_rarer_fresher_and_more_central_facts_score_higher():
    common = _fact("Liverpool", "winning", (1, 2, 3, 4), 0.3)
    rare = _fact("Liverpool", "winning", (1, 2, 3, 4), 0.001)
    assert rare.score > common.score
    player = _fact("Mohamed Salah", "scored_in", (1, 2, 3, 4), 0.001, kind="player")
    assert rare.score > player.score
    old = replace_dates(rare, years=20)
    assert rare.score > old.score


def replace_dates(fact: Fact, years: int) -> Fact:
    from dataclasses import replace

    shifted = tuple(
        replace(e, date=e.date.replace(year=e.date.year - years)) for e in fact.evidence
    )
    return scored(replace(fact, evidence=shifted))


def test_chances():
    assert run_chance(0.5, 6) == pytest.approx(1 / 64)
    assert binomial_chance(1, 8, 0.5) == pytest.approx(9 / 256)
    assert binomial_chance(8, 8, 0.5) == pytest.approx(1 / 256)
    assert binomial_chance(4, 8, 0.5) > 0.5


def test_the_order_is_deterministic(store, flagship, flagship_fixture):
    fx = flagship_fixture(store)
    again = facts_for(store, fx.home, fx.away, fx.match.date)
    assert [(f.text, f.score) for f in again] == [(f.text, f.score) for f in flagship]
    assert flagship == sorted(flagship, key=order_key)


def test_merging_does_not_depend_on_the_order_facts_arrive_in(flagship_candidates):
    shuffled = list(flagship_candidates)
    random.Random(7).shuffle(shuffled)
    assert merged(sorted(shuffled, key=order_key)) == merged(flagship_candidates)


def test_the_same_story_in_two_contexts_is_merged_keeping_the_stronger():
    knockout = _fact("Real Madrid", "scoring", (1, 2, 3, 4, 5), 0.01, text="knockout away")
    europe = _fact("Real Madrid", "scoring", (2, 3, 4, 5, 6, 7, 8), 0.05, text="European away")
    assert near_duplicates(knockout, europe)
    kept = merged(sorted([europe, knockout], key=order_key))
    assert [f.text for f in kept] == ["knockout away"]
    assert kept[0].details["merged"] == ["European away"]


def test_different_stories_are_both_kept():
    scoring = _fact("Real Madrid", "scoring", (1, 2, 3, 4), 0.01)
    clean = _fact("Real Madrid", "clean_sheets", (1, 2, 3, 4, 5), 0.01)  # another measure
    other = _fact("Liverpool", "scoring", (1, 2, 3, 9), 0.01)  # another subject
    apart = _fact("Real Madrid", "scoring", (10, 11, 12, 13), 0.01, form="x")  # other matches
    assert len(merged(sorted([scoring, clean, other, apart], key=order_key))) == 4


def test_a_run_and_the_drought_it_mirrors_are_one_story():
    run = _fact("Real Madrid", "winning", (1, 2, 3, 4, 5), 0.01, form="head_to_head_run")
    drought = _fact("Liverpool", "first_win", (1, 2, 3, 4, 5), 0.01, form="first_since")
    assert len(merged(sorted([run, drought], key=order_key))) == 1


def test_caps_per_form_and_per_subject():
    facts = [
        _fact(f"Side {i % 3}", "winning", (100 * i + 1, 100 * i + 2), 0.01, text=f"t{i}")
        for i in range(2 * PER_FORM)
    ]
    kept = merged(sorted(facts, key=order_key))
    assert len(kept) == PER_FORM
    facts = [
        _fact("Liverpool", "winning", (100 * i + 1,), 0.01, form=f"form{i}", text=f"t{i}")
        for i in range(2 * PER_SUBJECT)
    ]
    assert len(merged(sorted(facts, key=order_key))) == PER_SUBJECT
    facts = [
        _fact(
            "Mohamed Salah", "x", (100 * i + 1,), 0.01, form=f"form{i}", text=f"t{i}", kind="player"
        )
        for i in range(10)
    ]
    assert len(merged(sorted(facts, key=order_key))) == PER_PLAYER
