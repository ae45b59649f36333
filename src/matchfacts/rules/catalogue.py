"""Which rule set governs a tie: competition, season and round mapped to a `RuleSet`.

The built-in entries live in `rulesets.toml`; a user adds or overrides entries from a file
of the same form (`loader.load_rulesets(extra_path)`). Selection prefers the most specific
entry, so an override never needs the built-in file edited:

1. an entry that lists rounds beats one that applies to every round;
2. then the narrower season range (an open-ended range counts as the widest);
3. then the entry read later (user files are read after the built-in one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matchfacts.errors import NotFoundError
from matchfacts.rules.exceptions import NoRuleSetError, TieInputError
from matchfacts.rules.ruleset import RuleSet

_SEASON = re.compile(r"^(\d{4})-(\d{2})$")
_OPEN_SPAN = 10_000  # the span given to an open-ended range: wider than any real one


def season_start(label: str) -> int:
    """1999 for '1999-00': the calendar year a season label starts in.

    Raises TieInputError for anything but 'YYYY-YY' with consecutive years.
    """
    match = _SEASON.match(label)
    if match is None:
        raise TieInputError(f"season {label!r} is not of the form '2020-21'")
    start = int(match.group(1))
    if (start + 1) % 100 != int(match.group(2)):
        raise TieInputError(f"season {label!r}: the years are not consecutive")
    return start


@dataclass(frozen=True, slots=True)
class RuleEntry:
    """One rule set and where it applies. Seasons are start years, inclusive; None is open."""

    competition: str
    first_season: int | None
    last_season: int | None
    rounds: frozenset[str]  # empty: every round
    rules: RuleSet
    origin: str  # the file the entry was read from

    def covers(self, competition: str, start: int, round_code: str | None) -> bool:
        if competition != self.competition:
            return False
        if self.first_season is not None and start < self.first_season:
            return False
        if self.last_season is not None and start > self.last_season:
            return False
        return not self.rounds or round_code in self.rounds

    @property
    def span(self) -> int:
        if self.first_season is None or self.last_season is None:
            return _OPEN_SPAN
        return self.last_season - self.first_season + 1


@dataclass(frozen=True, slots=True)
class RuleCatalogue:
    """Every known rule entry, in reading order."""

    entries: tuple[RuleEntry, ...]

    def select(self, competition: str, season: str, round_code: str | None = None) -> RuleSet:
        """The rule set for a tie; `round_code` as in `records.ROUNDS` ('QF', 'F'...).

        Without a round, only entries for every round apply, so pass it whenever it is
        known: finals and some early rounds have rules of their own.
        """
        entry = self.entry_for(competition, season, round_code)
        if entry is None:
            raise NoRuleSetError(str(competition), season, round_code)
        return entry.rules

    def entry_for(
        self, competition: str, season: str, round_code: str | None = None
    ) -> RuleEntry | None:
        start = season_start(season)
        best: tuple[tuple[int, int, int], RuleEntry] | None = None
        for order, entry in enumerate(self.entries):
            if not entry.covers(str(competition), start, round_code):
                continue
            rank = (1 if entry.rounds else 0, -entry.span, order)
            if best is None or rank > best[0]:
                best = (rank, entry)
        return best[1] if best else None

    def competitions(self) -> tuple[str, ...]:
        return tuple(sorted({entry.competition for entry in self.entries}))

    def by_id(self, rule_id: str) -> RuleSet:
        for entry in self.entries:
            if entry.rules.id == rule_id:
                return entry.rules
        raise NotFoundError(f"no rule set with id {rule_id!r}")
