"""Pieces of the claim patterns: names, numbers, runs, and the pattern record itself."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from matchfacts.check.numbers import HOW_OFTEN, NUMBER, ORDINAL
from matchfacts.facts.forms import FORMS

_WORD = r"[A-ZÀ-ÖØ-Þ][\w\-]*"
_PARTICLE = r"(?:de|da|del|der|di|do|dos|van|von|den|la|le|y|of|the)"
# A club's name may open with a number: "1. FC Köln", "1860 Munchen".
NAME = (
    rf"(?:[Tt]he (?:hosts|visitors|home side|away side)"
    rf"|(?:\d+\.?\s)?{_WORD}(?:\s(?:{_PARTICLE}\s)*{_WORD})*)"
)
SCORE = r"\d+-\d+"
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}"  # noqa: E501

# How a desk says a run continues: the words, the measure, and the SQL-free test on
# (goals for, goals against) that keeps it going.
RUNS: dict[str, tuple[str, Callable[[int, int], bool]]] = {
    "winning": (
        r"have won (?:each of |all of |every one of )?their last",
        lambda f, a: f > a,
    ),
    "unbeaten": (
        r"are unbeaten in (?:each of )?their last|have not lost (?:any of |in )?their last"
        r"|have gone unbeaten in their last",
        lambda f, a: f >= a,
    ),
    "winless": (
        r"are without a win in their last|have not won (?:any of |in )?their last"
        r"|have failed to win (?:any of )?their last",
        lambda f, a: f <= a,
    ),
    "losing": (r"have lost (?:each of |all of |every one of )?their last", lambda f, a: f < a),
    "scoring": (
        r"have scored in (?:each of |all of |every one of )?their last",
        lambda f, a: f > 0,
    ),
    "clean_sheets": (
        r"have kept (?:a clean sheet|clean sheets) in (?:each of |all of )?their last",
        lambda f, a: a == 0,
    ),
    "conceding": (r"have conceded in (?:each of |all of )?their last", lambda f, a: a > 0),
}
RUN_VERBS = "|".join(f"(?P<{measure}>{words})" for measure, (words, _) in RUNS.items())


def run_measure(match: re.Match) -> str:
    """Which of the run verbs matched."""
    return next(m for m in RUNS if match.groupdict().get(m))


@dataclass(frozen=True, slots=True)
class ClaimPattern:
    form: str  # a name in facts.forms.FORMS
    regex: re.Pattern
    handler: Callable  # (Context, re.Match) -> Verdict

    def __post_init__(self) -> None:
        if self.form not in FORMS:
            raise ValueError(f"claim pattern for unknown form {self.form!r}")


def pattern(form: str, regex: str) -> Callable[[Callable], ClaimPattern]:
    """Decorator: the handler below reads claims of `form` that `regex` matches (the
    whole sentence, without its final full stop; case of the first letter ignored)."""

    def wrap(handler: Callable) -> ClaimPattern:
        return ClaimPattern(form, re.compile(rf"^{regex}$"), handler)

    return wrap


__all__ = ["HOW_OFTEN", "MONTH", "NAME", "NUMBER", "ORDINAL", "RUN_VERBS", "SCORE", "pattern"]
