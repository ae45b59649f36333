"""Claims about players: scoring runs, club records, goal totals, shares and milestones.

The data has goals, not appearances: a run "in each of his last N appearances" cannot be
checked, and says so; a run over the team's matches can.
"""

from __future__ import annotations

import re

from matchfacts.check.grammar import HOW_OFTEN, MONTH, NAME, NUMBER, pattern
from matchfacts.check.numbers import to_int
from matchfacts.check.scope import Scope, player_goals, read_scope, team_matches
from matchfacts.check.verdict import Context, Verdict, judge, not_checkable
from matchfacts.facts.words import month


def _scope(ctx: Context, words: str) -> Scope:
    return read_scope(words, ctx.competition, ctx.season)


def _player_run(ctx: Context, player: int, team: int):  # noqa: ANN202
    def measured(scope: Scope) -> tuple[int, list[int]]:
        matches = team_matches(ctx.con, team, ctx.as_of, scope)
        scored = {g[0] for g in player_goals(ctx.con, player, team, ctx.as_of, scope)}
        run = 0
        while run < len(matches) and matches[run][0] in scored:
            run += 1
        return run, [r[0] for r in matches[:run]]

    return measured


@pattern(
    "player_streak",
    rf"(?P<player>{NAME}) (?:has|is) .*\b(?:his|their) last (?P<n>{NUMBER}) "
    r"(?P<what>appearances|games|matches|starts|outings)(?P<rest>.*)",
)
def appearances(ctx: Context, m: re.Match) -> Verdict:
    return not_checkable(
        "the data has goals but not appearances: a run over his own games cannot be "
        "checked (a run over his team's matches can)",
        player=m["player"],
    )


def _streak(ctx: Context, m: re.Match) -> Verdict:
    player = ctx.linker.player(m["player"]).ref
    team = ctx.linker.team(m["team"]).ref
    scope = _scope(ctx, m["rest"])
    return judge(
        ctx,
        to_int(m["n"]),
        _player_run(ctx, player.id, team.id),
        scope,
        f"{player.name}'s scoring run over {team.short_name}'s matches",
        at_least=True,
    ).with_parsed(player=player.name, team=team.short_name, scope=scope.words())


@pattern(
    "milestone",
    rf"(?P<player>{NAME}) scored (?P<n>{HOW_OFTEN}|{NUMBER}(?: goals?)?|a goal) in the first leg"
    r"(?P<rest>.*)",
)
def first_leg_goals(ctx: Context, m: re.Match) -> Verdict:
    """ "Vinícius Júnior scored twice in the first leg": his goals in the tie's first leg."""
    s = ctx.second_leg()
    if isinstance(s, str):
        return not_checkable(s)
    player = ctx.linker.player(m["player"]).ref
    goals = ctx.con.execute(
        "SELECT count(*) FROM goal WHERE match_id = ? AND player_id = ? AND kind <> 'own_goal'",
        [s.first_leg.id, player.id],
    ).fetchone()[0]
    said = m["n"].split()[0]  # "twice", "two goals", "three times", "a goal"
    stated = 1 if said == "a" else to_int(said)
    verdict = "supported" if stated == goals else "refuted"
    return Verdict(
        verdict, stated, goals, f"{player.name} scored {goals} in the first leg",
        ctx.evidence([s.first_leg.id]), {"player": player.name},
    )  # fmt: skip


@pattern(
    "player_streak",
    rf"(?P<player>{NAME}) has scored in (?:each|every one|all) of (?P<team>{NAME})'s last "
    rf"(?P<n>{NUMBER}) (?P<rest>.*)",
)
def player_streak(ctx: Context, m: re.Match) -> Verdict:
    return _streak(ctx, m)


@pattern(
    "player_streak",
    rf"(?P<player>{NAME}) has scored in (?P<n>{NUMBER}) consecutive (?P<rest>.*?)"
    rf"(?:matches|games) for (?P<team>{NAME})",
)
def consecutive(ctx: Context, m: re.Match) -> Verdict:
    return _streak(ctx, m)


