"""Realise: a query and its answer as a desk would write them. One small template per
shape; every word of a value comes from the lexicon, plurals and ordinals from inflect.

Desk style: numbers spelt to ten ("six", "14"), names as people say them (the store's short
names), competitions by their name in the era the units span ("European Cup and Champions
League"), and "since 1994-95" where the data for a context starts after the competition did.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Protocol

import inflect

from matchfacts.facts.lexicon import LEXICON
from matchfacts.facts.query import Answer, Context, Query
from matchfacts.facts.words import count, number, possessive

ENGINE = inflect.engine()

# Verb phrases, as "have ___ k of their n matches" and "have ___ each of their last n".
PERFECT = {
    "win": "won",
    "draw": "drawn",
    "loss": "lost",
    "unbeaten": "been unbeaten in",
    "winless": "gone without a win in",
    "scored": "scored in",
    "conceded": "conceded in",
    "clean_sheet": "kept a clean sheet in",
    "failed_to_score": "failed to score in",
    "played": "played",
    "through": "gone through in",
    "out": "gone out in",
    "goal": "scored in",
}
RUN = {  # the active run, the way a desk says it
    "win": "have won each of their last",
    "draw": "have drawn each of their last",
    "loss": "have lost each of their last",
    "unbeaten": "are unbeaten in their last",
    "winless": "are without a win in their last",
    "scored": "have scored in each of their last",
    "conceded": "have conceded in each of their last",
    "clean_sheet": "have kept a clean sheet in each of their last",
    "failed_to_score": "have failed to score in each of their last",
    "through": "have gone through in each of their last",
    "out": "have gone out in each of their last",
    "goal": "has scored in each of",
}
NOUN = {  # what a "first since" or an n-th is of
    "win": "win",
    "draw": "draw",
    "loss": "defeat",
    "clean_sheet": "clean sheet",
    "through": "progress",
    "played": "match",
}


class Names(Protocol):
    def team(self, team_id: int) -> str: ...
    def player(self, player_id: int) -> str: ...


@dataclass(frozen=True, slots=True)
class Phrase:
    """A context said as a noun phrase: '{pre} {noun} {post}', e.g. 'European home
    matches against Spanish sides'."""

    pre: str
    noun: str
    post: str

    def plural(self, n: int) -> str:
        noun = self.noun if n == 1 else ENGINE.plural_noun(self.noun)
        return " ".join(p for p in (self.pre, noun, self.post) if p)


def competition_words(ctx: Context, first_season: str | None) -> tuple[str, str]:
    """(adjective before the noun, phrase after it) for the competition set."""
    season = f"in {ctx.season}" if ctx.season is not None else ""
    if ctx.competition == "european":
        return "European", season
    if ctx.competition == "league":
        return "league", season
    if ctx.competition == "all":
        return "league and European", season
    names = LEXICON.competition_names(ctx.competition)
    if ctx.competition[-1:].isdigit():  # a league: by its name today ("the Premier League")
        names = names[-1:]
        era = LEXICON.era_start(ctx.competition)
        if era and first_season and first_season < era[:4] and ctx.season is None:
            return "", "in the top flight"  # not all of it in the Premier League era
    if ctx.season is not None:
        name = LEXICON.competition_name(ctx.competition, ctx.season)
        return "", f"in the {ctx.season} {name}"
    if first_season is not None:
        current = LEXICON.competition_name(ctx.competition, first_season)
        names = names[names.index(current) :] if current in names else names
    return "", "in the " + " and ".join(names)


def context_phrase(q: Query, answer: Answer, names: Names) -> Phrase:
    ctx = q.context
    adjective, after = competition_words(ctx, answer.first_season)
    pre = []
    if ctx.stage in ("knockout", "group"):
        pre.append(LEXICON.word("stage", ctx.stage).replace(" stage", ""))
    elif ctx.stage is not None:
        pre.append(LEXICON.word("stage", ctx.stage))
    noun = "tie" if q.unit == "tie" else "match"
    if ctx.opponent is not None and q.unit == "match" and ctx.venue is None:
        noun = "meeting"
    if ctx.venue == "away" and ctx.opponent is not None and q.unit == "match":
        noun = "visit"
    post = []
    if noun == "meeting":
        post.append(f"with {names.team(ctx.opponent)}")
    elif noun == "visit":
        post.append(f"to {names.team(ctx.opponent)}")
    else:
        if ctx.venue in ("home", "away"):
            adjective = f"{adjective} {ctx.venue}".strip()
        if ctx.opponent is not None:
            post.append(f"against {names.team(ctx.opponent)}")
    if ctx.venue == "neutral":
        post.append("at neutral venues")
    if ctx.opponent_country is not None:
        post.append(f"against {LEXICON.adjective(ctx.opponent_country)} sides")
    if after:
        post.append(after)
    if ctx.first_leg is not None:
        post.append(first_leg_words(ctx))
    since = coverage_words(q, answer)
    if since:
        post.append(since)
    return Phrase(" ".join([adjective, *pre]).strip(), noun, " ".join(post))


