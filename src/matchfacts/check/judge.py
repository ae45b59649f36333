"""Judge: a read claim against the shared evaluator.

Supported; an understated run supported with the full figure; imprecise when a
neighbouring reading (facts/neighbours.py) gives the stated figure, naming the reading;
refuted with the right figure and its matches; not checkable when the data holds no unit
in the context.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

from matchfacts.check.read import Claim
from matchfacts.check.verdict import Verdict
from matchfacts.facts.context import evidence
from matchfacts.facts.evaluate import Evaluator
from matchfacts.facts.neighbours import neighbours
from matchfacts.facts.query import Answer, Record


def agrees(claim: Claim, value: object) -> bool:
    """Whether the data's value bears out the stated one, under the claim's relation."""
    stated = claim.stated
    if value is None:
        return False
    if claim.query.shape == "run":
        return stated <= value  # "unbeaten in six" is true of a run of nine
    if claim.relation == "never":
        return value == 0
    if claim.query.shape == "record":
        fields = {"played": "played", "won": "won", "drawn": "drawn", "lost": "lost",
                  "for": "goals_for", "against": "goals_against"}  # fmt: skip
        return isinstance(value, Record) and all(
            getattr(value, fields[key]) == figure for key, figure in stated.items()
        )
    if claim.query.shape == "first_since":
        return isinstance(value, dt.date) and (value.year, value.month) == (
            stated.year,
            stated.month,
        ) or (isinstance(value, dt.date) and stated.month == 1 and value.year == stated.year)
    if claim.query.shape == "k_of_n" and claim.query.window.last is None:
        return tuple(value) == tuple(stated)
    return value == stated if not isinstance(value, tuple) else tuple(value) == tuple(stated)


def shown(value: object) -> object:
    if isinstance(value, Record):
        return {"played": value.played, "won": value.won, "drawn": value.drawn,
                "lost": value.lost, "for": value.goals_for,
                "against": value.goals_against}  # fmt: skip
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def words(value: object) -> str:
    """A value as a reason says it: '2 of 4', 'P7 W4 D0 L3', 'March 2009'."""
    if isinstance(value, tuple) and len(value) == 2:
        return f"{value[0]} of {value[1]}"
    if isinstance(value, Record):
        return (f"P{value.played} W{value.won} D{value.drawn} L{value.lost}, "
                f"goals {value.goals_for}-{value.goals_against}")  # fmt: skip
    if isinstance(value, dt.date):
        return value.strftime("%-d %B %Y")
    return str(value)


def coverage_note(claim: Claim) -> str:
    """What the data counted where a claim names no competition."""
    if claim.query.context.competition == "all" and claim.query.subject.player is None:
        return "counted league and European matches: the store has no domestic cups"
    return ""


def judge(ev: Evaluator, claim: Claim) -> Verdict:
    answer = ev.answer(claim.query)
    parsed = {"query": claim.query.as_dict(), "frame": claim.frame}
    stated = shown(claim.stated)
    if answer.n == 0 or answer.value is None and claim.query.shape != "first_since":
        return Verdict(
            "not_checkable",
            stated,
            reason="the data holds no match in this context",
            parsed=parsed,
        )
    proof = evidence(ev.con, list(answer.evidence)[-12:])
    actual = shown(answer.value)
    if claim.relation == "includes":
        return _includes(ev, claim, answer, stated, actual, parsed)
    note = coverage_note(claim)
    after = _after_the_month_event(ev, claim) if not agrees(claim, answer.value) else None
    if after is not None:  # "unbeaten at home since October 2014": since that defeat
        claim, answer, note = after
        proof, actual = evidence(ev.con, list(answer.evidence)[-12:]), shown(answer.value)
    if agrees(claim, answer.value):
        reason = ""
        if claim.query.shape == "run" and answer.value != claim.stated:
            reason = f"understated: the run is {answer.value}"
        reason = "; ".join(r for r in (reason, note) if r)
        return Verdict("supported", stated, actual, reason, proof, parsed)
    for reading, other in neighbours(claim.query):
        found: Answer = ev.answer(other)
        if found.n and agrees(claim, found.value):
            return Verdict(
                "imprecise",
                stated,
                actual,
                f"true only {reading} ({words(found.value)}); as read, the data gives "
                f"{words(answer.value)}",
                proof,
                parsed,
            )
    if answer.partial and _reaches_past_the_data(claim, answer):
        return Verdict(
            "not_checkable",
            stated,
            actual,
            f"the store holds this context only since {answer.first_season}: the claim "
            f"counts more ({words(claim.stated)}) than the data holds ({words(answer.value)})",
            proof,
            parsed,
        )
    reason = "; ".join(r for r in (f"the data gives {words(answer.value)}", note) if r)
    return Verdict("refuted", stated, actual, reason, proof, parsed)


def _reaches_past_the_data(claim: Claim, answer: Answer) -> bool:
    """Whether a claim counts more than a context whose data starts late holds: 185
    meetings where the store has 125 since 1956-57, a run longer than the data's first
    season allows. Such a claim may be true of the seasons the store lacks."""
    stated, value, shape = claim.stated, answer.value, claim.query.shape
    if shape == "record" and isinstance(value, Record):
        played = stated.get("played") or sum(stated.get(k, 0) for k in ("won", "drawn", "lost"))
        return played > value.played
    if shape == "k_of_n" and isinstance(stated, tuple):
        return stated[1] > value[1]
    if shape in ("count", "nth") and isinstance(stated, int) and isinstance(value, int):
        return stated > value
    if shape == "run":
        return answer.breaker is None and isinstance(stated, int) and stated > value
    return False


def _includes(
    ev: Evaluator, claim: Claim, answer: Answer, stated: object, actual: object, parsed: dict
) -> Verdict:
    """Results a text lists ("winning 2-1 at home and 3-1 in Italy"): each must be a match
    of the context, told from the subject's side (extra time counted, a shoot-out not)."""
    held = _scores(ev, claim.query.subject.team, answer.evidence)
    missing = Counter(claim.scores) - Counter(score for score, _ in held)
    proof = evidence(ev.con, [match for _, match in held][-12:])
    if not missing:
        return Verdict("supported", stated, actual, "", proof, parsed)
    said = ", ".join(f"{a}-{b}" for a, b in sorted(missing.elements()))
    found = ", ".join(f"{a}-{b}" for (a, b), _ in held[-8:])
    return Verdict(
        "refuted",
        stated,
        actual,
        f"no match in this context ended {said} for them; the data has {found}",
        proof,
        parsed,
    )


