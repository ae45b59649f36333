"""Every fixture of a day (or of a few days: a round played Tuesday and Wednesday) written
at once: one file per fixture and an index page, over a process pool.

A preview is pure computation over a read-only store, so fixtures are independent: each
worker process opens the store read-only once and writes its fixtures' files itself (the
parent only gathers names and headlines). Workers are spawned, not forked: the parent
has used DuckDB, whose threads a fork would copy in an unknown state.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import multiprocessing
import os
import re
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from matchfacts.errors import MatchfactsError

EXTENSIONS = {"md": "md", "html": "html", "json": "json"}


@dataclass(frozen=True, slots=True)
class Fixture:
    date: dt.date
    competition: str
    round: str | None
    home_id: int
    away_id: int
    home: str
    away: str
    status: str  # played or scheduled: a batch of a past day previews what was played

    @property
    def stem(self) -> str:
        return "-".join(
            (self.date.isoformat(), self.competition, _slug(self.home), _slug(self.away))
        )


@dataclass(frozen=True, slots=True)
class Written:
    fixture: Fixture
    file: str | None  # None: no preview (see `error`)
    headline: str
    seconds: float
    error: str | None = None


def fixtures_between(
    con: duckdb.DuckDBPyConnection,
    first: dt.date,
    last: dt.date,
    competition: str | None = None,
    round_: str | None = None,
) -> list[Fixture]:
    """The matches the store holds from `first` to `last`: scheduled ones (a source lists
    them, unplayed) and played ones alike, in one competition or round or all."""
    rows = con.execute(
        """SELECT m.date, m.competition_id, m.round, m.home_id, m.away_id,
                  coalesce(h.short_name, h.name), coalesce(a.short_name, a.name), m.status
           FROM match m JOIN team h ON h.id = m.home_id JOIN team a ON a.id = m.away_id
           WHERE m.date BETWEEN $first AND $last AND m.status IN ('played', 'scheduled')
             AND ($comp IS NULL OR m.competition_id = $comp)
             AND ($round IS NULL OR m.round = $round)
           ORDER BY m.date, m.competition_id, 6""",
        {"first": first, "last": last, "comp": competition, "round": round_},
    ).fetchall()
    return [Fixture(*row) for row in rows]


Progress = Callable[[Written, int, int], None]  # a fixture done, how many done, of how many


def write_all(
    db_path: Path,
    fixtures: list[Fixture],
    folder: Path,
    fmt: str = "md",
    workers: int | None = None,
    limit: int = 20,
    progress: Progress | None = None,
) -> list[Written]:
    """Write each fixture's preview into `folder` and an index page; `workers` processes
    (default: every core). Returns what was written, in fixture
    order; a fixture the data says no to is in the index with the reason."""
    folder.mkdir(parents=True, exist_ok=True)
    workers = workers or os.cpu_count() or 1
    done: dict[Fixture, Written] = {}

    def finished(written: Written) -> None:
        done[written.fixture] = written
        if progress is not None:
            progress(written, len(done), len(fixtures))

    # Even one worker is a process of its own: the fits it is handed (see
    # _share_fits_of_the_days) then never outlive the batch, and one worker and many do
    # the same work.
    context = multiprocessing.get_context("spawn")
    processes = max(1, min(workers, len(fixtures)))
    threads = max(1, (os.cpu_count() or 1) // processes)  # DuckDB's, so cores are not oversold
    fits = _fits_of_the_days(db_path, {f.date for f in fixtures})
    with ProcessPoolExecutor(
        processes, context, _open_store, (str(db_path), threads, fits)
    ) as pool:
        futures = [pool.submit(_write_one, f, str(folder), fmt, limit) for f in fixtures]
        for future in as_completed(futures):
            finished(future.result())
    results = [done[f] for f in fixtures]
    _write_index(folder, results, fmt)
    return results


# One connection per process, opened by the pool's initializer (or once in this process).
_con: duckdb.DuckDBPyConnection | None = None


def _fits_of_the_days(db_path: Path, days: set[dt.date]) -> bytes:
    """The goal model's and Elo's fits as of each day, made once here and handed to every
    worker (pickled: a few tens of KB), rather than made again by each."""
    import pickle

    from matchfacts.model.elo import elo_as_of
    from matchfacts.model.forecast import ratings_as_of
    from matchfacts.store.db import open_store

    con = open_store(db_path)
    try:
        fits = {day: (ratings_as_of(con, day), elo_as_of(con, day)) for day in sorted(days)}
    finally:
        con.close()
    return pickle.dumps(fits)


def _open_store(db_path: str, threads: int, fits: bytes) -> None:
    global _con
    from matchfacts.store.db import open_store

    if _con is None:
        _con = open_store(Path(db_path))  # read-only: every worker shares the file
        # DuckDB draws its own bar for a long query; ours counts fixtures instead.
        _con.execute("SET enable_progress_bar = false")
        _con.execute(f"SET threads = {int(threads)}")
        _share_fits_of_the_days(fits)


def _share_fits_of_the_days(fits: bytes) -> None:
    """The day's fixtures share their ratings: the goal model and Elo are fitted on every
    match before the day (about four of a preview's seven seconds), and the store does
    not change under a batch. So this worker process answers the forecast's two fits of
    a batch's day from the fits the parent made (`_fits_of_the_days`)."""
    import pickle

    from matchfacts.model import forecast as model

    made = pickle.loads(fits)  # noqa: S301 - made by our own parent process
    for position, name in enumerate(("ratings_as_of", "elo_as_of")):
        fit = getattr(model, name)

        def kept(con, day, fit=fit, position=position):  # noqa: ANN001, ANN202
            return made[day][position] if day in made else fit(con, day)

        setattr(model, name, kept)


def _write_one(fixture: Fixture, folder: str, fmt: str, limit: int) -> Written:
    from matchfacts.preview.compose import compose, preview_dict
    from matchfacts.preview.html import render_html
    from matchfacts.preview.markdown import render_markdown
    from matchfacts.store.lookup import team_by_id

    if _con is None:
        raise RuntimeError("the store is opened before any fixture is written")
    started = time.perf_counter()
    try:
        home, away = team_by_id(_con, fixture.home_id), team_by_id(_con, fixture.away_id)
        doc = compose(_con, home, away, fixture.date, None, limit)
    except MatchfactsError as exc:
        return Written(fixture, None, "", time.perf_counter() - started, str(exc))
    except Exception as exc:  # a bug on one fixture must not lose the day's other previews
        reason = f"internal error: {type(exc).__name__}: {exc}"
        return Written(fixture, None, "", time.perf_counter() - started, reason)
    if fmt == "json":
        text = json.dumps({"preview": preview_dict(doc)}, ensure_ascii=False, indent=2,
                          default=str) + "\n"  # fmt: skip
    else:
        text = render_html(doc) if fmt == "html" else render_markdown(doc)
    name = f"{fixture.stem}.{EXTENSIONS[fmt]}"
    target = Path(folder) / name
    partial = target.with_name(target.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)  # a reader of the folder never sees half a file
    return Written(fixture, name, doc.headline, time.perf_counter() - started)


def _write_index(folder: Path, results: list[Written], fmt: str) -> None:
    if fmt == "json":
        rows = [
            {**asdict(w), "fixture": {**asdict(w.fixture), "date": w.fixture.date.isoformat()}}
            for w in results
        ]
        (folder / "index.json").write_text(json.dumps({"previews": rows}, indent=2) + "\n")
        return
    if fmt == "html":
        items = "\n".join(
            f'<li>{html.escape(_line(w))}: <a href="{html.escape(w.file)}">'
            f"{html.escape(w.headline)}</a></li>"
            if w.file
            else f"<li>{html.escape(_line(w))}: no preview ({html.escape(w.error or '')})</li>"
            for w in results
        )
        page = (
            '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(_title(results))}</title></head><body>\n"
            f"<h1>{html.escape(_title(results))}</h1>\n<ul>\n{items}\n</ul>\n</body></html>\n"
        )
        (folder / "index.html").write_text(page, encoding="utf-8")
        return
    lines = [f"# {_title(results)}", ""]
    for w in results:
        what = f"[{w.headline}]({w.file})" if w.file else f"no preview ({w.error})"
        lines.append(f"- {_line(w)}: {what}")
    (folder / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _line(w: Written) -> str:
    f = w.fixture
    round_ = f" {f.round}" if f.round else ""
    return f"{f.date} {f.competition}{round_}, {f.home} v {f.away}"


def _title(results: list[Written]) -> str:
    days = sorted({w.fixture.date for w in results})
    if not days:
        return "Previews"
    return f"Previews, {days[0]}" + (f" to {days[-1]}" if len(days) > 1 else "")


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "team"
