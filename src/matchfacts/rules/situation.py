"""The situation of a tie before a match, read from the store as of that day.

Joins the store (which match, which first leg, which competition and season) to the
pure engine (which rules, what each score means, the words). Nothing on or after the
match day is read except the fixture itself: its result is not known yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from matchfacts.errors import NotFoundError
from matchfacts.rules.catalogue import RuleCatalogue
from matchfacts.rules.first_leg import FirstLegView, first_leg_view
from matchfacts.rules.live import InProgressState, in_progress_state, in_progress_words
from matchfacts.rules.loader import builtin_catalogue
from matchfacts.rules.outcome import Score
from matchfacts.rules.ruleset import RuleSet
from matchfacts.rules.table import OutcomeTable, outcome_table
from matchfacts.rules.words import extra_time_words, summary_words
from matchfacts.store.competitions import ROUND_NAMES
from matchfacts.store.lookup import MatchRow, TeamRef, fixture, match_by_id, tie_legs
from matchfacts.store.planned import Plan

COMPETITION_NAMES = {
    "UCL": "Champions League",
    "UEL": "Europa League",
    "UCWC": "Cup Winners' Cup",
    "UECL": "Conference League",
    "UIC": "Intertoto Cup",
    "USC": "Super Cup",
}


def competition_name(competition: str, season: str) -> str:
    """The name a desk uses for that season: European Cup before 1992-93, and so on."""
    start = int(season[:4])
    if competition == "UCL" and start < 1992:
        return "European Cup"
    if competition == "UEL":
        return "Fairs Cup" if start < 1971 else ("UEFA Cup" if start < 2009 else "Europa League")
    return COMPETITION_NAMES.get(competition, competition)


@dataclass(frozen=True, slots=True)
class TieSituation:
    home: TeamRef  # at home in this match
    away: TeamRef
    match: MatchRow
    competition: str
    season: str
    round: str | None
    leg: int | None  # 1, 2, or None for a single match
    rules: RuleSet
    first_leg: MatchRow | None  # for a second leg
    table: OutcomeTable | None  # for a second leg or a single match
    summary: str
    first_leg_views: tuple[FirstLegView, ...]  # for a first leg: what results would mean
    extra_time: str | None

    @property
    def description(self) -> str:
        comp = competition_name(self.competition, self.season)
        rnd = ROUND_NAMES.get(self.round or "", self.round or "")
        leg = {1: ", first leg", 2: ", second leg"}.get(self.leg or 0, "")
        return f"{comp} {self.season} {rnd}{leg}".strip()

    @property
    def aggregate(self) -> tuple[int, int] | None:
        """Goals so far, this match's home side first (before it kicks off)."""
        if self.first_leg is None or self.first_leg.home_goals is None:
            return None
        first = self.first_leg
        goals_home = first.away_goals_et if first.away_goals_et is not None else first.away_goals
        goals_away = first.home_goals_et if first.home_goals_et is not None else first.home_goals
        return (goals_home, goals_away)  # type: ignore[return-value]

    def live(self, minute: int, score: Score, score_after_90: Score | None = None) -> str:
        """What it means if this match stands at `score` in `minute`."""
        first = self._first_score()
        state: InProgressState = in_progress_state(
            first, minute, score, self.rules, score_after_90=score_after_90
        )
        return in_progress_words(self.home.short_name, self.away.short_name, state)

    def _first_score(self) -> Score | None:
        if self.first_leg is None or self.first_leg.home_goals is None:
            return None
        return Score(self.first_leg.home_goals, self.first_leg.away_goals)  # type: ignore[arg-type]


