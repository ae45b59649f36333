"""One team id for a club across sources and spellings.

How a source's name (name, country) gets its team, in order of trust:
1. `source_id`: the UEFA ids of the charliegnomo dump anchor the clubs of European football;
2. `curated`/`user`: alias files (ours in `aliases.toml`, the user's from --aliases);
3. `match_link`: the source reports matches another source already placed: same competition,
   date within a day, agreeing score. Each such match is a vote for who the names are; the
   majority of a name's votes decides. This is what ties "Bor Moenchengladbach" to
   "VfL Borussia Mönchengladbach" without anyone writing it down;
4. `name`/`fuzzy`: the name's key (names.name_key) equals, or is clearly closest to, the key
   of a known team of the same country;
5. `new`: none of these: a club not seen before.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from matchfacts.errors import UnknownNameError
from matchfacts.sources.records import MatchRecord
from matchfacts.store.names import best_match, name_key, similarity, suggestions

logger = logging.getLogger(__name__)

NameKey = tuple[str, str, str | None]  # (source, name, country)


@dataclass(frozen=True, slots=True)
class Team:
    id: int
    name: str
    country: str | None


@dataclass(slots=True)
class Alias:
    team_id: int
    method: str


@dataclass(slots=True)
class Identity:
    teams: dict[int, Team] = field(default_factory=dict)
    aliases: dict[NameKey, Alias] = field(default_factory=dict)
    by_source_id: dict[tuple[str, str], int] = field(default_factory=dict)
    _keys_by_country: dict[str | None, dict[int, str]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    # every spelling any source used, by (name key, country): a name one source placed
    # places the same spelling in another
    _spellings: dict[tuple[str, str | None], set[int]] = field(
        default_factory=lambda: defaultdict(set)
    )

    def new_team(self, name: str, country: str | None) -> int:
        # not len() + 1: a club joined into another (lineage) leaves its id unused
        team_id = max(self.teams, default=0) + 1
        self.teams[team_id] = Team(team_id, name, country)
        self._keys_by_country[country][team_id] = name_key(name)
        return team_id

    def link(self, key: NameKey, team_id: int, method: str) -> None:
        if key not in self.aliases:
            self.aliases[key] = Alias(team_id, method)
            self._spellings[(name_key(key[1]), key[2])].add(team_id)

    def join(self, old_id: int, into_id: int, method: str) -> None:
        """Make `old_id` one club with `into_id`: every spelling and source id that named it
        names `into_id` now, and `old_id` is no more (store/lineage.py says why)."""
        for alias in self.aliases.values():
            if alias.team_id == old_id:
                alias.team_id, alias.method = into_id, method
        for key, team_id in self.by_source_id.items():
            if team_id == old_id:
                self.by_source_id[key] = into_id
        for spelled in self._spellings.values():
            if old_id in spelled:
                spelled.discard(old_id)
                spelled.add(into_id)
        old = self.teams.pop(old_id)
        self._keys_by_country[old.country].pop(old_id, None)

    def team_of(self, source: str, record_team) -> int | None:  # noqa: ANN001 - TeamName
        if record_team.source_id is not None:
            found = self.by_source_id.get((source, record_team.source_id))
            if found is not None:
                return found
        alias = self.aliases.get((source, record_team.name, record_team.country))
        return alias.team_id if alias else None

    def by_name(self, name: str, country: str | None) -> tuple[int, str] | None:
        """A known team of the same country whose name is the same or clearly closest;
        failing that, the same name in the association whose league the club plays in
        (Monaco in France, Cardiff in England)."""
        found = self._by_name_in(name_key(name), country)
        if found is None and country in CROSS_BORDER:
            found = self._by_name_in(name_key(name), CROSS_BORDER[country], fuzzy=False)
        return found

    def _by_name_in(
        self, key: str, country: str | None, fuzzy: bool = True
    ) -> tuple[int, str] | None:
        spelled = self._spellings.get((key, country), set())
        if len(spelled) == 1:
            return next(iter(spelled)), "name"
        pool = self._keys_by_country.get(country, {})
        exact = [team_id for team_id, k in pool.items() if k == key]
        if len(exact) == 1:
            return exact[0], "name"
        found = best_match(key, pool) if fuzzy else None
        return (found, "fuzzy") if found is not None else None


# Associations whose clubs play in another's league, both ways round.
_PARTNERS = {"MCO": "FRA", "WAL": "ENG", "LIE": "SUI", "SMR": "ITA"}
CROSS_BORDER = {**_PARTNERS, **{b: a for a, b in _PARTNERS.items()}}


def anchor_source_ids(identity: Identity, source: str, records: list[MatchRecord]) -> None:
    """Every team a source gives an id for becomes a team (or an alias of one)."""
    for record in records:
        for team in (record.home, record.away):
            if team.source_id is None or (source, team.source_id) in identity.by_source_id:
                continue
            team_id = identity.new_team(team.name, team.country)
            identity.by_source_id[(source, team.source_id)] = team_id
            identity.link((source, team.name, team.country), team_id, "source_id")


def apply_user_aliases(
    identity: Identity,
    source: str,
    records: list[MatchRecord],
    user_aliases: dict[tuple[str, str | None], str],
) -> None:
    """A user's aliases come before any inference: name (and country) -> a known team."""
    if not user_aliases:
        return
    for record in records:
        for team in (record.home, record.away):
            target = user_aliases.get((team.name, team.country)) or user_aliases.get(
                (team.name, None)
            )
            key = (source, team.name, team.country)
            if target is None or key in identity.aliases:
                continue
            found = identity.by_name(target, team.country)
            if found is None:
                known = [t.name for t in identity.teams.values()]
                raise UnknownNameError("team", target, suggestions(target, known))
            identity.link(key, found[0], "user")


