"""Reading rule-set files: the built-in `rulesets.toml` and a user's own, validated alike.

Every error names the file and the key (`ruleset[3].away_goal`), with a suggestion for a
misspelt key, because a rule-set file is hand-written and a silent typo would quietly
change who wins a tie.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Callable, Mapping
from functools import cache
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from matchfacts.rules.catalogue import RuleCatalogue, RuleEntry, season_start
from matchfacts.rules.exceptions import RuleSetError, TieInputError
from matchfacts.rules.ruleset import LEVEL_AFTER_VALUES, SUDDEN_DEATH_VALUES, RuleSet
from matchfacts.sources.records import ROUNDS

BUILTIN_NAME = "matchfacts/rules/rulesets.toml"

Fail = Callable[[str, str], RuleSetError]  # (key, message) -> the error to raise

_BOOL_KEYS = (
    "away_goals",
    "away_goals_in_extra_time",
    "extra_time",
    "replay_extra_time",
    "neutral_venue",
)
_REQUIRED = (
    "id",
    "competition",
    "away_goals",
    "away_goals_in_extra_time",
    "extra_time",
    "level_after_extra_time",
)
_ALLOWED = frozenset(
    (
        *_REQUIRED,
        *_BOOL_KEYS,
        "first_season",
        "last_season",
        "rounds",
        "legs",
        "sudden_death",
        "source",
        "note",
    )
)


def load_rulesets(extra_path: str | Path | None = None) -> RuleCatalogue:
    """The built-in rule sets, followed by those in `extra_path` if given.

    Entries of the extra file take precedence over built-in ones of equal specificity
    (see `catalogue`). Raises RuleSetError naming the file and key of the first problem.
    """
    entries = list(builtin_catalogue().entries)
    if extra_path is not None:
        path = Path(extra_path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise RuleSetError(
                f"cannot read rule-set file: {exc.strerror}", file=str(path)
            ) from exc
        entries.extend(parse_rulesets(text, str(path)))
    _check_unique_ids(entries)
    return RuleCatalogue(tuple(entries))


@cache
def builtin_catalogue() -> RuleCatalogue:
    text = package_files("matchfacts.rules").joinpath("rulesets.toml").read_text(encoding="utf-8")
    entries = parse_rulesets(text, BUILTIN_NAME)
    _check_unique_ids(entries)
    return RuleCatalogue(tuple(entries))


def rules_for(
    competition: str,
    season: str,
    round_code: str | None = None,
    *,
    catalogue: RuleCatalogue | None = None,
) -> RuleSet:
    """The rule set for a competition ('UCL'...), season ('2020-21') and round ('QF'...)."""
    return (catalogue or builtin_catalogue()).select(competition, season, round_code)


def parse_rulesets(text: str, file: str) -> list[RuleEntry]:
    """The entries of one rule-set file; `file` is only used in error messages."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError(f"not valid TOML: {exc}", file=file) from exc
    for key in document:
        if key != "ruleset":
            raise RuleSetError(_unknown(key, {"ruleset"}), file=file, key=key)
    tables = document.get("ruleset", [])
    if not isinstance(tables, list):
        raise RuleSetError(
            "must be an array of tables: write [[ruleset]]", file=file, key="ruleset"
        )
    entries = []
    for index, table in enumerate(tables):
        if not isinstance(table, dict):
            raise RuleSetError(
                "must be a table: write [[ruleset]]", file=file, key=f"ruleset[{index}]"
            )
        entries.append(_entry(table, file, f"ruleset[{index}]"))
    return entries


def _entry(table: Mapping[str, Any], file: str, where: str) -> RuleEntry:
    def fail(key: str, message: str) -> RuleSetError:
        return RuleSetError(message, file=file, key=f"{where}.{key}")

    for key in table:
        if key not in _ALLOWED:
            raise fail(key, _unknown(key, _ALLOWED))
    for key in _REQUIRED:
        if key not in table:
            raise fail(key, "missing (required)")
    rules = _rules(table, fail)
    first = _season(table, "first_season", fail)
    last = _season(table, "last_season", fail)
    if first is not None and last is not None and first > last:
        raise fail("last_season", "is before first_season")
    return RuleEntry(
        competition=_text(table, "competition", fail),
        first_season=first,
        last_season=last,
        rounds=_rounds(table, fail),
        rules=rules,
        origin=file,
    )


def _rules(table: Mapping[str, Any], fail: Fail) -> RuleSet:
    values: dict[str, Any] = {key: _flag(table, key, fail) for key in _BOOL_KEYS if key in table}
    values["id"] = _text(table, "id", fail)
    values["level_after_extra_time"] = _choice(
        table, "level_after_extra_time", LEVEL_AFTER_VALUES, fail
    )
    if "sudden_death" in table:
        values["sudden_death"] = _choice(table, "sudden_death", SUDDEN_DEATH_VALUES, fail)
    if "legs" in table:
        legs = table["legs"]
        if isinstance(legs, bool) or legs not in (1, 2):
            raise fail("legs", f"must be 1 or 2, not {legs!r}")
        values["legs"] = legs
    for key in ("source", "note"):
        if key in table:
            values[key] = _text(table, key, fail, allow_empty=True)
    try:
        return RuleSet(**values)
    except RuleSetError as exc:  # contradictions between fields: re-point at file and key
        raise fail(exc.key or "id", exc.detail) from exc


def _flag(table: Mapping[str, Any], key: str, fail: Fail) -> bool:
    value = table[key]
    if not isinstance(value, bool):
        raise fail(key, f"must be true or false, not {value!r}")
    return value


def _text(table: Mapping[str, Any], key: str, fail: Fail, *, allow_empty: bool = False) -> str:
    value = table[key]
    if not isinstance(value, str) or (not allow_empty and not value.strip()):
        raise fail(key, f"must be a non-empty string, not {value!r}")
    return value


def _choice(table: Mapping[str, Any], key: str, allowed: tuple[str, ...], fail: Fail) -> Any:
    value = table[key]
    if value not in allowed:
        raise fail(key, f"{value!r} is not one of {', '.join(allowed)}")
    return value


def _season(table: Mapping[str, Any], key: str, fail: Fail) -> int | None:
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, str):
        raise fail(key, f"must be a season label like '2020-21', not {value!r}")
    try:
        return season_start(value)
    except TieInputError as exc:
        raise fail(key, str(exc)) from exc


def _rounds(table: Mapping[str, Any], fail: Fail) -> frozenset[str]:
    value = table.get("rounds", [])
    if not isinstance(value, list) or (not value and "rounds" in table):
        raise fail(
            "rounds", "must be a non-empty list of round codes (leave it out for all rounds)"
        )
    for code in value:
        if code not in ROUNDS:
            raise fail("rounds", f"{code!r} is not a round code; known: {', '.join(ROUNDS)}")
    return frozenset(value)


def _unknown(key: str, allowed: frozenset[str] | set[str]) -> str:
    close = difflib.get_close_matches(key, sorted(allowed), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown key{hint}; allowed: {', '.join(sorted(allowed))}"


def _check_unique_ids(entries: list[RuleEntry]) -> None:
    seen: dict[str, str] = {}
    per_file: dict[str, int] = {}
    for entry in entries:
        index = per_file.get(entry.origin, 0)
        per_file[entry.origin] = index + 1
        rule_id = entry.rules.id
        if rule_id in seen:
            raise RuleSetError(
                f"{rule_id!r} is already used in {seen[rule_id]}; pick another id",
                file=entry.origin,
                key=f"ruleset[{index}].id",
            )
        seen[rule_id] = entry.origin
