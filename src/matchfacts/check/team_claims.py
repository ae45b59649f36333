"""Claims about teams: head-to-head runs and records, venue history, streaks, records."""

from __future__ import annotations

import re
from dataclasses import replace

from matchfacts.check.grammar import (
    HOW_OFTEN,
    MONTH,
    NAME,
    NUMBER,
    ORDINAL,
    RUN_VERBS,
    RUNS,
    SCORE,
    pattern,
    run_measure,
)
from matchfacts.check.numbers import to_int
from matchfacts.check.scope import Scope, read_scope, team_matches
from matchfacts.check.verdict import Context, Verdict, judge
from matchfacts.facts.words import month, result

H2H_VERBS = {
    "have not beaten": "winless",
    "have failed to beat": "winless",
    "have beaten": "winning",
    "have lost to": "losing",
    "are unbeaten against": "unbeaten",
    "have not lost to": "unbeaten",
}
_H2H = "|".join(H2H_VERBS)
_MEETINGS = r"(?:meetings|matches|games)"
# How a desk names the match at hand: "This is", "Tonight's game will be", "It's".
_THIS_MATCH = (
    r"(?:This|It|Tonight|Today|The match|The game|The tie|(?:[A-Z][a-z]+day|Tonight)'s "
    r"(?:match|game|meeting|tie))(?:'s| is| will be)"
)


def run_length(rows: list[tuple], holds) -> tuple[int, list[int], tuple | None]:  # noqa: ANN001
    """The current run over rows newest first: its length, ids, and the row that ended the
    one before (None when the run goes back to the first match)."""
    for n, row in enumerate(rows):
        if not holds(row[2], row[3]):
            return n, [r[0] for r in rows[:n]], row
    return len(rows), [r[0] for r in rows], None


def _run_measure(ctx: Context, team: int, measure: str):  # noqa: ANN202
    holds = RUNS[measure][1]

    def measured(scope: Scope) -> tuple[int, list[int]]:
        length, ids, _ = run_length(team_matches(ctx.con, team, ctx.as_of, scope), holds)
        return length, ids

    return measured


def _since_words(row: tuple) -> str:
    """'a 4-0 win in March 2009' for the (id, date, for, against) row that ended a run."""
    _, date, gf, ga = row
    return f"{result(gf, ga)} in {month(date)}"


def _head_to_head_run(ctx: Context, m: re.Match, measure: str) -> Verdict:
    team = ctx.linker.team(m["team"]).ref
    opponent = ctx.linker.team(m["opp"]).ref
    scope = replace(read_scope(m["rest"] or ""), opponent=opponent.id, venue=None)
    stated = to_int(m["n"])
    verdict = judge(
        ctx,
        stated,
        _run_measure(ctx, team.id, measure),
        scope,
        f"the {measure} run against {opponent.short_name}",
        at_least=True,
    )
    if verdict.verdict == "supported" and m["since"]:
        rows = team_matches(ctx.con, team.id, ctx.as_of, scope)
        _, _, breaker = run_length(rows, RUNS[measure][1])
        true_since = _since_words(breaker) if breaker else "the first meeting"
        if m["since"] != true_since:
            return Verdict(
                "refuted",
                m["since"],
                true_since,
                f"the run is {stated}, but it began after {true_since}",
                verdict.evidence,
            )
    return verdict.with_parsed(team=team.short_name, opponent=opponent.short_name, run=measure)


_SINCE = rf"(?:, since (?P<since>an? {SCORE} (?:win|defeat|draw) in {MONTH}))?"


@pattern(
    "head_to_head_run",
    rf"(?P<team>{NAME}) (?P<verb>{_H2H}) (?P<opp>{NAME}) in (?:each of |any of |all of )?"
    rf"their last (?P<n>{NUMBER}) {_MEETINGS}(?P<rest>.*?){_SINCE}",
)
def head_to_head_run(ctx: Context, m: re.Match) -> Verdict:
    return _head_to_head_run(ctx, m, H2H_VERBS[m["verb"]])