def _final_score(r: MatchRecord) -> tuple[int, int] | None:
    if r.home_goals_et is not None:
        return (r.home_goals_et, r.away_goals_et)  # type: ignore[return-value]
    if r.home_goals is not None:
        return (r.home_goals, r.away_goals)  # type: ignore[return-value]
    return None


def scores_agree(a: MatchRecord, b: MatchRecord) -> bool:
    """Whether two reports can be the same match: no score they both give differs."""
    if a.home_goals is not None and b.home_goals is not None:
        return (a.home_goals, a.away_goals) == (b.home_goals, b.away_goals)
    fa, fb = _final_score(a), _final_score(b)
    return fa is None or fb is None or fa == fb


@dataclass(slots=True)
class PlacedIndex:
    """Matches whose teams are known, by (competition, country, date), to link others to.

    Keys hold the Competition member itself: a StrEnum equals and hashes as its value, and
    reading `.value` half a million times costs seconds.
    """

    by_day: dict[tuple[str, str | None, dt.date], list[tuple[MatchRecord, int, int]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    days_of_team: dict[int, set[tuple[str, dt.date]]] = field(
        default_factory=lambda: defaultdict(set)
    )

    def add(self, record: MatchRecord, home_id: int, away_id: int) -> None:
        if record.date is not None:
            key = (record.competition, record.country, record.date)
            self.by_day[key].append((record, home_id, away_id))
            for team in (home_id, away_id):
                self.days_of_team[team].add((record.competition, record.date))

    def busy(self, team_id: int, days: set[tuple[str, dt.date]]) -> bool:
        """Whether the team played in the same competition within a day of any of `days`."""
        played = self.days_of_team.get(team_id, set())
        return any(
            (comp, day + dt.timedelta(shift)) in played
            for comp, day in days
            for shift in (-1, 0, 1)
        )

    def candidates(self, record: MatchRecord) -> list[tuple[MatchRecord, int, int]]:
        if record.date is None:
            return []
        out = []
        for shift in (0, -1, 1):
            day = record.date + dt.timedelta(days=shift)
            out += self.by_day.get((record.competition, record.country, day), [])
        # The same match reported by two placed sources is one candidate, not two.
        unique = {(c[1], c[2]): c for c in out if scores_agree(record, c[0])}
        return list(unique.values())


def link_by_matches(
    identity: Identity, source: str, records: list[MatchRecord], index: PlacedIndex
) -> None:
    """Vote, match by match, for which known team each unplaced name of `source` is."""
    votes: dict[NameKey, Counter[int]] = defaultdict(Counter)
    for record in records:
        home_key = (source, record.home.name, record.home.country)
        away_key = (source, record.away.name, record.away.country)
        if home_key in identity.aliases and away_key in identity.aliases:
            continue
        known = (identity.aliases.get(home_key), identity.aliases.get(away_key))
        chosen = _pick_candidate(identity, record, index.candidates(record), known)
        if chosen is not None and _same_countries(identity, record, chosen[1], chosen[2]):
            votes[home_key][chosen[1]] += 1
            votes[away_key][chosen[2]] += 1
    for key, counter in votes.items():
        if key in identity.aliases:
            continue
        team_id, count = counter.most_common(1)[0]
        if count * 2 > sum(counter.values()):
            identity.link(key, team_id, "match_link")


def _same_countries(identity: Identity, record: MatchRecord, home_id: int, away_id: int) -> bool:
    """A vote only counts where the countries agree (when both sides give one)."""
    for team, team_id in ((record.home, home_id), (record.away, away_id)):
        known = identity.teams[team_id].country
        if team.country and known and team.country != known:
            return False
    return True


def _pick_candidate(
    identity: Identity,
    record: MatchRecord,
    candidates: list[tuple[MatchRecord, int, int]],
    known: tuple[Alias | None, Alias | None],
) -> tuple[MatchRecord, int, int] | None:
    """The placed match this record reports: the only one that day, or clearly the likeliest."""
    known_home = known[0].team_id if known[0] else None
    known_away = known[1].team_id if known[1] else None
    fitting = [
        c
        for c in candidates
        if (known_home is None or c[1] == known_home) and (known_away is None or c[2] == known_away)
    ]
    if len(fitting) == 1:
        return fitting[0]
    if not fitting:
        return None

    def closeness(c: tuple[MatchRecord, int, int]) -> float:
        return similarity(
            name_key(record.home.name), name_key(identity.teams[c[1]].name)
        ) + similarity(name_key(record.away.name), name_key(identity.teams[c[2]].name))

    ranked = sorted(fitting, key=closeness, reverse=True)
    best, second = closeness(ranked[0]), closeness(ranked[1])
    return ranked[0] if best >= 120 and best - second >= 30 else None


def place_remaining(
    identity: Identity, source: str, records: list[MatchRecord], index: PlacedIndex
) -> None:
    """Names no match placed: the same or a clearly close name in the country, else new.

    A name is never given to a team that played on a day the name's club also played
    (two clubs with one name: "Santa Coloma" is both FC and UE Santa Coloma).
    """
    days: dict[NameKey, set[tuple[str, dt.date]]] = defaultdict(set)
    for record in records:
        for team in (record.home, record.away):
            key = (source, team.name, team.country)
            if key not in identity.aliases and record.date is not None:
                days[key].add((record.competition, record.date))
    for record in records:
        for team in (record.home, record.away):
            key = (source, team.name, team.country)
            if key in identity.aliases:
                continue
            found = identity.by_name(team.name, team.country)
            if found is not None and not index.busy(found[0], days[key]):
                identity.link(key, found[0], found[1])
            else:
                identity.link(key, identity.new_team(team.name, team.country), "new")