def first_leg_words(ctx: Context) -> str:
    """'after losing the first leg away by two or more goals'; 'after losing the first
    leg 3-1 away'."""
    fl = ctx.first_leg
    verb = {"win": "winning", "draw": "drawing", "loss": "losing"}[fl.result]
    if fl.score is not None:
        high, low = max(fl.score), min(fl.score)
        where = {"home": " at home", "away": " away"}.get(fl.venue or "", "")
        return f"after {verb} the first leg {high}-{low}{where}"
    by = ""
    if fl.margin is not None and fl.result != "draw":
        by = f" by {number(fl.margin)} {'goal' if fl.margin == 1 else 'goals'}"
        by += " or more" if fl.or_more else ""
    where = {"home": " at home", "away": " away"}.get(fl.venue or "", "")
    return f"after {verb} the first leg{where}{by}"


def coverage_words(q: Query, answer: Answer) -> str:
    """'since 1994-95' where the store's data for a competition of the context starts after
    the competition did: a fact never states more than the data holds."""
    if q.shape in ("first_since", "nth"):
        return ""  # a date or an ordinal already says how far back it looks
    if q.window.everything and q.context.season is None and answer.partial:
        return f"since {answer.first_season}"
    return ""


def subject_name(q: Query, names: Names) -> str:
    if q.subject.player is not None:
        return names.player(q.subject.player)
    return names.team(q.subject.team)


def realise(q: Query, answer: Answer, names: Names) -> str:
    """The sentence for a query's answer."""
    phrase = context_phrase(q, answer, names)
    who = subject_name(q, names)
    value = answer.value
    if q.subject.sides:
        return _sides(q, answer, phrase, names)
    if q.unit == "season":
        return _seasons(q, answer, who)
    if q.shape == "split":
        return _split(q, answer, phrase, who, names)
    if q.subject.player is not None:
        return _player(q, answer, phrase, who, names)
    if q.shape == "k_of_n":
        k, n = value
        last = "last " if q.window.last else ""
        told = _k_of_n(k, n)
        return f"{who} have {PERFECT[q.event]} {told} their {last}{number(n)} {phrase.plural(n)}."
    if q.shape == "run":
        return f"{who} {RUN[q.event]} {number(value)} {phrase.plural(value)}."
    if q.shape == "record":  # a statbox line in words: "14 wins, 11 defeats and six draws"
        results = (
            f"{count(value.won, 'win')}, {count(value.lost, 'defeat')} and "
            f"{count(value.drawn, 'draw')}"
        )
        last = "last " if q.window.last else ""  # a form line: "in their last six"
        return f"{who} have {results} in their {last}{number(value.played)} {phrase.plural(value.played)}."  # noqa: E501
    if q.shape == "count" and q.unit == "goal":
        verb = "scored" if q.event == "scored" else "conceded"
        goals = "goal" if value == 1 else "goals"
        return f"{who} have {verb} {number(value)} {goals} in their {phrase.plural(answer.n)}."
    if q.shape == "count":
        return f"{who} have {PERFECT[q.event]} {number(value)} {phrase.plural(value)}."
    if q.shape == "first_since":
        return (
            f"{_with_article(f'{who} {NOUN[q.event]}', capital=True)} would be their first "
            f"in {_with_article(phrase.plural(1))} since {_month(value)}."
        )
    if q.shape == "nth":
        return f"This will be {possessive(who)} {ordinal_words(value)} {phrase.plural(1)}."
    if q.shape == "best_run":
        return f"{possessive(who)} longest run of {phrase.plural(2)} {RUN[q.event].split(' ', 1)[1]} is {number(value)}."  # noqa: E501
    raise ValueError(f"no sentence for shape {q.shape!r}")


def _seasons(q: Query, answer: Answer, who: str) -> str:
    """'This will be Real Madrid's seventh semi-final in the Champions League', 'This is
    Chelsea's tenth season in the Champions League', 'their 19th straight European
    season'."""
    adjective, after = competition_words(replace(q.context, stage=None), answer.first_season)
    nth = ordinal_words(answer.value)
    if q.event == "reached":
        stage = LEXICON.word("stage", q.context.stage)
        noun = " ".join(p for p in (adjective, stage, after) if p)
        if q.shape == "count":
            return f"{who} have reached the {noun} in {count(answer.value, 'season')}."
        return f"This will be {possessive(who)} {nth} {noun}."
    seasons = " ".join(p for p in (adjective, "seasons", after) if p)
    if q.shape == "count":
        return f"{who} have had {number(answer.value)} {seasons}."
    straight = "straight " if q.shape == "run" else ""
    season = " ".join(p for p in (adjective, "season", after) if p)
    return f"This is {possessive(who)} {nth} {straight}{season}."


