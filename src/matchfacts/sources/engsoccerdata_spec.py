"""Code tables of engsoccerdata: every distinct value its files hold, and what it maps to.

Kept apart from the parser so each value's reading can be checked at a glance. A value
missing from these tables is a ParseError naming it: the pinned files hold no other,
so a new one means the file is not the one the tables were written for.
"""

from __future__ import annotations

from matchfacts.sources.records import Stage

CHAMPS = "champs.csv"
ENGLAND = "england.rda"

# Columns read (the files have more: totals, aggregates, results, all derived).
CHAMPS_COLUMNS = ["Date", "Season", "round", "leg", "home", "visitor", "FT", "HT", "aet",
                  "pens", "hgoal", "vgoal", "aethgoal", "aetvgoal", "tiewinner", "hcountry",
                  "vcountry"]  # fmt: skip
LEAGUE_COLUMNS = ["Date", "Season", "home", "visitor", "FT", "hgoal", "vgoal", "tier"]

# champs.csv `round` -> (canonical round, stage).
CHAMPS_ROUNDS: dict[str, tuple[str, Stage]] = {
    # 'PrelimF': one to four preliminary ties before the first round (nine seasons from
    # 1966-67 to 1982-83, and 1992-93); 'prelim': the preliminary round of 1993-94 and the
    # qualifying round that fed the group stage in 1994-95..1996-97. Both are what UEFA
    # calls a preliminary round.
    "PrelimF": ("PRE", Stage.QUALIFYING),
    "prelim": ("PRE", Stage.QUALIFYING),
    # Qualifying rounds and play-off round, 1997-98 on.
    "Q-1": ("Q1", Stage.QUALIFYING),
    "Q-2": ("Q2", Stage.QUALIFYING),
    "Q-3": ("Q3", Stage.QUALIFYING),
    "Q-PO": ("PO", Stage.QUALIFYING),
    # First round proper; 1973-74 alone writes it '1'.
    "Round1": ("R1", Stage.KNOCKOUT),
    "1": ("R1", Stage.KNOCKOUT),
    # Second round before the group stage, 1991-92..1993-94.
    "Round2": ("R2", Stage.KNOCKOUT),
    "R16": ("R16", Stage.KNOCKOUT),
    "QF": ("QF", Stage.KNOCKOUT),
    "SF": ("SF", Stage.KNOCKOUT),
    "final": ("F", Stage.FINAL),
}
# Groups: 'GroupA'..'GroupH' is the (only or first) group stage; 1999-00..2002-03 had two,
# written 'GroupX-prelim' (first) and 'GroupA-inter'..'GroupD-inter' (second).
for _letter in "ABCDEFGH":
    CHAMPS_ROUNDS[f"Group{_letter}"] = ("GROUP", Stage.GROUP)
    CHAMPS_ROUNDS[f"Group{_letter}-prelim"] = ("GROUP", Stage.GROUP)
for _letter in "ABCD":
    CHAMPS_ROUNDS[f"Group{_letter}-inter"] = ("GROUP2", Stage.GROUP)

# champs.csv `leg` -> canonical leg. 'groups' marks every group match (no legs there);
# NA is a single match (finals, the one-match semi-finals of 1993-94); 'initial' is the
# drawn 1974 final that was replayed two days later, so a single match, and 'replay' is
# a replay of a tie (the 1974 final's included): leg 3 by the records' convention.
CHAMPS_LEGS: dict[str, int | None] = {"1": 1, "2": 2, "replay": 3, "NA": None, "initial": None}
GROUP_LEG = "groups"

# champs.csv `pens` words: how the source says a level tie was decided without a
# shoot-out. Kept verbatim in source_decided_by; a score 'h-a' (sometimes with a trailing
# space) is a shoot-out. 'walkover' marks the two 1991 quarter-finals abandoned (Marseille
# v Milan, Dresden v Crvena Zvezda) and awarded 3-0: status ABANDONED, the goals awarded.
CHAMPS_DECIDED_BY = frozenset({"away goals", "coin toss", "walkover"})

# League files: file -> (UEFA code of the league's country, division -> tier). The file's
# own `tier` column is the one used; the division must agree with it, which catches a row
# whose columns slipped. None: the file has no division column.
LEAGUES: dict[str, tuple[str, dict[str, int] | None]] = {
    "spain.csv": ("ESP", None),
    # '2North'/'2South': the 2. Bundesliga's two regional groups (1974-75..1980-81, 1991-92).
    "germany.csv": ("GER", {"1": 1, "2": 2, "2North": 2, "2South": 2}),
    "italy.csv": ("ITA", {"1": 1}),
    # '1' up to 1993-94, 'F1' (football-data.co.uk's code) after: both Ligue 1.
    "france.csv": ("FRA", {"1": 1, "F1": 1}),
    "holland.csv": ("NED", None),
    "portugal.csv": ("POR", {"P1": 1}),
    "belgium.csv": ("BEL", {"B1": 1}),
    "turkey.csv": ("TUR", {"T1": 1}),
    # 'SC0' is the top flight; from 2016-17 on the file writes it 'SCO' (letter O).
    "scotland.csv": ("SCO", {"SC0": 1, "SCO": 1, "SC1": 2, "SC2": 3, "SC3": 4}),
    "greece.csv": ("GRE", {"G1": 1}),
}
# England: '3N'/'3S' are the Third Division North and South (1921-22..1957-58), tier 3.
ENGLAND_DIVISIONS: dict[str, int] = {"1": 1, "2": 2, "3": 3, "4": 4, "3N": 3, "3S": 3}

# spain.csv `round`: 'league' is a league match; 'phase2' is the second phase of 1986-87,
# when the 18 clubs played on in three groups of six (A title, B middle, C relegation)
# with their points carried over: still league matches, marked GROUP2 to tell them apart.
# Its `group` column holds the letter for phase2 rows and NA otherwise.
SPAIN_ROUNDS: dict[str, str | None] = {"league": None, "phase2": "GROUP2"}
