"""The same match from several sources becomes one row; disagreements become conflicts.

Records are taken source by source in order of trust (`PRIORITY`), so the first report
of a match is its primary: it gives every field it has; later reports only fill what the
primary lacks. A field two reports both give and give differently is kept from the primary
and recorded as a `Conflict` with both values and both places: never resolved silently.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from matchfacts.sources.records import MatchRecord, SourceRef, Status

# Most trusted first. UEFA's own dump has 90-minute scores, extra time and penalties apart;
# openfootball is curated by hand; engsoccerdata has legs and aggregates; schochastics only
# the final score; football-datasets and engsoccerdata leagues are alike for league matches.
PRIORITY = (
    "charliegnomo-champions-uefa-data",
    "openfootball-champions-league",
    "engsoccerdata",
    "schochastics-football-data",
    "football-datasets",
)
SAME_MATCH_DAYS = 2  # sources differ by a day (UTC against local dates, late kick-offs)
# A league match two sources date days apart (Milan v Fiorentina, 17 or 20 May 2001; Ligue
# 1's rearranged rounds of 1993-94 and 1999-2000) was stored twice, and "won k of their n"
# counted it twice (audit, issue 15). The same pair at the same ground in the same season
# with the same score within two weeks, from another source, is the same match.
LEAGUE_DATE_SLACK = 14
KNOCKOUT_DATE_SLACK = 70  # days; early European Cup dates differ by weeks between sources

SCORE_FIELDS = (
    ("home_goals", "away_goals"),
    ("home_goals_ht", "away_goals_ht"),
    ("home_goals_et", "away_goals_et"),
    ("home_pens", "away_pens"),
)
FILL_FIELDS = (
    "kickoff_utc",
    "attendance",
    "venue",
    "neutral",
    "went_to_extra_time",
    "went_to_penalties",
    "tier",
    "country",
    "home_shots",
    "away_shots",
    "home_shots_on_target",
    "away_shots_on_target",
)


@dataclass(frozen=True, slots=True)
class Conflict:
    row: int  # index of the merged match
    field: str
    kept: str
    kept_ref: SourceRef
    other: str
    other_ref: SourceRef


@dataclass(slots=True)
class MergedMatch:
    """One canonical match: its fields, and every report it was built from."""

    home_id: int
    away_id: int
    record: MatchRecord  # the primary report
    values: dict[str, object]
    reports: list[MatchRecord] = field(default_factory=list)


def _score(record: MatchRecord, pair: tuple[str, str]) -> tuple[int, int] | None:
    home, away = getattr(record, pair[0]), getattr(record, pair[1])
    return None if home is None or away is None else (home, away)


def _final(record: MatchRecord) -> tuple[int, int] | None:
    return _score(record, ("home_goals_et", "away_goals_et")) or _score(
        record, ("home_goals", "away_goals")
    )


class Reconciler:
    def __init__(self) -> None:
        self.matches: list[MergedMatch] = []
        self.conflicts: list[Conflict] = []
        self.undated: list[MatchRecord] = []
        self._by_pair_day: dict[tuple, list[int]] = defaultdict(list)
        self._by_pair_season: dict[tuple, list[int]] = defaultdict(list)
        self._by_side: dict[tuple, list[int]] = defaultdict(list)

    def add(self, record: MatchRecord, home_id: int, away_id: int) -> int | None:
        """Merge one report; returns the index of its canonical match (None if unplaced)."""
        key = (record.competition, record.country, home_id, away_id)
        index = self._find(key, record)
        if index is None:
            # Sources disagree on who was 'at home' at neutral venues (finals): same match.
            swapped = self._find((key[0], key[1], away_id, home_id), record, max_days=1)
            if swapped is not None:
                if not (self.matches[swapped].values.get("neutral") or record.neutral):
                    self._conflict(swapped, "home_away", "as kept", "home and away swapped", record)
                record, index = swapped_sides(record), swapped
        if index is None:
            index = self._find_one_side(record, home_id, away_id)
        if index is None:
            if record.date is None:
                self.undated.append(record)
                return None
            index = len(self.matches)
            self.matches.append(MergedMatch(home_id, away_id, record, _values(record), [record]))
            self._by_pair_day[(key, record.date)].append(index)
            self._by_pair_season[(key, record.season)].append(index)
            if record.date is not None:
                for side, team in (("home", home_id), ("away", away_id)):
                    self._by_side[(key[0], key[1], side, team, record.date)].append(index)
            return index
        if record.date is None and _rank(record) < _rank(self.matches[index].record):
            self._promote(index, record)
        else:
            self._merge(index, record)
        return index

    def _find_one_side(self, record: MatchRecord, home_id: int, away_id: int) -> int | None:
        """A match the same team played on the same side that day with the same score, but
        against another opponent: one source names the opponent wrongly. No team plays two
        matches in two days, so it is the same match, and the disagreement is a conflict."""
        if record.date is None:
            return None
        comp = (record.competition, record.country)
        for side, team, other in (("home", home_id, away_id), ("away", away_id, home_id)):
            near = (
                index
                for shift in (0, -1, 1)
                for index in self._by_side.get(
                    (*comp, side, team, record.date + dt.timedelta(shift)), ()
                )
            )
            for index in near:
                merged = self.matches[index]
                if self._reported_by(index, record):
                    continue
                if _final(merged.record) != _final(record):
                    continue
                kept = merged.away_id if side == "home" else merged.home_id
                self._conflict(
                    index,
                    f"{'away' if side == 'home' else 'home'}_team",
                    f"team {kept}",
                    f"team {other} ({record.away.name if side == 'home' else record.home.name})",
                    record,
                )
                return index
        return None

    def _promote(self, index: int, record: MatchRecord) -> None:
        """A more trusted but undated report becomes the primary, dated by the others."""
        merged = self.matches[index]
        earlier = merged.reports
        merged.record = replace(record, date=merged.record.date)
        merged.values = _values(merged.record)
        merged.reports = [merged.record]
        self.conflicts = [c for c in self.conflicts if c.row != index]
        for report in earlier:
            self._merge(index, report)

    def _find(self, key: tuple, record: MatchRecord, max_days: int = SAME_MATCH_DAYS) -> int | None:
        if record.date is not None:
            for shift in range(-max_days, max_days + 1):
                day = record.date + dt.timedelta(shift)
                for index in self._by_pair_day.get((key, day), ()):
                    if not self._reported_by(index, record):
                        return index
        candidates = self._by_pair_season.get((key, record.season), ())
        if record.date is None:
            for index in candidates:
                primary = self.matches[index].record
                if record.leg == primary.leg and not self._reported_by(index, record):
                    return index
            return None
        # Early knockout legs: sources can differ by weeks on the date, yet a pair meets at one
        # ground only once in a season's knockout rounds, so the same season finds the match.
        if max_days == SAME_MATCH_DAYS and _knockout(record):
            for index in candidates:
                primary = self.matches[index].record
                if (
                    _knockout(primary)
                    and not self._reported_by(index, record)  # a replay at the same ground
                    and abs((record.date - primary.date).days) <= KNOCKOUT_DATE_SLACK  # type: ignore[operator]
                ):
                    return index
        if max_days == SAME_MATCH_DAYS and _league(record):
            for index in candidates:
                primary = self.matches[index].record
                if (
                    not self._reported_by(index, record)
                    and _final(primary) == _final(record)
                    and abs((record.date - primary.date).days) <= LEAGUE_DATE_SLACK  # type: ignore[operator]
                ):
                    return index
        return None

    def _reported_by(self, index: int, record: MatchRecord) -> bool:
        """Whether the match already has a report of the record's source: a source does
        not report one match twice, so then the record is another match."""
        return any(r.ref.source == record.ref.source for r in self.matches[index].reports)

    def _merge(self, index: int, record: MatchRecord) -> None:
        merged = self.matches[index]
        merged.reports.append(record)
        values, primary = merged.values, merged.record
        if record.date is not None and record.date != primary.date:
            self._conflict(index, "date", str(primary.date), str(record.date), record)
        for pair in SCORE_FIELDS:
            mine, theirs = _score(primary, pair), _score(record, pair)
            if mine is None and theirs is not None and values[pair[0]] is None:
                values[pair[0]], values[pair[1]] = theirs
            elif mine is not None and theirs is not None and mine != theirs:
                self._conflict(
                    index, pair[0].removeprefix("home_"), _fmt(mine), _fmt(theirs), record
                )
        mine, theirs = _final(primary), _final(record)
        if mine and theirs and mine != theirs and _score(record, SCORE_FIELDS[0]) is None:
            # e.g. schochastics gives only the final score: compare it with ours
            self._conflict(index, "final_score", _fmt(mine), _fmt(theirs), record)
        for name in FILL_FIELDS:
            if values.get(name) is None and getattr(record, name) is not None:
                values[name] = getattr(record, name)
        if record.status is Status.SCHEDULED or values["status"] == record.status.value:
            return
        if values["status"] == Status.SCHEDULED.value:
            # the first copy listed the match before it was played (charliegnomo's lists
            # the UEFA Champions League quarter-finals of 2021-22 so): the report wins
            values["status"] = record.status.value
        else:
            self._conflict(index, "status", str(values["status"]), record.status.value, record)

    def _conflict(self, index: int, name: str, kept: str, other: str, record: MatchRecord):
        primary = self.matches[index].record
        self.conflicts.append(Conflict(index, name, kept, primary.ref, other, record.ref))


def swapped_sides(record: MatchRecord) -> MatchRecord:
    """The same report with home and away exchanged (for neutral-venue matches)."""
    swaps: dict[str, object] = {"home": record.away, "away": record.home}
    for home, away in SCORE_FIELDS:
        swaps[home], swaps[away] = getattr(record, away), getattr(record, home)
    return replace(record, **swaps)  # type: ignore[arg-type]


def _league(record: MatchRecord) -> bool:
    return record.stage is not None and record.stage.value == "league"


def _knockout(record: MatchRecord) -> bool:
    return record.stage.value in ("knockout", "qualifying", "final") and record.leg is not None


def _rank(record: MatchRecord) -> int:
    source = record.ref.source
    return PRIORITY.index(source) if source in PRIORITY else len(PRIORITY)


def _fmt(score: tuple[int, int]) -> str:
    return f"{score[0]}-{score[1]}"


def _values(record: MatchRecord) -> dict[str, object]:
    values: dict[str, object] = {
        "competition": record.competition.value,
        "season": record.season,
        "stage": record.stage.value,
        "round": record.round,
        "leg": record.leg,
        "date": record.date,
        "status": record.status.value,
    }
    for pair in SCORE_FIELDS:
        values[pair[0]], values[pair[1]] = getattr(record, pair[0]), getattr(record, pair[1])
    for name in FILL_FIELDS:
        values[name] = getattr(record, name)
    return values


def competition_id(values: dict) -> str:
    """The store's competition id of a merged match: UCL ..., or country and tier (ENG1)."""
    if values["competition"] != "LEAGUE":
        return str(values["competition"])
    return f"{values['country']}{values['tier'] or 1}"
