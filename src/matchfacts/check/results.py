"""Results a sentence states: "Liverpool knocked Madrid out 5-0 on aggregate in the
2008/09 round of 16", "CSKA winning 2-0 at home and drawing 1-1 in Lisbon", a statbox's
"25/02/09 Chelsea 1 Juventus 0".

Each score is turned to the subject's side: a line score names both sides; a bare "3-1"
is told by the verb before it ("won", "beaten", "drew") and by whoever that verb belongs
to (the nearest side named before it, or after "by" in "beaten 4-2 by Anderlecht").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from matchfacts.check.mentions import Mention

# "3-1", "0–0"; not a season ("2008-09"), a date ("25/02/09") nor a minute ("64-83").
BARE = re.compile(r"(?<![\d/.:–-])(\d{1,2})\s?[-–]\s?(\d{1,2})(?![\d/.:–-])")
WIN = re.compile(
    r"\b(?:won|win|wins|winning|winners|beat|beating|victory|victories|triumph\w*|"
    r"knocked\b.{0,30}?\bout|knocking\b.{0,30}?\bout|saw off|brushed aside|thrashed|"
    r"went through|going through)\b",
    re.IGNORECASE,
)
LOSS = re.compile(
    r"\b(?:lost|lose|losing|loss|defeats?|defeated|beaten|went out|going out|knocked out|"
    r"crashed out)\b",
    re.IGNORECASE,
)
DRAW = re.compile(r"\b(?:drew|draw|drawing|drawn|held|level|stalemate|goalless)\b", re.I)
BY = re.compile(r"^\s*(?:on aggregate\s+)?by\s+", re.IGNORECASE)
AGGREGATE = re.compile(r"\bon aggregate\b|\bover (?:the )?two legs\b|\bover both legs\b", re.I)


@dataclass(frozen=True, slots=True)
class Result:
    """One score from the subject's side."""

    goals_for: int
    goals_against: int
    start: int
    end: int


def results(sentence: str, mentions: list[Mention], subject: int) -> list[Result] | None:
    """The scores the sentence states, from `subject`'s side; None when a score's side
    cannot be told."""
    teams = [m for m in mentions if m.label == "TEAM"]
    found = _line_scores(sentence, teams, subject)
    if found:
        return found
    out = []
    last = 0
    for m in BARE.finditer(sentence):
        a, b = int(m.group(1)), int(m.group(2))
        side = _side(sentence, teams, subject, last, m.start(), m.end())
        if side is None and a != b:
            return None
        high, low = max(a, b), min(a, b)
        gf, ga = (high, low) if side in ("win", None) else (low, high)
        if side == "draw" and a != b:
            return None
        out.append(Result(gf, ga, m.start(), m.end()))
        last = m.end()
    return out


def _line_scores(sentence: str, teams: list[Mention], subject: int) -> list[Result]:
    """'Valencia 1 Bayern 1, Bayern 1 Valencia 0': each pair of sides with a figure after
    each."""
    out = []
    for first, second in zip(teams, teams[1:], strict=False):
        between = sentence[first.end : second.start]
        after = re.match(r"\s*(\d{1,2})\b", sentence[second.end :])
        if not re.fullmatch(r"\s*(\d{1,2})\s*[,;]?\s*", between) or after is None:
            continue
        home_goals, away_goals = int(between.strip(" ,;")), int(after.group(1))
        ids = int(first.id), int(second.id)
        if subject not in ids or ids[0] == ids[1]:
            continue
        gf, ga = (home_goals, away_goals) if ids[0] == subject else (away_goals, home_goals)
        out.append(Result(gf, ga, first.start, second.end + after.end()))
    return out


def _side(
    sentence: str, teams: list[Mention], subject: int, since: int, start: int, end: int
) -> str | None:
    """'win', 'loss' or 'draw' for the subject in the score at start:end, read from the
    last verb before it (after the previous score) and whose verb it is."""
    verbs = _verbs(sentence[since:start])
    if not verbs:  # "3-1 winners over Liverpool", "2-0 victory": the word just after
        after = [(at, kind) for at, kind in _verbs(sentence[end : end + 40]) if at < 12]
        if not after:
            return None
        return _turned(min(after)[1], _named_before(teams, start), subject)
    at, kind = max(verbs)
    at += since
    by = BY.match(sentence[end:])
    if by:  # "beaten 4-2 by Anderlecht": the side after "by" did the other thing
        after = [t for t in teams if t.start >= end + by.end()]
        if after:
            return _turned(_opposite(kind), int(after[0].id), subject)
    before = [t for t in teams if t.end <= at and t.start >= _clause_start(sentence, at)]
    actor = int(before[-1].id) if before else subject
    return _turned(kind, actor, subject)


def _verbs(text: str) -> list[tuple[int, str]]:
    """(offset, 'win' | 'loss' | 'draw') of each result verb in the text."""
    return [
        (m.start(), kind)
        for kind, pattern in (("win", WIN), ("loss", LOSS), ("draw", DRAW))
        for m in pattern.finditer(text)
    ]


def _clause_start(sentence: str, at: int) -> int:
    """Where the clause of the verb at `at` begins: after the last comma, semicolon or
    'and' before it (the subject's name is usually there or earlier)."""
    cuts = [m.end() for m in re.finditer(r"[;:]|\band\b|\bbut\b", sentence[:at])]
    return cuts[-1] if cuts else 0


def _named_before(teams: list[Mention], at: int) -> int | None:
    before = [t for t in teams if t.end <= at]
    return int(before[-1].id) if before else None


def _opposite(kind: str) -> str:
    return {"win": "loss", "loss": "win"}.get(kind, kind)


def _turned(kind: str, actor: int | None, subject: int) -> str:
    if actor is None or actor == subject or kind == "draw":
        return kind
    return _opposite(kind)


def aggregate(sentence: str) -> bool:
    return AGGREGATE.search(sentence) is not None


def season_of(day: dt.date) -> str:
    start = day.year if day.month >= 7 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


LINE_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")


def dates_in(sentence: str) -> list[dt.date]:
    """A statbox's dates: '25/02/09', '14/02/68' (two-digit years read as the nearest
    past century that makes sense for European football, 1955 on)."""
    out = []
    for d, m, y in LINE_DATE.findall(sentence):
        year = int(y)
        if len(y) == 2:
            year += 1900 if year >= 55 else 2000
        try:
            out.append(dt.date(year, int(m), int(d)))
        except ValueError:
            continue
    return out
