"""Form: the lines of the fact sheet every preview carries about the sides' recent
matches in the fixture's competition: each side's last six (overall, and at home for the
hosts, away for the visitors) and the run it is on. Each line is a query of the algebra,
said by the realiser, so the checker reads it back as it reads any fact.
"""

from __future__ import annotations

from matchfacts.facts.evaluate import Evaluator
from matchfacts.facts.lattice import Fixture
from matchfacts.facts.query import Answer, Context, Query, Subject, Window
from matchfacts.facts.realise import Names, realise

FORM_MATCHES = 6  # the form guide's length, as the statboxes print it
STREAKS = ("win", "draw", "loss")  # the run a side is on, one of these at a time
SPELLS = ("unbeaten", "winless")  # and the longer spell it may be part of


def form_lines(ev: Evaluator, fx: Fixture, names: Names) -> list[tuple[str, Query, Answer]]:
    """(sentence, query, answer) for each side: its last six and its current run, in the
    competition and at the venue it plays at (not at a neutral ground)."""
    lines = []
    venues = {fx.home.id: "home", fx.away.id: "away"}
    for team in (fx.home, fx.away):
        contexts = [Context(competition=fx.competition)]
        if not fx.match.neutral:
            contexts.append(Context(competition=fx.competition, venue=venues[team.id]))
        for ctx in contexts:
            subject = Subject(team=team.id)
            last = Query(subject, "played", "match", "record", ctx, Window(last=FORM_MATCHES))
            answer = ev.answer(last)
            if answer.n < FORM_MATCHES:
                continue  # too few matches for a form guide
            lines.append((realise(last, answer, names), last, answer))
            lines.extend(_runs(ev, subject, ctx, names))
    return lines


def _runs(ev: Evaluator, subject: Subject, ctx: Context, names: Names):  # noqa: ANN202
    """The streak the side is on (two or more), and the unbeaten or winless spell around
    it where that is longer."""
    found = []
    streak = _longest(ev, subject, ctx, STREAKS)
    spell = _longest(ev, subject, ctx, SPELLS)
    for run in (streak, spell):
        if run is None or run[1].value < 2:
            continue
        if run is spell and streak is not None and spell[1].value <= streak[1].value:
            continue  # "won five" already says "unbeaten in five"
        query, answer = run
        found.append((realise(query, answer, names), query, answer))
    return found


def _longest(ev: Evaluator, subject: Subject, ctx: Context, events: tuple[str, ...]):  # noqa: ANN202
    best = None
    for event in events:
        query = Query(subject, event, "match", "run", ctx)
        answer = ev.answer(query)
        if answer.value and (best is None or answer.value > best[1].value):
            best = (query, answer)
    return best
