"""Player facts: scoring runs beside the club record, shares, milestones, splits.

The data has goals, not appearances: runs are told over the team's matches ("in each of
Liverpool's last four ... matches"), never "in each of his last N appearances".
"""

from __future__ import annotations

import duckdb

from matchfacts.facts.context import COMPETITION_PHRASES, Fixture, evidence, season_name
from matchfacts.facts.rank import binomial_chance, run_chance
from matchfacts.facts.record import Fact
from matchfacts.facts.words import count, month, number

# How often a regular scorer finds the net in one of his team's matches, for the chance of
# a scoring run; and the share of a side's goals a leading scorer usually has.
PLAYER_SCORING_RATE = 0.35
LEADING_SHARE = 0.2
TARGETS = [10, 20, 25, 30, 40, 50, 75, 100]  # round numbers of goals a desk counts to

# The team's played matches in the competition, qualifying rounds apart (the convention for
# a named competition), numbered newest first.
TEAM_GAMES = """games AS (
    SELECT m.id, m.date, row_number() OVER (ORDER BY m.date DESC, m.id DESC) AS rn
    FROM matches_before($as_of) m
    WHERE m.competition_id = $comp AND $team IN (m.home_id, m.away_id)
      AND m.status = 'played' AND m.stage <> 'qualifying')"""


