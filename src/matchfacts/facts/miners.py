"""Miners: parameterised SQL over the canonical tables, each returning facts of one form.

Every query reads through `matches_before(as_of)`: nothing on or after the day is seen.
Runs are gaps-and-islands in SQL: number the matches newest first and find the first one
that breaks the run.
"""

from __future__ import annotations

import duckdb

from matchfacts.facts.context import COMPETITION_PHRASES, FOR_AGAINST, Fixture, evidence
from matchfacts.facts.record import Fact
from matchfacts.facts.words import count, month, number, score, times

RUNS = {  # measure: (SQL condition that continues the run, how a desk says it)
    "unbeaten": ("gf >= ga", "are unbeaten in their last"),
    "winless": ("gf <= ga", "are without a win in their last"),
    "winning": ("gf > ga", "have won each of their last"),
    "scoring": ("gf > 0", "have scored in each of their last"),
    "clean_sheets": ("ga = 0", "have kept a clean sheet in each of their last"),
}


def _run(
    con: duckdb.DuckDBPyConnection, matches_sql: str, params: dict, condition: str
) -> tuple[int, list[int], int | None]:
    """(length of the current run, its match ids, the id of the match that ended the last
    one) over the matches `matches_sql` selects (columns id, date, gf, ga)."""
    rows = con.execute(
        f"""
        WITH ordered AS (
            SELECT id, date, ({condition}) AS holds,
                   row_number() OVER (ORDER BY date DESC, id DESC) AS rn
            FROM ({matches_sql})
        ), broken AS (SELECT min(rn) AS at FROM ordered WHERE NOT holds)
        SELECT o.id, o.rn, b.at FROM ordered o, broken b
        WHERE o.rn < coalesce(b.at, 1e9) OR o.rn = b.at ORDER BY o.rn
    """,
        params,
    ).fetchall()
    run = [r[0] for r in rows if r[2] is None or r[1] < r[2]]
    breaker = next((r[0] for r in rows if r[2] is not None and r[1] == r[2]), None)
    return len(run), run, breaker


