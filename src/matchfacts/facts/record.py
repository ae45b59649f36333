"""The fact record: what a fact says, about whom, in which context, and the matches behind it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Evidence:
    match_id: int
    date: dt.date
    competition: str
    round: str | None
    home: str
    away: str
    home_goals: int | None
    away_goals: int | None

    def as_dict(self) -> dict:
        return {
            "match_id": self.match_id,
            "date": self.date.isoformat(),
            "competition": self.competition,
            "round": self.round,
            "home": self.home,
            "away": self.away,
            "home_goals": self.home_goals,
            "away_goals": self.away_goals,
        }


@dataclass(frozen=True, slots=True)
class Fact:
    form: str  # the query's shape, or the sheet's line
    subject: str  # the team or player the fact is about
    context: dict[str, str]  # competition set, venue, opponent, window ... (at most three)
    measure: str
    value: int | float
    text: str
    as_of: dt.date
    evidence: tuple[Evidence, ...]
    numerator: int | None = None
    denominator: int | None = None
    score: float = 0.0
    details: dict = field(default_factory=dict)
    query: dict | None = None  # the algebra's query (Query.as_dict), re-runnable

    def as_dict(self) -> dict:
        return {
            "form": self.form,
            "subject": self.subject,
            "context": self.context,
            "measure": self.measure,
            "value": self.value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "text": self.text,
            "score": self.score,
            "as_of": self.as_of.isoformat(),
            "evidence": [e.as_dict() for e in self.evidence],
            "details": self.details,  # what the ranking weighed: see facts/rank.py
            "query": self.query,
        }
