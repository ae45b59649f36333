"""Verdicts on claims, and the one rule for reaching them from a stated and a true value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import duckdb

from matchfacts.check.names import Linker
from matchfacts.check.scope import Scope, variations
from matchfacts.errors import MatchfactsError
from matchfacts.facts.context import evidence
from matchfacts.facts.record import Evidence
from matchfacts.rules.situation import TieSituation, tie_situation
from matchfacts.sources.records import season_of
from matchfacts.store.lookup import MatchRow, TeamRef

VERDICTS = ("supported", "refuted", "imprecise", "not_checkable")


@dataclass(frozen=True, slots=True)
class Verdict:
    verdict: str  # one of VERDICTS
    stated: object = None
    actual: object = None
    reason: str = ""
    evidence: tuple[Evidence, ...] = ()
    parsed: dict = field(default_factory=dict)  # the form's parameters as read

    def with_parsed(self, **parsed: object) -> Verdict:
        return Verdict(
            self.verdict, self.stated, self.actual, self.reason, self.evidence,
            {**self.parsed, **parsed},
        )  # fmt: skip


def not_checkable(reason: str, **parsed: object) -> Verdict:
    return Verdict("not_checkable", reason=reason, parsed=parsed)


@dataclass
class Context:
    """What every claim in one text is checked against."""

    con: duckdb.DuckDBPyConnection
    as_of: dt.date
    linker: Linker
    fixture: MatchRow | None = None
    home: TeamRef | None = None
    away: TeamRef | None = None

    @property
    def competition(self) -> str:
        return self.fixture.competition_id if self.fixture else "all"

    @property
    def season(self) -> str:
        """'This season': the fixture's, or the one the day falls in."""
        return self.fixture.season if self.fixture else season_of(self.as_of)

    @cached_property
    def tie(self) -> TieSituation | None:
        """The fixture's tie situation, worked out once per text; None if not a tie."""
        if self.fixture is None or self.home is None or self.away is None:
            return None
        try:
            return tie_situation(self.con, self.home, self.away, self.fixture.date)
        except MatchfactsError:  # not a tie: every tie claim is then not checkable
            return None

    def second_leg(self) -> TieSituation | str:
        """The situation before a second leg, or why there is none."""
        s = self.tie
        if s is None:
            return "the checker needs the fixture (--home/--away, or both sides named) of a tie"
        if s.leg != 2 or s.first_leg is None:
            return f"{s.home.short_name} v {s.away.short_name} is not the second leg of a tie"
        return s

    def evidence(self, match_ids: list[int]) -> tuple[Evidence, ...]:
        """The matches behind a verdict, oldest first."""
        return evidence(self.con, match_ids)


# A measure over a scope: (the value, the match ids behind it).
Measure = Callable[[Scope], tuple[object, list[int]]]


def judge(
    ctx: Context,
    stated: object,
    measure: Measure,
    scope: Scope,
    what: str,
    *,
    at_least: bool = False,
) -> Verdict:
    """Supported when the true value in the claim's own context is the stated one.

    Otherwise the natural variations of the context are tried: a claim that holds under one
    of them is imprecise (and says which reading makes it true, with that reading's
    matches); a run claimed shorter than it is (`at_least`, "in each of their last four"
    when it is six) is true, and the reason gives the full figure; anything else is refuted
    with the true figure. The evidence is read once, for the verdict given.
    """
    actual, ids = measure(scope)
    where = scope.words()
    if actual == stated:
        return Verdict(
            "supported", stated, actual, f"{what}: {_show(actual)} ({where})", ctx.evidence(ids)
        )
    if at_least and isinstance(actual, int) and isinstance(stated, int) and actual > stated:
        return Verdict(
            "supported",
            stated,
            actual,
            f"true, and understated: {what} is in fact {actual} ({where})",
            ctx.evidence(ids),
        )
    for label, other in variations(scope):
        value, other_ids = measure(other)
        if value == stated:
            return Verdict(
                "imprecise",
                stated,
                actual,
                f"holds only {label}; in {where} {what} is {_show(actual)}",
                ctx.evidence(other_ids),
            )
    return Verdict(
        "refuted",
        stated,
        actual,
        f"{what}: {_show(actual)}, not {_show(stated)} ({where})",
        ctx.evidence(ids),
    )


def _show(value: object) -> str:
    if isinstance(value, tuple) and len(value) == 2:
        return f"{value[0]} of {value[1]}"
    return str(value)
