"""Linking the names in a claim to the store's teams and players.

Writers use short names, surnames alone and the odd misspelling: a name is read as the
nearest known one when it is close enough, and the claim carries a note saying so, so a
desk sees "read 'Benzemma' as Karim Benzema" beside the verdict.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
from rapidfuzz import fuzz, process

from matchfacts.errors import UnknownNameError
from matchfacts.store.lookup import TeamRef, resolve_team
from matchfacts.store.names import name_key, person_key

ROLES = {"the hosts": 0, "the home side": 0, "the visitors": 1, "the away side": 1}
CLOSE_ENOUGH = 85.0  # rapidfuzz ratio at which a misspelling is read as the known name


@dataclass(frozen=True, slots=True)
class PlayerRef:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Linked:
    """What a name in the text was read as, and a note when it was not written exactly."""

    ref: TeamRef | PlayerRef
    note: str | None = None


class NameNotLinked(Exception):
    """A name the store does not know; carries the nearest known names."""

    def __init__(self, kind: str, name: str, nearest: list[str]) -> None:
        self.kind, self.name, self.nearest = kind, name, nearest
        hint = f" (nearest: {', '.join(nearest)})" if nearest else ""
        super().__init__(f"no {kind} called {name!r} in the data{hint}")


@dataclass
class Linker:
    con: duckdb.DuckDBPyConnection
    as_of: dt.date
    teams: tuple[TeamRef, ...] = ()  # the fixture's sides, tried first
    notes: list[str] = field(default_factory=list)  # names read as others, for this claim
    _players: dict[int, str] | None = field(default=None, repr=False)

    def team(self, text: str) -> Linked:
        role = ROLES.get(text.strip().lower())
        if role is not None and len(self.teams) == 2:  # "the hosts", "the visitors"
            return Linked(self.teams[role])
        key = name_key(text)
        for team in self.teams:
            if key in (name_key(team.short_name), name_key(team.name)):
                return Linked(team)
        try:
            return Linked(resolve_team(self.con, text))
        except UnknownNameError as error:
            nearest = error.suggestions
        for team in self.teams:  # a misspelt or shortened side of the fixture ("Bayern")
            if fuzz.ratio(key, name_key(team.short_name)) >= CLOSE_ENOUGH:
                return self._read_as(team, text, team.short_name)
            if key and set(key.split()) <= set(name_key(team.short_name).split()):
                return Linked(team)
        if nearest and "(" not in nearest[0]:
            try:
                team = resolve_team(self.con, nearest[0])
            except UnknownNameError:
                team = None
            if team and fuzz.ratio(key, name_key(nearest[0])) >= CLOSE_ENOUGH:
                return self._read_as(team, text, team.short_name)
        raise NameNotLinked("team", text, nearest)

    def player(self, text: str) -> Linked:
        players = self._known_players()
        key = person_key(text)
        # Players come most recent first: of two Luis Suárez, the one still scoring.
        exact = [pid for pid, name in players.items() if person_key(name) == key]
        if exact:
            return Linked(PlayerRef(exact[0], players[exact[0]]))
        words = set(key.split())
        partial = [pid for pid, name in players.items() if words <= set(person_key(name).split())]
        if len(partial) == 1 or (partial and len({players[p] for p in partial}) == 1):
            return Linked(PlayerRef(partial[0], players[partial[0]]))
        choices = {pid: person_key(name) for pid, name in players.items()}
        ranked = process.extract(key, choices, scorer=_person_similarity, limit=3)
        if ranked and ranked[0][1] >= CLOSE_ENOUGH:
            pid = int(ranked[0][2])
            return self._read_as(PlayerRef(pid, players[pid]), text, players[pid])
        raise NameNotLinked("player", text, [players[int(r[2])] for r in ranked])

    def _read_as(self, ref: TeamRef | PlayerRef, written: str, known: str) -> Linked:
        note = f"read {written!r} as {known}"
        self.notes.append(note)
        return Linked(ref, note)

    def _known_players(self) -> dict[int, str]:
        """Players who scored for either side of the fixture before the day (or, with no
        fixture, anyone who scored in the last five years)."""
        if self._players is None:
            ids = [t.id for t in self.teams]
            rows = self.con.execute(
                """SELECT p.id, p.name FROM goals_before($as_of) g
                   JOIN player p ON p.id = g.player_id JOIN match m ON m.id = g.match_id
                   WHERE (len($teams::INTEGER[]) > 0 AND g.team_id IN (SELECT unnest($teams)))
                      OR (len($teams::INTEGER[]) = 0 AND m.date >= $as_of - INTERVAL 1826 DAY)
                   GROUP BY p.id, p.name ORDER BY max(m.date) DESC, p.id""",
                {"as_of": self.as_of, "teams": ids},
            ).fetchall()
            self._players = dict(rows)
        return self._players


def _person_similarity(a: str, b: str, **_: object) -> float:
    """A surname alone ("Benzemma") is compared with the surname, a full name with the
    full name."""
    surname = b.split()[-1] if b else b
    return max(fuzz.ratio(a, b), fuzz.ratio(a, surname) if " " not in a else 0.0)