def _club_record(ctx: Context, team: int, scope: Scope) -> tuple[int, str, object, list[int]]:
    """The longest run of a player scoring in consecutive matches of the team: (length,
    holder, first date, match ids); the earliest such run on a tie."""
    matches = list(reversed(team_matches(ctx.con, team, ctx.as_of, scope)))
    ids = [r[0] for r in matches]
    rows = ctx.con.execute(
        """SELECT DISTINCT g.match_id, p.name FROM goals_before($as_of) g
           JOIN player p ON p.id = g.player_id
           WHERE g.team_id = $team AND g.kind <> 'own_goal'
             AND g.match_id IN (SELECT unnest($ids::INTEGER[]))""",
        {"as_of": ctx.as_of, "team": team, "ids": ids},
    ).fetchall()
    scorers: dict[int, set[str]] = {}
    for match_id, name in rows:
        scorers.setdefault(match_id, set()).add(name)
    best = (0, "", None, [])
    running: dict[str, list[int]] = {}
    for i, (match_id, _, _, _) in enumerate(matches):
        now = scorers.get(match_id, set())
        running = {name: running.get(name, []) + [i] for name in now}
        for name, run in running.items():
            if len(run) > best[0]:
                best = (len(run), name, matches[run[0]][1], [ids[j] for j in run])
    return best


@pattern(
    "record_streak",
    rf"(?P<player>{NAME}) is (?P<n>{NUMBER}) (?:match|matches|game|games) short of "
    rf"(?P<team>{NAME})'s record for scoring in consecutive (?P<rest>.*?) matches: "
    rf"(?P<best>{NUMBER}), by (?P<holder>{NAME}) from (?P<month>{MONTH})",
)
def record_short(ctx: Context, m: re.Match) -> Verdict:
    player = ctx.linker.player(m["player"]).ref
    team = ctx.linker.team(m["team"]).ref
    scope = _scope(ctx, m["rest"])
    length, holder, start, ids = _club_record(ctx, team.id, scope)
    active, _ = _player_run(ctx, player.id, team.id)(scope)
    stated = (to_int(m["n"]), to_int(m["best"]), m["holder"], m["month"])
    actual = (length - active, length, holder, month(start) if start else None)
    proof = ctx.evidence(ids)
    holder_matches = ctx.linker.player(m["holder"]).ref.name == holder if holder else False
    if stated[:2] == actual[:2] and holder_matches and stated[3] == actual[3]:
        return Verdict("supported", stated, actual, f"club record {length} by {holder}", proof)
    return Verdict(
        "refuted",
        stated,
        actual,
        f"{team.short_name}'s record is {length}, by {holder} from {actual[3]}; "
        f"{player.name}'s run is {active}",
        proof,
    )


@pattern(
    "record_streak",
    rf"(?P<player>{NAME})'s run of (?P<n>{NUMBER}) is (?P<team>{NAME})'s longest for scoring "
    r"in consecutive (?P<rest>.*?) matches",
)
def record_equal(ctx: Context, m: re.Match) -> Verdict:
    player = ctx.linker.player(m["player"]).ref
    team = ctx.linker.team(m["team"]).ref
    scope = _scope(ctx, m["rest"])
    length, holder, _, ids = _club_record(ctx, team.id, scope)
    active, _ = _player_run(ctx, player.id, team.id)(scope)
    stated = to_int(m["n"])
    if active == stated and length == stated:
        return Verdict("supported", stated, length, f"club record {length}", ctx.evidence(ids))
    return Verdict(
        "refuted", stated, length, f"record {length} by {holder}; the run is {active}",
        ctx.evidence(ids),
    )  # fmt: skip


def _goal_count(ctx: Context, player: int, team: int | None):  # noqa: ANN202
    def measured(scope: Scope) -> tuple[int, list[int]]:
        goals = player_goals(ctx.con, player, team, ctx.as_of, scope)
        return len(goals), sorted({g[0] for g in goals})

    return measured


@pattern(
    "split_of_total",
    rf"(?P<player>{NAME}) has scored (?P<k>{NUMBER}) of (?P<team>{NAME})'s (?P<n>{NUMBER}) "
    r"(?P<rest>.*?goals.*)",
)
def split(ctx: Context, m: re.Match) -> Verdict:
    player = ctx.linker.player(m["player"]).ref
    team = ctx.linker.team(m["team"]).ref
    scope = _scope(ctx, m["rest"])

    def measured(s: Scope) -> tuple[tuple[int, int], list[int]]:
        goals = player_goals(ctx.con, player.id, team.id, ctx.as_of, s)
        matches = team_matches(ctx.con, team.id, ctx.as_of, s)
        return (len(goals), sum(r[2] for r in matches)), [r[0] for r in matches]

    return judge(
        ctx,
        (to_int(m["k"]), to_int(m["n"])),
        measured,
        scope,
        f"{player.name}'s goals of {team.short_name}'s",
    ).with_parsed(player=player.name, team=team.short_name, scope=scope.words())


