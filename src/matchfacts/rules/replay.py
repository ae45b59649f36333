"""Replaying the tie engine against every tie in the store: does it say what happened?

What happened is taken from evidence independent of the engine:
- a source's own verdict (UEFA's winner and reason, engsoccerdata's tie winner);
- the next round: of the two sides, the one that played on in that competition and
  season went through (this covers the sources with no verdict of their own).
Every tie lands in one bucket: agrees, disagrees (listed with its evidence and the
explanation the evidence supports), undetermined (the data lacks what decided it, with the
engine's reason), or unverifiable (no evidence: e.g. a final that only one source has).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

import duckdb

# A source's reason, in the engine's words (several engine words fit one reason).
SOURCE_MANNER = {
    "WIN_ON_AGGREGATE": {"aggregate", "normal_time"},
    "WIN_ON_AWAY_GOAL": {"away_goals", "away_goals_extra_time"},
    "WIN_ON_EXTRA_TIME": {"extra_time"},
    "WIN_ON_SILVER_GOAL": {"extra_time"},
    "WIN_ON_GOLDEN_GOAL": {"extra_time"},
    "WIN_ON_PENALTIES": {"penalties"},
    "away goals": {"away_goals", "away_goals_extra_time"},
    "coin toss": {"coin_toss"},
}


@dataclass(frozen=True, slots=True)
class TieCase:
    id: int
    competition: str
    season: str
    round: str | None
    era: str  # the rule set's id
    team_a: str
    team_b: str
    winner: str | None  # the engine's
    decided_by: str | None
    reason: str | None
    claimed: str | None  # a source's verdict
    claimed_from: str | None
    claimed_manner: str | None
    advanced: str | None  # the side that played the next round
    verdict: str  # agrees | disagrees | undetermined | unverifiable
    manner_agrees: bool | None
    explanation: str


@dataclass(slots=True)
class ReplayReport:
    cases: list[TieCase] = field(default_factory=list)

    def table(self) -> list[dict]:
        """Counts by competition and era (rule set)."""
        groups: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for case in self.cases:
            counter = groups[(case.competition, case.era)]
            counter[case.verdict] += 1
            if case.manner_agrees is not None:
                counter["manner_checked"] += 1
                counter["manner_agrees"] += case.manner_agrees
        rows = []
        for (competition, era), c in sorted(groups.items()):
            rows.append(
                {
                    "competition": competition,
                    "era": era,
                    "ties": sum(
                        c[v] for v in ("agrees", "disagrees", "undetermined", "unverifiable")
                    ),
                    **{
                        v: c[v]
                        for v in (
                            "agrees",
                            "disagrees",
                            "undetermined",
                            "unverifiable",
                            "manner_checked",
                            "manner_agrees",
                        )
                    },
                }
            )
        return rows

    def disagreements(self) -> list[TieCase]:
        return [c for c in self.cases if c.verdict == "disagrees" or c.manner_agrees is False]


def replay_ties(con: duckdb.DuckDBPyConnection) -> ReplayReport:
    from matchfacts.rules.loader import builtin_catalogue

    catalogue = builtin_catalogue()
    rows = con.execute("""
        SELECT t.id, t.competition_id, t.season, t.round, a.short_name, b.short_name,
               w.short_name, t.decided_by, t.undetermined_reason, s.short_name,
               t.source_winner_from, t.source_decided_by, t.team_a_id, t.team_b_id,
               f.date, coalesce(r.date, l.date, f.date)
        FROM tie t
        JOIN team a ON a.id = t.team_a_id JOIN team b ON b.id = t.team_b_id
        LEFT JOIN team w ON w.id = t.winner_id LEFT JOIN team s ON s.id = t.source_winner_id
        JOIN match f ON f.id = t.first_leg_id
        LEFT JOIN match l ON l.id = t.second_leg_id LEFT JOIN match r ON r.id = t.replay_id
        WHERE t.competition_id IN ('UCL', 'UEL', 'UCWC', 'UECL', 'UIC', 'USC')
    """).fetchall()
    later = _later_ties(rows)
    report = ReplayReport()
    for row in rows:
        (
            tie_id,
            comp,
            season,
            rnd,
            a,
            b,
            winner,
            decided,
            reason,
            claimed,
            claimed_from,
            claimed_manner,
            a_id,
            b_id,
            first,
            last,
        ) = row
        try:
            era = catalogue.select(comp, season, rnd).id
        except Exception:  # noqa: BLE001 - a competition without rules is its own era
            era = "no rule set"
        played_on = [name for name, tid in ((a, a_id), (b, b_id)) if later(comp, season, tid, last)]
        advanced = played_on[0] if len(played_on) == 1 else None
        case = TieCase(
            tie_id,
            comp,
            season,
            rnd,
            era,
            a,
            b,
            winner,
            decided,
            reason,
            claimed,
            claimed_from,
            claimed_manner,
            advanced,
            verdict="",
            manner_agrees=None,
            explanation="",
        )
        report.cases.append(_judged(case))
    return report


def _later_ties(rows: list[tuple]):  # noqa: ANN202
    """Whether a team played a tie in the same competition and season after a date."""
    starts: dict[tuple[str, str, int], list] = defaultdict(list)
    for row in rows:
        for team in (row[12], row[13]):
            starts[(row[1], row[2], team)].append(row[14])

    def played_later(comp: str, season: str, team: int, after) -> bool:  # noqa: ANN001
        return any(d > after for d in starts.get((comp, season, team), ()))

    return played_later


def _judged(case: TieCase) -> TieCase:
    """The case with its verdict: agrees, disagrees (explained), undetermined, unverifiable."""
    manner_ok = None
    if case.decided_by not in (None, "undetermined") and case.claimed_manner in SOURCE_MANNER:
        manner_ok = (
            case.decided_by in SOURCE_MANNER[case.claimed_manner] or case.decided_by == "replay"
        )
    evidence = case.claimed or case.advanced
    if case.decided_by == "undetermined" or case.winner is None:
        verdict, why = "undetermined", case.reason or "no result"
    elif evidence is None:
        verdict, why = "unverifiable", "no source verdict and no later round to show who went on"
    elif case.winner == evidence and (case.advanced is None or case.advanced == case.winner):
        verdict, why = "agrees", ""
    else:
        verdict, why = (
            "disagrees",
            _explain(
                case.winner, case.decided_by or "", case.claimed, case.claimed_from, case.advanced
            ),
        )
    if manner_ok is False and verdict == "agrees":
        why = f"winner agrees; the source says {case.claimed_manner}, the engine {case.decided_by}"
    return replace(case, verdict=verdict, manner_agrees=manner_ok, explanation=why)


def _explain(
    winner: str,
    decided: str,
    claimed: str | None,
    claimed_from: str | None,
    advanced: str | None,
) -> str:
    if claimed and advanced and advanced == winner != claimed:
        return (
            f"source error: {claimed_from} names {claimed}, but {advanced} played the "
            f"next round, as the engine derives from the scores"
        )
    if claimed and advanced and advanced == claimed != winner:
        return (
            f"the scores in the store say {winner}, but {claimed_from} names {claimed}, "
            f"who played on: a score in the store is wrong, see its conflicts"
        )
    if claimed and advanced and claimed == winner != advanced:
        return (
            f"the scores and {claimed_from} agree on {winner}, yet {advanced} played the "
            f"next round: {winner} were removed after the tie (expelled or withdrew)"
        )
    if claimed and claimed != winner:
        return f"{claimed_from} names {claimed}; the scores say {winner}"
    if decided in ("away_goals", "away_goals_extra_time") and not claimed:
        return (
            f"level on aggregate; the scores give {winner} the tie on away goals, but "
            f"{advanced} played the next round: the only source here records no extra "
            f"time or shoot-out for this tie (a missing shoot-out, or a score error)"
        )
    return (
        f"{advanced} played the next round, but the scores say {winner} by {decided}: "
        f"a score or a team in the only source here is wrong"
    )
