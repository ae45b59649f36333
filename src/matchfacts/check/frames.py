"""Frames: the quantities, relations, windows and conditions a claim states, as patterns
kept in one table (FRAMES) and read over the sentence with its number words made figures
(text2num). Each frame names the shape it sets; the first frame that matches wins, so the
table runs from the most specific to the least.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import alpha2digit

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
IDIOMS = {  # number words text2num leaves alone
    r"\bhalf a dozen\b": "6",
    r"\ba dozen\b": "12",
    r"\bonce\b": "1 times",
    r"\btwice\b": "2 times",
    r"\bthrice\b": "3 times",
    r"\ba single\b": "1",
    r"\bonly one\b": "only 1",
    r"\bnone of\b": "0 of",
    r"\bno (wins|victories|defeats|losses|draws)\b": r"0 \1",
    r"^(\W*)none\b": r"\g<1>0",
    r"\bone (of|in|from)\b": r"1 \1",
    r"\bjust one\b": "just 1",
    r"\bno fewer than\b": "",
    r"\bas many as\b": "",
}
UNIT = r"(?:\w+[ -]){0,4}?(?:matches|games|meetings|visits|trips|ties|outings|fixtures|encounters|clashes|attempts|appearances|outings)"  # noqa: E501
LAST = r"(?:last|past|previous|most recent)"
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"  # noqa: E501
# A day the text names: "2 February 1969", "March 2012", "1981"
WHEN = r"(?P<since>(?:\d{1,2}\s+)?" + MONTHS + r"\s+(?:19|20)\d\d|" + MONTHS + r"\s+\d{1,2},?\s+(?:19|20)\d\d|(?:19|20)\d\d)"  # noqa: E501
OWNER = r"(?:their|his|its|the|[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*'s?)"

# (name, shape, relation, pattern): the groups a frame reads are named k, n, last, since,
# nth, w, d, l, gf, ga.
FRAMES: tuple[tuple[str, str, str, str], ...] = (
    ("statbox", "record", "equal", r"(?:\bP\s?(?P<p>\d+)\s*,?\s*)?\bW\s?(?P<w>\d+)\s*,?\s*D\s?(?P<d>\d+)\s*,?\s*L\s?(?P<l>\d+)(?:\s*,?\s*F\s?(?P<gf>\d+)\s*,?\s*A\s?(?P<ga>\d+))?"),  # noqa: E501
    ("statbox_words", "record", "equal", r"\bplayed:?\s+(?P<p>\d+)\b(?:.*?\bwins?:?\s+(?:(?P<team_a>[A-Z][\w .'-]*?)\s+)?(?P<w>\d+)(?:,\s*(?P<team_b>[A-Z][\w .'-]*?)\s+(?P<l>\d+))?)?(?:.*?\bdraws?:?\s+(?P<d>\d+))?"),  # noqa: E501
    ("wdl_words", "record", "equal", r"\b(?P<w>\d+)\s+(?:wins?|victories)\b,?\s+(?:(?P<l>\d+)\s+(?:defeats?|losses)\b,?\s+)?(?:and\s+|with\s+)?(?P<d>\d+)\s+draws?\b"),  # noqa: E501
    ("wdl_words_2", "record", "equal", r"\b(?P<w>\d+)\s+(?:wins?|victories)\b,?\s+(?P<d>\d+)\s+draws?\b,?\s+(?:and\s+)?(?P<l>\d+)\s+(?:defeats?|losses)\b"),  # noqa: E501
    ("won_drawn_lost", "record", "equal", r"(?:\bin\s+(?P<p>\d+)\b.{0,80}?)?\bwon\s+(?P<w>\d+)(?:\s+times)?\b,?\s+(?:and\s+)?drawn\s+(?P<d>\d+)(?:\s+times)?\b,?\s+(?:and\s+)?(?:lost|losing)\s+(?:only\s+|just\s+)?(?P<l>\d+)"),  # noqa: E501
    ("scorers", "count", "equal", r"\bscorers?\b.*?[-:]\s*(?P<player>[A-Z][^\d(]+?)\s*(?:\([^)]*\))?\s+(?P<k>\d+)\b"),  # noqa: E501
    ("split", "split", "equal", r"^\W*(?P<k>\d+|none)\s+of\s+" + OWNER + r"\s+(?P<n>\d+)\s+.{0,120}?\b(?:came|were|have come)\s+(?P<part>(?:against|in|at|away|on)\b.*)"),  # noqa: E501
    ("first_since", "first_since", "equal", r"\b(?:first|1st)\b.{0,160}?\bsince\b\s+(?P<since>.+?)(?:[,.;]|$)"),  # noqa: E501
    ("last_was", "first_since", "equal", r"\b(?:last|most recent)\s+(?:[\w'-]+\s+){0,4}?(?P<noun>win|victory|defeat|loss|draw|meeting|visit|trip|game|match|time)\b.{0,140}?\b(?:on|in)\s+(?:the\s+)?" + WHEN + r"\b"),  # noqa: E501
    ("last_verb", "first_since", "equal", r"\blast\s+(?P<verb>won|lost|drew|beat|met|played|visited)\b.{0,140}?\b(?:on|in)\s+" + WHEN + r"\b"),  # noqa: E501
    ("since_a", "first_since", "equal", r"\bsince\s+(?:a|an|their|the)\s+(?:\d+-\d+\s+)?(?P<noun>win|victory|defeat|loss|draw)\b.{0,80}?\b(?:on|in)\s+" + WHEN + r"\b"),  # noqa: E501
    ("won_title", "k_of_n", "each_of", r"\bwon\s+the\s+(?:(?P<year>(?:19|20)\d\d)\s+final\b|(?:[\w'’]+\s+){0,4}?(?:cup|league|trophy|final)\b,?\s+in\s+(?P<season>(?:19|20)\d\d(?:[-/]\d\d)?)(?:\s+and\s+(?:again\s+)?in\s+(?P<again>(?:19|20)\d\d))?)"),  # noqa: E501
    ("all_n_occasions", "run", "each_of", r"\ball\s+(?P<n>\d+)\s+(?:\w+\s+){0,2}?(?:occasions|times)\b"),  # noqa: E501
    ("nth", "nth", "equal", r"\b(?P<nth>" + "|".join(ORDINALS) + r"|\d+(?:st|nd|rd|th))\s+(?:[\w/]+\s){0,4}?(?P<noun>visit|trip|time|meeting|derby|clash|side|team|club|appearance|game|match|final|semi-final|quarter-final|campaign|season|title|defeat|win|victory|tie)\b"),  # noqa: E501
    ("times_in_n", "k_of_n", "equal", r"\b(?P<k>\d+)\s+times?\s+(?:in|from)\s+(?:" + OWNER + r"\s+)?(?P<last>" + LAST + r")?\s*(?P<n>\d+)\b"),  # noqa: E501
    ("only_k_of_n", "k_of_n", "only", r"\bonly\s+(?P<k>\d+)\s+(?:of|out of|from|in)\s+" + OWNER + r"?\s*(?P<last>" + LAST + r")?\s*(?P<n>\d+)"),  # noqa: E501
    ("k_of_n", "k_of_n", "equal", r"\b(?P<k>\d+)\s+(?:of|out of|from|in)\s+(?:" + OWNER + r"\s+)?(?P<last>" + LAST + r")?\s*(?P<n>\d+)\b"),  # noqa: E501
    ("k_results_in_n", "k_of_n", "equal", r"\b(?P<k>\d+)\s+(?:wins?|victories|victory|defeats?|losses|loss|draws?|clean sheets?)\s+(?:\w+\s+){0,3}?(?:in|from|of)\s+(?:" + OWNER + r"\s+)?(?P<last>" + LAST + r")?\s*(?P<n>\d+)\b"),  # noqa: E501
    ("record_of_last", "record", "equal", r"\b(?:previous|last|past)\s+(?P<p>\d+)\b.{0,40}?\bwon\s+(?P<w>\d+)\b(?:.{0,30}?\bdrawn\s+(?P<d>\d+)\b)?(?:.{0,30}?\blos\w*\s+(?:just\s+|only\s+)?(?P<l>\d+)\b)?"),  # noqa: E501
    ("the_last_n", "run", "equal", r"^\W*the\s+last\s+(?P<n>\d+)\b"),
    ("verb_their_last", "run", "equal", r"\b(?:won|lost|drawn|drew|beaten|kept clean sheets in|scored in|conceded in)\s+(?:all\s+)?(?:their|his|its)\s+" + LAST + r"\s+(?P<n>\d+)\b"),  # noqa: E501
    ("on_the_back_of", "run", "equal", r"\bon the back of\s+(?P<n>\d+)\s+(?:[\w-]+\s){0,3}?(?:wins|victories|defeats|losses|draws|clean sheets|games|matches)\b"),  # noqa: E501
    ("gone_n_without", "run", "equal", r"\bgone\s+(?P<n>\d+)\s+.{0,80}?\bwithout\b"),
    ("goals_in_last", "count", "equal", r"\b(?P<k>\d+)\s+goals?\s+(?:\w+\s+){0,2}?in\s+" + OWNER + r"\s+(?:" + LAST + r"\s+)?(?P<n>\d+)\b"),  # noqa: E501
    ("across_last_k_times", "k_of_n", "equal", r"\b(?:across|in|over|from)\s+" + OWNER + r"\s+(?P<last>" + LAST + r")\s+(?P<n>\d+)\b.{0,80}?\b(?P<k>\d+)\s+times\b"),  # noqa: E501
    ("all_n", "run", "each_of", r"\b(?:won|lost|drawn|drew|scored in|kept clean sheets in)\s+all\s+(?P<n>\d+)\b"),  # noqa: E501
    ("each_of_last", "run", "each_of", r"\b(?:each|all|any|every one|every single one)\s+of\s+" + OWNER + r"\s+(?:" + LAST + r"\s+)?(?P<n>\d+)"),  # noqa: E501
    ("in_a_row", "run", "equal", r"\b(?P<n>\d+)\s+(?:\w+[ -]){0,4}?(?:in a row|straight|successive|consecutive|on the bounce|on the spin|on the trot|running)\b"),  # noqa: E501
    ("in_a_row_after", "run", "equal", r"\b(?:straight|successive|consecutive)\s+(?:\w+\s){0,3}?(?P<n>\d+)\b"),  # noqa: E501
    ("run_in_last", "run", "equal", r"\b(?:in|for|of|on)\s+" + OWNER + r"\s+" + LAST + r"\s+(?P<n>\d+)\b"),  # noqa: E501
    ("run_in_n", "run", "equal", r"\b(?:in|for)\s+(?P<n>\d+)\s+" + UNIT),
    ("never", "k_of_n", "never", r"\bnever\b"),
    ("yet_to", "k_of_n", "never", r"\b(?:yet|still) to (?:lose|be beaten|taste defeat)\b"),
    ("no_side_has", "k_of_n", "never", r"^\W*no\s+(?P<country>[A-Z]\w+)\s+(?:team|side|club)\s+has\s+(?:ever\s+)?(?:beaten|won (?:at|against|in))\b"),  # noqa: E501
    ("times", "count", "equal", r"\b(?P<k>\d+)\s+times\b"),
    ("count", "count", "equal", r"(?<!by )\b(?P<k>\d+)\s+(?:\w+\s){0,2}?(?:wins?|victor(?:y|ies)|defeats?|loss(?:es)?|draws?|goals?|clean sheets?|meetings?|matches|match|games?|ties?)\b"),  # noqa: E501
)
COMPILED = tuple((name, shape, rel, re.compile(p, re.IGNORECASE)) for name, shape, rel, p in FRAMES)  # noqa: E501


@dataclass(frozen=True, slots=True)
class Frame:
    name: str
    shape: str
    relation: str
    groups: dict[str, str]
    start: int  # in the normalised text
    end: int


def figures(text: str) -> str:
    """The sentence with its number words as figures: 'six of their last ten' -> '6 of
    their last 10' ('No one is innocent' keeps its 'one')."""
    for pattern, figure in IDIOMS.items():
        text = re.sub(pattern, figure, text, flags=re.IGNORECASE)
    return alpha2digit(text, "en", threshold=0)


def frame(normalised: str) -> Frame | None:
    for name, shape, relation, pattern in COMPILED:
        m = pattern.search(normalised)
        if m:
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            return Frame(name, shape, relation, groups, m.start(), m.end())
    return None


def ordinal(word: str) -> int:
    word = word.lower()
    return ORDINALS[word] if word in ORDINALS else int(re.sub(r"\D", "", word))
