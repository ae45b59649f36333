"""'First since' claims: what a win would be the first of, and a win that ended a drought.

"A Liverpool win would be their first over Real Madrid since a 4-0 win in March 2009":
the side's latest win in that context must be that one. "Liverpool's 2-1 win over Aston
Villa on 10 April 2021 was their first home league win since a 2-1 win over Tottenham
Hotspur in December 2020": that match must be such a win, and the win before it in the
context must be the one named.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from matchfacts.check.grammar import MONTH, NAME, SCORE, pattern
from matchfacts.check.scope import Scope, read_scope, team_matches
from matchfacts.check.verdict import Context, Verdict
from matchfacts.facts.words import month, result
from matchfacts.store.lookup import team_by_id

_WIN = rf"(?P<since>an? {SCORE} (?:win|defeat|draw))"


def _last_win(ctx: Context, team: int, scope: Scope, before: dt.date) -> tuple | None:
    """(match id, date, goals for, goals against, opponent's short name) of the side's
    latest win in the scope before the day, or None."""
    for match_id, date, gf, ga in team_matches(ctx.con, team, before, scope):
        if gf > ga:
            home, away = ctx.con.execute(
                "SELECT home_id, away_id FROM match WHERE id = ?", [match_id]
            ).fetchone()
            opponent = team_by_id(ctx.con, away if home == team else home).short_name
            return match_id, date, gf, ga, opponent
    return None


def _words(win: tuple | None, with_opponent: bool) -> str:
    if win is None:
        return "no win at all"
    _, date, gf, ga, opponent = win
    over = f" over {opponent}" if with_opponent else ""
    return f"{result(gf, ga)}{over} in {month(date)}"


def _scope_of(ctx: Context, what: str) -> tuple[Scope, str] | None:
    """The context a 'first ... since' names, and a label: 'over Real Madrid', 'league win
    at Manchester United', 'away to English opposition in a knockout match'."""
    league = "league" if what.startswith("league ") else None
    found = re.fullmatch(rf"(?:league win )?(?P<how>over|at) (?P<other>{NAME})", what)
    if found:
        other = ctx.linker.team(found["other"]).ref
        venue = "away" if found["how"] == "at" else None
        scope = Scope(competition=league or "all", qualifying=True, opponent=other.id, venue=venue)
        return scope, what
    found = re.fullmatch(r"(?P<side>away to|at home to) \w+ opposition in a knockout match", what)
    if found:
        base = read_scope(what)
        venue = "home" if found["side"] == "at home to" else "away"
        return replace(base, competition="all", stage="knockout", venue=venue), what
    return None


@pattern(
    "first_since",
    rf"An? (?P<team>{NAME}) win would be their first (?P<what>.+?) since {_WIN}"
    rf"(?: over (?P<opp2>{NAME}))? in (?P<month>{MONTH})",
)
def first_win_since(ctx: Context, m: re.Match) -> Verdict:
    team = ctx.linker.team(m["team"]).ref
    read = _scope_of(ctx, m["what"])
    if read is None:
        return Verdict("not_checkable", reason=f"cannot read the context {m['what']!r}")
    scope, label = read
    win = _last_win(ctx, team.id, scope, ctx.as_of)
    over = f" over {m['opp2']}" if m["opp2"] else ""
    stated = f"{m['since']}{over} in {m['month']}"
    actual = _words(win, bool(m["opp2"]))
    proof = ctx.evidence([win[0]]) if win else ()
    verdict = "supported" if _same(stated, actual) else "refuted"
    return Verdict(
        verdict, stated, actual, f"their last win {label}: {actual}", proof,
        {"team": team.short_name, "context": label},
    )  # fmt: skip


ENDED = {
    "home league win": Scope(competition="league", venue="home", qualifying=True),
    "away league win": Scope(competition="league", venue="away", qualifying=True),
    "win in European competition": Scope(competition="europe"),
}


@pattern(
    "first_since",
    rf"(?P<team>{NAME})(?:'s|') (?P<a>\d+)-(?P<b>\d+) win over (?P<opp>{NAME}) on "
    rf"(?P<day>\d{{1,2}} {MONTH}) was their first (?P<noun>{'|'.join(ENDED)}) since {_WIN} "
    rf"over (?P<opp2>{NAME}) in (?P<month>{MONTH})",
)
def ended_drought(ctx: Context, m: re.Match) -> Verdict:
    team = ctx.linker.team(m["team"]).ref
    opponent = ctx.linker.team(m["opp"]).ref
    day = dt.datetime.strptime(m["day"], "%d %B %Y").date()
    scope = ENDED[m["noun"]]
    latest = _last_win(ctx, team.id, scope, day + dt.timedelta(days=1))
    stated_win = (int(m["a"]), int(m["b"]), opponent.short_name, day)
    actual_win = latest and (latest[2], latest[3], latest[4], latest[1])
    if actual_win != stated_win:
        return Verdict(
            "refuted", stated_win, actual_win,
            f"their latest {m['noun']} by {day} was {_words(latest, True)}",
        )  # fmt: skip
    before = _last_win(ctx, team.id, scope, day)
    stated = f"{m['since']} over {m['opp2']} in {m['month']}"
    actual = _words(before, True)
    proof = ctx.evidence([r for r in (before and before[0], latest[0]) if r])
    verdict = "supported" if _same(stated, actual) else "refuted"
    return Verdict(verdict, stated, actual, f"the {m['noun']} before it: {actual}", proof)


def _same(stated: str, actual: str) -> bool:
    """The same win, however its score is ordered ("a 2-1 win" is "a 2-1 win")."""
    return stated.replace("an ", "a ") == actual


PATTERNS = [first_win_since, ended_drought]
