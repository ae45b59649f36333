"""Verdicts on claims, and the one rule for reaching them from a stated and a true value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb

from matchfacts.check.names import Linker
from matchfacts.check.scope import Scope, variations
from matchfacts.facts.record import Evidence
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
    cache: dict = field(default_factory=dict)  # worked out once per text (the tie)

    @property
    def competition(self) -> str:
        return self.fixture.competition_id if self.fixture else "all"


# A measure over a scope: (the value, the match ids behind it).
Measure = Callable[[Scope], tuple[object, list[int]]]


def judge(
    stated: object,
    measure: Measure,
    scope: Scope,
    what: str,
    evidence: Callable[[list[int]], tuple[Evidence, ...]],
    *,
    at_least: bool = False,
) -> Verdict:
    """Supported when the true value in the claim's own context is the stated one.

    Otherwise the natural variations of the context are tried: a claim that holds under one
    of them is imprecise (and says which reading makes it true); a run claimed shorter than
    it is (`at_least`, "in each of their last four" when it is six) is true, and the
    reason gives the full figure;
    anything else is refuted with the true figure.
    """
    actual, ids = measure(scope)
    proof = evidence(ids)
    where = scope.words()
    if actual == stated:
        return Verdict("supported", stated, actual, f"{what}: {_show(actual)} ({where})", proof)
    if at_least and isinstance(actual, int) and isinstance(stated, int) and actual > stated:
        return Verdict(
            "supported",
            stated,
            actual,
            f"true, and understated: {what} is in fact {actual} ({where})",
            proof,
        )
    for label, other in variations(scope):
        value, other_ids = measure(other)
        if value == stated:
            return Verdict(
                "imprecise",
                stated,
                actual,
                f"holds only {label}; in {where} {what} is {_show(actual)}",
                evidence(other_ids),
            )
    return Verdict(
        "refuted", stated, actual, f"{what}: {_show(actual)}, not {_show(stated)} ({where})", proof
    )


def _show(value: object) -> str:
    if isinstance(value, tuple) and len(value) == 2:
        return f"{value[0]} of {value[1]}"
    return str(value)