@pattern(
    "milestone",
    rf"(?P<player>{NAME}) needs (?P<need>{NUMBER}) (?:more )?goals? (?:for|to reach) "
    rf"(?P<target>\d+|{NUMBER})(?: goals)? (?P<rest>.*?)(?: for (?P<team>{NAME}))?"
    rf"(?:: he has (?P<has>{NUMBER}))?",
)
def milestone(ctx: Context, m: re.Match) -> Verdict:
    player = ctx.linker.player(m["player"]).ref
    team = ctx.linker.team(m["team"]).ref if m["team"] else None
    scope = _scope(ctx, m["rest"])
    target = to_int(m["target"])
    stated = target - to_int(m["need"])
    if m["has"] and to_int(m["has"]) != stated:
        return Verdict("refuted", to_int(m["has"]), stated, "the sentence contradicts itself")
    return judge(
        ctx,
        stated, _goal_count(ctx, player.id, team.id if team else None), scope,
        f"{player.name}'s goals",
    ).with_parsed(player=player.name, target=target, scope=scope.words())  # fmt: skip


@pattern(
    "milestone",
    rf"(?P<player>{NAME}) has (?:scored )?(?P<n>{NUMBER}) (?P<rest>.*?)goals(?P<rest2>.*?)"
    rf"(?: for (?P<team>{NAME}))?(?P<rest3>(?: this season| in this season's .*)?)",
)
def goal_total(ctx: Context, m: re.Match) -> Verdict:
    player = ctx.linker.player(m["player"]).ref
    team = ctx.linker.team(m["team"]).ref if m["team"] else None
    scope = _scope(ctx, " ".join(filter(None, (m["rest"], m["rest2"], m["rest3"]))))
    return judge(
        ctx,
        to_int(m["n"]), _goal_count(ctx, player.id, team.id if team else None), scope,
        f"{player.name}'s goals",
    ).with_parsed(player=player.name, scope=scope.words())  # fmt: skip


@pattern(
    "share_extreme",
    rf"(?P<player>{NAME}) has scored (?P<k>{NUMBER}) of his (?P<n>{NUMBER}) Champions League "
    r"goals in the knockout stage(?:; of the (?P<m>\d+) players with (?P<min>\w+) or more "
    r"since 1992-93, (?P<rank>none has|only (?P<r>\w+) (?:has|have)) a higher share)?",
)
def share_extreme(ctx: Context, m: re.Match) -> Verdict:
    player = ctx.linker.player(m["player"]).ref
    minimum = to_int(m["min"]) if m["min"] else 10
    rows = ctx.con.execute(
        """SELECT g.player_id, count(*), count(*) FILTER (WHERE m.stage IN ('knockout', 'final'))
           FROM goals_before($as_of) g JOIN match m ON m.id = g.match_id
           WHERE m.competition_id = 'UCL' AND m.season >= '1992-93' AND g.kind <> 'own_goal'
             AND m.stage <> 'qualifying' AND g.player_id IS NOT NULL
           GROUP BY g.player_id ORDER BY g.player_id""",
        {"as_of": ctx.as_of},
    ).fetchall()
    tallies = {pid: (goals, ko) for pid, goals, ko in rows}
    goals, knockout = tallies.get(player.id, (0, 0))
    eligible = [ko / g for g, ko in tallies.values() if g >= minimum]
    higher = sum(1 for share in eligible if goals and share > knockout / goals)
    stated = (to_int(m["k"]), to_int(m["n"]))
    actual = (knockout, goals)
    if m["rank"]:
        stated += (int(m["m"]), 0 if m["rank"] == "none has" else to_int(m["r"]))
        actual += (len(eligible), higher)
    ids = [
        g[0] for g in player_goals(ctx.con, player.id, None, ctx.as_of, Scope("UCL", "knockout"))
    ]
    verdict = "supported" if stated == actual else "refuted"
    return Verdict(
        verdict, stated, actual,
        f"{knockout} of {goals} in the knockout stage; {higher} of {len(eligible)} players "
        f"with {minimum} or more have a higher share",
        ctx.evidence(ids),
    )  # fmt: skip


PATTERNS = [
    appearances,
    first_leg_goals,
    player_streak,
    consecutive,
    record_short,
    record_equal,
    split,
    share_extreme,
    milestone,
    goal_total,
]