def _scores(
    ev: Evaluator, team: int, match_ids: tuple[int, ...]
) -> list[tuple[tuple[int, int], int]]:
    """((goals for, goals against), match id) of each match, oldest first."""
    rows = ev.con.execute(
        """SELECT id, home_id = ?, coalesce(home_goals_et, home_goals),
                  coalesce(away_goals_et, away_goals)
           FROM match WHERE id IN (SELECT unnest(?::INTEGER[])) ORDER BY date, id""",
        [team, list(match_ids)],
    ).fetchall()
    return [((h, a) if home else (a, h), match) for match, home, h, a in rows]


ZEROED = {"won": "win", "drawn": "draw", "lost": "loss"}


def _after_the_month_event(ev: Evaluator, claim: Claim) -> tuple[Claim, Answer, str] | None:
    """'Yet to be beaten at home since October 2014 (W16 D6)' counts from the day after
    the defeat of that month, not from its first day: the claim re-read from the day after
    the month's last such event, when that makes it true."""
    since = claim.query.window.since
    if since is None or since.day != 1:
        return None
    if claim.relation == "never":
        event = claim.query.event
    elif claim.query.shape == "record" and isinstance(claim.stated, dict):
        zero = [key for key, value in claim.stated.items() if key in ZEROED and value == 0]
        if len(zero) != 1:
            return None
        event = ZEROED[zero[0]]
    else:
        return None
    events = ev.answer(replace(claim.query, event=event, shape="count", unit="match"))
    days = [e.date for e in evidence(ev.con, list(events.evidence))
            if (e.date.year, e.date.month) == (since.year, since.month)]  # fmt: skip
    if not days:
        return None
    after = max(days) + dt.timedelta(days=1)
    moved = replace(claim, query=claim.query.with_window(replace(claim.query.window, since=after)))
    answer = ev.answer(moved.query)
    none_since = ev.answer(replace(moved.query, event=event, shape="count", unit="match"))
    if none_since.value != 0:
        return None  # not the reading: the event happened after that month too
    return moved, answer, f"counted from the day after {words(max(days))}"
