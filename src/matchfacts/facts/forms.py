"""The registry of fact forms, shared by the miners (which produce facts of a form) and the
checker (which parses a written claim into a form and verifies it).

A form is the shape of a statement, not its wording: the miners' sentence templates and the
checker's claim patterns both name one of these, and tests hold the two sides to the same
list (every form a miner produces has patterns that read it back).
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
