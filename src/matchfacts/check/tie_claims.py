"""Claims about the tie: what each side needs, the first leg, the rules, and the record of
sides in the same position ("only 20 of 94 sides that lost 3-1 away went through")."""

from __future__ import annotations

import re

from matchfacts.check.grammar import NAME, NUMBER, ORDINAL, pattern
from matchfacts.check.numbers import to_int
from matchfacts.check.scope import Scope, read_scope
from matchfacts.check.verdict import Context, Verdict, judge, not_checkable
from matchfacts.facts.context import EUROPEAN
from matchfacts.rules.outcome import Score, match_outcome
from matchfacts.rules.situation import TieSituation

BOUND = 9  # second-leg goals a side is searched over for what it needs


def _outcome(s: TieSituation, for_side: int, against: int, side: str) -> str:
    """The tie's result ('home', 'away', 'extra_time' ...) of a second-leg score given
    from `side`'s point of view."""
    home, away = (for_side, against) if side == "home" else (against, for_side)
    first = Score(s.first_leg.home_goals, s.first_leg.away_goals)
    return match_outcome(first, Score(home, away), s.rules)


def _tie_and_side(ctx: Context, name: str) -> tuple[TieSituation, str] | Verdict:
    """The second leg's situation and the named side's place in it ('home' or 'away'), or
    the verdict that the claim cannot be checked."""
    s = ctx.second_leg()
    if isinstance(s, str):
        return not_checkable(s)
    return s, _side(ctx, s, name)


def _side(ctx: Context, s: TieSituation, name: str) -> str:
    team = ctx.linker.team(name).ref
    if team.id == s.home.id:
        return "home"
    if team.id == s.away.id:
        return "away"
    raise ValueError(f"{team.short_name} are not in this tie")


@pattern(
    "tie_need",
    rf"(?P<team>{NAME}) (?:need|needs|must) (?:to )?win by (?:at least )?(?P<n>{NUMBER}|a) "
    r"(?:clear )?goals?(?P<rest>.*)",
)
def need_margin(ctx: Context, m: re.Match) -> Verdict:
    found = _tie_and_side(ctx, m["team"])
    if isinstance(found, Verdict):
        return found
    s, side = found
    stated = 1 if m["n"] == "a" else to_int(m["n"])
    through = {
        margin: [_outcome(s, against + margin, against, side) == side for against in range(BOUND)]
        for margin in range(0, BOUND)
    }
    smallest = min((d for d, ok in through.items() if any(ok)), default=None)
    if smallest == 0:
        return Verdict(
            "refuted", stated, 0, "they do not need to win: a draw can take them through"
        )
    if stated == smallest and all(through[stated]):
        return Verdict("supported", stated, smallest, f"any win by {stated} takes them through")
    if stated == smallest:
        short = [
            f"{a + stated}-{a} means {_words(_outcome(s, a + stated, a, side), side)}"
            for a in range(BOUND)
            if not through[stated][a]
        ][:2]
        return Verdict(
            "imprecise",
            stated,
            smallest,
            f"a win by {stated} is the least they need, but not every one is enough: "
            + "; ".join(short),
        )
    return Verdict(
        "refuted",
        stated,
        smallest,
        f"the smallest winning margin that takes them through is {smallest}",
    )


def _words(result: str, side: str) -> str:
    if result in ("home", "away"):
        return "they go through" if result == side else "they go out"
    return result.replace("_", " ")


@pattern(
    "tie_need",
    rf"(?P<team>{NAME}) (?:need|needs|must) (?:to )?score (?:at least )?(?P<n>{NUMBER}) "
    r"(?:goals?|times)(?P<rest>.*)",
)
def need_goals(ctx: Context, m: re.Match) -> Verdict:
    found = _tie_and_side(ctx, m["team"])
    if isinstance(found, Verdict):
        return found
    s, side = found
    fewest = min(
        (f for f in range(BOUND) for a in range(BOUND) if _outcome(s, f, a, side) == side),
        default=None,
    )
    stated = to_int(m["n"])
    verdict = "supported" if stated == fewest else "refuted"
    return Verdict(
        verdict, stated, fewest, f"the fewest goals that can take them through: {fewest}"
    )


