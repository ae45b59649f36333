"""The forms of the claims the tie engine's patterns read (check/tie_claims.py): what a
second-leg score means, what a side needs, the first leg, away goals, and the tie
situation's records. Every other fact and claim is a query of the algebra
(facts/query.py), whose shape names it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Form:
    name: str
    shape: str  # an example of the shape, as DESIGN.md gives it
    counts: bool  # whether the value is a count with a numerator and denominator


FORMS: dict[str, Form] = {
    form.name: form
    for form in (
        Form("conditional_record", "X have gone through in 9 of their 11 ties after ...", True),
        Form("head_to_head_run", "X have not beaten Y in their last six meetings", False),
        Form("head_to_head_record", "X have won three of their eight meetings with Y", True),
        Form("venue_history", "X have won once in five visits to Y", True),
        Form("team_streak", "X have kept a clean sheet in each of their last seven ...", False),
        Form("player_streak", "P has scored in each of X's last three matches", False),
        Form("record_streak", "only Q has done it in six in a row for X", False),
        Form("split_of_total", "Four of X's nine away wins came in Germany", True),
        Form("prospective_kth", "Y could become the third side to ...", False),
        Form("share_extreme", "Nine of P's 12 goals came in the group stage; ...", True),
        Form("milestone", "P needs one goal for 50", False),
        Form("first_since", "X's first win at Y since 1998", False),
        Form("tie_need", "X need to win by two goals", False),
    )
}
