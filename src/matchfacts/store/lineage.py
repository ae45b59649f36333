"""A club's names over time: one team id for a club however it was called.

`lineage.csv` beside this file is curated and cited, one row a statement:
- `renamed`: the club was called `name` from `named_from` until `named_until` (Feijenoord,
  until 1974): the team the sources give under that name joins the club, and the name is
  kept with its dates (table team_name_history) so prose can write it as it was then;
- `spelling`: another spelling of the same club, or a source that writes a club's later or
  earlier name across its whole history ("Sg Sachsen Leipzig" for Chemie Leipzig in 1966):
  joined, with no dates to keep;
- `moved`: the same club under the same name in another association (Derry City, of the
  Irish League until 1972 and of the League of Ireland since 1985): joined, and the
  association of the time kept in team_name_history as a renamed club's name is;
- `not_same`: two teams the rules of lineage_rules.py flag as one club, which are two (two
  clubs of one city, a merger that founded a new club): never joined, the reason kept;
- `unverified`: a pair the rules flag that may be one club, left apart until someone checks
  (joining two clubs is worse than leaving one split): the doubt is the reason;
- `no_league`: a team with European matches and no league match in the store, for the
  reason given (an East German club: the store holds no DDR-Oberliga).

`name` and `club` are spellings some source uses (a team's name or any alias), each with
its country as the store has it; `known_as` is the former name as prose writes it, where the
source's spelling is not ("1. FC Lokomotive Leipzig" for schochastics's "1 FC Lok Leipzig").
A row the store cannot place is reported (unresolved, kind 'lineage'), never an error: a
source's next version may spell a club otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from matchfacts.errors import ParseError
from matchfacts.sources.csvrows import read_rows
from matchfacts.sources.records import SourceRef
from matchfacts.store.identity import Identity

LINEAGE_FILE = Path(__file__).with_name("lineage.csv")
COLUMNS = (
    "name",
    "country",
    "club",
    "club_country",
    "relation",
    "named_from",
    "named_until",
    "known_as",
    "citation",
    "reason",
)
JOINING = ("renamed", "moved", "spelling")
WITH_HISTORY = ("renamed", "moved")  # the rows whose name and dates team_name_history keeps
APART = ("not_same", "unverified")  # the rows that review a pair the rules flag
RELATIONS = (*JOINING, *APART, "no_league")


@dataclass(frozen=True, slots=True)
class LineageEntry:
    name: str
    country: str
    club: str | None
    club_country: str | None
    relation: str
    named_from: dt.date | None
    named_until: dt.date | None
    known_as: str | None
    citation: str
    reason: str
    ref: SourceRef


@dataclass(frozen=True, slots=True)
class FormerName:
    """A name a club carried, and when (either end may be open)."""

    team_id: int
    name: str
    country: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    citation: str


def read_lineage(path: Path = LINEAGE_FILE) -> list[LineageEntry]:
    label = path.name
    entries = []
    for line, row in read_rows(path, label, ",", COLUMNS):
        row = {k: (v or "").strip() for k, v in row.items()}
        relation = row["relation"]
        if relation not in RELATIONS:
            raise ParseError(label, line, f"relation {relation!r} is not one of {RELATIONS}")
        if not row["name"] or not row["country"]:
            raise ParseError(label, line, "name and country must not be empty")
        if relation != "no_league" and not (row["club"] and row["club_country"]):
            raise ParseError(label, line, f"a {relation} row needs club and club_country")
        if not row["citation"] or not row["reason"]:
            raise ParseError(label, line, "every row needs a citation and a reason")
        if relation in WITH_HISTORY and not row["named_until"]:
            # an open end would make the former name the club's name for ever after
            raise ParseError(label, line, f"a {relation} row needs named_until")
        entries.append(
            LineageEntry(
                name=row["name"],
                country=row["country"],
                club=row["club"] or None,
                club_country=row["club_country"] or None,
                relation=relation,
                named_from=_date(row["named_from"], label, line),
                named_until=_date(row["named_until"], label, line),
                known_as=row["known_as"] or None,
                citation=row["citation"],
                reason=row["reason"],
                ref=SourceRef("lineage", label, line),
            )
        )
    return entries


def _date(text: str, label: str, line: int) -> dt.date | None:
    """An ISO date, or a bare year meaning its 1 July: clubs are renamed between seasons,
    and a source that gives only the year gives no better."""
    if not text:
        return None
    try:
        return dt.date(int(text), 7, 1) if text.isdigit() else dt.date.fromisoformat(text)
    except ValueError:
        raise ParseError(label, line, f"{text!r} is neither a year nor a date") from None


def teams_spelt(identity: Identity, name: str, country: str | None) -> set[int]:
    """Every team some source gives under `name` in `country`, or whose own name it is."""
    found = {t.id for t in identity.teams.values() if t.name == name and t.country == country}
    for (_, alias, alias_country), link in identity.aliases.items():
        if alias == name and alias_country == country:
            found.add(link.team_id)
    return found


def club_id(identity: Identity, name: str, country: str | None) -> int | None:
    """The one team a row's `club` names: the team of that name, else the only team any
    source spells so; None where there is none or more than one."""
    own = [t.id for t in identity.teams.values() if t.name == name and t.country == country]
    if len(own) == 1:
        return own[0]
    spelt = teams_spelt(identity, name, country)
    return spelt.pop() if len(spelt) == 1 else None


@dataclass(slots=True)
class LineageResult:
    joined: list[tuple[LineageEntry, int, int]]  # entry, the team joined, the club's team
    former_names: list[FormerName]
    unplaced: list[tuple[LineageEntry, str]]  # entry, why the store cannot place it


def join_lineage(identity: Identity, entries: list[LineageEntry]) -> LineageResult:
    """Join every `renamed` and `spelling` row's team into its club, in file order (so a
    chain, A was B was C, ends on the club's team), and keep the former names."""
    result = LineageResult([], [], [])
    for entry in entries:
        if entry.relation not in JOINING:
            continue
        into = club_id(identity, entry.club, entry.club_country)  # type: ignore[arg-type]
        if into is None:
            result.unplaced.append((entry, f"club {entry.club!r} names no one team"))
            continue
        named = teams_spelt(identity, entry.name, entry.country)
        if not named:
            result.unplaced.append((entry, f"no source spells a team {entry.name!r}"))
            continue
        for old in sorted(named - {into}):
            identity.join(old, into, "curated")
            result.joined.append((entry, old, into))
        if entry.relation in WITH_HISTORY:
            result.former_names.append(
                FormerName(
                    into,
                    entry.known_as or entry.name,
                    entry.country,
                    entry.named_from,
                    entry.named_until,
                    entry.citation,
                )
            )
    return result


def not_same_pairs(
    identity: Identity, entries: list[LineageEntry]
) -> dict[frozenset[int], LineageEntry]:
    """The pairs of teams the file keeps apart (two clubs, or not yet checked), by their
    ids in this store."""
    pairs = {}
    for entry in entries:
        if entry.relation not in APART:
            continue
        for a in teams_spelt(identity, entry.name, entry.country):
            for b in teams_spelt(identity, entry.club, entry.club_country):  # type: ignore[arg-type]
                if a != b:
                    pairs[frozenset((a, b))] = entry
    return pairs


def without_league(identity: Identity, entries: list[LineageEntry]) -> dict[int, LineageEntry]:
    """The teams the file says play in Europe with no league in the store, by id."""
    return {
        team_id: entry
        for entry in entries
        if entry.relation == "no_league"
        for team_id in teams_spelt(identity, entry.name, entry.country)
    }
