"""Building the store: parse every source, place names, merge matches, link ties, place
goals, and write it all to a new database file that replaces the old one only when whole.

An ingest lands whole or not at all: everything is parsed and reconciled in memory first
(a ParseError stops it before anything is written), then written to `<db>.building`, which
is renamed over the old file only after the last row is in.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from matchfacts.errors import ParseError, SourceError
from matchfacts.sources.fetch import Fetcher
from matchfacts.sources.records import Competition, GoalRecord, MatchRecord
from matchfacts.sources.registry import ParsedSource, SourceFiles, parser_for, registry, source
from matchfacts.store import identity as ident
from matchfacts.store.goals import MatchFinder, Players, team_side
from matchfacts.store.lineage import LineageEntry, join_lineage, read_lineage
from matchfacts.store.lineage_review import review_candidates
from matchfacts.store.lock import build_lock
from matchfacts.store.names import name_key
from matchfacts.store.reconcile import PRIORITY, Reconciler
from matchfacts.store.references import place_references
from matchfacts.store.writer import Finalize, StoreContent, write_store

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]
CURATED_ALIASES = Path(__file__).with_name("aliases.csv")
GOAL_COMPETITION = {"goals_time/champions-league.csv": "UCL", "goals_time/europa-league.csv": "UEL"}


@dataclass(slots=True)
class IngestReport:
    sources: dict[str, tuple[int, int]] = field(default_factory=dict)  # matches, goals read
    rows: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    unresolved: Counter[str] = field(default_factory=Counter)
    names_by_method: Counter[str] = field(default_factory=Counter)  # how each spelling was placed
    seconds: float = 0.0


def default_sources(fetcher: Fetcher) -> list[str]:
    """Openly licensed sources always; others only where the user pointed at local files."""
    return [s.name for s in registry().values() if s.open_licence or s.name in fetcher.local_dirs]


def ingest(
    db_path: Path,
    names: Sequence[str] | None = None,
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
    finalize: Finalize | None = None,
    aliases_file: Path | None = None,
) -> IngestReport:
    """Parse the sources, build the store, and swap it in whole.

    `finalize` runs on the new database before it replaces the old one (the tie engine
    fills tie winners there, from a layer this one may not import).
    """
    # Half a million small records and no reference cycles worth collecting: the cyclic
    # collector would only walk them again and again (about a fifth of the ingest's time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        with build_lock(db_path, progress):
            return _ingest(db_path, names, fetcher, progress, finalize, aliases_file)
    finally:
        if collecting:
            gc.enable()


def _ingest(
    db_path: Path,
    names: Sequence[str] | None,
    fetcher: Fetcher | None,
    progress: Progress | None,
    finalize: Finalize | None,
    aliases_file: Path | None,
) -> IngestReport:
    started = dt.datetime.now()
    fetcher = fetcher or Fetcher()
    say = progress or (lambda message: logger.info(message))
    chosen = list(names) if names else default_sources(fetcher)
    parsed: dict[str, ParsedSource] = {}
    specs = []  # as read: the pinned version, or the newest one (`update --latest`)
    steps = len(chosen) + 2  # each source, then placing teams, then writing
    for step, name in enumerate(sorted(chosen, key=_rank), 1):
        say(f"[{step}/{steps}] fetching and parsing {name}")
        spec = fetcher.resolve(source(name))
        specs.append(spec)
        parsed[name] = with_league_countries(parser_for(spec)(SourceFiles(spec, fetcher)))
    say(f"[{steps - 1}/{steps}] placing teams and merging matches")
    # Our curated aliases (names no match or spelling can place), then the user's own.
    user_aliases = read_user_aliases(CURATED_ALIASES)
    if aliases_file:
        user_aliases.update(read_user_aliases(aliases_file))
    content, report = build(parsed, user_aliases, read_lineage())
    say(f"[{steps}/{steps}] writing the store")
    write_store(db_path, content, specs, finalize)
    report.sources = {
        n: (len(p.matches) or len(p.references), len(p.goals)) for n, p in parsed.items()
    }
    report.rows = content.row_counts()
    report.seconds = (dt.datetime.now() - started).total_seconds()
    return report


def read_user_aliases(path: Path) -> dict[tuple[str, str | None], str]:
    """A user's alias file: CSV with columns alias,country,team (country may be empty)."""
    from matchfacts.sources.csvrows import read_rows

    if not path.is_file():
        raise SourceError(f"alias file {path} does not exist")
    out: dict[tuple[str, str | None], str] = {}
    for line, row in read_rows(path, str(path), ",", ("alias", "country", "team")):
        if not row["alias"].strip() or not row["team"].strip():
            raise ParseError(str(path), line, "alias and team must not be empty")
        out[(row["alias"].strip(), row["country"].strip() or None)] = row["team"].strip()
    return out