_MEANS = {
    "through": r"(?:put|send|take) (?P<who>them|\w[\w ]*?) through|be enough",
    "extra_time": (
        r"(?:force|take (?:the tie|the game|it|them)? ?to|mean|send (?:the tie|the game|it) to)"
        r" extra time"
    ),
    "out": r"not be enough|(?:put|send) (?P<out>them|\w[\w ]*?) out",
}


@pattern(
    "tie_need",
    rf"(?:(?:An?|Only an?) )?(?P<a>\d+)-(?P<b>\d+)(?: (?P<kind>win|victory|draw|defeat))?"
    rf"(?: for (?P<team>{NAME}))? would (?P<means>.+)",
)
def score_means(ctx: Context, m: re.Match) -> Verdict:
    s = ctx.second_leg()
    if isinstance(s, str):
        return not_checkable(s)
    team_name = m["team"] or _named_side(ctx, m["means"])
    a, b = int(m["a"]), int(m["b"])
    if team_name is None and m["kind"] in (None, "draw"):
        # A bare score ("3-1 would mean extra time") reads as the tie engine writes one:
        # the second leg's home side first.
        team_name, for_side, against = s.home.short_name, a, b
    elif team_name is None:
        return not_checkable("the sentence does not say for which side the score is")
    else:
        high, low = max(a, b), min(a, b)
        for_side, against = (low, high) if m["kind"] == "defeat" else (high, low)
        if m["kind"] == "draw":
            for_side, against = a, b
    side = _side(ctx, s, team_name)
    result = _outcome(s, for_side, against, side)
    means = m["means"].lower()
    if re.search(_MEANS["extra_time"], means):
        stated = "extra_time"
    elif re.search(_MEANS["out"], means):
        stated = "out"
    elif re.search(_MEANS["through"], means):
        stated = "through"
    else:
        return not_checkable(f"cannot read what {m['means']!r} means for the tie")
    actual = "through" if result == side else ("out" if result in ("home", "away") else result)
    if stated == "through" and actual == "through":
        who = re.search(_MEANS["through"], means)
        other = who and who["who"] not in (None, "them") and who["who"] != team_name.lower()
        if other:
            stated = "out"
    verdict = "supported" if stated == actual else "refuted"
    return Verdict(
        verdict, stated, actual, f"{for_side}-{against} means {actual.replace('_', ' ')}"
    )


@pattern(
    "tie_need",
    r"(?P<a>\d+)-(?P<b>\d+) means (?P<level>extra time|penalties|a replay|a coin toss)",
)
def score_means_level(ctx: Context, m: re.Match) -> Verdict:
    """ "3-1 means extra time", as the tie engine writes it (second leg's home side first)."""
    s = ctx.second_leg()
    if isinstance(s, str):
        return not_checkable(s)
    stated = {"extra time": "extra_time", "penalties": "penalties", "a replay": "replay",
              "a coin toss": "coin_toss"}[m["level"]]  # fmt: skip
    actual = _outcome(s, int(m["a"]), int(m["b"]), "home")
    verdict = "supported" if stated == actual else "refuted"
    return Verdict(verdict, stated, actual, f"{m['a']}-{m['b']} means {_words(actual, 'home')}")


_ROUTE_ITEM = re.compile(
    r"(?P<score>\d+-\d+)|(?P<win>any win)|(?P<draw>(?:any )?draw\b)|(?P<one>a one-goal defeat)"
    rf"|a defeat by up to (?P<upto>{NUMBER}) goals|by (?P<clear>{NUMBER}) clear goals?"
)


