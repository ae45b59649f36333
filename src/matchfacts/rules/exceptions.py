"""Errors of the tie engine, in the one hierarchy of `matchfacts.errors`.

MatchfactsError
├── RuleSetError      a rule-set file (built-in or the user's) is wrong: names file and key
├── TieInputError     scores or legs handed to the engine do not make a tie
└── NotFoundError
    └── NoRuleSetError  no rule set covers that competition, season and round
"""

from __future__ import annotations

from matchfacts.errors import MatchfactsError, NotFoundError


class RuleSetError(MatchfactsError):
    """A rule set that cannot be used: the message names the file and the key at fault."""

    def __init__(self, message: str, *, file: str | None = None, key: str | None = None) -> None:
        self.file = file
        self.key = key
        self.detail = message
        where = ": ".join(part for part in (file, key) if part)
        super().__init__(f"{where}: {message}" if where else message)


class TieInputError(MatchfactsError):
    """Scores, legs or teams that cannot make one tie (negative goals, sides not swapped...)."""


class NoRuleSetError(NotFoundError):
    """No rule set covers the competition, season and round asked for."""

    def __init__(self, competition: str, season: str, round_code: str | None) -> None:
        self.competition = competition
        self.season = season
        self.round = round_code
        where = f"{competition} {season}" + (f" round {round_code}" if round_code else "")
        super().__init__(
            f"No tie rules for {where}: add a rule set with load_rulesets(extra_path)."
        )