def tie_situation(
    con: duckdb.DuckDBPyConnection,
    home: TeamRef,
    away: TeamRef,
    date: dt.date,
    bound: int = 6,
    catalogue: RuleCatalogue | None = None,
    plan: Plan | None = None,
) -> TieSituation:
    """The tie as of `date`; `catalogue` adds a user's rule sets to the built-in ones."""
    match = fixture(con, home, away, date, plan)
    tie = tie_legs(con, match)
    if tie is None:
        raise NotFoundError(
            f"{home.short_name} v {away.short_name} on {match.date} is a "
            f"{match.stage} match ({match.competition_id} {match.season}), not part of a tie"
        )
    rules = (catalogue or builtin_catalogue()).select(
        match.competition_id, match.season, match.round
    )
    first_leg = None
    if tie[1] is not None and match.id == tie[1]:
        first_leg = match_by_id(con, tie[0])
        if first_leg.date >= date:
            raise NotFoundError(f"the first leg ({first_leg.date}) is not before {date}")
    is_first_leg = tie[1] is not None and match.id == tie[0] and not rules.single_match
    leg = 1 if is_first_leg else (2 if first_leg is not None else None)
    first_score = None
    if first_leg is not None:
        if first_leg.home_goals is None:
            raise NotFoundError(f"the first leg on {first_leg.date} has no 90-minute score")
        first_score = Score(first_leg.home_goals, first_leg.away_goals)  # type: ignore[arg-type]
    hs, as_ = home.short_name, away.short_name
    if is_first_leg:
        views = tuple(
            first_leg_view(score, rules, home_name=hs, away_name=as_) for score in FIRST_LEG_SCORES
        )
        return TieSituation(
            home,
            away,
            match,
            match.competition_id,
            match.season,
            match.round,
            1,
            rules,
            None,
            None,
            _rules_words(rules),
            views,
            extra_time_words(hs, rules),
        )
    table = outcome_table(first_score, rules, bound=bound)
    words = summary_words(hs, as_, first_score, rules)
    return TieSituation(
        home,
        away,
        match,
        match.competition_id,
        match.season,
        match.round,
        leg,
        rules,
        first_leg,
        table,
        words,
        None,
        extra_time_words(as_, rules),
    )


FIRST_LEG_SCORES = ((1, 0), (2, 0), (2, 1), (0, 0), (1, 1), (0, 1), (1, 2), (0, 2))


def _rules_words(rules: RuleSet) -> str:
    """The season's rules in one sentence, for a first leg."""
    parts = ["away goals count" if rules.away_goals else "away goals do not count"]
    if rules.away_goals and rules.extra_time:
        parts.append(
            "in extra time too" if rules.away_goals_in_extra_time else "but not in extra time"
        )
    settle = {
        "penalties": "penalties",
        "replay": "a replay",
        "coin_toss": "a coin toss",
        "replay_then_coin_toss": "a replay, then a coin toss",
        "replay_then_penalties": "a replay, then penalties",
    }[rules.level_after_extra_time]
    level = "after extra time" if rules.extra_time else "after the second leg"
    return f"This season {', '.join(parts)}; a tie still level {level} goes to {settle}."


def rules_dict(rules: RuleSet) -> dict:
    return {
        "id": rules.id,
        "away_goals": rules.away_goals,
        "away_goals_in_extra_time": rules.away_goals_in_extra_time,
        "extra_time": rules.extra_time,
        "level_after_extra_time": rules.level_after_extra_time,
        "legs": rules.legs,
        "neutral_venue": rules.neutral_venue,
        "source": rules.source,
        "note": rules.note,
    }


def situation_dict(s: TieSituation) -> dict:
    """The JSON `tie` object of DESIGN.md."""
    out: dict = {
        "home": s.home.short_name,
        "away": s.away.short_name,
        "date": s.match.date.isoformat(),
        "competition": s.competition,
        "competition_name": competition_name(s.competition, s.season),
        "season": s.season,
        "round": s.round,
        "leg": s.leg,
        "description": s.description,
        "rules": rules_dict(s.rules),
        "summary": s.summary,
        "extra_time": s.extra_time,
        "first_leg": None,
        "aggregate": None,
        "outcomes": [],
    }
    if s.first_leg is not None:
        f = s.first_leg
        out["first_leg"] = {
            "home": s.away.short_name if f.home_id == s.away.id else s.home.short_name,
            "away": s.home.short_name if f.away_id == s.home.id else s.away.short_name,
            "date": f.date.isoformat(),
            "home_goals": f.home_goals,
            "away_goals": f.away_goals,
            "home_goals_et": f.home_goals_et,
            "away_goals_et": f.away_goals_et,
        }
        agg = s.aggregate
        out["aggregate"] = {"home": agg[0], "away": agg[1]} if agg else None
    if s.table is not None:
        out["outcomes"] = [
            {
                "home_goals": c.home_goals,
                "away_goals": c.away_goals,
                "result": c.result,
                **(
                    {
                        "extra_time": [
                            {
                                "home_goals": e.home_goals,
                                "away_goals": e.away_goals,
                                "result": e.result,
                            }
                            for e in c.extra_time
                        ]
                    }
                    if c.extra_time
                    else {}
                ),
            }
            for c in s.table.cells
        ]
    if s.first_leg_views:
        out["first_leg_results"] = [
            {"home_goals": v.first_leg.home, "away_goals": v.first_leg.away, "meaning": v.text}
            for v in s.first_leg_views
        ]
    return out
