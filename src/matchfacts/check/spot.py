"""Claim spotting: the sentences of a text that carry a statistical claim, with their spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from matchfacts.check.numbers import NUMBER_WORDS

# Words that carry a statistical claim even without a number ("never", "unbeaten").
TRIGGERS = (
    "only", "first", "since", "each of their last", "each of his last", "consecutive",
    "could become", "need to", "needs", "unbeaten", "never", "record", "in a row", "lead",
    "trail", "away goals", "extra time", "would put", "would send", "would be enough",
    "go through", "goes through",
)  # fmt: skip
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_WORD = re.compile(r"[A-Za-z]+")
_VERB = re.compile(
    r"\b(?:has|have|had|is|are|was|were|need|needs|would|could|will|can|lead|leads|trail|"
    r"trails|won|lost|drew|scored|met|count|counts|apply|applies|beat|beaten|went|gone|"
    r"kept|conceded|made|set|needing|must|go|goes|means|mean|put|puts|it's|that's|there's|they've|they're|he's)\b"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str  # as written, without surrounding white space
    start: int  # offsets into the whole text
    end: int


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text` with their offsets; a decimal point or the dot in a
    season label does not end one, and a line break always does."""
    found: list[Sentence] = []
    start = None
    for piece in _SENTENCE.finditer(_protect_dots(text)):
        if start is None:
            start = piece.start()
        end = piece.end()
        body = text[start:end]
        if body.strip():
            lead = len(body) - len(body.lstrip())
            stripped = body.strip()
            found.append(Sentence(stripped, start + lead, start + lead + len(stripped)))
        start = None
    return found


def _protect_dots(text: str) -> str:
    """Hide dots that do not end a sentence ("St. Pauli", "2.5", "Mr.") from the splitter,
    keeping every offset where it was."""
    text = re.sub(r"(?<=\d)\.(?=\d)", "\x00", text)
    text = re.sub(r"\.\.\.(?=\s*\))", "\x00\x00\x00", text)  # "(4-2, 5-3 ...)"
    text = re.sub(r"\b(\d)\.(?= (?:FC|FK|SC|FSV|SV|SK|CfR)\b)", "\\1\x00", text)
    return re.sub(r"\b(St|Mr|Dr|No|vs|v)\.", lambda m: m.group(1) + "\x00", text)


def is_claim(sentence: str) -> bool:
    """Whether a sentence carries a number, a number word, an ordinal or a trigger."""
    line = sentence.lstrip()
    if line.startswith(("#", "|", "```")):  # headings, tables and code are not prose
        return False
    lowered = sentence.lower()
    if not _VERB.search(lowered):  # a date line, a caption: nothing is claimed
        return False
    if re.search(r"\d", sentence):
        return True
    words = set(_WORD.findall(lowered))
    if words & NUMBER_WORDS:
        return True
    return any(re.search(rf"\b{re.escape(t)}\b", lowered) for t in TRIGGERS)