def with_league_countries(content: ParsedSource) -> ParsedSource:
    """League tables name clubs without a country; the league's country is theirs for
    placing names (Cardiff or Monaco aside, whose clubs play abroad: their names are
    unique enough to be found in that country's pool anyway)."""
    for i, record in enumerate(content.matches):
        if record.country and (record.home.country is None or record.away.country is None):
            content.matches[i] = replace(
                record,
                home=replace(record.home, country=record.home.country or record.country),
                away=replace(record.away, country=record.away.country or record.country),
            )
    return content


def _rank(name: str) -> int:
    return PRIORITY.index(name) if name in PRIORITY else len(PRIORITY)


def _european(record: MatchRecord) -> bool:
    return record.competition is not Competition.LEAGUE


def build(
    parsed: dict[str, ParsedSource],
    user_aliases: dict[tuple[str, str | None], str] | None = None,
    lineage: list[LineageEntry] | None = None,
) -> tuple[StoreContent, IngestReport]:
    """Everything the store holds, from the parsed sources (no I/O)."""
    identity = place_teams(parsed, user_aliases or {})
    # A club's former names join it only now, when every source has placed its names:
    # whichever source named the club first, its other names follow it.
    lineage = lineage or []
    joined = join_lineage(identity, lineage)
    report = IngestReport()
    reconciler = Reconciler()
    by_source_match_id: dict[tuple[str, str], int] = {}
    one_side: list[MatchRecord] = []
    for dated in (True, False):
        for name, content in parsed.items():
            for record in content.matches:
                if (record.date is not None) != dated:
                    continue
                home = identity.team_of(name, record.home)
                away = identity.team_of(name, record.away)
                if home is not None and home == away:
                    one_side.append(record)  # reported below with its place in the file
                    continue
                if home is None or away is None:
                    report.unresolved["team"] += 1
                    continue
                index = reconciler.add(record, home, away)
                if index is not None and record.source_match_id is not None:
                    by_source_match_id[(name, record.source_match_id)] = index
    report.unresolved["undated match"] += len(reconciler.undated)
    content = StoreContent(identity=identity, reconciler=reconciler)
    content.former_names = joined.former_names
    content.unresolved += [
        ("lineage", f"{entry.name} ({entry.country}): {why}", entry)
        for entry, why in joined.unplaced
    ]
    # two names of one match placed on one team: a lineage row (or alias) joined two clubs
    content.unresolved += [
        ("one team on both sides", f"{r.home.name} v {r.away.name} {r.date}", r) for r in one_side
    ]
    content.lineage_candidates = review_candidates(identity, reconciler.matches, lineage)
    place_goals(parsed, content, by_source_match_id)
    names: dict[int, set[str]] = defaultdict(set)
    for (_, alias, _), link in identity.aliases.items():
        names[link.team_id].add(name_key(alias))
    references = [r for source_content in parsed.values() for r in source_content.references]
    content.references, unplaced = place_references(references, reconciler.matches, names)
    content.unresolved += [
        ("reference without match", f"{r.home} v {r.away} {r.date}", r) for r in unplaced
    ]
    report.conflicts = len(reconciler.conflicts) + len(content.goal_conflicts)
    report.names_by_method = Counter(alias.method for alias in identity.aliases.values())
    report.unresolved.update(kind for kind, *_ in content.unresolved)
    return content, report


