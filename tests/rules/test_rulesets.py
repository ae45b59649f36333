"""Rule sets: the built-in eras, their selection, and users' own files."""

from __future__ import annotations

from pathlib import Path

import pytest

from matchfacts.errors import MatchfactsError, NotFoundError
from matchfacts.rules import (
    NoRuleSetError,
    RuleSetError,
    TieInputError,
    builtin_catalogue,
    load_rulesets,
    rules_for,
)
from matchfacts.sources.records import ROUNDS


def test_1965_66_european_cup_replays_without_away_goals() -> None:
    for round_code in ("R1", "QF", None):
        rules = rules_for("UCL", "1965-66", round_code)
        assert not rules.away_goals
        assert not rules.extra_time  # a level second leg went straight to a play-off
        assert rules.level_after_extra_time == "replay_then_coin_toss"


def test_1970_71_european_cup_away_goals_and_penalties() -> None:
    rules = rules_for("UCL", "1970-71", "QF")
    assert rules.away_goals and rules.extra_time
    assert rules.level_after_extra_time == "penalties"


def test_2020_21_away_goals_count_in_extra_time() -> None:
    rules = rules_for("UCL", "2020-21", "QF")
    assert rules.away_goals and rules.away_goals_in_extra_time
    assert rules.legs == 2


@pytest.mark.parametrize("competition", ["UCL", "UEL", "UECL"])
def test_2021_22_no_away_goals(competition: str) -> None:
    rules = rules_for(competition, "2021-22", "R16")
    assert not rules.away_goals and not rules.away_goals_in_extra_time
    assert rules.extra_time and rules.level_after_extra_time == "penalties"


@pytest.mark.parametrize("competition", ["UCL", "UEL"])
@pytest.mark.parametrize("round_code", ["QF", "SF", "F"])
def test_2019_20_single_matches_at_neutral_venues(competition: str, round_code: str) -> None:
    rules = rules_for(competition, "2019-20", round_code)
    assert rules.legs == 1 and rules.neutral_venue and not rules.away_goals
    assert rules.level_after_extra_time == "penalties"


def test_2019_20_round_of_16_kept_two_legs_and_away_goals() -> None:
    rules = rules_for("UCL", "2019-20", "R16")
    assert rules.legs == 2 and rules.away_goals


def test_1967_68_away_goals_in_the_first_round_only() -> None:
    assert rules_for("UCL", "1967-68", "R1").away_goals
    assert not rules_for("UCL", "1967-68", "QF").away_goals


def test_1969_70_coin_toss() -> None:
    rules = rules_for("UCL", "1969-70", "R2")
    assert rules.away_goals and not rules.away_goals_in_extra_time
    assert rules.level_after_extra_time == "coin_toss"


@pytest.mark.parametrize(
    ("competition", "season", "first_with_away_goals"),
    [("UCWC", "1964-65", "1965-66"), ("UEL", "1965-66", "1966-67")],
)
def test_away_goals_arrive(competition: str, season: str, first_with_away_goals: str) -> None:
    assert not rules_for(competition, season, "R1").away_goals
    assert rules_for(competition, first_with_away_goals, "R1").away_goals


def test_finals() -> None:
    assert rules_for("UCL", "1973-74", "F").level_after_extra_time == "replay"
    assert rules_for("UCL", "2004-05", "F").level_after_extra_time == "penalties"
    assert rules_for("UCL", "2004-05", "F").legs == 1
    assert rules_for("UEL", "1991-92", "F").legs == 2  # two-legged UEFA Cup finals to 1997
    assert rules_for("UEL", "1997-98", "F").legs == 1


def test_unknown_competition_or_season() -> None:
    with pytest.raises(NoRuleSetError) as caught:
        rules_for("UCL", "1950-51")
    assert isinstance(caught.value, NotFoundError)
    assert "UCL 1950-51" in str(caught.value)
    with pytest.raises(NoRuleSetError):
        rules_for("COPA", "2020-21")


@pytest.mark.parametrize("season", ["2020", "2020-22", "20-21", "2020/21"])
def test_bad_season_label(season: str) -> None:
    with pytest.raises(TieInputError, match=season):
        rules_for("UCL", season)


def test_builtin_selection_is_never_ambiguous() -> None:
    # Two entries covering a tie with the same specificity would make the file's order
    # decide silently: the built-in file must never rely on that.
    catalogue = builtin_catalogue()
    for competition in catalogue.competitions():
        for start in range(1955, 2031):
            for round_code in (*ROUNDS, None):
                ranks = [
                    (bool(e.rounds), e.span)
                    for e in catalogue.entries
                    if e.covers(competition, start, round_code)
                ]
                best = max(ranks, default=None)
                assert ranks.count(best) <= 1, (competition, start, round_code)


