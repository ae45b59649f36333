"""Numbers as a desk writes them, read back: "five", "twice", "third", "21", "1992-93"."""

from __future__ import annotations

import re

CARDINALS = {
    "no": 0, "none": 0, "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
TIMES = {"once": 1, "twice": 2}

# A count in a claim: figures or words (never "a"/"an": too common to mean one).
NUMBER = r"(?:\d+|no|none|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"  # noqa: E501
ORDINAL = r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"  # noqa: E501
HOW_OFTEN = rf"(?:once|twice|{NUMBER} times)"


def to_int(text: str) -> int:
    """The number a word or figure stands for: 'six' -> 6, 'twice' -> 2, '3rd' -> 3."""
    word = text.strip().lower()
    if word.isdigit():
        return int(word)
    if word in CARDINALS:
        return CARDINALS[word]
    if word in ORDINALS:
        return ORDINALS[word]
    if word in TIMES:
        return TIMES[word]
    ordinal = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    if ordinal:
        return int(ordinal.group(1))
    times = re.fullmatch(r"(\S+) times", word)
    if times:
        return to_int(times.group(1))
    raise ValueError(f"not a number: {text!r}")


NUMBER_WORDS = frozenset(CARDINALS) - {"a", "an", "no"} | frozenset(ORDINALS) | frozenset(TIMES)
