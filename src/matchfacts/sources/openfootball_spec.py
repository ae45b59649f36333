"""Code tables for the openfootball champions-league files (Football.TXT).

Every section heading that occurs in the pinned files is listed here verbatim, so a
heading the tables do not know stops the parser instead of being guessed at.
"""

from __future__ import annotations

from matchfacts.sources.records import Competition, Stage

SOURCE = "openfootball-champions-league"

# File stem -> (competition, title in the `= ...` header line, is it a qualifying file).
FILE_KINDS: dict[str, tuple[Competition, str, bool]] = {
    "cl": (Competition.CHAMPIONS_LEAGUE, "UEFA Champions League", False),
    "el": (Competition.EUROPA_LEAGUE, "UEFA Europa League", False),
    "conf": (Competition.CONFERENCE_LEAGUE, "UEFA Conference League", False),
    "clq": (Competition.CHAMPIONS_LEAGUE, "UEFA Champions League - Quali", True),
    "elq": (Competition.EUROPA_LEAGUE, "UEFA Europa League - Quali", True),
    "confq": (Competition.CONFERENCE_LEAGUE, "UEFA Conference League - Quali", True),
}

_LETTERS = "ABCDEFGHIJKL"

# Headings of the main files (cl, el, conf) -> round code.
MAIN_HEADINGS: dict[str, str] = {
    # Group stage, up to 2023-24: lettered groups, half of them in German ("Gruppe")
    # from 2020-21 on, or (2023-24 cl) one section per matchday without the letter.
    **{f"Group {x}": "GROUP" for x in _LETTERS},
    **{f"Gruppe {x}": "GROUP" for x in _LETTERS},
    **{f"Group, Matchday {n}": "GROUP" for n in range(1, 7)},
    # League phase, since 2024-25.
    "League phase": "LEAGUE_PHASE",
    **{f"League, Matchday {n}": "LEAGUE_PHASE" for n in range(1, 9)},
    # In a main file "Playoffs" always follows the group stage or league phase: the
    # knockout round play-offs (EL and UECL since 2021-22, CL since 2024-25), not the
    # qualifying play-off round, which lives in the *q.txt files.
    "Playoffs": "KPO",
    "Playoffs, Matchday 1": "KPO",
    "Playoffs, Matchday 2": "KPO",
    "Sechzehntelfinale": "R32",  # German: round of 32 (EL 2020-21)
    "Round of 16": "R16",
    "Quarterfinals": "QF",
    "Semifinals": "SF",
    "Final": "F",
    "Finals, Round of 16": "R16",
    "Finals, Quarterfinals": "QF",
    "Finals, Semifinals": "SF",
    "Finals, Final": "F",
}

# Headings of the qualifying files (clq, elq, confq): "Round 1" there is the first
# qualifying round, and the "Playoffs" the qualifying play-off round.
QUALI_HEADINGS: dict[str, str] = {
    **{f"Round {n}": f"Q{n}" for n in (1, 2, 3)},  # 2024-25
    **{f"{n}. Round": f"Q{n}" for n in (1, 2, 3)},  # 2025-26
    "Playoffs": "PO",
    "Play-offs": "PO",
}

STAGE_OF_ROUND: dict[str, Stage] = {
    "Q1": Stage.QUALIFYING,
    "Q2": Stage.QUALIFYING,
    "Q3": Stage.QUALIFYING,
    "PO": Stage.QUALIFYING,
    "GROUP": Stage.GROUP,
    "LEAGUE_PHASE": Stage.GROUP,
    "KPO": Stage.KNOCKOUT,
    "R32": Stage.KNOCKOUT,
    "R16": Stage.KNOCKOUT,
    "QF": Stage.KNOCKOUT,
    "SF": Stage.KNOCKOUT,
    "F": Stage.FINAL,
}

# Rounds whose matches pair into legs; group and league phases are round robins.
TIE_ROUNDS = frozenset({"Q1", "Q2", "Q3", "PO", "KPO", "R32", "R16", "QF", "SF", "F"})

# Single matches at neutral venues besides every final, keyed by (season, file stem):
# the 2019-20 Champions League ended with a one-match tournament in Lisbon (COVID-19).
# The Europa League's equivalent (Germany, 2019-20) predates this source's EL files.
NEUTRAL_ROUNDS: dict[tuple[str, str], frozenset[str]] = {
    ("2019-20", "cl"): frozenset({"QF", "SF", "F"}),
}

# Notes in square brackets after a result, verbatim.
NOTE_AWARDED = "awarded"  # the result was awarded by UEFA; the match was not played
NOTE_CANCELLED = "cancelled"  # not played and no result (e.g. Spartak Moskva expelled)

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
