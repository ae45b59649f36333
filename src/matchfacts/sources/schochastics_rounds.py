"""Rebuilding the structure the schochastics results files leave out: legs and rounds.

The files list every match of a competition with date, teams and score, but no round,
leg or tie. We rebuild them from the matches alone:
1. group matches: two teams who both met a third team in the same season and window
   played in a group (in a knockout season the loser of a tie leaves);
2. legs: knockout meetings of the same pair with home and away swapped within a few
   months are the two legs of a tie; a third meeting soon after is a replay;
3. rounds: counted back from the final (the tie after which neither side plays again is
   the final round: F, SF, QF, then R16/R32 after a group stage), and counted forward
   (R1, R2 ...; Q1, Q2 ... before a group stage) for the early rounds.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

GROUP_WINDOW = dt.timedelta(days=120)
LEG_WINDOW = dt.timedelta(days=120)
EARLY_FAIRS_LEG_WINDOW = dt.timedelta(days=400)  # the 1955-58 Fairs Cup spread over 3 years
REPLAY_WINDOW = dt.timedelta(days=60)


@dataclass(slots=True)
class RawMatch:
    """The fields of a results row that the rebuilding needs; index into the parsed list."""

    index: int
    season: str
    date: dt.date
    home: str
    away: str


@dataclass(slots=True)
class Structure:
    stage: str  # 'group' | 'knockout' | 'qualifying' | 'final'
    round: str
    leg: int | None


@dataclass(slots=True)
class _Tie:
    matches: list[RawMatch] = field(default_factory=list)

    @property
    def first(self) -> dt.date:
        return self.matches[0].date

    @property
    def last(self) -> dt.date:
        return self.matches[-1].date

    @property
    def teams(self) -> frozenset[str]:
        return frozenset((self.matches[0].home, self.matches[0].away))


def rebuild(matches: list[RawMatch], competition: str) -> dict[int, Structure]:
    """Stage, round and leg for every match of one competition, keyed by index."""
    by_season: dict[str, list[RawMatch]] = defaultdict(list)
    for match in matches:
        by_season[_edition(match, competition)].append(match)
    out: dict[int, Structure] = {}
    for season, season_matches in by_season.items():
        out.update(
            _rebuild_season(sorted(season_matches, key=lambda m: m.date), competition, season)
        )
    return out


# The first two Fairs Cups ran over three and two years (1955-58, 1958-60): one edition,
# one final. Cut into calendar seasons, each piece had a "final" of its own: a group match
# of 1955 and Barcelona's home quarter-final against Inter in 1959 became finals at neutral
# grounds, and the 1955-57 group matches qualifying rounds (so Barcelona's away matches
# were one short). The 1955-58 edition's group stage ran until the summer of 1957
# (https://en.wikipedia.org/wiki/1955%E2%80%9358_Inter-Cities_Fairs_Cup).
FAIRS_EDITIONS = ((dt.date(1958, 7, 1), "1955-58"), (dt.date(1960, 7, 1), "1958-60"))
FIRST_FAIRS_GROUPS_UNTIL = dt.date(1957, 7, 1)


def _edition(match: RawMatch, competition: str) -> str:
    if competition == "UEL":
        for until, edition in FAIRS_EDITIONS:
            if match.date < until:
                return edition
    return match.season


def _rebuild_season(matches: list[RawMatch], competition: str, season: str) -> dict[int, Structure]:
    if season == "1955-58":
        group = {m.index for m in matches if m.date < FIRST_FAIRS_GROUPS_UNTIL}
    else:
        group = _group_matches(matches)
    if competition == "UEL" and season >= "2004-05":
        # its group stage ended in December: a quarter-final in April whose sides had both
        # met a third club (Benfica v Newcastle, 2013) is no group match
        new_year = dt.date(int(season[:4]) + 1, 1, 1)
        group = {m.index for m in matches if m.index in group and m.date < new_year}
    out = {m.index: Structure("group", "GROUP", None) for m in matches if m.index in group}
    knockout = [m for m in matches if m.index not in group]
    ties = _pair_legs(knockout, season)
    group_start = min((m.date for m in matches if m.index in group), default=None)
    before = [t for t in ties if group_start is not None and t.last < group_start]
    after = [t for t in ties if group_start is None or t.last >= group_start]
    named = _name_rounds(before, after, competition, group_start is not None)
    for tie, name, stage in _summer_qualifying(named, before, competition, season):
        two_legged = len(tie.matches) >= 2
        for position, match in enumerate(tie.matches, start=1):
            out[match.index] = Structure(stage, name, min(position, 3) if two_legged else None)
    return out


# The UEFA Cup and the Cup Winners' Cup had qualifying rounds in July and August from
# 1993-94 (before a group stage, until 2008-09); the first round proper was in September.
# Counted forward, the summer rounds were named R1, R2 of the competition proper (so a
# qualifying tie of Celtic's in August 1996 was one of their "European home matches"),
# and in 2004-09 September's first round was named a qualifying round (Sporting "played
# 12" in the 2004-05 UEFA Cup; they played 14 after the summer).
SUMMER_QUALIFYING = ("UEL", "UCWC")


def _summer_qualifying(
    named: list[tuple[_Tie, str]], before: list[_Tie], competition: str, season: str
) -> list[tuple[_Tie, str, str]]:
    def default(tie: _Tie, name: str) -> str:
        return "qualifying" if tie in before else ("final" if name == "F" else "knockout")

    if competition not in SUMMER_QUALIFYING or not ("1993-94" <= season <= "2008-09"):
        return [(t, n, default(t, n)) for t, n in named]
    september = dt.date(int(season[:4]), 9, 1)
    summer = sorted({n for t, n in named if t.last < september and n.startswith("R")})
    shift = len(summer)
    out = []
    for tie, name in named:
        if name in summer:
            out.append((tie, f"Q{summer.index(name) + 1}", "qualifying"))
        elif tie.last < september:  # a summer tie the counting could not place (one leg)
            out.append((tie, "Q1", "qualifying"))
        elif tie in before and tie.first >= september:
            out.append((tie, "R1", "knockout"))
        elif shift and name[:1] == "R" and name[1:].isdigit():
            out.append((tie, f"R{int(name[1:]) - shift}", "knockout"))
        else:
            out.append((tie, name, default(tie, name)))
    return out


def _group_matches(matches: list[RawMatch]) -> set[int]:
    meetings: dict[frozenset[str], list[dt.date]] = defaultdict(list)
    opponents: dict[str, set[str]] = defaultdict(set)
    for m in matches:
        meetings[frozenset((m.home, m.away))].append(m.date)
        opponents[m.home].add(m.away)
        opponents[m.away].add(m.home)

    def met_near(a: str, b: str, date: dt.date) -> bool:
        return any(abs(d - date) <= GROUP_WINDOW for d in meetings.get(frozenset((a, b)), ()))

    group = set()
    for m in matches:
        common = (opponents[m.home] & opponents[m.away]) - {m.home, m.away}
        if any(met_near(m.home, c, m.date) and met_near(m.away, c, m.date) for c in common):
            group.add(m.index)
    return group


def _pair_legs(matches: list[RawMatch], season: str) -> list[_Tie]:
    by_pair: dict[frozenset[str], list[RawMatch]] = defaultdict(list)
    for m in matches:
        by_pair[frozenset((m.home, m.away))].append(m)
    window = EARLY_FAIRS_LEG_WINDOW if season < "1960-61" else LEG_WINDOW
    ties: list[_Tie] = []
    for meetings in by_pair.values():
        i = 0
        while i < len(meetings):
            tie = _Tie([meetings[i]])
            nxt = meetings[i + 1] if i + 1 < len(meetings) else None
            if nxt and nxt.home == tie.matches[0].away and nxt.date - tie.first <= window:
                tie.matches.append(nxt)
                third = meetings[i + 2] if i + 2 < len(meetings) else None
                if third and third.date - nxt.date <= REPLAY_WINDOW:
                    tie.matches.append(third)
            ties.append(tie)
            i += len(tie.matches)
    return sorted(ties, key=lambda t: t.first)


def _depths(ties: list[_Tie]) -> dict[int, int]:
    """Rounds still to play after each tie: 0 for the last tie either side plays."""
    by_team: dict[str, list[int]] = defaultdict(list)
    for i, tie in enumerate(ties):  # ties are sorted by first date
        for team in tie.teams:
            by_team[team].append(i)
    depth: dict[int, int] = {}
    for i in range(len(ties) - 1, -1, -1):
        later = [
            j
            for team in ties[i].teams
            for j in by_team[team]
            if j > i and ties[j].first > ties[i].last
        ]
        depth[i] = 1 + depth[min(later, key=lambda j: ties[j].first)] if later else 0
    return depth


FROM_THE_END = {0: "F", 1: "SF", 2: "QF"}
AFTER_GROUPS = {3: "R16", 4: "R32"}


def _name_rounds(
    before: list[_Tie], after: list[_Tie], competition: str, has_groups: bool
) -> list[tuple[_Tie, str]]:
    named: list[tuple[_Tie, str]] = []
    depth = _depths(before)
    top = max(depth.values(), default=0)
    named += [(t, f"Q{top - depth[i] + 1}") for i, t in enumerate(before)]
    depth = _depths(after)
    top = max(depth.values(), default=0)
    for i, tie in enumerate(after):
        d = depth[i]
        if competition == "UIC":  # Intertoto rounds have many winners: count from the start
            named.append((tie, f"R{top - d + 1}"))
        elif d in FROM_THE_END:
            named.append((tie, FROM_THE_END[d]))
        elif has_groups and d in AFTER_GROUPS:
            named.append((tie, AFTER_GROUPS[d]))
        else:
            named.append((tie, f"R{top - d + 1}"))
    return named