@pattern(
    "head_to_head_run",
    rf"(?P<team>{NAME}) (?:{RUN_VERBS}) (?P<n>{NUMBER}) {_MEETINGS} (?:with|against) "
    rf"(?P<opp>{NAME})(?P<rest>.*?){_SINCE}",
)
def head_to_head_run_after(ctx: Context, m: re.Match) -> Verdict:
    return _head_to_head_run(ctx, m, run_measure(m))


def _record_measure(ctx: Context, team: int, what: str, last: int | None):  # noqa: ANN202
    holds = {
        "won": lambda f, a: f > a,
        "lost": lambda f, a: f < a,
        "drawn": lambda f, a: f == a,
        "scored in": lambda f, a: f > 0,
        "kept a clean sheet in": lambda f, a: a == 0,
    }[what]

    def measured(scope: Scope) -> tuple[tuple[int, int], list[int]]:
        rows = team_matches(ctx.con, team, ctx.as_of, scope)
        if last is not None:
            rows = rows[:last]
        hits = [r[0] for r in rows if holds(r[2], r[3])]
        return (len(hits), len(rows)), [r[0] for r in rows]

    return measured


_RECORD_VERBS = r"won|lost|drawn|scored in|kept a clean sheet in"


@pattern(
    "head_to_head_record",
    rf"(?P<team>{NAME}) have (?P<what>{_RECORD_VERBS}) (?:only |just )?(?P<k>{NUMBER}) of "
    rf"(?:their|the) (?P<last>last )?(?P<n>{NUMBER}) (?:previous )?{_MEETINGS} "
    rf"(?:with|against) (?P<opp>{NAME})(?P<rest>.*)",
)
def head_to_head_record(ctx: Context, m: re.Match) -> Verdict:
    team = ctx.linker.team(m["team"]).ref
    opponent = ctx.linker.team(m["opp"]).ref
    n = to_int(m["n"])
    scope = replace(read_scope(m["rest"]), opponent=opponent.id, venue=None)
    last = n if m["last"] else None
    return judge(
        ctx,
        (to_int(m["k"]), n),
        _record_measure(ctx, team.id, m["what"], last),
        scope,
        f"matches {m['what']} against {opponent.short_name}",
    ).with_parsed(team=team.short_name, opponent=opponent.short_name)


def _won_lost_drawn(ctx: Context, team: int):  # noqa: ANN202
    def measured(scope: Scope) -> tuple[tuple[int, int, int], list[int]]:
        rows = team_matches(ctx.con, team, ctx.as_of, scope)
        won = sum(1 for r in rows if r[2] > r[3])
        lost = sum(1 for r in rows if r[2] < r[3])
        return (won, lost, len(rows) - won - lost), [r[0] for r in rows]

    return measured


@pattern(
    "head_to_head_record",
    rf"(?P<team>{NAME}) have won (?P<k>{NUMBER}) of (?:their|the) (?P<n>{NUMBER}) meetings "
    rf"(?:with|against) (?P<opp>{NAME})(?P<rest>[^,]*), (?P<opp2>{NAME}) "
    rf"(?:the other (?P<other>{NUMBER})|(?P<none>none)|(?P<lost>{NUMBER}), with "
    rf"(?P<drawn>{NUMBER}) draws?)",
)
def head_to_head_full_record(ctx: Context, m: re.Match) -> Verdict:
    """ "Real Madrid have won four of their seven meetings with Liverpool, Liverpool the
    other three": wins, defeats and draws, all three checked."""
    team = ctx.linker.team(m["team"]).ref
    opponent = ctx.linker.team(m["opp"]).ref
    n, won = to_int(m["n"]), to_int(m["k"])
    if m["other"]:
        stated = (won, to_int(m["other"]), n - won - to_int(m["other"]))
    elif m["none"]:
        stated = (won, 0, n - won)
    else:
        stated = (won, to_int(m["lost"]), to_int(m["drawn"]))
    scope = replace(read_scope(m["rest"]), opponent=opponent.id, venue=None)
    return judge(
        ctx,
        stated, _won_lost_drawn(ctx, team.id), scope,
        f"won, lost, drawn against {opponent.short_name}",
    ).with_parsed(team=team.short_name, opponent=opponent.short_name)  # fmt: skip