@pattern("tie_need", rf"(?P<team>{NAME}) go through (?P<how>(?:with|by) [^;]+)")
def go_through_with(ctx: Context, m: re.Match) -> Verdict:
    """ "Liverpool go through with 2-0 or by three clear goals": every score named, and
    every score of every kind named (any win, any draw, a defeat by up to two goals, a win
    by three clear goals), must put them through."""
    found = _tie_and_side(ctx, m["team"])
    if isinstance(found, Verdict):
        return found
    s, side = found
    scores: list[tuple[int, int]] = []
    for item in _ROUTE_ITEM.finditer(m["how"]):
        if item["score"]:
            mine, theirs = (int(x) for x in item["score"].split("-"))
            scores.append((mine, theirs))
        elif item["win"]:
            scores += [(a + d, a) for d in range(1, BOUND) for a in range(BOUND - d)]
        elif item["draw"]:
            scores += [(a, a) for a in range(BOUND)]
        elif item["one"] or item["upto"]:
            most = 1 if item["one"] else to_int(item["upto"])
            scores += [(a, a + d) for d in range(1, most + 1) for a in range(BOUND - d)]
        else:
            least = to_int(item["clear"])
            scores += [(a + d, a) for d in range(least, BOUND) for a in range(BOUND - d)]
    if not scores:
        return not_checkable(f"cannot read the scores in {m['how']!r}")
    wrong = [(f, a) for f, a in scores if _outcome(s, f, a, side) != side]
    if not wrong:
        return Verdict(
            "supported", m["how"], None, f"all {len(scores)} scores named put them through"
        )
    f, a = wrong[0]
    means = _words(_outcome(s, f, a, side), side)
    return Verdict("refuted", m["how"], f"{f}-{a}", f"{f}-{a} does not: it means {means}")


def _named_side(ctx: Context, words: str) -> str | None:
    for team in (ctx.home, ctx.away):
        if team and team.short_name in words:
            return team.short_name
    return None


@pattern(
    "tie_need",
    rf"(?P<team>{NAME}) (?P<verb>lead|trail|won|lost) (?:the first leg )?(?P<a>\d+)-(?P<b>\d+)"
    r"(?P<rest>.*)",
)
def first_leg(ctx: Context, m: re.Match) -> Verdict:
    found = _tie_and_side(ctx, m["team"])
    if isinstance(found, Verdict):
        return found
    s, side = found
    # The second leg's home side played the first leg away.
    first = s.first_leg
    own, other = (
        (first.away_goals, first.home_goals)
        if side == "home"
        else (first.home_goals, first.away_goals)
    )
    a, b = int(m["a"]), int(m["b"])
    ahead = m["verb"] in ("lead", "won")
    stated = (max(a, b), min(a, b)) if ahead else (min(a, b), max(a, b))
    verdict = "supported" if stated == (own, other) and (own > other) == ahead else "refuted"
    return Verdict(
        verdict, f"{a}-{b}", f"{own}-{other}", f"the first leg ended {own}-{other} for them"
    )


@pattern("tie_need", r"(?P<rest>.*\b[Aa]way goals?\b(?: rule)?.*)")
def away_goals(ctx: Context, m: re.Match) -> Verdict:
    s = ctx.second_leg()
    if isinstance(s, str):
        return not_checkable(s)
    text = m["rest"].lower()
    if not re.search(r"count|apply|applies|in force|rule", text):
        return not_checkable("no rule stated about away goals")
    stated = not re.search(r"\bno longer\b|\bnot\b|\bn't\b|abolished|scrapped", text)
    actual = s.rules.away_goals
    verdict = "supported" if stated == actual else "refuted"
    said = "count" if actual else "do not count"
    return Verdict(verdict, stated, actual, f"away goals {said} in {s.season}")