def head_to_head(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """Runs in the meetings of the two sides, in every competition the store holds."""
    facts = []
    for team, other in ((fx.home, fx.away), (fx.away, fx.home)):
        sql = f"""SELECT m.id, m.date, {FOR_AGAINST} FROM matches_before($as_of) m
                  WHERE m.status = 'played' AND coalesce(m.home_goals, m.home_goals_et) IS NOT NULL
                    AND ((m.home_id = $team AND m.away_id = $other)
                      OR (m.home_id = $other AND m.away_id = $team))"""
        params = {"as_of": fx.as_of, "team": team.id, "other": other.id}
        for measure in ("winless", "winning", "unbeaten"):
            length, ids, breaker = _run(con, sql, params, RUNS[measure][0])
            if length < 3:
                continue
            since = _since(con, breaker, team.id) if breaker else ""
            verb = {
                "winless": f"have not beaten {other.short_name}",
                "winning": f"have beaten {other.short_name}",
                "unbeaten": f"are unbeaten against {other.short_name}",
            }[measure]
            scope = "in each of their last" if measure == "winning" else "in their last"
            text = f"{team.short_name} {verb} {scope} {count(length, 'meeting')}{since}."
            facts.append(
                Fact(
                    "head_to_head_run",
                    team.short_name,
                    {"opponent": other.short_name},
                    measure,
                    length,
                    text,
                    fx.as_of,
                    evidence(con, ids + ([breaker] if breaker else [])),
                    score=0.5 + 0.1 * length,
                )
            )
    return _without_mirrors(facts)


def _without_mirrors(facts: list[Fact]) -> list[Fact]:
    """ "A have beaten B in each of their last four" says all that "A are unbeaten in four"
    and "B have not beaten A in four" say: keep the strongest statement of each length."""
    winning = {f.value for f in facts if f.measure == "winning"}
    unbeaten = {f.value for f in facts if f.measure == "unbeaten"}
    return [
        f
        for f in facts
        if f.measure == "winning"
        or (f.value not in winning and (f.measure != "winless" or f.value not in unbeaten))
    ]


def _since(con: duckdb.DuckDBPyConnection, match_id: int, team_id: int) -> str:
    """', since a 4-0 win in March 2009' for the match that ended the previous run."""
    row = con.execute(
        f"""SELECT m.date, {FOR_AGAINST} FROM match m WHERE m.id = $id""",
        {"id": match_id, "team": team_id},
    ).fetchone()
    date, gf, ga = row
    result = "win" if gf > ga else ("defeat" if gf < ga else "draw")
    return f", since a {score(max(gf, ga), min(gf, ga))} {result} in {month(date)}"


def venue_history(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """The visitors' record at the hosts' ground (their home matches, any competition)."""
    rows = con.execute(
        f"""
        SELECT m.id, {FOR_AGAINST} FROM matches_before($as_of) m
        WHERE m.home_id = $host AND m.away_id = $team AND NOT coalesce(m.neutral, false)
          AND m.status = 'played' AND coalesce(m.home_goals, m.home_goals_et) IS NOT NULL
        ORDER BY m.date, m.id""",
        {"as_of": fx.as_of, "host": fx.home.id, "team": fx.away.id},
    ).fetchall()
    if len(rows) < 2:
        return []
    wins = [r[0] for r in rows if r[1] > r[2]]
    visits = len(rows)
    team, host = fx.away.short_name, fx.home.short_name
    if not wins:
        text = f"{team} have never won at {host}: {count(visits, 'visit')} without a win."
    else:
        text = f"{team} have won {times(len(wins))} in {count(visits, 'visit')} to {host}."
    return [
        Fact(
            "venue_history",
            team,
            {"venue": f"{host} (home)"},
            "wins",
            len(wins),
            text,
            fx.as_of,
            evidence(con, [r[0] for r in rows]),
            numerator=len(wins),
            denominator=visits,
            score=0.6 + (0.3 if not wins or len(wins) == 1 else 0),
        )
    ]


def first_leg_base_rate(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """How often sides in the hosts' position went through: same first-leg score, away."""
    if not fx.european or fx.match.leg != 2:
        return []
    first = con.execute(
        """SELECT f.home_goals, f.away_goals FROM tie t
                           JOIN match f ON f.id = t.first_leg_id WHERE t.id = ?""",
        [fx.match.tie_id],
    ).fetchone()
    if first is None or first[0] is None:
        return []
    rows = con.execute(
        """
        SELECT s.id, t.winner_id = s.home_id FROM ties_before($as_of) t
        JOIN match f ON f.id = t.first_leg_id JOIN match s ON s.id = t.second_leg_id
        WHERE t.competition_id = $comp AND t.winner_id IS NOT NULL AND s.date < $as_of
          AND f.home_goals = $fh AND f.away_goals = $fa ORDER BY s.date, s.id""",
        {"as_of": fx.as_of, "comp": fx.competition, "fh": first[0], "fa": first[1]},
    ).fetchall()
    if len(rows) < 5:
        return []
    through = [r[0] for r in rows if r[1]]
    n, k = len(rows), len(through)
    lost_or_won = "lost" if first[0] > first[1] else ("won" if first[0] < first[1] else "drew")
    result = score(max(first), min(first)) if first[0] != first[1] else score(*first)
    phrase = COMPETITION_PHRASES[fx.competition]
    text = (
        f"Sides that {lost_or_won} the first leg {result} away have gone through in "
        f"{number(k)} of {n} {phrase} ties."
    )
    facts = [
        Fact(
            "conditional_record",
            fx.home.short_name,
            {"competition": phrase, "first_leg": f"{lost_or_won} {result} away"},
            "went_through",
            k,
            text,
            fx.as_of,
            evidence(con, [r[0] for r in rows]),
            numerator=k,
            denominator=n,
            score=0.9,
        )
    ]
    if k <= 3 and lost_or_won == "lost":
        nth = {0: "first", 1: "second", 2: "third", 3: "fourth"}[k]
        names = _tie_winners(con, through)
        after = f", after {_join(names)}" if names else ""
        facts.append(
            Fact(
                "prospective_kth",
                fx.home.short_name,
                {"competition": phrase},
                "could_become",
                k + 1,
                f"{fx.home.short_name} could become the {nth} side to overturn a {result} "
                f"first-leg defeat away in the {phrase}{after}.",
                fx.as_of,
                evidence(con, through),
                numerator=k,
                denominator=n,
                score=0.95,
            )
        )
    return facts


def _tie_winners(con: duckdb.DuckDBPyConnection, second_legs: list[int]) -> list[str]:
    rows = con.execute(
        """SELECT t.short_name FROM match m JOIN team t ON t.id = m.home_id
                          WHERE m.id IN (SELECT unnest(?::INTEGER[])) ORDER BY m.date, m.id""",
        [second_legs],
    ).fetchall()
    return [r[0] for r in rows]


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def team_streaks(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """Active runs at home (hosts) and away (visitors) in this competition's knockout stage."""
    if not fx.european:
        return []
    phrase = COMPETITION_PHRASES[fx.competition]
    facts = []
    for team, side in ((fx.home, "home"), (fx.away, "away")):
        sql = f"""SELECT m.id, m.date, {FOR_AGAINST} FROM matches_before($as_of) m
                  WHERE m.competition_id = $comp AND m.{side}_id = $team
                    AND m.stage IN ('knockout', 'final') AND NOT coalesce(m.neutral, false)
                    AND m.status = 'played'
                    AND coalesce(m.home_goals, m.home_goals_et) IS NOT NULL"""
        params = {"as_of": fx.as_of, "comp": fx.competition, "team": team.id}
        best = None
        for measure in ("winning", "unbeaten", "scoring", "clean_sheets", "winless"):
            length, ids, breaker = _run(con, sql, params, RUNS[measure][0])
            if length >= 4 and (best is None or length > best[1] + 1):
                best = (measure, length, ids, breaker)
        if best is None:
            continue
        measure, length, ids, breaker = best
        where = "at home" if side == "home" else "away from home"
        text = (
            f"{team.short_name} {RUNS[measure][1]} "
            f"{count(length, 'knockout match', 'knockout matches')} {where} in the {phrase}."
        )
        facts.append(
            Fact(
                "team_streak",
                team.short_name,
                {"competition": phrase, "stage": "knockout", "venue": side},
                measure,
                length,
                text,
                fx.as_of,
                evidence(con, ids),
                score=0.5 + 0.05 * length,
            )
        )
    return facts


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
        recent = con.execute(
            """
            SELECT m.id FROM matches_before($as_of) m
            WHERE m.competition_id = $comp AND $team IN (m.home_id, m.away_id)
              AND m.status = 'played' ORDER BY m.date DESC, m.id DESC LIMIT 10""",
            {"as_of": fx.as_of, "comp": fx.competition, "team": team.id},
        ).fetchall()
        ids = [r[0] for r in recent]
        if len(ids) < 3:
            continue
        scorers = con.execute(
            """
            SELECT g.player_id, p.name, list(DISTINCT g.match_id) FROM goal g
            JOIN player p ON p.id = g.player_id
            WHERE g.team_id = $team AND g.kind <> 'own_goal'
              AND g.match_id IN (SELECT unnest($ids::INTEGER[])) GROUP BY ALL""",
            {"team": team.id, "ids": ids},
        ).fetchall()
        for _, name, matches in scorers:
            scored = set(matches)
            run = 0
            while run < len(ids) and ids[run] in scored:
                run += 1
            if run >= 3:
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
                        evidence(con, ids[:run]),
                        score=0.55 + 0.08 * run,
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
            """
            WITH games AS (
                SELECT m.id, m.date, row_number() OVER (ORDER BY m.date, m.id) AS n
                FROM matches_before($as_of) m
                WHERE m.competition_id = $comp AND $team IN (m.home_id, m.away_id)
                  AND m.status = 'played'),
            scored AS (
                SELECT DISTINCT p.name, g2.n, g2.id, g2.date FROM goal g
                JOIN games g2 ON g2.id = g.match_id JOIN player p ON p.id = g.player_id
                WHERE g.team_id = $team AND g.kind <> 'own_goal'),
            islands AS (
                SELECT name, n - row_number() OVER (PARTITION BY name ORDER BY n) AS island,
                       id, date FROM scored)
            SELECT name, count(*) AS run, list(id ORDER BY date), min(date)
            FROM islands GROUP BY name, island ORDER BY run DESC, min(date) LIMIT 3""",
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
                evidence(con, list(ids)),
                score=0.6 + 0.03 * best,
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
                score=0.75 - 0.05 * place,
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
            SELECT p.name, count(*), list(DISTINCT g.match_id) FROM goals_before($as_of) g
            JOIN match m ON m.id = g.match_id JOIN player p ON p.id = g.player_id
            WHERE g.team_id = $team AND m.competition_id = $comp AND g.kind <> 'own_goal'
            GROUP BY ALL HAVING count(*) >= 8
               AND max(m.date) >= $as_of - INTERVAL 400 DAY  -- still playing""",
            {"as_of": fx.as_of, "team": team.id, "comp": fx.competition},
        ).fetchall()
        for name, goals, matches in rows:
            target = next(
                (t for t in (10, 20, 25, 30, 40, 50, 75, 100) if 0 < t - goals <= 2), None
            )
            if target is None:
                continue
            need = target - goals
            text = (
                f"{name} needs {count(need, 'goal')} for {target} in the {phrase} for "
                f"{team.short_name}: he has {goals}."
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
                    score=0.6 if need == 1 else 0.5,
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
            f"goals in this season's {phrase.split(' and ')[-1]}."
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
                score=0.5 + goals / total,
            )
        )
    return facts


MINERS = (
    head_to_head,
    venue_history,
    first_leg_base_rate,
    team_streaks,
    player_streaks,
    milestones,
    split_of_total,
    record_streaks,
    share_extremes,
)
