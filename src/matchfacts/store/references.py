"""Placing published forecasts (FiveThirtyEight, bookmakers) on the store's matches.

A forecast names its match by date and the provider's spelling of the teams. It belongs to
the match that day (a day either side, for time zones) whose score agrees (where both give
one: after 90 minutes, or after extra time, which is what the odds files give for a match
that had it) and whose teams' names, in any source's spelling, are clearly the most alike.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from matchfacts.sources.records import ReferenceForecast
from matchfacts.store.names import name_key, similarity
from matchfacts.store.reconcile import MergedMatch, competition_id

logger = logging.getLogger(__name__)
MIN_SIMILARITY = 140.0  # of 200: both names recognisably the same clubs
MARGIN = 20.0
WHOLE_WORDS = 90.0  # a name made of whole words of the other's


@dataclass(slots=True)
class ReferenceFinder:
    # (competition, day) -> (match index, home names, away names, the scores it can be given
    # with: after 90 minutes and after extra time; empty where it has none)
    by_day: dict[tuple[str, dt.date], list[tuple[int, set[str], set[str], set[tuple]]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def add(self, index: int, merged: MergedMatch, names: dict[int, set[str]]) -> None:
        values = merged.values
        date = (competition_id(values), values["date"])
        scores = {
            (values[home], values[away])
            for home, away in (("home_goals", "away_goals"), ("home_goals_et", "away_goals_et"))
            if values[home] is not None
        }
        homes = {name_key(r.home.name) for r in merged.reports} | names.get(merged.home_id, set())
        aways = {name_key(r.away.name) for r in merged.reports} | names.get(merged.away_id, set())
        self.by_day[date].append((index, homes, aways, scores))

    def find(self, ref: ReferenceForecast) -> int | None:
        home, away = name_key(ref.home), name_key(ref.away)
        ranked = []
        for shift in (0, -1, 1):
            day = (ref.league, ref.date + dt.timedelta(shift))
            for index, homes, aways, scores in self.by_day.get(day, []):
                if (
                    ref.home_goals is not None
                    and scores
                    and (ref.home_goals, ref.away_goals) not in scores
                ):
                    continue
                ranked.append((_alike(home, homes) + _alike(away, aways), index))
        ranked.sort(reverse=True)
        if not ranked or ranked[0][0] < MIN_SIMILARITY:
            return None
        if len(ranked) > 1 and ranked[1][0] > ranked[0][0] - MARGIN:
            return None
        return ranked[0][1]


def _alike(key: str, known: set[str]) -> float:
    """How alike a provider's name is to a match side's names (0..100). A short form made
    of whole words of one of them ("PSV" of "PSV Eindhoven", "AZ" of "AZ Alkmaar", "KR" of
    "KR Reykjavík") counts as alike as a close spelling: the competition, the day and the
    score have already narrowed the match down to a few, and a tie between two is refused."""
    best = max(similarity(key, name) for name in known)
    words = set(key.split())
    if words and any(words <= set(name.split()) for name in known):
        best = max(best, WHOLE_WORDS)
    return best


def place_references(
    references: list[ReferenceForecast], matches: list[MergedMatch], names: dict[int, set[str]]
) -> tuple[list[tuple[int, ReferenceForecast]], list[ReferenceForecast]]:
    """(merged-match index, forecast) for each placed forecast, and those left unplaced.

    A match gets one forecast from each source. FiveThirtyEight's snapshots repeat a
    match under other spellings (the parser's own de-duplication, by name, misses those);
    the latest snapshot's row is kept: it holds the forecast frozen at kick-off, where an
    earlier snapshot may hold one made weeks before.
    """
    if not references:
        return [], []
    days = {r.date + dt.timedelta(shift) for r in references for shift in (-1, 0, 1)}
    finder = ReferenceFinder()
    for index, merged in enumerate(matches):
        if merged.values["date"] in days:
            finder.add(index, merged, names)
    latest: dict[tuple[int, str], ReferenceForecast] = {}
    unplaced = []
    for ref in references:
        index = finder.find(ref)
        if index is None:
            unplaced.append(ref)
            continue
        key = (index, ref.ref.source)
        if key not in latest or _snapshot_order(ref) > _snapshot_order(latest[key]):
            latest[key] = ref
    superseded = len(references) - len(unplaced) - len(latest)
    if superseded:
        logger.info("%d forecasts superseded by a later snapshot of the same match", superseded)
    # keys are unique, so sorting the items sorts by (match, source) alone
    return [(index, ref) for (index, _), ref in sorted(latest.items())], unplaced


def _snapshot_order(ref: ReferenceForecast) -> tuple[str, int]:
    """Snapshot files are named by date, so a later file is a later snapshot."""
    return (ref.ref.file, ref.ref.line)
