"""The command line: parse arguments, call the library, print with Rich. Nothing else."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import duckdb
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from matchfacts import config
from matchfacts.errors import MatchfactsError, NotFoundError, UnknownNameError
from matchfacts.rules.outcome import Score
from matchfacts.sources.fetch import Fetcher
from matchfacts.sources.registry import registry
from matchfacts.store import summary
from matchfacts.store.db import open_store

app = typer.Typer(
    help="Football match previews from open data: ties, forecasts and facts, each proven.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",  # docstrings wrap as paragraphs
    pretty_exceptions_enable=False,  # `run` turns every error into one line, not a traceback
)
console = Console()
errors = Console(stderr=True)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="The DuckDB store (default: $MATCHFACTS_DB or the user data dir)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine output: one JSON object.")]


@app.callback()
def main(
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show what the library logs (data notes).")
    ] = False,
) -> None:
    """Football match previews from open data: ties, forecasts and facts, each proven."""
    # The library logs data notes (a renumbered leg, a skipped empty row); they go to the
    # store's tables too, so the console shows them only when asked.
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )


def _db(path: Path | None) -> Path:
    return path or config.default_db_path()


@contextmanager
def _store(db: Path | None) -> Iterator[duckdb.DuckDBPyConnection]:
    """The store for one command; the library's errors become clean exits (1 or 2)."""
    try:
        con = open_store(_db(db))
    except MatchfactsError as exc:
        _fail(exc)
    try:
        yield con
    except MatchfactsError as exc:
        _fail(exc)
    finally:
        con.close()


def _fail(exc: MatchfactsError) -> NoReturn:
    errors.print(f"[red]error:[/red] {exc}")
    code = 1 if isinstance(exc, NotFoundError | UnknownNameError) else 2
    raise typer.Exit(code)


@contextmanager
def _progress(quiet: bool = False) -> Iterator[Callable[[str], None]]:
    """Where a long step says how far it is: a Rich status line on a terminal, plain
    timed lines on stderr otherwise (a log, a CI job), nothing when asked to be quiet."""
    if quiet:
        yield lambda message: None
        return
    if errors.is_terminal:
        with errors.status("starting", spinner="dots") as status:
            yield lambda message: status.update(escape(message))
        return
    started = time.monotonic()

    def say(message: str) -> None:
        sys.stderr.write(f"[{time.monotonic() - started:6.1f}s] {message}\n")
        sys.stderr.flush()

    yield say


def _emit_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, default=str, ensure_ascii=False, indent=2) + "\n")


def _parse_local(values: list[str]) -> dict[str, Path]:
    out = {}
    for value in values:
        name, sep, folder = value.partition("=")
        if not sep or not folder:
            raise typer.BadParameter(f"--local wants NAME=DIR, got {value!r}")
        out[name] = Path(folder).expanduser()
    return out


