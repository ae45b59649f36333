"""A preview: the tie, the forecast, team news and the facts, composed as one document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from matchfacts.facts.context import COMPETITION_PHRASES
from matchfacts.facts.evaluate import Evaluator
from matchfacts.facts.lexicon import LEXICON
from matchfacts.facts.mine import StoreNames, facts_for, fixture_of
from matchfacts.facts.record import Fact
from matchfacts.facts.sheet import SheetLine, fact_sheet
from matchfacts.model.forecast import Forecast, forecast
from matchfacts.preview.team_news import TeamNews, team_news
from matchfacts.rules.situation import TieSituation, situation_dict, tie_situation
from matchfacts.store.competitions import ROUND_NAMES
from matchfacts.store.lookup import MatchRow, TeamRef, tie_legs
from matchfacts.store.planned import Plan, freshness, home_ground

# How the outcome grid marks each result, in every format.
MARKS = {
    "home": "H",
    "away": "A",
    "extra_time": "ET",
    "penalties": "P",
    "replay": "R",
    "coin_toss": "C",
}


@dataclass(frozen=True, slots=True)
class Preview:
    headline: str
    standfirst: str
    tie: TieSituation | None
    forecast: Forecast
    facts: list[Fact]
    news: list[TeamNews]
    sheet: list[SheetLine] = field(default_factory=list)
    notices: tuple[str, ...] = ()  # a match not in the store, what was inferred, old data
    sources: tuple[dict, ...] = ()  # the data behind it, with licences (attribution)

    @property
    def home(self) -> TeamRef:
        return self.forecast.home

    @property
    def away(self) -> TeamRef:
        return self.forecast.away


def compose(
    con: duckdb.DuckDBPyConnection,
    home: TeamRef,
    away: TeamRef,
    date: dt.date,
    news_file: Path | None = None,
    limit: int = 20,
    plan: Plan | None = None,
) -> Preview:
    fc = forecast(con, home, away, date, plan=plan)
    in_tie = tie_legs(con, fc.match) is not None
    situation = tie_situation(con, home, away, date, plan=plan) if in_tie else None
    fx = fixture_of(con, home, away, date, plan)
    ev = Evaluator(con, fx.match.date)  # one read of each subject's units for both
    found = facts_for(con, home, away, date, limit, ev, plan)
    news = (
        team_news(
            con, news_file, fc.match.id, fc.match.competition_id, fc.match.season, (home, away)
        )
        if news_file
        else []
    )
    sheet = fact_sheet(con, fx, StoreNames(con), ev)
    stale = freshness(con, date)
    notices = (*fc.match.notes, *((stale,) if stale else ()))
    ground = fc.match.venue or (None if fc.match.neutral else home_ground(con, home.id, date))
    return Preview(
        _headline(situation, fc), _standfirst(situation, fc, ground), situation, fc, found,
        news, sheet, notices, sources_behind(con),
    )  # fmt: skip


def sources_behind(con: duckdb.DuckDBPyConnection) -> tuple[dict, ...]:
    """Every source whose matches or goals are in the store: the ratings are fitted on all
    of them, so each is behind every preview (CC-BY and ODC-BY ask to be named)."""
    rows = con.execute(
        """SELECT name, title, licence, repository, commit_sha FROM source
           WHERE matches > 0 OR goals > 0 ORDER BY name"""
    ).fetchall()
    keys = ("name", "title", "licence", "repository", "commit")
    return tuple(dict(zip(keys, row, strict=True)) for row in rows)


def _headline(s: TieSituation | None, fc: Forecast) -> str:
    hs, as_ = fc.home.short_name, fc.away.short_name
    if s is None or s.aggregate is None:
        return f"{hs} v {as_}"
    mine, theirs = s.aggregate
    if mine < theirs:
        return f"{hs} v {as_}: {hs} must overturn a {theirs}-{mine} deficit"
    if mine > theirs:
        return f"{hs} v {as_}: {hs} defend a {mine}-{theirs} lead"
    return f"{hs} v {as_}: all square at {mine}-{theirs}"


def _standfirst(s: TieSituation | None, fc: Forecast, ground: str | None = None) -> str:
    """The competition, round and leg in words, the day, the ground (the home side's
    usual one where the source names none) and the favourite to go through."""
    where = ground.split(",")[0] if ground else None
    when = f"{fc.match.date:%A %-d %B %Y}"
    what = s.description if s else _described(fc.match)
    place = f" at {where}" if where else ""
    doors = ", behind closed doors" if fc.match.behind_closed_doors else ""
    line = f"{what}, {when}{place}{doors}."
    if fc.progress is not None:
        favourite, p = (
            (fc.home, fc.progress.home)
            if fc.progress.home >= fc.progress.away
            else (fc.away, fc.progress.away)
        )
        pct = f"{100 * p:.0f}"
        article = "an" if pct.startswith("8") or pct in ("11", "18") else "a"
        prize = "winning the trophy" if fc.match.stage == "final" else "going through"
        line += f" The model gives {favourite.short_name} {article} {pct}% chance of {prize}."
    return line


def _described(match: MatchRow) -> str:
    """'Premier League 2020-21', 'Champions League 2024-25 league phase': the competition
    by its name in that season, never its code."""
    name = LEXICON.competition_name(match.competition_id, match.season)
    rnd = ROUND_NAMES.get(match.round or "", "") if match.stage != "league" else ""
    return f"{name} {match.season} {rnd}".strip()


def _r(x: float) -> float:
    return round(float(x), 4)


def preview_dict(p: Preview) -> dict:
    """The JSON preview of DESIGN.md: tie, forecast, facts, team_news, headline."""
    fc = p.forecast.as_dict()
    fc["match"] = {k: _r(v) for k, v in fc["match"].items()}
    fc["expected_goals"] = {k: _r(v) for k, v in fc["expected_goals"].items()}
    fc["scorelines"] = [{**s, "p": _r(s["p"])} for s in fc["scorelines"]]
    fc["model"] = {k: (_r(v) if isinstance(v, float) else v) for k, v in fc["model"].items()}
    fc["elo"] = {k: (_r(v) if isinstance(v, float) else v) for k, v in fc["elo"].items()}
    if "progress" in fc:
        fc["progress"] = _rounded(fc["progress"])
    competition = p.forecast.match.competition_id
    phrase = COMPETITION_PHRASES.get(competition, competition).split(" and ")[-1]
    return {
        "headline": p.headline,
        "standfirst": p.standfirst,
        "notices": list(p.notices),
        "sources": list(p.sources),
        "tie": situation_dict(p.tie) if p.tie else None,
        "fact_sheet": [line.as_dict() for line in p.sheet],
        "forecast": fc,
        "facts": {
            "as_of": p.forecast.as_of.isoformat(),
            "facts": [
                {
                    **f.as_dict(),
                    "score": _r(f.score),
                    "value": _r(f.value) if isinstance(f.value, float) else f.value,
                }
                for f in p.facts
            ],
        },
        "team_news": [
            {
                "team": n.team.short_name,
                "summary": n.summary(phrase),
                "absentees": [
                    {
                        "player": a.player,
                        "status": a.status,
                        "reason": a.reason,
                        "long_term": a.long_term,
                        "goals_this_season": a.goals,
                    }
                    for a in n.absentees
                ],
            }
            for n in p.news
        ],
    }


def _rounded(value):  # noqa: ANN001, ANN202
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return _r(value) if isinstance(value, float) else value
