"""The context of a claim ("knockout matches at home in the Champions League") as a set of
filters over a team's matches, read from the words of the claim, and its natural variations
("counting qualifying rounds", "in all European competition") for judging imprecision."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

import duckdb

from matchfacts.facts.context import EUROPEAN
from matchfacts.facts.words import ADJECTIVES

COMPETITION_WORDS = (  # the longest phrase first: "European Cup and Champions League" is UCL
    (r"league and european", "all"),
    (r"european cup and champions league|champions league|european cup", "UCL"),
    (r"fairs cup, uefa cup and europa league|europa league|uefa cup|fairs cup", "UEL"),
    (r"cup winners' cup|cup winners cup", "UCWC"),
    (r"conference league", "UECL"),
    (r"all competitions", "all"),
    (r"european competition|in europe\b|european", "europe"),
    (r"premier league|la ?liga|serie a|bundesliga|ligue 1|eredivisie|league", "league"),
)
NAMES = {
    "UCL": "the European Cup and Champions League",
    "UEL": "the Fairs Cup, UEFA Cup and Europa League",
    "UCWC": "the Cup Winners' Cup",
    "UECL": "the Conference League",
    "europe": "all European competition",
    "league": "league matches",
    "all": "league and European matches (the data has no domestic cups)",
}


@dataclass(frozen=True, slots=True)
class Scope:
    competition: str = "all"  # a competition id, "europe", "league" or "all"
    stage: str | None = None  # "knockout" (finals included) or None
    venue: str | None = None  # "home", "away" or None (neutral grounds are neither)
    opponent: int | None = None
    season: str | None = None
    since: str | None = None  # a season label: "1992-93"
    qualifying: bool = False  # whether qualifying rounds count
    opposition: str | None = None  # the opponents' country: "ESP"

    def words(self) -> str:
        parts = [NAMES.get(self.competition, self.competition)]
        if self.stage:
            parts.append("knockout stage")
        if self.venue:
            parts.append(f"{self.venue} matches")
        if self.season:
            parts.append(f"season {self.season}")
        if self.since:
            parts.append(f"since {self.since}")
        if self.qualifying:
            parts.append("qualifying rounds counted")
        if self.opposition:
            parts.append(f"against {ADJECTIVES.get(self.opposition, self.opposition)} sides")
        return ", ".join(parts)


def read_scope(
    text: str, default_competition: str = "all", this_season: str | None = None
) -> Scope:
    """The filters a claim's words name; what they leave open stays open. "This season"
    is `this_season` where the caller knows it."""
    lowered = text.lower()
    competition = default_competition
    for pattern, code in COMPETITION_WORDS:
        if re.search(pattern, lowered):
            competition = code
            break
    stage = "knockout" if re.search(r"knockout|knock-out", lowered) else None
    venue = None
    if re.search(r"\baway\b|on the road|on their travels", lowered):
        venue = "away"  # first: "away from home" is away
    elif re.search(r"\bat home\b|\bhome\b", lowered):
        venue = "home"
    # "Qualifying rounds apart" is the convention for a named competition; "all
    # competitions" and a club's whole record count everything.
    qualifying = competition in ("all", "league")
    against = re.search(r"against (\w+) (?:sides|teams|clubs|opposition)|to (\w+) opposition", text)
    opposition = COUNTRIES.get((against.group(1) or against.group(2)) if against else "")
    return Scope(
        competition=competition,
        stage=stage,
        venue=venue,
        season=this_season if "this season" in lowered else None,
        qualifying=qualifying,
        opposition=opposition,
    )


COUNTRIES = {adjective: code for code, adjective in ADJECTIVES.items()}


def variations(scope: Scope) -> list[tuple[str, Scope]]:
    """Other reasonable readings of a context, each with the words that name it."""
    found: list[tuple[str, Scope]] = []
    for competition in ("UCL", "europe", "all", "league"):
        if competition != scope.competition:
            found.append((f"in {NAMES[competition]}", replace(scope, competition=competition)))
    if not scope.qualifying and scope.competition != "league":
        found.append(("counting qualifying rounds", replace(scope, qualifying=True)))
    if scope.competition in ("UCL", "europe") and scope.since is None:
        found.append(("since 1992-93 only", replace(scope, since="1992-93")))
    if scope.stage:
        found.append(("counting every stage", replace(scope, stage=None)))
    if scope.venue:
        found.append(("home and away together", replace(scope, venue=None)))
    if scope.season:
        found.append(("over every season", replace(scope, season=None)))
    return found


def team_matches(
    con: duckdb.DuckDBPyConnection, team_id: int, as_of: dt.date, scope: Scope
) -> list[tuple[int, dt.date, int, int]]:
    """(match id, date, goals for, goals against) of the team's played matches in the scope
    before `as_of`, newest first; extra time counts, a shoot-out does not."""
    where, params = scope_filters(scope)
    params |= {"team": team_id, "as_of": as_of}
    return con.execute(
        f"""
        SELECT m.id, m.date,
               CASE WHEN m.home_id = $team THEN coalesce(m.home_goals_et, m.home_goals)
                    ELSE coalesce(m.away_goals_et, m.away_goals) END,
               CASE WHEN m.home_id = $team THEN coalesce(m.away_goals_et, m.away_goals)
                    ELSE coalesce(m.home_goals_et, m.home_goals) END
        FROM matches_before($as_of) m
        WHERE $team IN (m.home_id, m.away_id) AND m.status = 'played'
          AND coalesce(m.home_goals, m.home_goals_et) IS NOT NULL {where}
        ORDER BY m.date DESC, m.id DESC""",
        params,
    ).fetchall()


def scope_filters(scope: Scope) -> tuple[str, dict]:
    clauses, params = [], {}
    if scope.competition == "europe":
        clauses.append(f"m.competition_id IN {EUROPEAN}")
    elif scope.competition == "league":
        clauses.append(f"m.competition_id NOT IN {(*EUROPEAN, 'USC')}")
    elif scope.competition != "all":
        clauses.append("m.competition_id = $competition")
        params["competition"] = scope.competition
    if not scope.qualifying:
        clauses.append("m.stage <> 'qualifying'")
    if scope.stage == "knockout":
        clauses.append("m.stage IN ('knockout', 'final')")
    if scope.venue == "home":
        clauses.append("m.home_id = $team AND NOT coalesce(m.neutral, false)")
    elif scope.venue == "away":
        clauses.append("m.away_id = $team AND NOT coalesce(m.neutral, false)")
    if scope.opponent is not None:
        clauses.append("$opponent IN (m.home_id, m.away_id)")
        params["opponent"] = scope.opponent
    if scope.opposition:
        clauses.append(
            "(SELECT country FROM team o WHERE o.id = CASE WHEN m.home_id = $team "
            "THEN m.away_id ELSE m.home_id END) = $opposition"
        )
        params["opposition"] = scope.opposition
    if scope.season:
        clauses.append("m.season = $season")
        params["season"] = scope.season
    if scope.since:
        clauses.append("m.season >= $since")
        params["since"] = scope.since
    return "".join(f" AND {c}" for c in clauses), params


def player_goals(
    con: duckdb.DuckDBPyConnection,
    player_id: int,
    team_id: int | None,
    as_of: dt.date,
    scope: Scope,
) -> list[tuple[int, dt.date, str]]:
    """(match id, date, stage) of each goal the player scored (own goals apart) in the
    scope before `as_of`, for one team or any."""
    where, params = scope_filters(scope)
    params |= {"player": player_id, "team": team_id, "as_of": as_of}
    return con.execute(
        f"""SELECT g.match_id, m.date, m.stage FROM goals_before($as_of) g
            JOIN match m ON m.id = g.match_id
            WHERE g.player_id = $player AND g.kind <> 'own_goal'
              AND ($team IS NULL OR g.team_id = $team) {where}
            ORDER BY m.date, m.id, g.id""",
        params,
    ).fetchall()
