"""Tie rules by era and the tie engine: pure functions over scores and a `RuleSet`.

Nothing here touches the database. Perspective: 'home' and 'away' are always those of the
deciding match (the second leg, or a single match); a first leg is given with its own home
side first. `tie_result` names winners by the caller's team keys instead.
"""

from __future__ import annotations

from matchfacts.rules.catalogue import RuleCatalogue, RuleEntry, season_start
from matchfacts.rules.exceptions import NoRuleSetError, RuleSetError, TieInputError
from matchfacts.rules.first_leg import FirstLegView, Route, first_leg_view
from matchfacts.rules.live import InProgressState, SideNeeds, in_progress_state, in_progress_words
from matchfacts.rules.loader import builtin_catalogue, load_rulesets, parse_rulesets, rules_for
from matchfacts.rules.outcome import (
    Result,
    Score,
    extra_time_outcome,
    level_result,
    second_leg_outcome,
)
from matchfacts.rules.ruleset import RuleSet
from matchfacts.rules.table import ExtraTimeCell, OutcomeCell, OutcomeTable, outcome_table
from matchfacts.rules.tie import DecidedBy, MatchResult, TeamKey, TieResult, tie_result
from matchfacts.rules.words import extra_time_words, summary_words

__all__ = [
    "DecidedBy",
    "ExtraTimeCell",
    "FirstLegView",
    "InProgressState",
    "MatchResult",
    "NoRuleSetError",
    "OutcomeCell",
    "OutcomeTable",
    "Result",
    "Route",
    "RuleCatalogue",
    "RuleEntry",
    "RuleSet",
    "RuleSetError",
    "Score",
    "SideNeeds",
    "TeamKey",
    "TieInputError",
    "TieResult",
    "builtin_catalogue",
    "extra_time_outcome",
    "extra_time_words",
    "first_leg_view",
    "in_progress_state",
    "in_progress_words",
    "level_result",
    "load_rulesets",
    "outcome_table",
    "parse_rulesets",
    "rules_for",
    "season_start",
    "second_leg_outcome",
    "summary_words",
    "tie_result",
]
