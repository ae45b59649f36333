"""The lexicon: one table of words for every value of the fact algebra, read both ways.

`lexicon.toml` beside this file is the data. Writing takes the canonical word of a value
(`competition_name("UCL", "1975-76")` is "European Cup"); reading takes every variant to
its value (`LEXICON.reading("stage")["last eight"]` is "quarter_final"). The lexicon is the
one place that says what "European" and "knockout" mean and whether qualifying rounds
count (they do not, unless a claim says so).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    adjective: str
    read: tuple[str, ...]
    people: str = ""  # "the Scots": a side of the country in running text


class Lexicon:
    def __init__(self, data: dict) -> None:
        self.data = data
        self.european: tuple[str, ...] = tuple(data["competition_set"]["european"]["ids"])
        self.countries = {
            code: Country(code, v["name"], v["adjective"], tuple(v["read"]), v.get("people", ""))
            for code, v in data["country"].items()
        }
        self.grounds: dict[str, tuple[str, ...]] = {
            name: tuple(clubs) for name, clubs in data["ground"].items()
        }
        self.run_words: tuple[str, ...] = tuple(data["run"]["read"])

    # -- writing ---------------------------------------------------------------------
    def word(self, kind: str, value: str) -> str:
        """The desk's word for a value: word('stage', 'quarter_final') -> 'quarter-final'."""
        return self.data[kind][value]["write"]

    def competition_name(self, competition: str, season: str | None = None) -> str:
        """The competition's name in that season ('European Cup' in 1975-76); the latest
        name without a season."""
        entry = self.data["competition"].get(competition)
        if entry is None:
            return competition
        if season is not None:
            for era in entry["names"]:
                if "until" in era and season < era["until"]:
                    return era["name"]
        return entry["names"][-1]["name"]

    def competition_names(self, competition: str) -> tuple[str, ...]:
        """Every name the competition has had, oldest first: 'European Cup and Champions
        League' for a context that spans both eras."""
        entry = self.data["competition"].get(competition)
        return tuple(era["name"] for era in entry["names"]) if entry else (competition,)

    def first_season(self, competition: str) -> str | None:
        """The season the competition began, in the world (not in the data)."""
        entry = self.data["competition"].get(competition)
        return entry.get("first") if entry else None

    def league_from(self, competition: str) -> str | None:
        """The season league football began in the competition's country, where it is
        before the competition's own first ('the league' of Ajax began before the
        Eredivisie did); else its first season."""
        entry = self.data["competition"].get(competition)
        return entry.get("league_from", entry.get("first")) if entry else None

    def era_start(self, competition: str, variant: str | None = None) -> str | None:
        """The day a competition's current name began a new one ('Premier League':
        1992-08-01), or None; with `variant`, only if that reading names the new era."""
        era = self.data["competition"].get(competition, {}).get("era")
        if era is None or (variant is not None and variant.lower() not in era["read"]):
            return None
        return era["start"]

    def adjective(self, country: str | None) -> str | None:
        found = self.countries.get(country or "")
        return found.adjective if found else None

    # -- reading ---------------------------------------------------------------------
    @cache  # noqa: B019 - one lexicon per process
    def reading(self, kind: str) -> dict[str, str]:
        """Every variant of a kind's values, lower case, to its value."""
        if kind == "competition":
            return {
                variant: cid
                for cid, entry in self.data["competition"].items()
                for variant in entry["read"]
            }
        if kind == "country":
            return {variant: c.code for c in self.countries.values() for variant in c.read}
        return {
            variant: value
            for value, entry in self.data[kind].items()
            for variant in entry.get("read", ())
        }


@cache
def lexicon() -> Lexicon:
    text = resources.files(__package__).joinpath("lexicon.toml").read_text(encoding="utf-8")
    return Lexicon(tomllib.loads(text))


LEXICON = lexicon()
