"""The published forecasts a backtest compares with, and the rules that pick at most one a
match and provider (README, "Backtests"): a reference that breaks a rule is left out and
the reason is kept, so every match missing from a set is named.

- FiveThirtyEight: only its final forecast, the one it froze at kick-off. The snapshots of
  its file were taken on five dates; a snapshot taken after a match was played carries the
  final forecast beside the match's expected goals, one taken before it (and no later one
  holds the match) carries a forecast made days or months earlier. FiveThirtyEight filled
  in the expected goals only once a match was played, so a row without them is not final.
- Bet365: one line a match, from the first source in ODDS_SOURCES that quotes it: the
  football-data.co.uk file first (the bookmaker's published closing-day odds, the same
  source for every Premier League season), the other file only where it is alone. A line
  whose odds cannot be a bookmaker's price on the three results (a margin below zero or
  above MAX_MARGIN) is broken and left out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import duckdb

PROVIDERS = ("fivethirtyeight", "bet365")
ODDS_SOURCES = ("odds-epl-1993-2026-andrespleite", "odds-gutormin-backtest")
# Bet365's 1X2 margin is 1-18 % in both files (2-8 % on most lines); the ten lines above
# it, at 36-61 %, carry another market's prices (a draw at 1.40 in a match of two equals).
MAX_MARGIN = 0.25
NOT_FINAL = "fivethirtyeight: only a forecast from a snapshot taken before the match"
BROKEN = f"bet365: broken odds line (margin outside 0-{MAX_MARGIN:.0%})"


@dataclass(frozen=True, slots=True)
class Reference:
    p: tuple[float, float, float]
    source: str
    file: str
    line: int


@dataclass(slots=True)
class References:
    """Per provider: the forecast used for each match, and why a match has none (a match
    neither named there nor forecast had no forecast from the provider at all)."""

    used: dict[str, dict[int, Reference]]
    refused: dict[str, dict[int, str]]
    broken: dict[int, Reference]  # the odds lines left out as broken, to name them

    def reason(self, provider: str, match_id: int) -> str | None:
        if match_id in self.used[provider]:
            return None
        return self.refused[provider].get(match_id, f"{provider}: no forecast of the match")


def load_references(con: duckdb.DuckDBPyConnection, match_ids: list[int]) -> References:
    used: dict[str, dict[int, Reference]] = {p: {} for p in PROVIDERS}
    refused: dict[str, dict[int, str]] = {p: {} for p in PROVIDERS}
    if not match_ids:
        return References(used, refused, {})
    rows = con.execute(
        """SELECT match_id, provider, source, file, line, p_home, p_draw, p_away,
                  1 / odds_home + 1 / odds_draw + 1 / odds_away - 1, home_xg IS NOT NULL
           FROM reference_forecast WHERE match_id IN (SELECT unnest(?::INTEGER[]))
           ORDER BY match_id, provider, source, file, line""",
        [match_ids],
    ).fetchall()
    broken: dict[int, Reference] = {}
    candidates: dict[tuple[int, str], list] = defaultdict(list)
    for row in rows:
        candidates[(row[0], row[1])].append(row)
    for (mid, provider), found in candidates.items():
        if provider not in used:
            continue
        if provider == "fivethirtyeight":
            final = [r for r in found if r[9]]
            if final:
                used[provider][mid] = _reference(final[-1])
            else:
                refused[provider][mid] = NOT_FINAL
            continue
        # bet365: the preferred source's line, unless broken (then the match has none:
        # a bad line says nothing about whether the other file's is good)
        found.sort(key=lambda r: (_rank(r[2]), r[3], r[4]))
        line = found[0]
        margin = line[8]
        if margin is None or not 0 <= margin <= MAX_MARGIN:
            refused[provider][mid] = BROKEN
            broken[mid] = _reference(line)
        else:
            used[provider][mid] = _reference(line)
    return References(used, refused, broken)


def _rank(source: str) -> int:
    return ODDS_SOURCES.index(source) if source in ODDS_SOURCES else len(ODDS_SOURCES)


def _reference(row: tuple) -> Reference:
    return Reference((row[5], row[6], row[7]), row[2], row[3], row[4])