def _base_rate(ctx: Context, where: str, result: str, a: int, b: int, outcome: str):  # noqa: ANN202
    """Ties whose first leg ended a-b (winner's goals first) with the side in question
    `where` ('away' or 'at home') and `result` ('lost', 'won', 'drew'); counts those that
    went through (or out)."""
    high, low = max(a, b), min(a, b)
    side_home_goals = {"lost": low, "won": high, "drew": a}[result]
    side_away_goals = {"lost": high, "won": low, "drew": b}[result]
    if where == "away":  # the side was the first leg's visitor
        fh, fa, side = side_away_goals, side_home_goals, "away_id"
    else:
        fh, fa, side = side_home_goals, side_away_goals, "home_id"

    def measured(scope: Scope) -> tuple[tuple[int, int], list[int]]:
        competitions = EUROPEAN if scope.competition in ("europe", "all") else (scope.competition,)
        rows = ctx.con.execute(
            f"""SELECT s.id, t.winner_id = f.{side} FROM tie t
                JOIN match f ON f.id = t.first_leg_id JOIN match s ON s.id = t.second_leg_id
                WHERE t.competition_id IN (SELECT unnest($comps::VARCHAR[]))
                  AND t.winner_id IS NOT NULL AND s.date < $as_of
                  AND f.home_goals = $fh AND f.away_goals = $fa
                  AND ($since IS NULL OR t.season >= $since)
                  AND ($qualifying OR f.stage <> 'qualifying')
                ORDER BY s.date, s.id""",
            {
                "comps": list(competitions), "as_of": ctx.as_of, "fh": fh, "fa": fa,
                "since": scope.since, "qualifying": scope.qualifying,
            },
        ).fetchall()  # fmt: skip
        through = [r[0] for r in rows if r[1]]
        k = len(through) if outcome == "through" else len(rows) - len(through)
        return (k, len(rows)), [r[0] for r in rows]

    return measured


_OUT = {"gone through": "through", "progressed": "through", "come back": "through",
        "turned it around": "through", "been knocked out": "out", "been eliminated": "out",
        "gone out": "out"}  # fmt: skip
_OUTCOMES = "|".join(_OUT)
_SIDES = r"(?:sides|teams|clubs)"


def _conditional(ctx: Context, m: re.Match) -> Verdict:
    scope = read_scope(m["comp"] or "", default_competition=_competition(ctx))
    measured = _base_rate(ctx, m["where"], m["res"], int(m["a"]), int(m["b"]), _OUT[m["out"]])
    return judge(
        ctx,
        (to_int(m["k"]), to_int(m["n"])), measured, scope,
        f"sides that {m['res']} {m['a']}-{m['b']} {m['where']} and {m['out']}",
    ).with_parsed(scope=scope.words())  # fmt: skip


def _competition(ctx: Context) -> str:
    return ctx.competition if ctx.competition != "all" else "UCL"


@pattern(
    "conditional_record",
    rf"(?:Sides|Teams|Clubs) that (?P<res>lost|won|drew) the first leg (?P<a>\d+)-(?P<b>\d+) "
    rf"(?P<where>away|at home) have (?P<out>{_OUTCOMES}) in (?:only |just )?(?P<k>{NUMBER}) of "
    rf"(?:the )?(?P<n>{NUMBER}) (?P<comp>.*?)ties",
)
def conditional_record(ctx: Context, m: re.Match) -> Verdict:
    return _conditional(ctx, m)


@pattern(
    "conditional_record",
    rf"Only (?P<k>{NUMBER}) of (?:the )?(?P<n>{NUMBER}) {_SIDES} (?:who|that) "
    rf"(?P<res>lost|won|drew) the first leg (?P<a>\d+)-(?P<b>\d+) (?P<where>away|at home)"
    rf"(?: in the (?P<comp>.+?))? have (?P<out>{_OUTCOMES})(?P<rest>.*)",
)
def only_k_of_n(ctx: Context, m: re.Match) -> Verdict:
    return _conditional(ctx, m)