@pattern(
    "head_to_head_record",
    rf"All (?P<n>{NUMBER}) meetings between (?P<team>{NAME}) and (?P<opp>{NAME})(?P<rest>.*) "
    r"have been drawn",
)
def all_drawn(ctx: Context, m: re.Match) -> Verdict:
    team = ctx.linker.team(m["team"]).ref
    opponent = ctx.linker.team(m["opp"]).ref
    scope = replace(read_scope(m["rest"]), opponent=opponent.id, venue=None)
    return judge(
        ctx,
        (0, 0, to_int(m["n"])), _won_lost_drawn(ctx, team.id), scope,
        "won, lost, drawn",
    )  # fmt: skip


def _meetings(ctx: Context, m: re.Match, offset: int) -> Verdict:
    what = "this meeting's number" if offset else "the number of meetings"
    team = ctx.linker.team(m["team"]).ref
    opponent = ctx.linker.team(m["opp"]).ref
    scope = replace(read_scope(m["rest"] or ""), opponent=opponent.id, venue=None)

    def measured(s: Scope) -> tuple[int, list[int]]:
        rows = team_matches(ctx.con, team.id, ctx.as_of, s)
        return len(rows) + offset, [r[0] for r in rows]

    return judge(ctx, to_int(m["n"]), measured, scope, what).with_parsed(
        team=team.short_name, opponent=opponent.short_name
    )


@pattern(
    "head_to_head_record",
    rf"(?P<team>{NAME}) and (?P<opp>{NAME}) have met (?P<n>{HOW_OFTEN}|{NUMBER})(?: times)?"
    r"(?P<rest>.*)",
)
def meetings(ctx: Context, m: re.Match) -> Verdict:
    return _meetings(ctx, m, 0)


@pattern(
    "head_to_head_record",
    rf"{_THIS_MATCH} "
    rf"(?:will be |is )?the (?P<n>{ORDINAL}) (?:competitive )?meeting (?:between|of) "
    rf"(?P<team>{NAME}) and (?P<opp>{NAME})(?P<rest>.*)",
)
def nth_meeting(ctx: Context, m: re.Match) -> Verdict:
    return _meetings(ctx, m, 1)


def _visits(ctx: Context, m: re.Match, stated_wins: int) -> Verdict:
    team = ctx.linker.team(m["team"]).ref
    host = ctx.linker.team(m["host"]).ref
    scope = replace(read_scope(m["rest"] or ""), opponent=host.id, venue="away")
    stated_visits = to_int(m["n"]) if m["n"] else None

    def measured(s: Scope) -> tuple[object, list[int]]:
        rows = team_matches(ctx.con, team.id, ctx.as_of, s)
        wins = sum(1 for r in rows if r[2] > r[3])
        return ((wins, len(rows)) if stated_visits is not None else wins), [r[0] for r in rows]

    stated = (stated_wins, stated_visits) if stated_visits is not None else stated_wins
    return judge(
        ctx,
        stated,
        measured,
        scope,
        f"wins in visits to {host.short_name}",
    ).with_parsed(team=team.short_name, host=host.short_name)


@pattern(
    "venue_history",
    rf"(?P<team>{NAME}) have won (?:only |just )?(?P<k>{HOW_OFTEN}) in (?:their )?"
    rf"(?P<n>{NUMBER}) (?:previous )?(?:visits|trips) to (?P<host>{NAME})(?P<rest>.*)",
)
def venue_wins(ctx: Context, m: re.Match) -> Verdict:
    return _visits(ctx, m, to_int(m["k"]))


@pattern(
    "venue_history",
    rf"(?P<team>{NAME}) have never won (?:at|away to|away at|on their visits to) "
    rf"(?P<host>{NAME})(?::? (?P<n>{NUMBER}) (?:visits|trips) without a win)?(?P<rest>.*)",
)
def venue_never(ctx: Context, m: re.Match) -> Verdict:
    return _visits(ctx, m, 0)


@pattern(
    "venue_history",
    rf"(?P<team>{NAME}) have won (?:only |just )?(?P<k>{NUMBER}) of (?:their )?"
    rf"(?P<n>{NUMBER}) (?:previous )?(?:visits|trips) to (?P<host>{NAME})(?P<rest>.*)",
)
def venue_k_of_n(ctx: Context, m: re.Match) -> Verdict:
    return _visits(ctx, m, to_int(m["k"]))


