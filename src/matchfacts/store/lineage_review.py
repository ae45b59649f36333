"""The lineage rules run over the store being built, each candidate with what lineage.csv
says of it: the table `lineage_candidate`, where an 'open' row is a pair nobody has
looked at yet (tests/store/test_lineage.py wants none)."""

from __future__ import annotations

from dataclasses import dataclass

from matchfacts.store.identity import Identity
from matchfacts.store.lineage import LineageEntry, not_same_pairs, without_league
from matchfacts.store.lineage_rules import Candidate, activity, find_candidates
from matchfacts.store.reconcile import MergedMatch, competition_id


@dataclass(frozen=True, slots=True)
class ReviewedCandidate:
    candidate: Candidate
    verdict: str  # open | not_same | unverified | no_league
    reason: str | None


def review_candidates(
    identity: Identity, matches: list[MergedMatch], entries: list[LineageEntry]
) -> list[ReviewedCandidate]:
    teams = activity(
        ((t.id, t.name, t.country) for t in identity.teams.values()),
        ((link.team_id, alias) for (_, alias, _), link in identity.aliases.items()),
        (
            (competition_id(m.values), str(m.values["season"]), m.home_id, m.away_id)
            for m in matches
        ),
    )
    two_clubs = not_same_pairs(identity, entries)
    no_league = without_league(identity, entries)
    reviewed = []
    for candidate in find_candidates(teams):
        if candidate.other_id is None:
            entry = no_league.get(candidate.team_id)
        else:
            entry = two_clubs.get(frozenset((candidate.team_id, candidate.other_id)))
        if entry is None:
            reviewed.append(ReviewedCandidate(candidate, "open", None))
        else:
            reviewed.append(ReviewedCandidate(candidate, entry.relation, entry.reason))
    return reviewed