def _with_article(words: str, capital: bool = False) -> str:
    """'an Arsenal win', 'a European home match': inflect's a/an, the words kept as
    written ('An' to open a sentence)."""
    article = ENGINE.a(words).split(" ", 1)[0]
    return f"{article.capitalize() if capital else article} {words}"


def ordinal_words(n: int) -> str:
    """'third' to tenth, '11th' above: the desk's way with ordinals as with numbers."""
    return ENGINE.number_to_words(ENGINE.ordinal(n)) if n <= 10 else ENGINE.ordinal(n)


SPLIT_NOUNS = {"win": "win", "loss": "defeat", "draw": "draw", "goal": "goal"}


def part_words(part: Context, names: Names) -> str:
    """Where the part of a split lies: 'against Spanish sides', 'in the knockout stage'."""
    words = []
    if part.stage is not None:
        stage = LEXICON.word("stage", part.stage)
        words.append(f"in the {stage}{' stage' if part.stage == 'knockout' else ''}")
    if part.venue is not None:
        words.append(LEXICON.word("venue", part.venue))
    if part.opponent is not None:
        words.append(f"against {names.team(part.opponent)}")
    if part.opponent_country is not None:
        words.append(f"against {LEXICON.adjective(part.opponent_country)} sides")
    return " ".join(words)


def _split(q: Query, answer: Answer, phrase: Phrase, who: str, names: Names) -> str:
    """'Five of Liverpool's 11 home defeats in the Champions League came against Spanish
    sides'; 'Seven of Marco Asensio's 11 goals for Real Madrid in the Champions League came
    in the knockout stage'."""
    k, n = answer.value
    noun = Phrase(phrase.pre, SPLIT_NOUNS[q.event], phrase.post)
    if q.subject.player is not None:
        noun = Phrase("", "goal", f"for {names.team(q.subject.team)} {phrase.post}".strip())
    head = "None" if k == 0 else number(k).capitalize()
    return f"{head} of {possessive(who)} {number(n)} {noun.plural(n)} came {part_words(q.part, names)}."  # noqa: E501


def _k_of_n(k: int, n: int) -> str:
    if k == n:
        return f"all {number(n)} of"
    if k == 0:
        return "none of"
    return f"{number(k)} of"


def _month(date: dt.date) -> str:
    return date.strftime("%B %Y")


def _sides(q: Query, answer: Answer, phrase: Phrase, names: Names) -> str:
    if q.shape == "nth":
        situation = first_leg_words(q.context)
        where = phrase.post.replace(situation, "").strip()
        who = names.team(q.subject.team) if q.subject.team is not None else "A side"
        nth = ordinal_words(answer.value)
        return f"{who} could become the {nth} side to go through {situation} {where}".rstrip() + "."  # noqa: E501
    k, n = answer.value
    situation = first_leg_words(q.context).replace("after ", "that ", 1)
    situation = situation.replace("losing", "lost").replace("winning", "won").replace(
        "drawing", "drew"
    )
    plain = Phrase(phrase.pre, phrase.noun, phrase.post.replace(first_leg_words(q.context), "").strip())  # noqa: E501
    return f"Sides {situation} have {PERFECT[q.event]} {_k_of_n(k, n)} {number(n)} {plain.plural(n)}."  # noqa: E501


def _player(q: Query, answer: Answer, phrase: Phrase, who: str, names: Names) -> str:
    team = names.team(q.subject.team)
    value = answer.value
    if q.shape == "run":
        return f"{who} has scored in each of {possessive(team)} last {number(value)} {phrase.plural(value)}."  # noqa: E501
    if q.shape == "share":
        k, n = value
        return f"{who} has scored {number(k)} of {possessive(team)} {number(n)} goals {phrase.post}".rstrip() + "."  # noqa: E501
    if q.shape == "count":
        noun = "goal" if value == 1 else "goals"
        stage = f"in {phrase.pre} matches " if phrase.pre else ""
        return f"{who} has scored {number(value)} {noun} for {team} {stage}{phrase.post}".rstrip() + "."  # noqa: E501
    if q.shape == "k_of_n":
        k, n = value
        return f"{who} has scored in {_k_of_n(k, n)} {possessive(team)} {number(n)} {phrase.plural(n)}."  # noqa: E501
    raise ValueError(f"no player sentence for shape {q.shape!r}")