@pattern(
    "venue_history",
    rf"{_THIS_MATCH} "
    rf"(?:will be |is )?(?P<team>{NAME})'s (?P<n>{ORDINAL}) (?:visit|trip) to (?P<host>{NAME})"
    r"(?P<rest>.*)",
)
def nth_visit(ctx: Context, m: re.Match) -> Verdict:
    team = ctx.linker.team(m["team"]).ref
    host = ctx.linker.team(m["host"]).ref
    scope = replace(read_scope(m["rest"]), opponent=host.id, venue="away")

    def measured(s: Scope) -> tuple[int, list[int]]:
        rows = team_matches(ctx.con, team.id, ctx.as_of, s)
        return len(rows) + 1, [r[0] for r in rows]

    return judge(
        ctx,
        to_int(m["n"]),
        measured,
        scope,
        f"this visit to {host.short_name}'s number",
    ).with_parsed(team=team.short_name, host=host.short_name)


@pattern(
    "team_streak",
    rf"(?P<team>{NAME}) (?:{RUN_VERBS}) (?P<n>{NUMBER}) (?P<rest>.*?"
    r"(?:matches|match|games|game|outings|fixtures).*)",
)
def team_streak(ctx: Context, m: re.Match) -> Verdict:
    team = ctx.linker.team(m["team"]).ref
    measure = run_measure(m)
    scope = read_scope(m["rest"], this_season=ctx.season)
    return judge(
        ctx,
        to_int(m["n"]),
        _run_measure(ctx, team.id, measure),
        scope,
        f"the {measure.replace('_', ' ')} run",
        at_least=True,
    ).with_parsed(team=team.short_name, run=measure, scope=scope.words())


@pattern(
    "head_to_head_record",
    rf"(?P<team>{NAME}) have (?P<what>{_RECORD_VERBS}) (?:only |just )?(?P<k>{NUMBER}) of "
    rf"their (?P<last>last )?(?P<n>{NUMBER}) (?P<rest>.*?(?:matches|games) against \w+ "
    r"(?:sides|teams|clubs|opposition).*)",
)
def record_against_a_country(ctx: Context, m: re.Match) -> Verdict:
    """ "Liverpool have won seven of their 20 European home matches against Spanish sides"."""
    return team_record.handler(ctx, m)


@pattern(
    "team_streak",
    rf"(?P<team>{NAME}) have (?P<what>{_RECORD_VERBS}) (?:only |just )?(?P<k>{NUMBER}) of "
    rf"their (?P<last>last )?(?P<n>{NUMBER}) (?P<rest>.*?(?:matches|games).*)",
)
def team_record(ctx: Context, m: re.Match) -> Verdict:
    team = ctx.linker.team(m["team"]).ref
    n = to_int(m["n"])
    scope = read_scope(m["rest"], this_season=ctx.season)
    return judge(
        ctx,
        (to_int(m["k"]), n),
        _record_measure(ctx, team.id, m["what"], n if m["last"] else None),
        scope,
        f"matches {m['what']}",
    ).with_parsed(team=team.short_name, scope=scope.words())


@pattern(
    "head_to_head_record",
    rf"(?P<team>{NAME}) have not won any of their (?P<n>{NUMBER}) (?P<rest>.*?(?:matches|games)"
    r".*)",
)
def none_won(ctx: Context, m: re.Match) -> Verdict:
    team = ctx.linker.team(m["team"]).ref
    n = to_int(m["n"])
    scope = read_scope(m["rest"])
    return judge(
        ctx,
        (0, n),
        _record_measure(ctx, team.id, "won", None),
        scope,
        "matches won",
    ).with_parsed(team=team.short_name, scope=scope.words())


PATTERNS = [
    head_to_head_run,
    head_to_head_run_after,
    head_to_head_full_record,
    head_to_head_record,
    all_drawn,
    meetings,
    nth_meeting,
    venue_wins,
    venue_k_of_n,
    venue_never,
    nth_visit,
    record_against_a_country,
    none_won,
    team_streak,
    team_record,
]