def test_every_builtin_rule_set_cites_a_source() -> None:
    assert all(entry.rules.source.strip() for entry in builtin_catalogue().entries)


USER_FILE = """
[[ruleset]]
id = "libertadores-2005"
competition = "CONMEBOL_LIB"
first_season = "2005-06"
legs = 2
away_goals = true
away_goals_in_extra_time = false
extra_time = false
level_after_extra_time = "penalties"
source = "my notes"

[[ruleset]]
id = "my-ucl-override"
competition = "UCL"
first_season = "2020-21"
last_season = "2020-21"
rounds = ["QF"]
away_goals = false
away_goals_in_extra_time = false
extra_time = true
level_after_extra_time = "penalties"
"""


def test_user_file_adds_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    catalogue = load_rulesets(path)
    rules = rules_for("CONMEBOL_LIB", "2010-11", catalogue=catalogue)
    assert rules.id == "libertadores-2005" and not rules.extra_time
    assert rules_for("UCL", "2020-21", "QF", catalogue=catalogue).id == "my-ucl-override"
    assert rules_for("UCL", "2020-21", "SF", catalogue=catalogue).away_goals
    assert catalogue.entry_for("UCL", "2020-21", "QF").origin == str(path)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return path


VALID = """[[ruleset]]
id = "x"
competition = "XYZ"
away_goals = true
away_goals_in_extra_time = true
extra_time = true
level_after_extra_time = "penalties"
"""


def test_bad_key_names_file_and_key(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("away_goals = true", "away_goal = true"))
    with pytest.raises(RuleSetError) as caught:
        load_rulesets(path)
    error = caught.value
    assert isinstance(error, MatchfactsError)
    assert error.file == str(path) and error.key == "ruleset[0].away_goal"
    assert str(path) in str(error) and "ruleset[0].away_goal" in str(error)
    assert "did you mean 'away_goals'" in str(error)


@pytest.mark.parametrize(
    ("change", "key", "words"),
    [
        (
            ('level_after_extra_time = "penalties"', ""),
            "ruleset[0].level_after_extra_time",
            "missing",
        ),
        (("away_goals = true", 'away_goals = "yes"'), "ruleset[0].away_goals", "true or false"),
        (('"penalties"', '"shootout"'), "ruleset[0].level_after_extra_time", "not one of"),
        (('id = "x"', 'id = "x"\nlegs = 1'), "ruleset[0].away_goals", "single match"),
        (('id = "x"', 'id = "x"\nlegs = 3'), "ruleset[0].legs", "1 or 2"),
        (
            ('id = "x"', 'id = "x"\nfirst_season = "2020-22"'),
            "ruleset[0].first_season",
            "consecutive",
        ),
        (
            ('id = "x"', 'id = "x"\nrounds = ["QF", "Final"]'),
            "ruleset[0].rounds",
            "'Final' is not a round code",
        ),
        (
            ('id = "x"', 'id = "x"\nfirst_season = "2020-21"\nlast_season = "2019-20"'),
            "ruleset[0].last_season",
            "before first_season",
        ),
        (
            ("\nextra_time = true", "\nextra_time = false"),
            "ruleset[0].away_goals_in_extra_time",
            "extra_time",
        ),
    ],
)
def test_invalid_entries(tmp_path: Path, change: tuple[str, str], key: str, words: str) -> None:
    path = write(tmp_path, VALID.replace(*change, 1))
    with pytest.raises(RuleSetError) as caught:
        load_rulesets(path)
    assert caught.value.key == key
    assert caught.value.file == str(path)
    assert words in str(caught.value)


def test_duplicate_id_with_builtin(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('id = "x"', 'id = "ucl-1970-penalties"'))
    with pytest.raises(RuleSetError, match=r"ruleset\[0\]\.id.*already used"):
        load_rulesets(path)


def test_unknown_top_level_key_invalid_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RuleSetError, match="rulesets.*did you mean 'ruleset'"):
        load_rulesets(write(tmp_path, "[[rulesets]]\nid = 'x'\n"))
    with pytest.raises(RuleSetError, match="not valid TOML"):
        load_rulesets(write(tmp_path, "[[ruleset]\n"))
    with pytest.raises(RuleSetError, match="cannot read"):
        load_rulesets(tmp_path / "absent.toml")


def test_lookup_by_id() -> None:
    catalogue = builtin_catalogue()
    assert catalogue.by_id("ucl-2021-no-away-goals").away_goals is False
    with pytest.raises(NotFoundError, match="no-such-id"):
        catalogue.by_id("no-such-id")