def _own_ties(ctx: Context, team: int, at_home: bool, sign: int, margin: int | None):  # noqa: ANN202
    """A side's ties after a first leg at home or away that it won (sign 1), lost (-1) or
    drew (0), by `margin` goals where given: (went through, ties)."""

    def measured(scope: Scope) -> tuple[tuple[int, int], list[int]]:
        competitions = EUROPEAN if scope.competition in ("europe", "all") else (scope.competition,)
        rows = ctx.con.execute(
            """SELECT s.id, t.winner_id = $team,
                      CASE WHEN f.home_id = $team THEN f.home_goals - f.away_goals
                           ELSE f.away_goals - f.home_goals END
               FROM tie t JOIN match f ON f.id = t.first_leg_id
               JOIN match s ON s.id = t.second_leg_id
               WHERE t.competition_id IN (SELECT unnest($comps::VARCHAR[]))
                 AND t.winner_id IS NOT NULL AND s.date < $as_of AND f.home_goals IS NOT NULL
                 AND ($qualifying OR f.stage <> 'qualifying') AND NOT coalesce(f.neutral, false)
                 AND (CASE WHEN $at_home THEN f.home_id ELSE f.away_id END) = $team
               ORDER BY s.date, s.id""",
            {
                "team": team, "comps": list(competitions), "as_of": ctx.as_of,
                "qualifying": scope.qualifying, "at_home": at_home,
            },
        ).fetchall()  # fmt: skip
        same = [r for r in rows if (r[2] > 0) - (r[2] < 0) == sign]
        if margin is not None:
            same = [r for r in same if abs(r[2]) == margin]
        return (sum(1 for r in same if r[1]), len(same)), [r[0] for r in same]

    return measured


@pattern(
    "conditional_record",
    rf"(?P<team>{NAME}) have (?:gone through in (?P<k>{NUMBER}) of their (?P<n>{NUMBER})"
    rf"|not gone through in any of their (?P<none>{NUMBER})"
    rf"|gone through in all (?P<all>{NUMBER}) of their) (?P<comp>[\w' ]*?) ties? after "
    r"(?P<verb>winning|losing|drawing) the first leg (?P<where>at home|away)"
    rf"(?: by (?P<by>{NUMBER}) goals?)?",
)
def own_tie_record(ctx: Context, m: re.Match) -> Verdict:
    """ "Liverpool have gone through in 14 of their 30 European ties after losing the first
    leg away"."""
    team = ctx.linker.team(m["team"]).ref
    if m["none"]:
        stated = (0, to_int(m["none"]))
    elif m["all"]:
        stated = (to_int(m["all"]), to_int(m["all"]))
    else:
        stated = (to_int(m["k"]), to_int(m["n"]))
    sign = {"winning": 1, "losing": -1, "drawing": 0}[m["verb"]]
    margin = to_int(m["by"]) if m["by"] else None
    scope = read_scope(m["comp"] or "", default_competition="europe")
    measured = _own_ties(ctx, team.id, m["where"] == "at home", sign, margin)
    return judge(
        ctx,
        stated, measured, scope, f"{team.short_name}'s ties won after that first leg",
    ).with_parsed(team=team.short_name, scope=scope.words())  # fmt: skip


@pattern(
    "prospective_kth",
    rf"(?P<team>{NAME}) could become the (?P<k>{ORDINAL}) (?:side|team|club) to overturn an? "
    rf"(?P<a>\d+)-(?P<b>\d+) first-leg defeat away in the (?P<comp>.+?)"
    rf"(?:, after (?P<names>.+))?",
)
def prospective_kth(ctx: Context, m: re.Match) -> Verdict:
    scope = read_scope(m["comp"], default_competition=_competition(ctx))
    (k, _), ids = _base_rate(ctx, "away", "lost", int(m["a"]), int(m["b"]), "through")(scope)
    through = ctx.con.execute(
        """SELECT s.id, h.short_name FROM tie t JOIN match s ON s.id = t.second_leg_id
           JOIN team h ON h.id = t.winner_id
           WHERE s.id IN (SELECT unnest($ids::INTEGER[])) AND t.winner_id = s.home_id
           ORDER BY s.date, s.id""",
        {"ids": ids},
    ).fetchall()
    names = [r[1] for r in through]
    stated_names = re.split(r", | and ", m["names"]) if m["names"] else names
    stated = (to_int(m["k"]), stated_names)
    actual = (k + 1, names)
    verdict = "supported" if stated == actual else "refuted"
    return Verdict(
        verdict, stated, actual,
        f"{k} sides have overturned it: {', '.join(names) or 'none'}",
        ctx.evidence([r[0] for r in through]),
    )  # fmt: skip


PATTERNS = [
    need_margin,
    need_goals,
    score_means,
    score_means_level,
    go_through_with,
    first_leg,
    conditional_record,
    only_k_of_n,
    own_tie_record,
    prospective_kth,
    away_goals,
]
