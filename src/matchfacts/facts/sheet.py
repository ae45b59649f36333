"""The fact sheet: the statbox every preview carries, each line a query of the algebra with
its sentence and its table. Head-to-head totals (overall and in this competition), the
previous meetings, each side's record and leading scorers in this season's competition,
its form (last six, at home or away, and its current run) and, in a knockout tie, how
often each has reached this round and gone further.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from matchfacts.facts.context import evidence
from matchfacts.facts.evaluate import Evaluator
from matchfacts.facts.form import form_lines
from matchfacts.facts.lattice import ROUND_STAGES, Fixture, leading_scorers
from matchfacts.facts.lexicon import LEXICON
from matchfacts.facts.query import Context, Query, Record, Subject
from matchfacts.facts.realise import Names
from matchfacts.facts.words import count, number, possessive
from matchfacts.sources.records import season_of
from matchfacts.store.competitions import ROUND_NAMES

MEETINGS_LISTED = 6


@dataclass(frozen=True, slots=True)
class SheetLine:
    title: str
    text: str
    query: dict
    rows: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"title": self.title, "text": self.text, "query": self.query, "rows": self.rows}


def _record_words(home: str, away: str, r: Record) -> str:
    draws = "no draws" if r.drawn == 0 else count(r.drawn, "draw")
    return (
        f"{home} {number(r.won)} {'win' if r.won == 1 else 'wins'}, {away} {number(r.lost)}, "
        f"{draws}; goals {r.goals_for}-{r.goals_against}"
    )


def head_to_head(ev: Evaluator, fx: Fixture, names: Names) -> list[SheetLine]:
    home, away = names.team(fx.home.id), names.team(fx.away.id)
    lines = []
    overall = "league" if fx.same_country else "all"
    contexts = [(overall, "in the league" if fx.same_country else "in league and European matches")]
    if fx.same_country and not fx.european and fx.competition != "league":
        named = f"in the {LEXICON.competition_name(fx.competition, fx.match.season)}"
        contexts.insert(0, (fx.competition, named))  # "in the Bundesliga", then every league
    if fx.competition not in ("league", overall) and not fx.same_country:
        named = f"in the {LEXICON.competition_name(fx.competition)}"
        contexts.insert(0, (fx.competition, named))  # this competition's first, as said
    for competition, where in contexts:
        q = Query(Subject(team=fx.home.id), "played", "match", "record",
                  Context(competition=competition, opponent=fx.away.id))  # fmt: skip
        a = ev.answer(q)
        if not a.n:
            continue
        r = a.value
        if lines and lines[-1].rows[0]["played"] == r.played:
            continue  # every meeting was in this competition: one line says it
        since = f" (since {a.first_season})" if a.partial else ""
        text = (
            f"{home} and {away} have met {count(r.played, 'time')} {where}{since}: "
            f"{_record_words(home, away, r)}."
        )
        rows = [{"played": r.played, f"{home} wins": r.won, "draws": r.drawn,
                 f"{away} wins": r.lost, "goals": f"{r.goals_for}-{r.goals_against}"}]  # fmt: skip
        lines.append(SheetLine("Head to head", text, q.as_dict(names.team), rows))
    return lines


def previous_meetings(ev: Evaluator, fx: Fixture, names: Names) -> list[SheetLine]:
    """Their last meetings in every match the store holds: "their last meeting" is false
    when a Super Cup, a qualifying round or, for two clubs of one country, a European tie
    came after the one named (Juventus v Liverpool: the 1985 Super Cup, not 1965)."""
    q = Query(Subject(team=fx.home.id), "played", "match", "record",
              Context(competition="all", qualifying=True, opponent=fx.away.id))  # fmt: skip
    super_cup = q.with_context(competition="USC")
    ids = set(ev.answer(q).evidence) | set(ev.answer(super_cup).evidence)
    if not ids:
        return []
    shown = evidence(ev.con, list(ids))[-MEETINGS_LISTED:]
    rows = [
        {"date": e.date.isoformat(),
         "competition": LEXICON.competition_name(e.competition, season_of(e.date)),
         "round": ROUND_NAMES.get(e.round or "", e.round or ""), "home": e.home,
         "away": e.away,
         "score": f"{e.home_goals}-{e.away_goals}"}
        for e in reversed(shown)
    ]  # fmt: skip
    last = shown[-1]
    text = (
        f"Their last meeting: {last.home} {last.home_goals}-{last.away_goals} {last.away}, "
        f"{last.date:%-d %B %Y} "
        f"({LEXICON.competition_name(last.competition, season_of(last.date))})."
    )
    return [SheetLine("Previous meetings", text, q.as_dict(names.team), rows)]


def previous_ties(ev: Evaluator, fx: Fixture, names: Names) -> list[SheetLine]:
    """The sides' earlier European meetings, a line for each season and competition
    ("2008-09 Champions League, round of 16: Real Madrid 0-1 Liverpool, Liverpool 4-0
    Real Madrid"), newest first, each the record of its season."""
    if not fx.european or fx.same_country:
        return []
    subject = Subject(team=fx.home.id)
    every = Query(subject, "played", "match", "record",
                  Context(competition="european", opponent=fx.away.id))  # fmt: skip
    meetings = evidence(ev.con, list(ev.answer(every).evidence))
    groups: dict[tuple[str, str], list] = {}
    for e in meetings:
        groups.setdefault((season_of(e.date), e.competition), []).append(e)
    lines = []
    for (season, competition), matches in list(groups.items())[::-1][:MEETINGS_LISTED]:
        q = Query(subject, "played", "match", "record",
                  Context(competition=competition, opponent=fx.away.id, season=season))  # fmt: skip
        r = ev.answer(q).value
        if r is None:  # a qualifier played before July: its season is the label's, not ours
            continue
        rounds = sorted({ROUND_NAMES.get(e.round or "", e.round or "") for e in matches} - {""})
        where = f"{season} {LEXICON.competition_name(competition, season)}"
        where += f", {' and '.join(rounds)}" if rounds else ""
        scores = ", ".join(f"{e.home} {e.home_goals}-{e.away_goals} {e.away}" for e in matches)
        rows = [{"played": r.played, f"{names.team(fx.home.id)} wins": r.won, "draws": r.drawn,
                 f"{names.team(fx.away.id)} wins": r.lost,
                 "goals": f"{r.goals_for}-{r.goals_against}"}]  # fmt: skip
        lines.append(SheetLine("Earlier ties", f"{where}: {scores}.", q.as_dict(names.team), rows))
    return lines


def season_records(ev: Evaluator, fx: Fixture, names: Names) -> list[SheetLine]:
    lines = []
    name = LEXICON.competition_name(fx.competition, fx.match.season)
    for team in (fx.home, fx.away):
        ctx = Context(competition=fx.competition, season=fx.match.season)
        q = Query(Subject(team=team.id), "played", "match", "record", ctx)
        a = ev.answer(q)
        if not a.n:
            continue
        r = a.value
        text = (
            f"{names.team(team.id)} in the {fx.match.season} {name}: played {r.played}, won "
            f"{r.won}, drawn {r.drawn}, lost {r.lost}; goals {r.goals_for}-{r.goals_against}."
        )
        rows = [{"P": r.played, "W": r.won, "D": r.drawn, "L": r.lost, "F": r.goals_for,
                 "A": r.goals_against}]  # fmt: skip
        lines.append(SheetLine("This season", text, q.as_dict(names.team), rows))
    return lines


def top_scorers(con: duckdb.DuckDBPyConnection, ev: Evaluator, fx: Fixture, names: Names):
    lines = []
    for team in (fx.home, fx.away):
        rows = []
        for player in leading_scorers(con, fx, team):
            q = Query(Subject(team=team.id, player=player), "goal", "match", "count",
                      Context(competition=fx.competition, season=fx.match.season))  # fmt: skip
            goals = ev.answer(q).value or 0
            if goals:
                rows.append({"player": names.player(player), "goals": goals, "query": q.as_dict()})
        if rows:
            listed = ", ".join(f"{r['player']} {r['goals']}" for r in rows)
            text = f"{possessive(names.team(team.id))} scorers in this competition: {listed}."
            lines.append(SheetLine("Scorers", text, rows[0]["query"], rows))
    return lines


def form(ev: Evaluator, fx: Fixture, names: Names) -> list[SheetLine]:
    """Each side's last six and its current run in this competition (facts/form.py)."""
    lines = []
    for text, q, a in form_lines(ev, fx, names):
        if q.shape == "record":
            r = a.value
            rows = [{"P": r.played, "W": r.won, "D": r.drawn, "L": r.lost, "F": r.goals_for,
                     "A": r.goals_against}]  # fmt: skip
        else:
            rows = [{"run": a.value}]
        lines.append(SheetLine("Form", text, q.as_dict(names.team), rows))
    return lines


def stage_history(ev: Evaluator, fx: Fixture, names: Names) -> list[SheetLine]:
    stage = ROUND_STAGES.get(fx.match.round or "")
    if stage is None or stage == "final" or not fx.european:
        return []
    lines = []
    word = LEXICON.word("stage", stage)
    for team in (fx.home, fx.away):
        ctx = Context(competition=fx.competition, stage=stage)
        q = Query(Subject(team=team.id), "through", "tie", "k_of_n", ctx)
        a = ev.answer(q)
        if not a.n:
            continue
        k, n = a.value
        text = (
            f"{names.team(team.id)} have reached the {word}s {count(n, 'time')} before in "
            f"two-legged ties and gone through {number(k)} of them."
        )
        lines.append(SheetLine("At this stage", text, q.as_dict(names.team), [{"ties": n, "through": k}]))  # noqa: E501
    return lines


def fact_sheet(
    con: duckdb.DuckDBPyConnection, fx: Fixture, names: Names, ev: Evaluator | None = None
) -> list[SheetLine]:
    ev = ev or Evaluator(con, fx.match.date)
    return [
        *head_to_head(ev, fx, names),
        *previous_meetings(ev, fx, names),
        *previous_ties(ev, fx, names),
        *season_records(ev, fx, names),
        *top_scorers(con, ev, fx, names),
        *form(ev, fx, names),
        *stage_history(ev, fx, names),
    ]
