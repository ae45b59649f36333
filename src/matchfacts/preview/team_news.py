"""Team news a user writes (YAML or JSON): who is out or doubtful, and what they contributed.

The file's shape (see ../shared/examples): `teams: {TEAM: {out: [{player, reason}],
doubtful: [...]}}`, optionally `fixture: {home, away, date}`. Names are matched to the
players who scored for the team; an unknown name is an error with the nearest names.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import duckdb
import yaml

from matchfacts.errors import MatchfactsError, UnknownNameError
from matchfacts.facts.words import number
from matchfacts.store.lookup import TeamRef, resolve_team
from matchfacts.store.names import person_key, suggestions


class TeamNewsError(MatchfactsError):
    """A team-news file that cannot be read as team news: names the file and the key."""


@dataclass(frozen=True, slots=True)
class Absentee:
    player: str
    status: str  # "out" | "doubtful"
    reason: str
    long_term: bool
    goals: int  # in this season's competition, for this team, before the match
    known: bool  # scored for the team in the store (so the name could be checked)


@dataclass(frozen=True, slots=True)
class TeamNews:
    team: TeamRef
    absentees: tuple[Absentee, ...]
    team_goals: int

    @property
    def absentee_goals(self) -> int:
        return sum(a.goals for a in self.absentees if a.status == "out")

    def summary(self, competition_phrase: str) -> str | None:
        out = [a for a in self.absentees if a.status == "out"]
        if not out or not self.team_goals:
            return None
        if self.absentee_goals == 0:
            return (
                f"None of {self.team.short_name}'s {number(self.team_goals)} goals in this "
                f"season's {competition_phrase} came from the absentees."
            )
        return (
            f"The absentees scored {number(self.absentee_goals)} of "
            f"{self.team.short_name}'s {number(self.team_goals)} goals in this season's "
            f"{competition_phrase}."
        )


MAX_NEWS_BYTES = 100_000  # two squads' news is a few kilobytes
MAX_NEWS_DEPTH = 8  # teams -> side -> out -> player -> fields: a handful of levels


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without anchors and aliases: team news needs none, and a "billion laughs"
    file would expand them without bound."""

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases are not allowed in team news", event.start_mark
            )
        return super().compose_node(parent, index)


def _depth(value: object, level: int = 0) -> int:
    if level > MAX_NEWS_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level)
    return level


def read_team_news(path: Path) -> dict:
    try:
        size = path.stat().st_size
        if size > MAX_NEWS_BYTES:
            raise TeamNewsError(
                f"{path}: {size:,} bytes; team news is read up to {MAX_NEWS_BYTES:,} bytes"
            )
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TeamNewsError(f"{path}: cannot read team news: {exc}") from exc
    try:
        data = (
            json.loads(text) if path.suffix == ".json" else yaml.load(text, _NoAliasLoader)  # noqa: S506 - a SafeLoader
        )
    except (json.JSONDecodeError, yaml.YAMLError, RecursionError) as exc:
        raise TeamNewsError(
            f"{path}: not valid {'JSON' if path.suffix == '.json' else 'YAML'}: {exc}"
        ) from exc
    if _depth(data) > MAX_NEWS_DEPTH:
        raise TeamNewsError(f"{path}: nested deeper than {MAX_NEWS_DEPTH} levels")
    if not isinstance(data, dict) or not isinstance(data.get("teams"), dict):
        raise TeamNewsError(f"{path}: expected a mapping with a 'teams' key")
    return data


def team_news(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    match_id: int,
    competition: str,
    season: str,
    teams: tuple[TeamRef, TeamRef],
) -> list[TeamNews]:
    data = read_team_news(path)
    out = []
    for name, entry in data["teams"].items():
        try:
            team = resolve_team(con, str(name))
        except UnknownNameError as exc:
            raise TeamNewsError(f"{path}: teams.{name}: {exc}") from exc
        if team.id not in {t.id for t in teams}:
            raise TeamNewsError(
                f"{path}: teams.{name} does not play in this match "
                f"({teams[0].short_name} v {teams[1].short_name})"
            )
        scorers = _scorers(con, team.id, competition, season, match_id)
        all_scorers = _all_scorers(con, team.id)
        absentees = []
        for status in ("out", "doubtful"):
            for i, item in enumerate((entry or {}).get(status) or []):
                where = f"{path}: teams.{name}.{status}[{i}]"
                if not isinstance(item, dict) or "player" not in item:
                    raise TeamNewsError(f"{where}: expected {{player: NAME, reason: TEXT}}")
                player = str(item["player"])
                key = person_key(player)
                known = key in all_scorers
                if not known and all_scorers and _looks_like_typo(player, all_scorers):
                    raise TeamNewsError(
                        f"{where}: unknown player {player!r}; did you mean "
                        f"{', '.join(suggestions(player, all_scorers.values()))}?"
                    )
                absentees.append(
                    Absentee(
                        player,
                        status,
                        str(item.get("reason", "")),
                        bool(item.get("long_term", False)),
                        scorers.get(key, 0),
                        known,
                    )
                )
        total = con.execute(
            """SELECT count(*) FROM goal g JOIN match m ON m.id = g.match_id
               WHERE g.team_id = ? AND m.competition_id = ? AND m.season = ?
                 AND m.date < (SELECT date FROM match WHERE id = ?)""",
            [team.id, competition, season, match_id],
        ).fetchone()[0]
        out.append(TeamNews(team, tuple(absentees), total))
    return out


def _scorers(con, team_id, competition, season, match_id) -> dict[str, int]:  # noqa: ANN001
    rows = con.execute(
        """SELECT p.name, count(*) FROM goal g JOIN match m ON m.id = g.match_id
           JOIN player p ON p.id = g.player_id
           WHERE g.team_id = ? AND m.competition_id = ? AND m.season = ? AND g.kind <> 'own_goal'
             AND m.date < (SELECT date FROM match WHERE id = ?) GROUP BY 1""",
        [team_id, competition, season, match_id],
    ).fetchall()
    return {person_key(name): n for name, n in rows}


def _all_scorers(con: duckdb.DuckDBPyConnection, team_id: int) -> dict[str, str]:
    rows = con.execute(
        """SELECT DISTINCT p.name FROM goal g JOIN player p ON p.id = g.player_id
           WHERE g.team_id = ? AND g.kind <> 'own_goal'""",
        [team_id],
    ).fetchall()
    return {person_key(r[0]): r[0] for r in rows}


def _looks_like_typo(player: str, known: dict[str, str]) -> bool:
    """A name close to, but not, a scorer's: a misspelling worth stopping for. A defender
    who never scored is not an error: the data simply has no goals of his."""
    from rapidfuzz import fuzz

    key = person_key(player)
    return any(88 <= fuzz.ratio(key, k) < 100 for k in known)
