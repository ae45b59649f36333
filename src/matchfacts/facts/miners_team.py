"""Team streaks: each side's active runs in a few natural contexts, the most surprising
measure of each context kept (the merge later keeps one of two contexts telling the same
run).

Contexts: knockout matches at the side's venue in this competition; European matches at
that venue; league matches at that venue; all league and European matches (the store has
no domestic cups, so "all competitions" is never claimed).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from matchfacts.facts.context import (
    COMPETITION_PHRASES,
    Fixture,
    Scope,
    evidence,
    team_matches_sql,
)
from matchfacts.facts.rank import binomial_chance, run_chance
from matchfacts.facts.record import Fact
from matchfacts.facts.runs import RUNS, Run, runs
from matchfacts.facts.words import count
from matchfacts.store.lookup import TeamRef

# Strongest statement first: of two runs as unlikely, the stronger one is told.
MEASURES = ("winning", "losing", "clean_sheets", "unbeaten", "winless", "scoring")
STRENGTH = {measure: i for i, measure in enumerate((*MEASURES, "lost_one"))}
MIN_RUN = 4
MIN_LOST_ONE = 10  # "lost only one of their last N" from ten matches up
MAX_CHANCE = 0.1  # a run any side would have one time in ten is not a story


@dataclass(frozen=True, slots=True)
class StreakContext:
    scope: Scope
    singular: str  # "knockout match"
    plural: str  # "knockout matches"
    suffix: str  # " at home in the European Cup and Champions League"
    context: dict[str, str]  # Fact.context


def contexts(fx: Fixture, side: str) -> list[StreakContext]:
    where = "at home" if side == "home" else "away from home"
    found = []
    if fx.european:
        phrase = COMPETITION_PHRASES[fx.competition]
        found.append(
            StreakContext(
                Scope(competition=fx.competition, knockout=True, venue=side),
                "knockout match",
                "knockout matches",
                f" {where} in the {phrase}",
                {"competition": phrase, "stage": "knockout", "venue": side},
            )
        )
        found.append(
            StreakContext(
                Scope(competition="europe", venue=side),
                f"European {side} match",
                f"European {side} matches",
                "",
                {"competition": "European", "venue": side},
            )
        )
    found.append(
        StreakContext(
            Scope(competition="league", venue=side),
            f"{side} league match",
            f"{side} league matches",
            "",
            {"competition": "league", "venue": side},
        )
    )
    found.append(
        StreakContext(
            Scope(),
            "league and European match",
            "league and European matches",
            "",
            {"competition": "league and European"},
        )
    )
    return found


def team_streaks(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """Active runs of the hosts at home and the visitors away, and of both overall."""
    facts = []
    for team, other, side in ((fx.home, fx.away, "home"), (fx.away, fx.home, "away")):
        for ctx in contexts(fx, side):
            found = runs(
                con,
                team_matches_sql(ctx.scope),
                ctx.scope.params(fx, team, other),
                MEASURES,
                fx.match.season,
            )
            best = _strongest(con, fx, team, ctx, found)
            if best is not None:
                facts.append(best)
    return facts


def _strongest(
    con: duckdb.DuckDBPyConnection,
    fx: Fixture,
    team: TeamRef,
    ctx: StreakContext,
    found: dict[str, Run],
) -> Fact | None:
    """The least likely of the context's runs (and 'lost only one' window), as a fact."""
    options = []
    for measure, run in found.items():
        if run.length >= MIN_RUN:
            options.append((run_chance(run.rate, run.length), measure, run))
    unbeaten = found.get("unbeaten")
    if (
        unbeaten is not None
        and unbeaten.one_failure >= max(MIN_LOST_ONE, unbeaten.length + 3)
        and unbeaten.one_failure < unbeaten.played  # a second defeat bounds the window
    ):
        n = unbeaten.one_failure
        options.append((binomial_chance(n - 1, n, unbeaten.rate), "lost_one", unbeaten))
    if not options:
        return None
    chance, measure, run = min(options, key=lambda o: (float(f"{o[0]:.3g}"), STRENGTH[o[1]]))
    if chance > MAX_CHANCE:
        return None
    if measure == "lost_one":
        n = run.one_failure
        text = (
            f"{team.short_name} have lost only one of their last "
            f"{count(n, ctx.singular, ctx.plural)}{ctx.suffix}."
        )
        ids = list(run.one_failure_ids)
        windows = {f"last {w}": n >= w for w in (3, 4, 5, 10)}
        windows["this season"] = run.season_played >= 2 and n >= run.season_played
        value = n
    else:
        text = (
            f"{team.short_name} {RUNS[measure][1]} "
            f"{count(run.length, ctx.singular, ctx.plural)}{ctx.suffix}."
        )
        ids, windows, value = list(run.ids), run.windows(), run.length
    return Fact(
        "team_streak",
        team.short_name,
        dict(ctx.context),
        measure,
        value,
        text,
        fx.as_of,
        evidence(con, ids),
        details={
            "subject_kind": "team",
            "chance": chance,
            "windows": windows,
            "sample": value,
            "rate": round(run.rate, 4),
        },
    )
