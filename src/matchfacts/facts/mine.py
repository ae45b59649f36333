"""All the facts for a fixture: the lattice's queries answered, told, scored, merged and
capped. No fact is written here by hand: each is a query of the algebra and its answer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import duckdb

from matchfacts.facts.context import evidence_by_id
from matchfacts.facts.evaluate import Evaluator
from matchfacts.facts.lattice import Fixture, answered, first_leg_of, queries
from matchfacts.facts.merge import PER_FORM, PER_PLAYER, PER_SUBJECT, merged
from matchfacts.facts.neighbours import neighbours
from matchfacts.facts.query import Answer, Query
from matchfacts.facts.rank import binomial_chance, order_key, run_chance, scored
from matchfacts.facts.realise import realise
from matchfacts.facts.record import Fact
from matchfacts.store.lookup import TeamRef, fixture
from matchfacts.store.planned import Plan

__all__ = ["PER_FORM", "PER_PLAYER", "PER_SUBJECT", "StoreNames", "candidates", "facts_for"]

LEADING_SHARE = 0.2  # the share of a side's goals a leading scorer usually has
NEIGHBOURS = 6  # how many neighbours the ranking weighs
EFFECTIVE_SAMPLE = 25


@dataclass
class StoreNames:
    """Names for prose, from the store, each read once."""

    con: duckdb.DuckDBPyConnection

    def __post_init__(self) -> None:
        self._teams: dict[int, str] = {}
        self._players: dict[int, str] = {}

    def team(self, team_id: int) -> str:
        if team_id not in self._teams:
            row = self.con.execute(
                "SELECT coalesce(short_name, name) FROM team WHERE id = ?", [team_id]
            ).fetchone()
            self._teams[team_id] = row[0] if row else str(team_id)
        return self._teams[team_id]

    def player(self, player_id: int) -> str:
        if player_id not in self._players:
            row = self.con.execute("SELECT name FROM player WHERE id = ?", [player_id]).fetchone()
            self._players[player_id] = row[0] if row else str(player_id)
        return self._players[player_id]


def chance(ev: Evaluator, q: Query, a: Answer) -> float:
    """How likely a statement this strong is by chance in its context."""
    if q.unit == "season":  # a big club's 20th season in Europe is news, not a rarity
        return 0.1 if q.shape == "run" and a.value >= 10 else 0.3
    if q.shape == "run":
        return run_chance(a.rate or 0.5, a.value)
    if q.shape == "record":  # as rare as its wins are
        wins = replace(q, shape="k_of_n", event="win")
        return chance(ev, wins, ev.answer(wins))
    if q.shape == "k_of_n":
        k, n = a.value
        parent = _parent_rate(ev, q)
        m = min(n, EFFECTIVE_SAMPLE)  # a record over 130 matches is no rarer than over 25
        return binomial_chance(round(k * m / n), m, parent)
    if q.shape == "share":
        k, n = a.value
        return binomial_chance(k, n, LEADING_SHARE) if n else 1.0
    if q.shape == "split":  # against the part's share of every unit in the context
        k, n = a.value
        whole = ev.answer(replace(q, shape="k_of_n", event="played", part=None)).value
        inside = ev.answer(replace(q, shape="split", event="played")).value
        rate = (inside[0] + 1) / (whole[1] + 2) if whole and inside else 0.5
        return binomial_chance(k, n, rate)
    if q.shape == "first_since":
        since = max(len(a.evidence) - 1, 0)  # the units after the last one with the event
        k, n = ev.answer(replace(q, shape="k_of_n")).value
        rate = (k + 1) / (n + 2)
        return 1.0 if since < 3 else run_chance(1 - min(rate, 0.9), since)
    if q.shape == "nth":
        return 0.2
    return 0.5


def _parent_rate(ev: Evaluator, q: Query) -> float:
    """The event's rate one filter up: the opponent, the country, the situation or the
    venue dropped (the most specific first)."""
    for name in ("opponent", "opponent_country", "first_leg", "venue"):
        if getattr(q.context, name) is not None:
            parent = ev.answer(q.with_context(**{name: None}))
            if parent.value is not None and parent.n:
                k, n = parent.value
                return max(0.05, min(0.95, (k + 1) / (n + 2)))
    return 0.5


def robustness(ev: Evaluator, q: Query, a: Answer) -> dict[str, bool]:
    """Whether the story survives each neighbouring reading."""
    out = {}
    for reading, other in list(neighbours(q))[:NEIGHBOURS]:
        b = ev.answer(other)
        if b.value is None:
            continue
        if q.shape == "run":
            out[reading] = b.value >= 0.75 * a.value
        elif q.shape == "k_of_n":
            out[reading] = abs(b.value[0] / b.value[1] - a.value[0] / a.value[1]) < 0.15
        else:
            out[reading] = b.value == a.value
    return out


def subject_kind(q: Query) -> str:
    """How central to this fixture: its tie and its meetings most, then the sides, then
    their players. The tie's situation after the first leg is what every second-leg preview
    leads with."""
    if q.context.first_leg is not None:
        return "situation"
    if q.subject.sides or q.unit == "tie" or q.context.opponent is not None:
        return "tie"
    return "player" if q.subject.player is not None else "team"


def fact_of(ev: Evaluator, names: StoreNames, q: Query, a: Answer, matches: dict) -> Fact:
    subject = names.player(q.subject.player) if q.subject.player else (
        names.team(q.subject.team) if q.subject.team is not None else "sides"
    )
    value = a.value
    numerator = denominator = None
    if isinstance(value, tuple):
        numerator, denominator = value
        value = numerator
    elif isinstance(value, dt.date):
        value = value.isoformat()
    ids = _evidence_ids(q, a)
    return Fact(
        form=q.shape,
        subject=subject,
        context={k: str(v) for k, v in q.as_dict()["context"].items()},
        measure=q.event,
        value=value,
        text=realise(q, a, names),
        as_of=ev.as_of,
        evidence=tuple(sorted((matches[i] for i in ids), key=lambda e: (e.date, e.match_id))),
        numerator=numerator,
        denominator=denominator,
        details={
            "subject_kind": subject_kind(q),
            "chance": chance(ev, q, a),
            "windows": robustness(ev, q, a),
            "sample": a.n if q.shape != "run" else a.value,
        },
        query=q.as_dict(names.team),
    )


def candidates(
    con: duckdb.DuckDBPyConnection, fx: Fixture, ev: Evaluator | None = None
) -> list[Fact]:
    """Every fact the lattice finds, scored, best first (before merging and caps). An
    evaluator shared with the fact sheet reads each subject's units once for both."""
    ev = ev or Evaluator(con, fx.match.date)
    names = StoreNames(con)
    pairs = list(answered(ev, queries(con, fx)))
    matches = evidence_by_id(con, [i for q, a in pairs for i in _evidence_ids(q, a)])
    found = [scored(fact_of(ev, names, q, a, matches)) for q, a in pairs]
    return sorted(found, key=order_key)


def _evidence_ids(q: Query, a: Answer) -> set[int]:
    """The matches behind a fact: its units, and the one that ended the run before."""
    ids = set(a.evidence)
    if a.breaker is not None and q.shape == "run":
        ids.add(a.breaker)
    return ids


def fixture_of(
    con, home: TeamRef, away: TeamRef, date: dt.date, plan: Plan | None = None
) -> Fixture:
    match = fixture(con, home, away, date, plan)
    return Fixture(home, away, match, first_leg_of(con, match))


def facts_for(
    con: duckdb.DuckDBPyConnection,
    home: TeamRef,
    away: TeamRef,
    date: dt.date,
    limit: int = 20,
    ev: Evaluator | None = None,
    plan: Plan | None = None,
) -> list[Fact]:
    return merged(candidates(con, fixture_of(con, home, away, date, plan), ev))[:limit]
