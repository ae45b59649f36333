"""Small pieces of English shared by the tie's sentences: numbers, lists, margins."""

from __future__ import annotations

from collections.abc import Sequence

from matchfacts.rules.outcome import Result, Score

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number(n: int) -> str:
    """'three' for 3: newspapers spell out numbers to ten."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def goals(n: int) -> str:
    """'one goal', 'two goals'."""
    return f"{number(n)} goal{'' if n == 1 else 's'}"


def join_or(items: Sequence[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} or {items[-1]}"


def scores(items: Sequence[Score]) -> str:
    return join_or([str(score) for score in items])


def margin_noun(margin: int) -> str:
    """The deciding match's result by the home side's margin: 'two-goal win', 'draw',
    'one-goal defeat'."""
    if margin > 0:
        return f"{number(margin)}-goal win"
    if margin < 0:
        return f"{number(-margin)}-goal defeat"
    return "draw"


def level_phrase(result: Result) -> str:
    """What a level tie leads to, as the object of 'means': 'extra time', 'a replay'."""
    return {
        "extra_time": "extra time",
        "penalties": "penalties",
        "replay": "a replay",
        "coin_toss": "a coin toss",
    }[result]
