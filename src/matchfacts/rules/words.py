"""The tie in plain English: which second-leg scores send each side through.

The sentence is derived from the arithmetic, not from the table, so it holds for every
score, not only those up to the table's bound. Let `need` be the margin the second leg's
home side must win by to level the aggregate (negative when they lead) and `held` their
away goals from the first leg. Then:

- a win by more than `need` takes them through; by less, their opponents;
- a win by exactly `need` levels the aggregate: without away goals that is extra time
  (or a replay...); with away goals the visitors' goals decide: fewer than `held` and the
  home side go through, exactly `held` means extra time, more and the visitors go through.
"""

from __future__ import annotations

from matchfacts.rules.outcome import Score, carried_score, level_result
from matchfacts.rules.phrases import join_or, level_phrase, margin_noun, number
from matchfacts.rules.ruleset import RuleSet


def summary_words(
    home_name: str,
    away_name: str,
    first_leg: Score | tuple[int, int] | None,
    rules: RuleSet,
) -> str:
    """One sentence covering both sides, e.g. for Liverpool v Real Madrid 2021 (first leg
    Real Madrid 3-1 Liverpool, so `first_leg` = (3, 1)):

    "Liverpool go through with 2-0 or by three clear goals; 3-1 means extra time; any other
    two-goal win (4-2, 5-3 ...) and any smaller margin put Real Madrid through."

    `home_name` hosts the deciding match (the second leg); `first_leg` is that leg's score
    with its own home side (`away_name`) first; None for a single match.
    """
    carried = carried_score(first_leg, rules)
    need = carried.home - carried.away
    settle = level_phrase("extra_time" if rules.extra_time else level_result(rules))
    home_scores: list[Score] = []
    away_parts: list[str] = []
    if rules.away_goals:
        held = carried.away
        home_scores = [Score(a + need, a) for a in range(max(0, -need), held)]
        level_text = str(Score(held + need, held))
        examples = f"{Score(held + 1 + need, held + 1)}, {Score(held + 2 + need, held + 2)} ..."
        away_parts.append(f"any other {margin_noun(need)} ({examples})")
    else:
        level_text = "any draw" if need == 0 else _with_article(margin_noun(need))
    away_parts.append(_below(need))
    verb = "put" if len(away_parts) > 1 else "puts"
    return (
        f"{home_name} go through {_home_clause(need, home_scores)}; "
        f"{level_text} means {settle}; "
        f"{' and '.join(away_parts)} {verb} {away_name} through."
    )


def extra_time_words(away_name: str, rules: RuleSet) -> str | None:
    """What decides extra time, or None where the era played none.

    `away_name` is the deciding match's away side: with away goals counted in extra time,
    only their goals can be away goals.
    """
    if not rules.extra_time:
        return None
    after = level_phrase(level_result(rules))
    if rules.away_goals_in_extra_time:
        return (
            "In extra time a win for either side decides the tie; a score draw (1-1, 2-2 ...)"
            f" puts {away_name} through on away goals; 0-0 means {after}."
        )
    return f"In extra time a win for either side decides the tie; a draw means {after}."


def _home_clause(need: int, scores: list[Score]) -> str:
    """How the home side goes through: 'with 2-0 or by three clear goals'."""
    if need >= 1:
        region = f"by {number(need + 1)} clear goals"
        if not scores:
            return region
        joiner = ", or " if len(scores) > 1 else " or "
        return f"with {join_or([str(s) for s in scores])}{joiner}{region}"
    items = ["any win"]
    if need <= -1:
        items.append("any draw")
    if need <= -2:
        items.append(_defeat_up_to(-need - 1))
    if len(items) == 2 and not scores:
        return "with any win or draw"
    return "with " + join_or(items + [str(s) for s in scores])


def _defeat_up_to(n: int) -> str:
    return "a one-goal defeat" if n == 1 else f"a defeat by up to {number(n)} goals"


def _below(need: int) -> str:
    """Every margin short of levelling the aggregate, as the home side's result."""
    if need >= 2:
        return "any smaller margin"
    if need == 1:
        return "any draw or defeat"
    if need == 0:
        return "any defeat"
    return f"a defeat by {number(-need + 1)} or more goals"


def _with_article(noun: str) -> str:
    # 'an eight-goal win', 'an 11-goal win': the article follows the sound.
    vowel_sound = noun.startswith(("eight", "8", "11", "18"))
    return f"{'an' if vowel_sound else 'a'} {noun}"