@app.command()
def ingest(
    source: Annotated[
        list[str] | None,
        typer.Option("--source", "-s", help="Only these sources (default: all open ones)."),
    ] = None,
    local: Annotated[
        list[str] | None,
        typer.Option(
            "--local",
            help="NAME=DIR: read a source from your own copy (needed for "
            "sources without an open licence, e.g. kaggle-ucl-2016-2022).",
        ),
    ] = None,
    aliases: Annotated[
        Path | None,
        typer.Option("--aliases", help="CSV of your own team aliases: alias,country,team."),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Build the store from the sources: fetch, parse, place names, merge, link ties.

    The store is rebuilt whole and replaces the old one only when complete: a bad file
    leaves the old store exactly as it was.
    """
    from matchfacts.rules.fill import fill_tie_results
    from matchfacts.store.ingest import ingest as run_ingest

    path = _db(db)
    fetcher = Fetcher(local_dirs=_parse_local(local or []))
    try:
        with _progress(as_json) as say:
            report = run_ingest(
                path, source, fetcher, progress=say, finalize=fill_tie_results, aliases_file=aliases
            )
    except MatchfactsError as exc:
        _fail(exc)
        return
    if as_json:
        _emit_json(
            {
                "db": str(path),
                "seconds": report.seconds,
                "sources": report.sources,
                "rows": report.rows,
                "conflicts": report.conflicts,
                "unresolved": dict(report.unresolved),
                "names_by_method": dict(report.names_by_method),
            }
        )
        return
    table = Table(title=f"Store {path} built in {report.seconds:.1f} s")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in report.rows.items():
        table.add_row(name, f"{count:,}")
    console.print(table)
    console.print(
        f"conflicts between sources: {report.conflicts:,}; unresolved: "
        + ", ".join(f"{k} {v:,}" for k, v in report.unresolved.items())
    )
    console.print(
        "team spellings placed by: "
        + ", ".join(f"{method} {count:,}" for method, count in report.names_by_method.most_common())
    )
    _print_summary(path)


@app.command()
def update(
    latest: Annotated[
        bool,
        typer.Option(
            "--latest",
            help="Read each source that still publishes (openfootball, football-datasets ...) "
            "at the head of its branch, not at the registry's pinned commit.",
        ),
    ] = False,
    local: Annotated[
        list[str] | None,
        typer.Option("--local", help="NAME=DIR: a source read from your own copy, as ingest."),
    ] = None,
    aliases: Annotated[
        Path | None,
        typer.Option("--aliases", help="CSV of your own team aliases: alias,country,team."),
    ] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many rows of each change.")] = 20,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Bring the store to the sources' versions and say what changed: new matches, results
    of listed fixtures, corrected scores, new conflicts between sources.

    The default reads the pinned registry (a reproducible build); `--latest` opts in to
    the newest versions, recording the commit and SHA-256 of every file read (`sources`
    shows them). With `MATCHFACTS_DATA_MIRROR` set, the mirror stands for the newest
    version. The store is rebuilt whole beside the old one and swapped in only when
    complete; when no source changed, nothing is rebuilt."""
    from dataclasses import asdict

    from matchfacts.rules.fill import fill_tie_results
    from matchfacts.sources.latest import LatestFetcher
    from matchfacts.store.update import update as run_update

    path = _db(db)
    local_dirs = _parse_local(local or [])
    fetcher = LatestFetcher(local_dirs=local_dirs) if latest else Fetcher(local_dirs=local_dirs)
    try:
        with _progress(as_json) as say:
            report = run_update(path, fetcher, say, fill_tie_results, aliases)
    except MatchfactsError as exc:
        _fail(exc)
        return
    changes = {
        "new_matches": report.new_matches,
        "now_played": report.now_played,
        "corrected": report.corrected,
        "removed": report.removed,
        "new_conflicts": report.new_conflicts,
    }
    if as_json:
        _emit_json(
            {
                "db": str(path),
                "up_to_date": report.up_to_date,
                "sources": [asdict(c) for c in report.sources],
                **changes,
            }
        )
        return
    if report.up_to_date:
        console.print(f"The store at {path} is up to date: no source changed, nothing rebuilt.")
        return
    for change in report.sources:
        console.print(
            f"{change.name}: {change.old_commit[:10]} -> {change.new_commit[:10]}, "
            f"{len(change.files_changed)} file(s) changed"
        )
    for what, rows in changes.items():
        console.print(f"{what.replace('_', ' ')}: {len(rows):,}")
        if rows:
            table = Table(*rows[0].keys())
            for row in rows[:limit]:
                table.add_row(*("" if v is None else str(v) for v in row.values()))
            console.print(table)


def _print_summary(path: Path) -> None:
    con = open_store(path)
    try:
        table = Table(title="Competitions in the store")
        columns = ("id", "name", "first season", "last season", "seasons", "matches", "missing")
        for column in columns:
            table.add_column(column)
        for row in summary.competition_coverage(con):
            table.add_row(
                row["id"],
                row["name"],
                row["first_season"],
                row["last_season"],
                str(row["seasons"]),
                f"{row['matches']:,}",
                ", ".join(row["missing"]),
            )
        console.print(table)
    finally:
        con.close()


@app.command()
def sources(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the known sources: licence, coverage, rows in the store and freshness."""
    from matchfacts.store.update import Version, recorded_versions

    path = _db(db)
    status: dict[str, dict] = {}
    versions: dict[str, Version] = {}
    if path.exists():
        try:
            con = open_store(path)
            status = summary.source_status(con)
            versions = recorded_versions(con)
            con.close()
        except MatchfactsError as exc:
            _fail(exc)
    rows = []
    for spec in registry().values():
        s = status.get(spec.name, {})
        held = versions.get(spec.name)
        rows.append(
            {
                "name": spec.name,
                "licence": spec.licence,
                "open": spec.open_licence,
                "coverage": spec.coverage,
                "commit": spec.commit[:10],
                "pinned_commit": spec.commit,
                "store_commit": held.commit if held else None,
                # files the store read whose SHA-256 is not the pinned one (update --latest)
                "files_not_pinned": len(held.files - Version.of(spec).files) if held else None,
                "matches": s.get("matches"),
                "goals": s.get("goals"),
                "last_match": s.get("last_match"),
                "conflicts": s.get("conflicts"),
                "status": "ingested"
                if s
                else ("not ingested" if spec.open_licence else "local files only"),
            }
        )
    if as_json:
        _emit_json({"sources": rows})
        return
    table = Table(title="Sources")
    columns = ("name", "licence", "coverage", "pinned", "in the store", "matches", "goals",
               "last match", "status")  # fmt: skip
    for column in columns:
        table.add_column(column, overflow="fold")
    for r in rows:
        held = (r["store_commit"] or "")[:10]
        if r["files_not_pinned"]:
            held += f" (fetched: {r['files_not_pinned']} file(s) differ from the pin)"
        table.add_row(
            r["name"],
            r["licence"],
            r["coverage"],
            r["commit"],
            held,
            "" if r["matches"] is None else f"{r['matches']:,}",
            "" if r["goals"] is None else f"{r['goals']:,}",
            str(r["last_match"] or ""),
            r["status"],
        )
    console.print(table)


@app.command()
def fixtures(
    date: Annotated[str | None, typer.Option("--date", "-d", help="One day, YYYY-MM-DD.")] = None,
    start: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = None,
    competition: CompetitionOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """The matches the sources list but have not played in their copy (openfootball's files
    carry the season's future fixtures), each one `preview` takes as it is. Default: from
    today on."""
    from matchfacts.store.planned import competition_id, scheduled

    if date and (start or end):
        raise typer.BadParameter("--date or --from/--to, not both")
    first = _date(date or start) if (date or start) else dt.date.today()
    last = _date(date or end) if (date or end) else None
    if last is not None and last < first:
        raise typer.BadParameter(f"--to {last} is before --from {first}")
    try:
        with _store(db) as con:
            comp = competition_id(con, competition) if competition else None
            rows = scheduled(con, first, last, comp)
    except MatchfactsError as exc:
        _fail(exc)
        return
    if as_json:
        _emit_json({"fixtures": [{**r, "date": r["date"].isoformat()} for r in rows]})
        return
    if not rows:
        until = f" to {last}" if last else ""
        errors.print(f"No scheduled match from {first}{until} in the store.")
        return
    table = Table("date", "competition", "round", "home", "away", "neutral")
    for r in rows:
        table.add_row(str(r["date"]), r["competition"], r["round"] or "", r["home"], r["away"],
                      "yes" if r["neutral"] else "")  # fmt: skip
    console.print(table)


@app.command(name="summary")
def show_summary(db: DbOption = None, as_json: JsonOption = False) -> None:
    """One screen on the store: rows per table and competitions covered."""
    path = _db(db)
    try:
        con = open_store(path)
    except MatchfactsError as exc:
        _fail(exc)
        return
    counts = summary.table_counts(con)
    coverage = summary.competition_coverage(con)
    con.close()
    if as_json:
        _emit_json({"rows": counts, "competitions": coverage})
        return
    table = Table("table", "rows", title="Rows in the store")
    for name, rows in counts.items():
        table.add_row(name, f"{rows:,}")
    console.print(table)
    _print_summary(path)


@app.command(name="replay-ties")
def replay_ties_command(
    competition: Annotated[
        str | None, typer.Option(help="Only this competition (UCL, UEL, UCWC ...).")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Replay the tie engine against every tie in the store and show, by competition and
    era, where its winner and manner agree with what happened (a source's verdict, or who
    played the next round), and every disagreement with its evidence."""
    from matchfacts.rules.replay import replay_ties

    with _store(db) as con:
        report = replay_ties(con)
    if competition:
        report.cases = [c for c in report.cases if c.competition == competition.upper()]
    rows, disagreements = report.table(), report.disagreements()
    if as_json:
        _emit_json(
            {
                "table": rows,
                "disagreements": [
                    {k: getattr(c, k) for k in c.__dataclass_fields__} for c in disagreements
                ],
            }
        )
        return
    table = Table(title="The tie engine against what happened")
    for column in (
        "competition",
        "era (rule set)",
        "ties",
        "agrees",
        "disagrees",
        "undetermined",
        "unverifiable",
        "manner agrees",
    ):
        table.add_column(column, justify="left" if column.startswith(("comp", "era")) else "right")
    for r in rows:
        table.add_row(
            r["competition"],
            r["era"],
            str(r["ties"]),
            str(r["agrees"]),
            str(r["disagrees"]),
            str(r["undetermined"]),
            str(r["unverifiable"]),
            f"{r['manner_agrees']}/{r['manner_checked']}",
        )
    console.print(table)
    for c in disagreements:
        console.print(
            f"• {c.competition} {c.season} {c.round}: {c.team_a} v {c.team_b}: {c.explanation}"
        )


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2021-04-14") from None


def _score(value: str | None) -> Score | None:
    if value is None:
        return None
    home, sep, away = value.partition("-")
    if not (sep and home.strip().isdigit() and away.strip().isdigit()):
        raise typer.BadParameter(f"{value!r} is not a score like 1-0")
    if max(int(home), int(away)) > MAX_GOALS:
        raise typer.BadParameter(f"{value!r}: a side's goals are 0..{MAX_GOALS}")
    return Score(int(home), int(away))


MAX_GOALS = 30  # more than any side has scored in a UEFA match (the grids go to 15)


DateOption = Annotated[str, typer.Option("--date", "-d", help="Match day, YYYY-MM-DD.")]
# For a match the store does not hold (next week's): what it is, where it cannot be inferred.
CompetitionOption = Annotated[
    str | None,
    typer.Option(
        "--competition", "-c",
        help="For a match the store does not hold: its competition (UCL, ENG1, 'Champions "
        "League' ...). Default: the competition both sides last played in.",
    ),
]  # fmt: skip
RoundOption = Annotated[
    str | None,
    typer.Option(
        "--round", help="Its round (QF, SF, F, R16, PO, LEAGUE_PHASE or 'quarter-final' ...)."
    ),
]
LegOption = Annotated[
    int | None,
    typer.Option(min=1, max=2, help="Its leg: 2 finds the first leg of the past six weeks."),
]
NeutralOption = Annotated[
    bool | None, typer.Option("--neutral/--not-neutral", help="Played at a neutral ground.")
]


def _plan(competition: str | None, round_: str | None, leg: int | None, neutral: bool | None):  # noqa: ANN202
    from matchfacts.store.planned import Plan

    return Plan(competition, round_, leg, neutral)


def _say_notices(match) -> None:  # noqa: ANN001 - a MatchRow
    """A planned match's notes (not in the store; what was inferred) and stale data."""
    for note in match.notes:
        errors.print(f"[yellow]note:[/yellow] {note}")
RESULT_MARKS = {
    "home": "[green]H[/green]",
    "away": "[red]A[/red]",
    "extra_time": "[yellow]ET[/yellow]",
    "penalties": "[yellow]P[/yellow]",
    "replay": "[yellow]R[/yellow]",
    "coin_toss": "[yellow]C[/yellow]",
}


@app.command()
def tie(
    home: Annotated[str, typer.Argument(help="The side at home in this match.")],
    away: Annotated[str, typer.Argument(help="The visitors.")],
    date: DateOption,
    bound: Annotated[int, typer.Option(help="Largest score in the outcome table.")] = 6,
    minute: Annotated[int | None, typer.Option(help="Minute of a match in progress.")] = None,
    score: Annotated[str | None, typer.Option(help="Score at --minute, e.g. 1-0.")] = None,
    score_90: Annotated[
        str | None, typer.Option("--score-90", help="Score after 90 (for a --minute past 90).")
    ] = None,
    rules: Annotated[
        Path | None,
        typer.Option(
            "--rules", help="A TOML file of your own rule sets (see rules/rulesets.toml)."
        ),
    ] = None,
    competition: CompetitionOption = None,
    round_: RoundOption = None,
    leg: LegOption = None,
    neutral: NeutralOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """The tie before a match: first leg, aggregate, the season's rules, and what every
    score sends each side through, to extra time or out. A match the store does not hold
    (a date after its newest result, or with --competition) is taken as planned: its first
    leg is the one the two played in the past six weeks."""
    from matchfacts.rules.loader import load_rulesets
    from matchfacts.rules.situation import situation_dict, tie_situation
    from matchfacts.store.lookup import resolve_team

    day = _date(date)
    if not 0 <= bound <= 15:
        raise typer.BadParameter("--bound must be 0..15")
    if (minute is None) != (score is None):
        raise typer.BadParameter("--minute and --score go together")
    try:
        catalogue = load_rulesets(rules) if rules else None
        con = open_store(_db(db))
        try:
            situation = tie_situation(
                con, resolve_team(con, home), resolve_team(con, away), day, bound, catalogue,
                _plan(competition, round_, leg, neutral),
            )  # fmt: skip
            _say_notices(situation.match)
        finally:
            con.close()
        live = (
            situation.live(minute, _score(score), _score(score_90)) if minute is not None else None
        )
    except MatchfactsError as exc:
        _fail(exc)
        return
    if as_json:
        out = situation_dict(situation)
        if live:
            out["in_progress"] = {"minute": minute, "score": score, "words": live}
        _emit_json({"tie": out})
        return
    _print_tie(situation, live)


@app.command()
def forecast(
    home: Annotated[str, typer.Argument(help="The side at home in this match.")],
    away: Annotated[str, typer.Argument(help="The visitors.")],
    date: DateOption,
    competition: CompetitionOption = None,
    round_: RoundOption = None,
    leg: LegOption = None,
    neutral: NeutralOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Match and progression probabilities as of the match day, from matches before it
    only: Dixon-Coles fitted over every league and European match, its win probabilities
    blended a fifth with Elo's, exact sums over the scoreline grid, extra time and
    penalties under that season's rules."""
    from matchfacts.model.forecast import forecast as run_forecast
    from matchfacts.store.lookup import resolve_team

    day = _date(date)
    with _store(db) as con, console.status("fitting the ratings", spinner="dots"):
        result = run_forecast(
            con, resolve_team(con, home), resolve_team(con, away), day,
            plan=_plan(competition, round_, leg, neutral),
        )  # fmt: skip
    _say_notices(result.match)
    if as_json:
        _emit_json({"forecast": result.as_dict()})
        return
    _print_forecast(result)


def _season_bounds(first: str, last: str) -> tuple[dt.date, dt.date, str, str]:
    """'2016-17' or '2016' -> the days that hold the seasons (backtest.season_days) and
    their labels."""
    from matchfacts.model.backtest import season_days

    def start_year(value: str) -> int:
        head = value.split("-")[0]
        if not (head.isdigit() and len(head) == 4):
            raise typer.BadParameter(f"{value!r} is not a season like 2016-17 or a year")
        return int(head)

    a, b = start_year(first), start_year(last)
    if b < a:
        raise typer.BadParameter(f"--to {last} is before --from {first}")
    label = lambda y: f"{y}-{(y + 1) % 100:02d}"  # noqa: E731
    return (*season_days(a, b), label(a), label(b))


@app.command()
def backtest(
    competition: Annotated[
        list[str] | None,
        typer.Option("--competition", "-c", help="UCL, ENG1, ESP1 ... (repeat; default ENG1)."),
    ] = None,
    start: Annotated[str, typer.Option("--from", help="First season, e.g. 2020-21.")] = "2020-21",
    end: Annotated[str, typer.Option("--to", help="Last season, e.g. 2021-22.")] = "2020-21",
    ties: Annotated[
        bool, typer.Option("--ties", help="Also second legs: who goes through.")
    ] = False,
    refit_days: Annotated[
        int,
        typer.Option(
            help="Refit the ratings every N days (1: as of each match day, as a forecast is)."
        ),
    ] = 1,
    rounds: Annotated[
        str,
        typer.Option(
            help="proper: a cup's qualifying rounds left out, as everywhere in matchfacts;"
            " qualifying: only them; all."
        ),
    ] = "proper",
    per_match: Annotated[
        bool, typer.Option("--per-match", help="With --json: every match's row too.")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            help="Write every match (its forecasts, the references', the result, its sets"
            " and why it is left out of one) to this CSV file."
        ),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Our forecasts against what happened (ranked probability score, log loss, Brier and
    a calibration table), beside FiveThirtyEight, the bookmaker and a base rate on exactly
    the same matches; with --ties, progression forecasts of second legs against the base
    rate of earlier ties with the same first-leg margin."""
    from matchfacts.model.backtest import ROUNDS, match_backtest, per_match_rows, tie_backtest

    competitions = [c.upper() for c in (competition or ["ENG1"])]
    first_day, last_day, first_season, last_season = _season_bounds(start, end)
    if not 1 <= refit_days <= 365:
        raise typer.BadParameter("--refit-days must be 1..365")
    if rounds not in ROUNDS:
        *others, last = ROUNDS
        raise typer.BadParameter(f"--rounds {rounds!r}: {', '.join(others)} or {last}")
    try:
        con = open_store(_db(db))
        try:
            with console.status("backtesting", spinner="dots") as status:
                say = None if as_json else (lambda m: status.update(m))
                run = match_backtest(
                    con,
                    competitions,
                    first_day,
                    last_day,
                    refit_days,
                    say,
                    rounds,
                    (first_season, last_season),
                )
                tie_sets = {
                    c: tie_backtest(con, c, first_season, last_season, refit_days, say, rounds)
                    for c in competitions
                    if ties and c in ("UCL", "UEL", "UCWC", "UECL")
                }
        finally:
            con.close()
    except MatchfactsError as exc:
        _fail(exc)
        return
    sets, rows = run.sets, per_match_rows(run.matches)
    if out is not None:
        write_rows(out, rows)
    if as_json:
        _emit_json(
            {
                **({"per_match": rows} if per_match else {}),
                "matches": [
                    {
                        "set": s.name,
                        "n": s.n,
                        "metrics": s.metrics,
                        "matchfacts_ahead_by_rps": {
                            model: {"mean": mean, "standard_error": se}
                            for model, (mean, se) in s.lead.items()
                        },
                        "calibration": s.calibration,
                        "left_out": {
                            reason: {"n": len(names), "matches": names}
                            for reason, names in s.left_out.items()
                        },
                    }
                    for s in sets
                ],
                "ties": {
                    c: {
                        "n": t.n,
                        "metrics": t.metrics,
                        "calibration": t.calibration,
                        "second_leg_hosts": t.hosts,
                        **({"per_tie": t.ties} if per_match else {}),
                    }
                    for c, t in tie_sets.items()
                },
            }
        )
        return
    for s in sets:
        console.print(
            match_set_table(f"{', '.join(competitions)} {first_season}..{last_season}", s)
        )
        for line in left_out_lines(s):
            console.print(line, markup=False, highlight=False)
    console.print(_calibration_table("all matches, every outcome", sets[0].calibration))
    for comp, t in tie_sets.items():
        table = Table(
            title=f"{comp} second legs {first_season}..{last_season}: who goes through ({t.n:,})"
        )
        for column in ("model", "Brier", "log loss"):
            table.add_column(column, justify="right")
        for model, m in t.metrics.items():
            table.add_row(model, f"{m['brier']:.4f}", f"{m['log_loss']:.4f}")
        console.print(table)
        console.print(_calibration_table(f"{comp} second legs, either side", t.calibration))
        console.print(host_table(f"{comp} second-leg hosts", t.hosts))


def write_rows(path: Path, rows: list[dict]) -> None:
    """Per-match rows as CSV: a probability absent is an empty cell."""
    import csv

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def left_out_lines(s) -> list[str]:  # noqa: ANN001 (a backtest.MatchSet)
    """Each reason a match of the backtest is not in set `s`, with the count and the first
    few matches (all of them are in the per-match file)."""
    lines = []
    for reason, names in sorted(s.left_out.items(), key=lambda kv: -len(kv[1])):
        shown = ", ".join(names[:3]) + (" ..." if len(names) > 3 else "")
        lines.append(f"  left out: {len(names):,} - {reason}: {shown}")
    return lines


def match_set_table(title: str, s) -> Table:  # noqa: ANN001 (a backtest.MatchSet)
    """One backtest set's scores, each model on the same matches; beside each other
    model, how far matchfacts is ahead of it in RPS, with the paired standard error."""
    table = Table(title=f"{title}: {s.name} ({s.n:,} matches)")
    for column in ("model", "RPS", "log loss", "Brier", "matchfacts ahead by (RPS ± s.e.)"):
        table.add_column(column, justify="right")
    for model, m in s.metrics.items():
        lead = s.lead.get(model)
        table.add_row(
            model,
            f"{m['rps']:.4f}",
            f"{m['log_loss']:.4f}",
            f"{m['brier']:.4f}",
            f"{lead[0]:+.5f} ± {lead[1]:.5f}" if lead else "",
        )
    return table


def host_table(title: str, rows: list[dict]) -> Table:
    """The second-leg hosts' stated chance of going through against how often they did,
    by era (backtest.host_calibration)."""
    table = Table(title=title)
    for column in ("era", "ties", "stated", "observed", "gap ± s.e.", "Brier", "base rate"):
        table.add_column(column, justify="right")
    for r in rows:
        table.add_row(
            r["era"],
            f"{r['n']:,}",
            f"{r['stated']:.3f}",
            f"{r['observed']:.3f}",
            f"{r['observed'] - r['stated']:+.3f} ± {r['gap_standard_error']:.3f}",
            f"{r['brier']:.4f}",
            f"{r['base_rate_brier']:.4f}",
        )
    return table


def _calibration_table(what: str, rows: list[dict]) -> Table:
    table = Table(title=f"Calibration of matchfacts ({what})")
    for column in ("stated", "n", "mean stated", "observed"):
        table.add_column(column, justify="right")
    for row in rows:
        table.add_row(
            f"{row['from']:.1f}-{row['to']:.1f}",
            f"{row['n']:,}",
            f"{row['stated']:.3f}",
            f"{row['observed']:.3f}",
        )
    return table


@app.command()
def facts(
    home: Annotated[str, typer.Argument(help="The side at home in this match.")],
    away: Annotated[str, typer.Argument(help="The visitors.")],
    date: DateOption,
    limit: Annotated[int, typer.Option(help="At most this many facts.")] = 20,
    evidence: Annotated[bool, typer.Option(help="List the matches behind each fact.")] = False,
    competition: CompetitionOption = None,
    round_: RoundOption = None,
    leg: LegOption = None,
    neutral: NeutralOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Match facts as of the match day: the fact sheet (head-to-head totals, previous
    meetings, each side's record and scorers in this season's competition, its history at
    this stage), then the facts the lattice of queries finds around the fixture (runs,
    records, first-since, n-th visit, the tie situation's base rate, players' goals),
    ranked, written as sentences, each with its query and the matches that prove it."""
    from matchfacts.facts.evaluate import Evaluator
    from matchfacts.facts.mine import StoreNames, facts_for, fixture_of
    from matchfacts.facts.sheet import fact_sheet
    from matchfacts.store.lookup import resolve_team

    day = _date(date)
    if not 1 <= limit <= 100:
        raise typer.BadParameter("--limit must be 1..100")
    with _store(db) as con:
        h, a = resolve_team(con, home), resolve_team(con, away)
        plan = _plan(competition, round_, leg, neutral)
        fx = fixture_of(con, h, a, day, plan)
        ev = Evaluator(con, fx.match.date)  # one read of each subject's units for both
        found = facts_for(con, h, a, day, limit, ev, plan)
        sheet = fact_sheet(con, fx, StoreNames(con), ev)
    _say_notices(fx.match)
    if as_json:
        _emit_json(
            {
                "facts": {"as_of": day.isoformat(), "facts": [f.as_dict() for f in found]},
                "fact_sheet": [line.as_dict() for line in sheet],
            }
        )
        return
    for line in sheet:
        console.print(f"[bold]{line.title}[/bold]: {line.text}")
    console.print()
    for number, fact in enumerate(found, start=1):
        console.print(f"{number}. {fact.text} [dim]({fact.form})[/dim]")
        if evidence:
            for e in fact.evidence:
                console.print(
                    f"     [dim]{e.date} {e.competition} {e.round or ''}: {e.home} "
                    f"{e.home_goals}-{e.away_goals} {e.away}[/dim]"
                )


VERDICT_STYLES = {
    "supported": "green",
    "refuted": "red",
    "imprecise": "yellow",
    "not_checkable": "dim",
}


@app.command()
def check(
    file: Annotated[
        str, typer.Argument(help="The preview to check: a text or Markdown file, or - for stdin.")
    ],
    date: DateOption,
    home: Annotated[str | None, typer.Option(help="The side at home in the fixture.")] = None,
    away: Annotated[str | None, typer.Option(help="The visitors.")] = None,
    marked: Annotated[
        bool, typer.Option(help="Print the text first, each claim marked with its verdict.")
    ] = True,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Verify every statistical claim in a written preview as of the match day.

    Each sentence with a number, a number word or a claim word ("only", "since",
    "consecutive", "need to win by") is read into a fact form and checked: **supported**;
    **refuted**, with the right figure and the matches behind it; **imprecise**, true only
    under another reading (qualifying rounds counted, another competition set); or **not
    checkable**, with the reason. Without --home/--away the fixture is the match on that
    day whose two sides the text names."""
    from matchfacts.check.checker import MAX_BYTES, check_text, read_text
    from matchfacts.store.lookup import resolve_team

    day = _date(date)
    if (home is None) != (away is None):
        raise typer.BadParameter("give both --home and --away, or neither")
    try:
        # stdin is read up to one byte past the limit, so endless input ends in an error
        text = (
            read_text("stdin", sys.stdin.buffer.read(MAX_BYTES + 1)) if file == "-"
            else read_text(file)
        )  # fmt: skip
    except MatchfactsError as exc:
        _fail(exc)
    with _store(db) as con:
        sides = (
            (resolve_team(con, home), resolve_team(con, away)) if home and away else (None, None)
        )
        report = check_text(con, text, day, *sides)
    if as_json:
        _emit_json({"check": report.as_dict()})
        return
    if report.fixture:
        console.print(f"[bold]{report.fixture}[/bold], as of {day}")
    if not report.claims:
        console.print(
            f"No statistical claims found in {report.sentences} sentence(s): nothing to check."
        )
        return
    if marked:
        console.print(_marked_text(text, report), highlight=False)
        console.print()
    for n, claim in enumerate(report.claims, start=1):
        v = claim.verdict
        style = VERDICT_STYLES[v.verdict]
        console.print(
            f"{n}. [{style}]{v.verdict.upper().replace('_', ' ')}[/{style}] {escape(claim.text)}",
            highlight=False,
        )
        console.print(f"   [dim]{v.reason}[/dim]", highlight=False)
        for note in claim.notes:
            console.print(f"   [yellow]note:[/yellow] {note}")
    counts = report.counts()
    console.print(", ".join(f"{k.replace('_', ' ')}: {n}" for k, n in counts.items()))


def _marked_text(text: str, report) -> Text:  # noqa: ANN001 - CheckReport
    """The text as written, each claim underlined in its verdict's colour with its number."""
    from matchfacts.check.checker import segments

    out = Text()
    for piece in segments(text, report):
        if "verdict" not in piece:
            out.append(piece["text"])
            continue
        style = VERDICT_STYLES[piece["verdict"]]
        out.append(piece["text"], style=f"underline {style}")
        out.append(f" [{piece['n']}]", style=f"bold {style}")
    return out


def _ensure_store(path: Path) -> None:
    """First use: build the store (fetching the sources) before answering; a store an
    older matchfacts wrote is rebuilt the same way (the ingest swaps it in whole)."""
    from matchfacts.store.lock import build_lock

    if _usable(path):
        return
    with build_lock(path, errors.print):  # another process may be building it: wait
        if not _usable(path, say=True):
            _build_store(path)


def _usable(path: Path, say: bool = False) -> bool:
    """Whether the store at `path` can be read as it is (say why not, when asked)."""
    from matchfacts.store.db import OutdatedStoreError

    if not path.exists():
        if say:
            errors.print(f"No store at {path} yet: fetching and ingesting the sources (once).")
        return False
    try:
        open_store(path).close()
        return True
    except OutdatedStoreError:
        if say:
            errors.print(
                f"The store at {path} is from an older matchfacts: rebuilding it from the "
                "open sources (add local ones with `matchfacts ingest --local NAME=DIR`)."
            )
        return False


def _build_store(path: Path) -> None:
    from matchfacts.rules.fill import fill_tie_results
    from matchfacts.store.ingest import ingest as run_ingest

    with _progress() as say:
        run_ingest(path, None, Fetcher(), progress=say, finalize=fill_tie_results)


@app.command()
def preview(
    home: Annotated[
        str | None, typer.Argument(help="The side at home in this match (not with --all).")
    ] = None,
    away: Annotated[str | None, typer.Argument(help="The visitors.")] = None,
    date: DateOption = None,  # type: ignore[assignment] - required, checked below
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, html or json.")] = "md",
    team_news_file: Annotated[
        Path | None, typer.Option("--team-news", help="YAML or JSON: who is out, doubtful.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many facts.")] = 20,
    competition: CompetitionOption = None,
    round_: RoundOption = None,
    leg: LegOption = None,
    neutral: NeutralOption = None,
    every: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Every fixture of the day (scheduled or played; with --to, of the days to "
            "it; -c and --round narrow it): one file each in the -o folder, and an index.",
        ),
    ] = False,
    last_day: Annotated[
        str | None, typer.Option("--to", help="With --all: the last day (a round's span).")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="With --all: worker processes (default: every core).", min=1),
    ] = None,
    db: DbOption = None,
) -> None:
    """The whole preview of a fixture: headline, the tie and what each side needs, the
    forecast with its breakdown, team news, and the ranked match facts with their evidence.
    Builds the store on first use.

    `preview --all --date D -o DIR` writes every fixture of the day instead, using every
    core, with an index page (index.md, index.html or index.json)."""
    from matchfacts.preview.compose import compose, preview_dict
    from matchfacts.preview.html import render_html
    from matchfacts.preview.markdown import render_markdown
    from matchfacts.store.lookup import resolve_team

    if fmt not in ("md", "html", "json"):
        raise typer.BadParameter(f"--format must be md, html or json, not {fmt!r}")
    if date is None:
        raise typer.BadParameter("--date is required")
    if every:
        if home or away or team_news_file or leg is not None or neutral is not None:
            raise typer.BadParameter(
                "--all previews every fixture of the day: no HOME AWAY, --team-news, --leg "
                "or --neutral"
            )
        _preview_all(_date(date), last_day, fmt, output, limit, competition, round_, workers, db)
        return
    if home is None or away is None:
        raise typer.BadParameter("give HOME and AWAY, or --all for every fixture of the day")
    if last_day or workers:
        raise typer.BadParameter("--to and --workers go with --all")
    if output is not None and not output.parent.is_dir():
        raise typer.BadParameter(f"--output {output}: the folder {output.parent} does not exist")
    day = _date(date)
    path = _db(db)
    try:
        _ensure_store(path)
        con = open_store(path)
        try:
            with console.status("composing the preview", spinner="dots"):
                doc = compose(
                    con,
                    resolve_team(con, home),
                    resolve_team(con, away),
                    day,
                    team_news_file,
                    limit,
                    _plan(competition, round_, leg, neutral),
                )
        finally:
            con.close()
    except MatchfactsError as exc:
        _fail(exc)
        return
    if fmt == "json":
        text = (
            json.dumps({"preview": preview_dict(doc)}, ensure_ascii=False, indent=2, default=str)
            + "\n"
        )
    else:
        text = render_html(doc) if fmt == "html" else render_markdown(doc)
    if output:
        output.write_text(text, encoding="utf-8")
        errors.print(f"wrote {output}")
    else:
        sys.stdout.write(text)


def _preview_all(
    first: dt.date,
    last_day: str | None,
    fmt: str,
    output: Path | None,
    limit: int,
    competition: str | None,
    round_: str | None,
    workers: int | None,
    db: Path | None,
) -> None:
    from matchfacts.preview.batch import fixtures_between, write_all
    from matchfacts.store.planned import competition_id, round_code

    last = _date(last_day) if last_day else first
    if last < first:
        raise typer.BadParameter(f"--to {last} is before --date {first}")
    folder = output or Path(f"previews-{first}")
    if folder.exists() and not folder.is_dir():
        raise typer.BadParameter(f"--output {folder} is a file: --all writes a folder")
    path = _db(db)
    try:
        _ensure_store(path)
        with _store(path) as con:
            comp = competition_id(con, competition) if competition else None
            code = round_code(round_) if round_ else None
            fixtures = fixtures_between(con, first, last, comp, code)
    except MatchfactsError as exc:
        _fail(exc)
        return
    if not fixtures:
        span = f"{first}" + (f" to {last}" if last != first else "")
        _fail(NotFoundError(f"no fixture in the store on {span}"))
    with _fixture_progress(len(fixtures)) as advance:
        results = write_all(path, fixtures, folder, fmt, workers, limit, advance)
    failed = [w for w in results if w.error]
    index = folder / f"index.{'json' if fmt == 'json' else fmt}"
    errors.print(f"wrote {len(results) - len(failed)} preview(s) and {index}")
    for w in failed:
        errors.print(f"[red]no preview:[/red] {w.fixture.home} v {w.fixture.away}: {w.error}")
    if failed:
        raise typer.Exit(1)


@contextmanager
def _fixture_progress(total: int) -> Iterator[Callable]:
    """A bar with counts on a terminal; one plain line per fixture otherwise."""
    if errors.is_terminal:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=errors) as bar:
            task = bar.add_task("previews", total=total)

            def advance(written, done: int, of: int) -> None:  # noqa: ANN001 - a Written
                bar.update(task, completed=done, description=escape(written.fixture.home))

            yield advance
        return

    def say(written, done: int, of: int) -> None:  # noqa: ANN001 - a Written
        f = written.fixture
        outcome = written.file or f"no preview: {written.error}"
        took = f"{written.seconds:.1f} s"
        sys.stderr.write(f"[{done}/{of}] {f.home} v {f.away} ({took}): {outcome}\n")
        sys.stderr.flush()

    yield say


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    db: DbOption = None,
) -> None:
    """The web app: find a fixture, read its preview (facts expand to their evidence), and
    a JSON API documented at /docs. Opens the store read-only."""
    import uvicorn

    from matchfacts.web.app import create_app

    path = _db(db)
    try:
        _ensure_store(path)
        application = create_app(path)
    except MatchfactsError as exc:
        _fail(exc)
        return
    address = f"[{host}]" if ":" in host else host  # an IPv6 address goes in brackets
    typer.echo(f"matchfacts: serving on http://{address}:{port}/ (Ctrl+C to stop)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


def _pct(p: float) -> str:
    return f"{100 * p:.1f}%"


def _print_forecast(f) -> None:  # noqa: ANN001 - Forecast
    hs, as_ = f.home.short_name, f.away.short_name
    where = "neutral venue" if f.match.neutral else f"at {hs}"
    crowd = ", behind closed doors" if f.match.behind_closed_doors else ""
    console.print(
        f"[bold]{hs} v {as_}[/bold], {f.match.date:%-d %B %Y} ({where}{crowd}); "
        f"as of the morning of the match, from {f.ratings.matches:,} earlier matches"
    )
    console.print(
        f"Expected goals: {hs} {f.home_rate:.2f}, {as_} {f.away_rate:.2f}; Elo: "
        f"{hs} {f.elo.rating.get(f.home.id, 0):.0f}, "
        f"{as_} {f.elo.rating.get(f.away.id, 0):.0f}"
    )
    console.print(
        f"Match: {hs} {_pct(f.grid.home_win)} · draw {_pct(f.grid.draw)} · "
        f"{as_} {_pct(f.grid.away_win)}"
    )
    console.print(
        "Most likely scores: "
        + ", ".join(f"{h}-{a} ({_pct(p)})" for h, a, p in f.grid.most_likely(5))
    )
    p = f.progress
    if p is None:
        return
    table = Table(title="To go through")
    for column in (
        "",
        "in 90 minutes",
        "in extra time",
        f"on {p.settled_after.replace('_', ' ')}",
        "in all",
    ):
        table.add_column(column, justify="right")
    table.add_row(
        hs,
        _pct(p.home_in_normal_time),
        _pct(p.home_in_extra_time),
        _pct(p.home_on_penalties),
        f"[bold]{_pct(p.home)}[/bold]",
    )
    table.add_row(
        as_,
        _pct(p.away_in_normal_time),
        _pct(p.away_in_extra_time),
        _pct(p.away_on_penalties),
        f"[bold]{_pct(p.away)}[/bold]",
    )
    console.print(table)


def _print_tie(s, live: str | None) -> None:  # noqa: ANN001 - TieSituation
    hs, as_ = s.home.short_name, s.away.short_name
    console.print(f"[bold]{hs} v {as_}[/bold] — {s.description}, {s.match.date:%-d %B %Y}")
    if s.first_leg is not None:
        f = s.first_leg
        first_home = as_ if f.home_id == s.away.id else hs
        first_away = hs if first_home == as_ else as_
        console.print(
            f"First leg ({f.date:%-d %B %Y}): {first_home} {f.home_goals}-{f.away_goals} "
            f"{first_away}; aggregate {hs} {s.aggregate[0]}-{s.aggregate[1]} {as_}."
        )
    r = s.rules
    console.print(
        f"Rules ({r.id}): away goals {'count' if r.away_goals else 'do not count'}"
        + (
            f", {'also' if r.away_goals_in_extra_time else 'not'} in extra time"
            if r.away_goals
            else ""
        )
        + f"; level after {'extra time' if r.extra_time else 'the match'}: "
        f"{r.level_after_extra_time.replace('_', ' ')}."
    )
    console.print(f"\n{s.summary}")
    if s.extra_time:
        console.print(s.extra_time)
    if s.first_leg_views:
        for view in s.first_leg_views:
            console.print(f"• {view.first_leg}: {view.text}")
    if s.table is not None:
        grid = Table(
            title=f"{hs} goals (rows) v {as_} goals (columns): H {hs} through, "
            f"A {as_} through, ET extra time",
            show_lines=False,
        )
        grid.add_column("")
        for away_goals in range(s.table.bound + 1):
            grid.add_column(str(away_goals), justify="center")
        for home_goals in range(s.table.bound + 1):
            grid.add_row(
                str(home_goals),
                *[RESULT_MARKS[s.table.result(home_goals, a)] for a in range(s.table.bound + 1)],
            )
        console.print(grid)
    if live:
        console.print(f"\n[bold]Now:[/bold] {live}")


ENVIRONMENT_FAILURE = 3  # the machine said no: a disk, a permission, a lock
INTERNAL_ERROR = 70  # EX_SOFTWARE: matchfacts itself is at fault


def run() -> None:
    """The console entry point: one error boundary for every command. What the data says
    no to exits 1, bad usage or input 2, the environment (a file, a disk, a permission) 3,
    each with one line and never a traceback."""
    try:
        app()
    except MatchfactsError as exc:
        _fail_outside(exc)
    except OSError as exc:
        where = f": {exc.filename}" if getattr(exc, "filename", None) else ""
        errors.print(f"[red]error:[/red] {exc.strerror or exc}{where}")
        sys.exit(ENVIRONMENT_FAILURE)
    except Exception as exc:  # a bug: one line, the traceback on request
        if os.environ.get("MATCHFACTS_DEBUG"):
            raise
        errors.print(
            f"[red]internal error:[/red] {type(exc).__name__}: {exc} (a bug in matchfacts: "
            "set MATCHFACTS_DEBUG=1 for the traceback, and please report it)"
        )
        sys.exit(INTERNAL_ERROR)


def _fail_outside(exc: MatchfactsError) -> NoReturn:
    errors.print(f"[red]error:[/red] {exc}")
    sys.exit(1 if isinstance(exc, NotFoundError | UnknownNameError) else 2)


if __name__ == "__main__":
    run()
