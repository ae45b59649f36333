"""Placing goals and shoot-out kicks on canonical matches, and players on one id.

A match's goals come from the most trusted source that has any for it (UEFA's dump, then
schochastics' scorer lists); a source that counts a different number of goals for the same
match is recorded as a conflict. A scorer named by another source is the same player when
the two sources put a goal in the same match, minute and side; otherwise by the same name.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from matchfacts.sources.records import GoalRecord, ShootoutKick
from matchfacts.store.names import name_key, person_key, similarity


@dataclass(slots=True)
class Players:
    names: dict[int, str] = field(default_factory=dict)
    by_source_id: dict[tuple[str, str], int] = field(default_factory=dict)
    by_key: dict[str, int] = field(default_factory=dict)
    aliases: set[tuple[str, int, str]] = field(default_factory=set)

    def _new(self, name: str) -> int:
        player_id = len(self.names) + 1
        self.names[player_id] = name
        self.by_key.setdefault(person_key(name), player_id)
        return player_id

    def of_goal(self, goal: GoalRecord | ShootoutKick) -> int | None:
        if goal.player is None:
            return None
        source = goal.ref.source
        source_id = getattr(goal, "source_player_id", None)
        if source_id is not None:
            key = (source, source_id)
            if key not in self.by_source_id:
                self.by_source_id[key] = self._new(goal.player)
            player_id = self.by_source_id[key]
        else:
            player_id = self.by_key.get(person_key(goal.player)) or self._new(goal.player)
        self.aliases.add((goal.player, player_id, source))
        return player_id

    def of_name(self, name: str, source: str) -> int:
        """A player named by a source without an id (an assist): by his name's key."""
        player_id = self.by_key.get(person_key(name)) or self._new(name)
        self.aliases.add((name, player_id, source))
        return player_id

    def learn(self, alias: str, player_id: int, source: str) -> None:
        """Another source's spelling of a known player ("Mo Salah" for Mohamed Salah)."""
        self.by_key.setdefault(person_key(alias), player_id)
        self.aliases.add((alias, player_id, source))


@dataclass(frozen=True, slots=True)
class PlacedGoal:
    match: int
    team_id: int
    player_id: int | None
    goal: GoalRecord


@dataclass(slots=True)
class MatchFinder:
    """Finds the canonical match a scorer list means by date, names and score."""

    by_day: dict[tuple[str, dt.date], list[tuple[int, str, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def add(self, index: int, competition: str, date: dt.date, home: str, away: str) -> None:
        self.by_day[(competition, date)].append((index, name_key(home), name_key(away)))

    def find(self, competition: str, date: dt.date, home: str, away: str) -> int | None:
        home_key, away_key = name_key(home), name_key(away)
        best, best_score = None, 0.0
        for shift in (0, -1, 1):
            for index, h, a in self.by_day.get((competition, date + dt.timedelta(shift)), []):
                score = similarity(home_key, h) + similarity(away_key, a)
                if score > best_score:
                    best, best_score = index, score
        return best if best_score >= 120 else None


def team_side(name: str, home: str, away: str) -> str:
    """'home' or 'away': which side a scorer list's team name is."""
    key = name_key(name)
    return "home" if similarity(key, name_key(home)) >= similarity(key, name_key(away)) else "away"
