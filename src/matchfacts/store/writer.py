"""Writing reconciled content into a new DuckDB file, swapped in only when complete."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import duckdb
import pandas as pd

from matchfacts.sources.records import GoalRecord, ReferenceForecast, ShootoutKick
from matchfacts.sources.registry import SourceSpec
from matchfacts.store.common_names import short_names, without_legal_form
from matchfacts.store.competitions import CONTINENTAL_CUPS
from matchfacts.store.coverage import coverage_rows
from matchfacts.store.crowds import behind_closed_doors
from matchfacts.store.db import create_store
from matchfacts.store.goals import Players, team_side
from matchfacts.store.identity import Identity
from matchfacts.store.lineage import FormerName
from matchfacts.store.lineage_review import ReviewedCandidate
from matchfacts.store.names import name_key
from matchfacts.store.reconcile import Reconciler, competition_id
from matchfacts.store.ties import KNOCKOUT_STAGES, link_ties

Finalize = Callable[[duckdb.DuckDBPyConnection], None]


@dataclass(slots=True)
class StoreContent:
    identity: Identity
    reconciler: Reconciler
    players: Players = field(default_factory=Players)
    goals: list[tuple[int, GoalRecord]] = field(default_factory=list)
    kicks: list[tuple[int, ShootoutKick]] = field(default_factory=list)
    goal_conflicts: list[tuple] = field(default_factory=list)
    assists: dict[int, str] = field(default_factory=dict)
    references: list[tuple[int, ReferenceForecast]] = field(
        default_factory=list
    )  # id(goal) -> another source's assist
    unresolved: list[tuple] = field(default_factory=list)
    former_names: list[FormerName] = field(default_factory=list)
    lineage_candidates: list[ReviewedCandidate] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def row_counts(self) -> dict[str, int]:
        return {name: len(frame) for name, frame in self.tables.items()}


def _frames(content: StoreContent) -> dict[str, pd.DataFrame]:
    identity, rec = content.identity, content.reconciler
    match_df = _match_frame(rec, identity)
    ties, tie_of_match = _tie_rows(rec)
    match_df["tie_id"] = [tie_of_match.get(i) for i in range(len(rec.matches))]
    frames = {
        "competition": _competition_frame(match_df),
        "team": _team_frame(identity),
        "team_alias": pd.DataFrame(
            [
                {
                    "alias": name,
                    "country": country,
                    "team_id": a.team_id,
                    "source": src,
                    "method": a.method,
                }
                for (src, name, country), a in identity.aliases.items()
            ]
        ),
        "match": match_df,
        "tie": pd.DataFrame(ties),
        "coverage": pd.DataFrame(
            coverage_rows(rec.matches),
            columns=["competition_id", "season", "source", "matches", "first_date", "last_date"],
        ),
        **_lineage_frames(content),
    }
    frames.update(_goal_frames(content))
    frames["reference_forecast"] = _reference_frame(content.references)
    frames["conflict"] = _conflicts(content)
    frames["unresolved"] = pd.DataFrame(
        [
            {
                "kind": kind,
                "value": value,
                "source": r.ref.source,
                "file": r.ref.file,
                "line": r.ref.line,
                "reason": kind,
            }
            for kind, value, r in content.unresolved
        ]
        + [
            {
                "kind": "undated match",
                "value": f"{r.home.name} v {r.away.name} {r.season}",
                "source": r.ref.source,
                "file": r.ref.file,
                "line": r.ref.line,
                "reason": "no date here and no other source reports the match",
            }
            for r in rec.undated
        ],
        columns=["kind", "value", "source", "file", "line", "reason"],
    )
    return frames


VALUE_COLUMNS = (
    "season",
    "stage",
    "round",
    "leg",
    "date",
    "kickoff_utc",
    "status",
    "home_goals",
    "away_goals",
    "home_goals_ht",
    "away_goals_ht",
    "home_goals_et",
    "away_goals_et",
    "home_pens",
    "away_pens",
    "went_to_extra_time",
    "went_to_penalties",
    "neutral",
    "attendance",
    "venue",
    "tier",
    "home_shots",
    "away_shots",
    "home_shots_on_target",
    "away_shots_on_target",
)


def _match_frame(rec: Reconciler, identity: Identity) -> pd.DataFrame:
    """The match table, built column by column: a dict per row would cost gigabytes."""
    merged = rec.matches
    columns: dict[str, list] = {
        "id": list(range(1, len(merged) + 1)),
        "competition_id": [competition_id(m.values) for m in merged],
        "home_id": [m.home_id for m in merged],
        "away_id": [m.away_id for m in merged],
    }
    for name in VALUE_COLUMNS:
        columns[name] = [m.values[name] for m in merged]
    # The host's country: the league's, or the home club's in a European match.
    hosts = [m.values["country"] or identity.teams[m.home_id].country for m in merged]
    columns["behind_closed_doors"] = [
        behind_closed_doors(d, a, c)  # type: ignore[arg-type]
        for d, a, c in zip(columns["date"], columns["attendance"], hosts, strict=True)
    ]
    columns["decided_by"] = [None] * len(merged)
    return pd.DataFrame(columns)


def _lineage_frames(content: StoreContent) -> dict[str, pd.DataFrame]:
    history = pd.DataFrame(
        [
            (f.team_id, f.name, f.country, f.valid_from, f.valid_until, f.citation)
            for f in content.former_names
        ],
        columns=["team_id", "name", "country", "valid_from", "valid_until", "citation"],
    )
    candidates = pd.DataFrame(
        [
            (
                r.candidate.team_id,
                r.candidate.other_id,
                r.candidate.rule,
                r.candidate.evidence,
                r.verdict,
                r.reason,
            )
            for r in content.lineage_candidates
        ],
        columns=["team_id", "other_team_id", "rule", "evidence", "verdict", "reason"],
    )
    # an empty date or id column would be read as text (or float): give DuckDB its type
    history[["valid_from", "valid_until"]] = history[["valid_from", "valid_until"]].astype(
        "datetime64[s]"
    )
    candidates["other_team_id"] = candidates["other_team_id"].astype("Int64")
    return {"team_name_history": history, "lineage_candidate": candidates}


def _competition_frame(match_df: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for cid in sorted(match_df["competition_id"].unique()):
        if cid in CONTINENTAL_CUPS:
            rows.append(
                {
                    "id": cid,
                    "name": CONTINENTAL_CUPS[cid][0],
                    "kind": CONTINENTAL_CUPS[cid][1],
                    "country": None,
                    "level": None,
                }
            )
        else:
            country, level = cid[:3], int(cid[3:])
            rows.append(
                {
                    "id": cid,
                    "name": f"{country} league, tier {level}",
                    "kind": "league",
                    "country": country,
                    "level": level,
                }
            )
    return pd.DataFrame(rows)


def _tie_rows(rec: Reconciler) -> tuple[list[dict], dict[int, int]]:
    rows = [
        {
            "index": i,
            "competition": competition_id(m.values),
            "season": m.values["season"],
            "stage": m.values["stage"],
            "round": m.values["round"],
            "leg": m.values["leg"],
            "date": m.values["date"],
            "home": m.home_id,
            "away": m.away_id,
            "status": m.values["status"],
        }
        for i, m in enumerate(rec.matches)
        if m.values["stage"] in KNOCKOUT_STAGES  # league matches form no ties
    ]
    ties, tie_of = [], {}
    for n, tie in enumerate(link_ties(rows), start=1):
        legs = list(tie.matches) + [None, None]
        ties.append(
            {
                "id": n,
                "competition_id": tie.competition,
                "season": tie.season,
                "round": tie.round,
                "team_a_id": tie.team_a,
                "team_b_id": tie.team_b,
                "first_leg_id": legs[0] + 1,
                "second_leg_id": None if legs[1] is None else legs[1] + 1,
                "replay_id": None if legs[2] is None else legs[2] + 1,
                "winner_id": None,
                "decided_by": None,
                "undetermined_reason": None,
                **_source_winner(rec, tie.matches),
            }
        )
        for index in tie.matches:
            tie_of[index] = n
    return ties, tie_of


def _source_winner(rec: Reconciler, indexes: tuple[int, ...]) -> dict:
    """A source's own tie winner and reason, kept only to compare with the engine's."""
    found = {"source_winner_id": None, "source_winner_from": None, "source_decided_by": None}
    for index in indexes:
        merged = rec.matches[index]
        for report in merged.reports:
            if report.source_decided_by and found["source_decided_by"] is None:
                found["source_decided_by"] = report.source_decided_by
            claimed = report.source_tie_winner
            if not claimed or found["source_winner_id"] is not None:
                continue
            for side, team_id in ((report.home, merged.home_id), (report.away, merged.away_id)):
                if side.name == claimed:
                    found["source_winner_id"] = team_id
                    found["source_winner_from"] = report.ref.source
    return found


def _team_frame(identity: Identity) -> pd.DataFrame:
    """Teams with a short name for prose: the curated one (common_names.toml: "Inter"),
    else the shortest spelling any source uses for the same club (same name key), the
    legal form dropped ("Liverpool" for "Liverpool FC", "Ajax" for "AFC Ajax"), unless
    another club would then share it."""
    spellings: dict[int, list[str]] = {}
    for (_, alias, _), link in identity.aliases.items():
        spellings.setdefault(link.team_id, []).append(alias)
    curated = {name_key(name): short for name, short in short_names().items()}
    shorts: dict[int, str] = {}
    fallback: dict[int, str] = {}
    for team in identity.teams.values():
        key = name_key(team.name)
        same = [a for a in spellings.get(team.id, []) if name_key(a) == key] + [team.name]
        # shortest first; among equals prefer the accented (more exact) spelling
        spelt = min(same, key=lambda a: (len(a), a.isascii(), a))
        fallback[team.id] = spelt
        stripped = without_legal_form(spelt)
        shorts[team.id] = curated.get(key) or min((spelt, stripped), key=len)
    taken: dict[str, list[int]] = {}
    for team_id, short in shorts.items():
        taken.setdefault(short.lower(), []).append(team_id)
    rows = []
    for team in identity.teams.values():
        short = shorts[team.id]
        if len(taken[short.lower()]) > 1:  # "Santa Coloma" would be two clubs
            short = fallback[team.id]
        rows.append(
            {"id": team.id, "name": team.name, "short_name": short, "country": team.country}
        )
    return pd.DataFrame(rows)


def _goal_frames(content: StoreContent) -> dict[str, pd.DataFrame]:
    rec, identity, players = content.reconciler, content.identity, content.players
    goals, kicks = [], []
    for index, goal in content.goals:
        merged = rec.matches[index]
        team_id = identity.team_of(goal.ref.source, goal.team)
        if team_id not in (merged.home_id, merged.away_id):
            if not goal.team.name or goal.match_home is None:
                # no side can be told (a scorer listed with neither team): report, not guess
                content.unresolved.append(("goal without side", goal.player or "", goal))
                continue
            side = team_side(goal.team.name, goal.match_home, goal.match_away or "")
            team_id = merged.home_id if side == "home" else merged.away_id
        assist = content.assists.get(id(goal)) or goal.assist_player
        goals.append(
            {
                "id": len(goals) + 1,
                "match_id": index + 1,
                "team_id": team_id,
                "player_id": players.of_goal(goal),
                "minute": goal.minute,
                "added_minute": goal.added_minute,
                "kind": goal.kind.value,
                "assist_player_id": players.of_name(assist, goal.ref.source) if assist else None,
                "_ref": goal.ref,
            }
        )
    for index, kick in content.kicks:
        merged = rec.matches[index]
        team_id = identity.team_of(kick.ref.source, kick.team) or merged.home_id
        kicks.append(
            {
                "id": len(kicks) + 1,
                "match_id": index + 1,
                "team_id": team_id,
                "player_id": players.of_goal(kick),
                "scored": kick.scored,
                "_ref": kick.ref,
            }
        )
    player_df = pd.DataFrame(
        [{"id": i, "name": n} for i, n in players.names.items()], columns=["id", "name"]
    )
    alias_df = pd.DataFrame(
        [{"alias": a, "player_id": p, "source": s} for a, p, s in sorted(players.aliases)],
        columns=["alias", "player_id", "source"],
    )
    return {
        "player": player_df,
        "player_alias": alias_df,
        "goal": pd.DataFrame(goals),
        "shootout_kick": pd.DataFrame(kicks),
    }


def _reference_frame(references: list[tuple[int, ReferenceForecast]]) -> pd.DataFrame:
    columns = [
        "match_id",
        "provider",
        "source",
        "file",
        "line",
        "p_home",
        "p_draw",
        "p_away",
        "odds_home",
        "odds_draw",
        "odds_away",
        "home_xg",
        "away_xg",
        "home_nsxg",
        "away_nsxg",
    ]
    rows = [
        (
            index + 1,
            r.provider,
            r.ref.source,
            r.ref.file,
            r.ref.line,
            r.p_home,
            r.p_draw,
            r.p_away,
            *(r.odds or (None, None, None)),
            r.home_xg,
            r.away_xg,
            r.home_nsxg,
            r.away_nsxg,
        )
        for index, r in references
    ]
    return pd.DataFrame(rows, columns=columns)


def _provenance(content: StoreContent) -> pd.DataFrame:
    rows = []
    for i, merged in enumerate(content.reconciler.matches):
        for r in merged.reports:
            rows.append(("match", i + 1, r.ref.source, r.ref.file, r.ref.line))
    for table in ("goal", "shootout_kick"):
        frame = content.tables.get(table)
        if frame is not None and len(frame):
            rows += [
                (table, gid, ref.source, ref.file, ref.line)
                for gid, ref in zip(frame["id"], frame["_ref"], strict=True)
            ]
    return pd.DataFrame(rows, columns=["table_name", "row_id", "source", "file", "line"])


def _conflicts(content: StoreContent) -> pd.DataFrame:
    rows = [
        {
            "table_name": "match",
            "row_id": c.row + 1,
            "field": c.field,
            "kept_value": c.kept,
            "kept_source": c.kept_ref.source,
            "kept_ref": f"{c.kept_ref.file}:{c.kept_ref.line}",
            "other_value": c.other,
            "other_source": c.other_ref.source,
            "other_ref": f"{c.other_ref.file}:{c.other_ref.line}",
        }
        for c in content.reconciler.conflicts
    ]
    for index, kept, n_kept, other, n_other, sample in content.goal_conflicts:
        rows.append(
            {
                "table_name": "match",
                "row_id": index + 1,
                "field": "goal_count",
                "kept_value": str(n_kept),
                "kept_source": kept,
                "kept_ref": "",
                "other_value": str(n_other),
                "other_source": other,
                "other_ref": f"{sample.ref.file}:{sample.ref.line}",
            }
        )
    frame = pd.DataFrame(
        rows,
        columns=[
            "table_name",
            "row_id",
            "field",
            "kept_value",
            "kept_source",
            "kept_ref",
            "other_value",
            "other_source",
            "other_ref",
        ],
    )
    frame.insert(0, "id", range(1, len(frame) + 1))
    return frame


INSERT_ORDER = (
    "competition",
    "team",
    "team_alias",
    "player",
    "player_alias",
    "match",
    "reference_forecast",
    "tie",
    "goal",
    "shootout_kick",
    "provenance",
    "conflict",
    "unresolved",
    "coverage",
    "team_name_history",
    "lineage_candidate",
)


def write_store(
    db_path: Path,
    content: StoreContent,
    specs: list[SourceSpec],
    finalize: Finalize | None = None,
) -> None:
    """Write everything to `<db>.building`, then rename it over `db_path`."""
    frames = _frames(content)
    content.tables = frames
    frames["provenance"] = _provenance(content)
    building = db_path.with_name(db_path.name + ".building")
    for leftover in (building, Path(str(building) + ".wal")):
        leftover.unlink(missing_ok=True)
    con = create_store(building)
    try:
        for table in INSERT_ORDER:
            frame = frames[table].drop(columns=["_ref"], errors="ignore")
            if len(frame):
                con.register("frame", frame)
                columns = ", ".join(f'"{c}"' for c in frame.columns)
                con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM frame")
                con.unregister("frame")
        _write_sources(con, frames, specs)
        con.execute(
            "INSERT INTO store_build VALUES (?, ?)",
            [dt.datetime.now(dt.UTC).replace(tzinfo=None), version("matchfacts")],
        )
        if finalize is not None:
            finalize(con)
        con.execute("CHECKPOINT")
    except BaseException:
        con.close()
        building.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(building, db_path)


# The SHA-256 of every file a store was built from (`matchfacts update` compares them with
# the newest versions). Created here rather than by a migration so that stores built
# before it stay readable: a store without it was built from the pinned registry.
SOURCE_FILE_TABLE = """
CREATE TABLE IF NOT EXISTS source_file (
    source TEXT NOT NULL,
    path   TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (source, path)
)"""


def _write_sources(con: duckdb.DuckDBPyConnection, frames: dict, specs: list[SourceSpec]) -> None:
    prov = frames["provenance"]
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.execute(SOURCE_FILE_TABLE)
    for spec in specs:
        if spec.files:  # DuckDB's executemany refuses an empty list
            con.executemany(
                "INSERT INTO source_file VALUES (?, ?, ?)",
                [(spec.name, f.path, f.sha256) for f in spec.files],
            )
        mine = prov[prov["source"] == spec.name]
        con.execute(
            "INSERT INTO source VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                spec.name,
                spec.title,
                spec.licence,
                spec.repository,
                spec.commit,
                spec.coverage,
                now,
                int((mine["table_name"] == "match").sum()),
                int((mine["table_name"] == "goal").sum()),
            ],
        )
