"""Linking the legs of knockout ties (and replays) among canonical matches.

A tie is the knockout meetings of one pair in one competition and season: first leg,
second leg, replay, in date order; a single match (a final, a 2019-20 Lisbon round) is a tie
of one match. Who won is not decided here: the tie engine (rules/) derives it from the
scores and the season's rules.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

KNOCKOUT_STAGES = ("qualifying", "knockout", "final")


@dataclass(frozen=True, slots=True)
class TieLegs:
    competition: str
    season: str
    round: str | None
    team_a: int  # at home in the first leg
    team_b: int
    matches: tuple[int, ...]  # merged-match indexes in date order


def link_ties(matches: list[dict]) -> list[TieLegs]:
    """Ties from match dicts (index, competition, season, stage, round, leg, date, home, away,
    status)."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for m in matches:
        if m["stage"] in KNOCKOUT_STAGES and m["status"] != "scheduled":
            key = (m["competition"], m["season"], frozenset((m["home"], m["away"])))
            groups[key].append(m)
    ties = []
    for (competition, season, _), legs in groups.items():
        legs.sort(key=lambda m: (m["date"], m["leg"] or 0))
        # A pair may meet twice in one season only in different rounds (rare: a qualifying
        # tie, then a final): split where the round changes.
        for chunk in _by_round(legs):
            first = chunk[0]
            ties.append(
                TieLegs(
                    competition,
                    season,
                    first["round"],
                    first["home"],
                    first["away"],
                    tuple(m["index"] for m in chunk[:3]),
                )
            )
    return ties


def _by_round(legs: list[dict]) -> list[list[dict]]:
    chunks: list[list[dict]] = []
    for leg in legs:
        if chunks and chunks[-1][0]["round"] == leg["round"] and len(chunks[-1]) < 3:
            chunks[-1].append(leg)
        else:
            chunks.append([leg])
    return chunks
