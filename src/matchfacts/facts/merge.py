"""Near-duplicates merged, the stronger kept; caps per form and per subject (club or player).

Two facts say nearly the same thing when they are about the same subject, measure the same
kind of thing (a run of wins and an unbeaten run are both about results) and rest on
overlapping matches: "scored in each of their last nine knockout matches away" and "scored
in each of their last ten European away matches" are one story. Two facts resting on
exactly the same matches are one story too, whoever they are about ("Real Madrid have
beaten Liverpool in each of their last four meetings" and "a Liverpool win would be their
first over Real Madrid since March 2009").
"""

from __future__ import annotations

from dataclasses import replace

from matchfacts.facts.record import Fact

PER_FORM = 12
PER_SUBJECT = 12  # for each club
PER_PLAYER = 3  # players are less central than the clubs: fewer facts each
OVERLAP = 2 / 3  # shared matches, as a share of the smaller fact's evidence
SIZE_RATIO = 0.5  # and the smaller at least half the larger

FAMILIES = {  # measures (the query's event) that tell the same kind of story
    "win": "results",
    "loss": "no_wins",
    "clean_sheet": "clean_sheets",
    "goal": "scoring",
    "winning": "results",
    "unbeaten": "results",
    "lost_one": "results",
    "winless": "no_wins",
    "losing": "no_wins",
    "first_win": "no_wins",
    "scoring": "scoring",
    "clean_sheets": "clean_sheets",
}


def family(fact: Fact) -> str:
    return FAMILIES.get(fact.measure, fact.measure)


def overlap(a: Fact, b: Fact) -> float:
    """Shared matches as a share of the smaller fact's matches, where the two rest on
    samples of a like size: "scored in each of their last nine knockout matches away" and
    "in each of their last ten European away" share nearly all; a run of four and the
    all-time record of 500 it sits in are two stories."""
    ids_a = {e.match_id for e in a.evidence}
    ids_b = {e.match_id for e in b.evidence}
    if not ids_a or not ids_b:
        return 0.0
    small, large = sorted((len(ids_a), len(ids_b)))
    if small < large * SIZE_RATIO:
        return 0.0
    return len(ids_a & ids_b) / small


def near_duplicates(a: Fact, b: Fact) -> bool:
    ids_a = {e.match_id for e in a.evidence}
    if len(ids_a) >= 3 and ids_a == {e.match_id for e in b.evidence}:
        return True
    return a.subject == b.subject and family(a) == family(b) and overlap(a, b) >= OVERLAP


def merged(ranked: list[Fact]) -> list[Fact]:
    """From facts best first: each one kept unless a stronger kept fact says the same, or
    its form or subject has had its share."""
    kept: list[Fact] = []
    per_form: dict[str, int] = {}
    per_subject: dict[str, int] = {}
    for fact in ranked:
        twin = next((i for i, other in enumerate(kept) if near_duplicates(fact, other)), None)
        if twin is not None:
            stronger = kept[twin]
            also = [*stronger.details.get("merged", []), fact.text]
            kept[twin] = replace(stronger, details={**stronger.details, "merged": also})
            continue
        if per_form.get(fact.form, 0) >= PER_FORM:
            continue
        cap = PER_PLAYER if fact.details.get("subject_kind") == "player" else PER_SUBJECT
        if per_subject.get(fact.subject, 0) >= cap:
            continue
        per_form[fact.form] = per_form.get(fact.form, 0) + 1
        per_subject[fact.subject] = per_subject.get(fact.subject, 0) + 1
        kept.append(fact)
    return kept
