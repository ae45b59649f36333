"""The registry of miners: parameterised SQL over the canonical tables, each returning facts
of one form for a fixture.

Every query reads through `matches_before(as_of)`, `goals_before(as_of)` or
`ties_before(as_of)`: nothing on or after the day is seen. Runs are gaps-and-islands in
SQL (facts/runs.py). A miner states what the ranking needs in `Fact.details` (facts/rank.py);
it sets no score itself.
"""

from __future__ import annotations

from matchfacts.facts.miners_first import ended_droughts, first_since
from matchfacts.facts.miners_h2h import (
    country_records,
    head_to_head,
    head_to_head_record,
    venue_history,
)
from matchfacts.facts.miners_player import (
    milestones,
    player_streaks,
    record_streaks,
    share_extremes,
    split_of_total,
)
from matchfacts.facts.miners_team import team_streaks
from matchfacts.facts.miners_tie import first_leg_base_rate, tie_records
from matchfacts.facts.runs import RUNS

MINERS = (
    head_to_head,
    head_to_head_record,
    country_records,
    venue_history,
    first_leg_base_rate,
    tie_records,
    team_streaks,
    first_since,
    ended_droughts,
    player_streaks,
    milestones,
    split_of_total,
    record_streaks,
    share_extremes,
)

__all__ = ["MINERS", "RUNS"]
