"""Mentions: the things a preview names, found by spaCy's blank English pipeline (no model
weights) with SpanRulers whose patterns are data: the store's team names and aliases and
the names people use (store/common_names.toml), the lexicon's grounds, competitions,
stages, venues, countries and events. Every span carries the id it names.

Names are matched case-sensitively ("City", "Real", "United" are only names with their
capital); the lexicon's words in any case.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import spacy
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from matchfacts.errors import MatchfactsError
from matchfacts.facts.lexicon import LEXICON
from matchfacts.store.common_names import nicknames, short_names, typed_names
from matchfacts.store.lookup import resolve_team

WORD_KINDS = ("competition_set", "stage", "venue", "event")


@dataclass(frozen=True, slots=True)
class Mention:
    label: str  # TEAM, GROUND, COMPETITION, COMPETITION_SET, STAGE, VENUE, COUNTRY, EVENT
    id: str  # the team id, the competition id, the stage's value ...
    start: int  # character offsets in the sentence
    end: int
    text: str


def nickname_table() -> dict[str, str]:
    """Every name people use for a club (store/common_names.toml): typed names, prose
    short names and the nicknames of running text."""
    return {**typed_names(), **nicknames(), **{v: k for k, v in short_names().items()}}


def _resolve(con: duckdb.DuckDBPyConnection, name: str) -> int | None:
    try:
        return resolve_team(con, name).id
    except MatchfactsError:
        return None


def name_patterns(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """TEAM and GROUND patterns from the store (names, short names, aliases) and the
    curated nicknames and grounds; ambiguous spellings (two clubs) are left out."""
    rows = con.execute(
        """SELECT name, id FROM team UNION SELECT short_name, id FROM team
           WHERE short_name IS NOT NULL UNION SELECT alias, team_id FROM team_alias"""
    ).fetchall()
    owners: dict[str, set[int]] = {}
    for name, team_id in rows:
        if name and len(name) >= 4 and not name.isdigit():
            owners.setdefault(name, set()).add(team_id)
    for nickname, name in nickname_table().items():
        found = _resolve(con, name)
        if found is not None:
            owners[nickname] = {found}  # a curated name wins over a stray alias
    patterns = [
        {"label": "TEAM", "pattern": spelling, "id": f"{next(iter(ids))}"}
        for name, ids in owners.items()
        if len(ids) == 1
        for spelling in _with_capital(name)
    ]
    for ground, clubs in LEXICON.grounds.items():
        ids = [i for i in (_resolve(con, c) for c in clubs) if i is not None]
        if ids:
            patterns.append(
                {"label": "GROUND", "pattern": ground, "id": ",".join(map(str, ids))}
            )
    return patterns


def _with_capital(name: str) -> tuple[str, ...]:
    """'the Reds' also as 'The Reds', at the start of a sentence."""
    return (name, "T" + name[1:]) if name.startswith("the ") else (name,)


def word_patterns() -> list[dict]:
    patterns = []
    for kind in WORD_KINDS:
        for variant, value in LEXICON.reading(kind).items():
            patterns.append({"label": kind.upper(), "pattern": variant, "id": value})
    for variant, value in LEXICON.reading("competition").items():
        patterns.append({"label": "COMPETITION", "pattern": variant, "id": value})
    for variant, value in LEXICON.reading("country").items():
        patterns.append({"label": "COUNTRY", "pattern": variant, "id": value})
    return patterns


class MentionFinder:
    """The pipeline for one store: built once (a few thousand name patterns), then run on
    every text."""

    def __init__(self, names: list[dict]) -> None:
        """`names`: the TEAM and GROUND patterns (`name_patterns(con)` for a store)."""
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        ruler = nlp.add_pipe(
            "span_ruler", name="names", config={"spans_key": "names", "overwrite": False}
        )
        ruler.add_patterns(names)
        words = nlp.add_pipe(
            "span_ruler",
            name="words",
            config={"spans_key": "words", "phrase_matcher_attr": "LOWER", "overwrite": False},
        )
        words.add_patterns(word_patterns())
        self.nlp = nlp

    @classmethod
    def for_store(cls, con: duckdb.DuckDBPyConnection) -> MentionFinder:
        return cls(name_patterns(con))

    def doc(self, text: str) -> Doc:
        return self.nlp(text)

    @staticmethod
    def mentions(sentence: Span) -> list[Mention]:
        """The mentions inside one sentence, longest first where two overlap, in order."""
        doc = sentence.doc
        spans = [
            s
            for key in ("names", "words")
            for s in doc.spans[key]
            if s.start >= sentence.start and s.end <= sentence.end
        ]
        kept = filter_spans(spans)
        base = sentence.start_char
        return [
            Mention(s.label_, s.id_, s.start_char - base, s.end_char - base, s.text)
            for s in sorted(kept, key=lambda s: s.start)
        ]