def player_streaks(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """Players who scored in each of their team's last N matches in this competition.

    Phrased over the team's matches: the data has goals, not appearances, so "in each of
    his last N appearances" is never claimed.
    """
    if not fx.european:
        return []
    phrase = COMPETITION_PHRASES[fx.competition]
    facts = []
    for team in (fx.home, fx.away):
        rows = con.execute(
            f"""
            WITH {TEAM_GAMES},
            scored AS (
                SELECT DISTINCT p.name, x.rn, x.id FROM goals_before($as_of) g
                JOIN games x ON x.id = g.match_id JOIN player p ON p.id = g.player_id
                WHERE g.team_id = $team AND g.kind <> 'own_goal'),
            islands AS (  -- the island that starts at the latest match is the active run
                SELECT *, rn - row_number() OVER (PARTITION BY name ORDER BY rn) AS island
                FROM scored)
            SELECT name, count(*), list(id ORDER BY rn) FROM islands WHERE island = 0
            GROUP BY name HAVING count(*) >= 3 ORDER BY name""",
            {"as_of": fx.as_of, "comp": fx.competition, "team": team.id},
        ).fetchall()
        for name, run, ids in rows:
            text = (
                f"{name} has scored in each of {team.short_name}'s last "
                f"{count(run, f'{phrase} match', f'{phrase} matches')}."
            )
            facts.append(
                Fact(
                    "player_streak",
                    name,
                    {"team": team.short_name, "competition": phrase},
                    "scored_in",
                    run,
                    text,
                    fx.as_of,
                    evidence(con, list(ids)),
                    details={
                        "subject_kind": "player",
                        "chance": run_chance(PLAYER_SCORING_RATE, run),
                        "windows": {f"last {w}": run >= w for w in (3, 4, 5, 10)},
                    },
                )
            )
    return facts


def record_streaks(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """The team's record for scoring in consecutive matches of the competition, beside a
    player's active run: gaps-and-islands over the team's matches, per player."""
    if not fx.european:
        return []
    phrase = COMPETITION_PHRASES[fx.competition]
    facts = []
    for active in player_streaks(con, fx):
        team = fx.home if active.context["team"] == fx.home.short_name else fx.away
        rows = con.execute(
            f"""
            WITH {TEAM_GAMES},
            scored AS (
                SELECT DISTINCT p.name, g2.rn AS n, g2.id, g2.date FROM goals_before($as_of) g
                JOIN games g2 ON g2.id = g.match_id JOIN player p ON p.id = g.player_id
                WHERE g.team_id = $team AND g.kind <> 'own_goal'),
            islands AS (
                SELECT name, n - row_number() OVER (PARTITION BY name ORDER BY n) AS island,
                       id, date FROM scored)
            SELECT name, count(*) AS run, list(id ORDER BY date), min(date)
            FROM islands GROUP BY name, island ORDER BY run DESC, min(date), name LIMIT 3""",
            {"as_of": fx.as_of, "comp": fx.competition, "team": team.id},
        ).fetchall()
        if not rows:
            continue
        name, best, ids, start = rows[0]
        if best <= active.value or (name == active.subject and best == active.value):
            if best == active.value and name == active.subject:
                text = (
                    f"{active.subject}'s run of {number(int(active.value))} is {team.short_name}'s "
                    f"longest for scoring in consecutive {phrase} matches."
                )
            else:
                continue
        else:
            text = (
                f"{active.subject} is {count(int(best - active.value), 'match', 'matches')} "
                f"short of {team.short_name}'s record for scoring in consecutive {phrase} "
                f"matches: {number(int(best))}, by {name} from {month(start)}."
            )
        facts.append(
            Fact(
                "record_streak",
                active.subject,
                {"team": team.short_name, "competition": phrase},
                "record_run",
                int(best),
                text,
                fx.as_of,
                # the record run and the active one beside it
                evidence(con, [*ids, *(e.match_id for e in active.evidence)]),
                details={
                    "subject_kind": "player",
                    "chance": run_chance(PLAYER_SCORING_RATE, int(active.value)),
                    "windows": {**active.details["windows"], "ever": best == active.value},
                    "sample": int(active.value),
                },
            )
        )
    return facts


MIN_GOALS_FOR_SHARES = 10


def share_extremes(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """Among players with ten or more goals in the competition, where this fixture's
    players rank by the share of their goals scored in the knockout stage."""
    if fx.competition != "UCL":  # the group-stage era is the Champions League's
        return []
    rows = con.execute(
        """
        WITH tallies AS (
            SELECT g.player_id, count(*) AS goals,
                   count(*) FILTER (WHERE m.stage IN ('knockout', 'final')) AS knockout,
                   list(g.match_id) FILTER (WHERE m.stage IN ('knockout', 'final')) AS ids,
                   max(m.date) AS last, arg_max(g.team_id, m.date) AS team_id
            FROM goals_before($as_of) g JOIN match m ON m.id = g.match_id
            WHERE m.competition_id = $comp AND g.kind <> 'own_goal' AND g.player_id IS NOT NULL
              AND m.stage <> 'qualifying'  -- qualifying rounds apart, as everywhere
              AND m.season >= '1992-93'  -- before group stages every goal was a knockout goal
            GROUP BY g.player_id HAVING count(*) >= $minimum),
        ranked AS (
            SELECT *, rank() OVER (ORDER BY knockout / goals DESC) AS place,
                   count(*) OVER () AS n
            FROM tallies)
        SELECT p.name, r.goals, r.knockout, r.ids, r.team_id, r.place, r.n
        FROM ranked r JOIN player p ON p.id = r.player_id
        WHERE r.team_id IN ($home, $away) AND r.last >= $as_of - INTERVAL 400 DAY
        AND r.place <= 3 ORDER BY r.place, p.name""",
        {
            "as_of": fx.as_of,
            "comp": fx.competition,
            "minimum": MIN_GOALS_FOR_SHARES,
            "home": fx.home.id,
            "away": fx.away.id,
        },
    ).fetchall()
    facts = []
    for name, goals, knockout, ids, _, place, n in rows:
        others = (
            "none has"
            if place == 1
            else f"only {number(int(place - 1))} {'has' if place == 2 else 'have'}"
        )
        text = (
            f"{name} has scored {number(int(knockout))} of his {goals} Champions League goals "
            f"in the knockout stage; of the {n} players with {number(MIN_GOALS_FOR_SHARES)} or "
            f"more since 1992-93, {others} a higher share."
        )
        facts.append(
            Fact(
                "share_extreme",
                name,
                {"competition": "Champions League", "era": "since 1992-93", "stage": "knockout"},
                "knockout_share",
                knockout / goals,
                text,
                fx.as_of,
                evidence(con, list(ids or [])),
                numerator=int(knockout),
                denominator=int(goals),
                details={"subject_kind": "player", "chance": place / n},
            )
        )
    return facts


def milestones(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """Players one or two goals short of a round number in this competition for their team."""
    if not fx.european:
        return []
    phrase = COMPETITION_PHRASES[fx.competition]
    facts = []
    for team in (fx.home, fx.away):
        rows = con.execute(
            """
            WITH tallies AS (
                SELECT p.id, p.name, count(*) AS goals, list(DISTINCT g.match_id) AS ids,
                       max(m.date) AS last
                FROM goals_before($as_of) g
                JOIN match m ON m.id = g.match_id JOIN player p ON p.id = g.player_id
                WHERE g.team_id = $team AND m.competition_id = $comp AND g.kind <> 'own_goal'
                  AND m.stage <> 'qualifying'
                GROUP BY p.id, p.name),  -- by id: two Luis Suárez scored for Barcelona
            targets AS (
                SELECT *, (SELECT min(t) FROM unnest($targets::INTEGER[]) AS u(t)
                           WHERE t > goals AND t - goals <= 2) AS target
                FROM tallies)
            SELECT name, goals, ids, target,
                   (SELECT count(*) FROM tallies r WHERE r.goals >= x.target),
                   (SELECT count(*) FROM tallies)
            FROM targets x
            WHERE goals >= 8 AND target IS NOT NULL
              AND last >= $as_of - INTERVAL 400 DAY  -- still playing
            ORDER BY name, id""",
            {"as_of": fx.as_of, "team": team.id, "comp": fx.competition, "targets": TARGETS},
        ).fetchall()
        for name, goals, matches, target, reached, scorers in rows:
            need = target - goals
            text = (
                f"{name} needs {count(need, 'goal')} for {number(target)} in the {phrase} for "
                f"{team.short_name}: he has {number(goals)}."
            )
            facts.append(
                Fact(
                    "milestone",
                    name,
                    {"team": team.short_name, "competition": phrase},
                    "goals",
                    goals,
                    text,
                    fx.as_of,
                    evidence(con, matches),
                    numerator=goals,
                    details={
                        "subject_kind": "player",
                        "chance": (reached + 1) / (scorers + 1),
                        "sample": goals,
                    },
                )
            )
    return facts


def split_of_total(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """A player's share of his team's goals in this season's competition."""
    if not fx.european:
        return []
    phrase = COMPETITION_PHRASES[fx.competition]
    facts = []
    for team in (fx.home, fx.away):
        rows = con.execute(
            """
            SELECT CASE WHEN g.kind = 'own_goal' THEN NULL ELSE p.name END AS scorer,
                   count(*) AS goals, sum(count(*)) OVER () AS total,
                   list(DISTINCT g.match_id)
            FROM goals_before($as_of) g JOIN match m ON m.id = g.match_id
            LEFT JOIN player p ON p.id = g.player_id
            WHERE g.team_id = $team AND m.competition_id = $comp AND m.season = $season
              AND m.stage <> 'qualifying'
            GROUP BY scorer ORDER BY (scorer IS NULL), goals DESC, scorer LIMIT 1""",
            {"as_of": fx.as_of, "team": team.id, "comp": fx.competition, "season": fx.match.season},
        ).fetchall()
        if not rows or rows[0][0] is None:
            continue
        name, goals, total, matches = rows[0]
        if total < 8 or goals * 4 < total:
            continue
        text = (
            f"{name} has scored {number(goals)} of {team.short_name}'s {number(int(total))} "
            f"goals in this season's {season_name(fx.competition, fx.match.season)}."
        )
        facts.append(
            Fact(
                "split_of_total",
                name,
                {"team": team.short_name, "competition": phrase, "season": fx.match.season},
                "share_of_goals",
                goals / total,
                text,
                fx.as_of,
                evidence(con, matches),
                numerator=goals,
                denominator=int(total),
                details={
                    "subject_kind": "player",
                    "chance": binomial_chance(goals, int(total), LEADING_SHARE),
                    "sample": int(total),
                },
            )
        )
    return facts