def place_teams(
    parsed: dict[str, ParsedSource], user_aliases: dict[tuple[str, str | None], str]
) -> ident.Identity:
    identity = ident.Identity()
    index = ident.PlacedIndex()
    for name, content in parsed.items():  # already in order of trust
        european = [r for r in content.matches if _european(r)]
        leagues = [r for r in content.matches if not _european(r)]
        for group in (european, leagues):
            ident.anchor_source_ids(identity, name, group)
            ident.apply_user_aliases(identity, name, group, user_aliases)
            ident.link_by_matches(identity, name, group, index)
            ident.place_remaining(identity, name, group, index)
            for record in group:
                home, away = (
                    identity.team_of(name, record.home),
                    identity.team_of(name, record.away),
                )
                if home and away:
                    index.add(record, home, away)
    return identity


def place_goals(
    parsed: dict[str, ParsedSource],
    content: StoreContent,
    by_source_match_id: dict[tuple[str, str], int],
) -> None:
    finder = MatchFinder()
    for index, merged in enumerate(content.reconciler.matches):
        for report in merged.reports:
            # only the competitions scorer lists come for are worth indexing
            if report.date is not None and report.competition in GOAL_COMPETITION.values():
                finder.add(
                    index,
                    report.competition.value,
                    merged.values["date"],  # type: ignore[arg-type]
                    report.home.name,
                    report.away.name,
                )
    players = content.players
    goals_by_match: dict[int, dict[str, list[GoalRecord]]] = defaultdict(lambda: defaultdict(list))
    for name, source_content in parsed.items():
        for goal in source_content.goals:
            index = _goal_match(name, goal, by_source_match_id, finder)
            if index is None:
                content.unresolved.append(("goal without match", goal.match_home or "", goal))
                continue
            goals_by_match[index][name].append(goal)
        for kick in source_content.kicks:
            index = by_source_match_id.get((name, kick.source_match_id))
            if index is not None:
                content.kicks.append((index, kick))
    for index, by_source in goals_by_match.items():
        ranked = sorted(by_source, key=_rank)
        kept = ranked[0]
        for other in ranked[1:]:
            if len(by_source[other]) != len(by_source[kept]):
                content.goal_conflicts.append(
                    (
                        index,
                        kept,
                        len(by_source[kept]),
                        other,
                        len(by_source[other]),
                        by_source[other][0],
                    )
                )
            content.assists.update(_learn_players(players, by_source[kept], by_source[other]))
        for goal in by_source[kept]:
            content.goals.append((index, goal))


def _goal_match(
    name: str, goal: GoalRecord, by_id: dict[tuple[str, str], int], finder: MatchFinder
) -> int | None:
    if goal.source_match_id is not None:
        return by_id.get((name, goal.source_match_id))
    competition = GOAL_COMPETITION.get(goal.ref.file, "UCL")
    if goal.match_date is None or goal.match_home is None or goal.match_away is None:
        return None
    return finder.find(competition, goal.match_date, goal.match_home, goal.match_away)


def _learn_players(
    players: Players, kept: list[GoalRecord], other: list[GoalRecord]
) -> dict[int, str]:
    """Same match, same minute (within one), same side: the same goal, so the same scorer
    spelled otherwise, and the other source's assist is this goal's assist."""
    assists: dict[int, str] = {}
    for goal in kept:
        if goal.player is None or goal.minute is None:
            continue
        player_id = players.of_goal(goal)
        for twin in other:
            if twin.player is None or twin.minute is None or abs(twin.minute - goal.minute) > 1:
                continue
            if (
                twin.match_home is not None
                and twin.team.name
                and team_side(twin.team.name, twin.match_home, twin.match_away or "")
                != team_side(goal.team.name, twin.match_home, twin.match_away or "")
            ):
                continue
            players.learn(twin.player, player_id, twin.ref.source)  # type: ignore[arg-type]
            if twin.assist_player and goal.assist_player is None:
                assists[id(goal)] = twin.assist_player
            break
    return assists
