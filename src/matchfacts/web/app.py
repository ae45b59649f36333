"""The web app: find a fixture, read its preview, or take it as JSON (OpenAPI at /docs).

Thin over the same library as the command line. The store is read-only, so every answer
depends only on the question: each is computed once (web/answers.py) and kept as the
finished bytes. Routes are coroutines: a kept answer is sent from the event loop at once,
while computations run in a bounded pool of worker processes (web/work.py) and a full pool
answers 503. Every input is validated and bounded (web/inputs.py, web/limits.py); an
unknown team or fixture is a 404 with suggestions, a bad request a short 422 that does not
echo it (web/errors.py), never a 500.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Annotated

import duckdb
from fastapi import FastAPI, Form, Query
from fastapi.responses import HTMLResponse, Response
from fastapi_offline import FastAPIOffline

from matchfacts.check.checker import CheckInputError, CheckReport, check_text
from matchfacts.check.html import render_check_page
from matchfacts.errors import MatchfactsError, NotFoundError, UnknownNameError
from matchfacts.facts.mine import facts_for
from matchfacts.preview.compose import compose, preview_dict
from matchfacts.preview.html import render_html
from matchfacts.rules.situation import situation_dict, tie_situation
from matchfacts.store.db import open_store
from matchfacts.store.lookup import resolve_team
from matchfacts.web import errors
from matchfacts.web.answers import Answers, Reply
from matchfacts.web.inputs import (
    CheckRequest,
    Competition,
    Day,
    FormName,
    FormText,
    Limit,
    Team,
    Utf8Route,
)
from matchfacts.web.limits import MAX_NAME, Limits
from matchfacts.web.pages import find_page
from matchfacts.web.work import Pool

BUSY = {503: {"description": "Busy: ask again after the Retry-After header's seconds"}}


def create_app(db_path: Path, limits: Limits | None = None) -> FastAPI:
    """The app over the store at `db_path`. Its workers are spawned processes, which import
    the main module again: a script that calls this keeps its own top level under
    `if __name__ == "__main__":`, as any user of multiprocessing does."""
    limits = limits or Limits()
    open_store(db_path, read_only=True).close()  # a missing or outdated store fails here
    pool = Pool(db_path, limits)
    answers = Answers(limits.cache_bytes, limits.wait_seconds, limits.retry_after)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        pool.start()
        yield
        pool.close()

    app = FastAPIOffline(
        title="matchfacts",
        version="0.1.0",
        description="Ties, forecasts and facts for football fixtures, from open data.",
        max_body_size=limits.max_body,
        responses=BUSY,
        lifespan=lifespan,
    )
    app.router.route_class = Utf8Route
    errors.install(app)

    async def previews(home: str, away: str, date: dt.date, competition: str | None) -> dict:
        """The preview as a page, as JSON and its forecast: composed once, rendered thrice."""
        key = ("preview", _typed(home), _typed(away), date, competition or "")
        return await answers.get(key, partial(_previews, home, away, date, competition), pool)

    @app.get("/", response_class=HTMLResponse, summary="Find a fixture")
    async def find(
        home: str = "Liverpool", away: str = "Real Madrid", date: str = "2021-04-14"
    ) -> HTMLResponse:
        return HTMLResponse(find_page(home, away, date))  # a template: nothing to keep

    @app.get("/preview", response_class=HTMLResponse, summary="The preview page")
    async def preview_page(
        home: Team, away: Team, date: Day, competition: Competition = None
    ) -> Response:
        return (await previews(home, away, date, competition))["html"].response()

    @app.get("/api/preview", summary="The whole preview as JSON")
    async def api_preview(
        home: Team, away: Team, date: Day, competition: Competition = None
    ) -> Response:
        return (await previews(home, away, date, competition))["json"].response()

    @app.get("/api/forecast", summary="Match and progression probabilities")
    async def api_forecast(home: Team, away: Team, date: Day) -> Response:
        return (await previews(home, away, date, None))["forecast"].response()

    @app.get("/api/tie", summary="The tie before a match")
    async def api_tie(home: Team, away: Team, date: Day) -> Response:
        key = ("tie", _typed(home), _typed(away), date)
        reply = await answers.get(key, partial(_tie, home, away, date), pool)
        return reply.response()

    @app.get("/api/facts", summary="Ranked facts with evidence")
    async def api_facts(home: Team, away: Team, date: Day, limit: Limit = 20) -> Response:
        key = ("facts", _typed(home), _typed(away), date, limit)
        reply = await answers.get(key, partial(_facts, home, away, date, limit), pool)
        return reply.response()

    @app.get("/api/teams", summary="Teams whose names match")
    async def api_teams(
        q: Annotated[str, Query(min_length=2, max_length=MAX_NAME)],
    ) -> Response:
        reply = await answers.get(("teams", _typed(q)), partial(_teams, q), pool)
        return reply.response()

    @app.get("/check", response_class=HTMLResponse, summary="Check a preview (the form)")
    async def check_form(date: str = "", home: str = "", away: str = "") -> HTMLResponse:
        form = {"date": date[:10], "home": home[:MAX_NAME], "away": away[:MAX_NAME]}
        return HTMLResponse(render_check_page(form=form))  # a template: nothing to keep

    @app.post("/check", response_class=HTMLResponse, summary="Check a preview (the report)")
    async def check_page(
        text: FormText,
        date: Annotated[dt.date, Form()],
        home: FormName = "",
        away: FormName = "",
    ) -> Response:
        key = ("check page", _digest(text), date, _typed(home), _typed(away))
        compute = partial(_check_page, text, date, home or None, away or None)
        return (await answers.get(key, compute, pool)).response()

    @app.post("/api/check", summary="Verify every statistical claim in a written preview")
    async def api_check(body: CheckRequest) -> Response:
        key = ("check", _digest(body.text), body.date, _typed(body.home), _typed(body.away))
        compute = partial(_check, body.text, body.date, body.home, body.away)
        return (await answers.get(key, compute, pool)).response()

    app.state.answers = answers
    return app


# What the workers compute: each gets the worker's connection last, returns finished bytes.


def _previews(
    home: str, away: str, date: dt.date, competition: str | None, con: duckdb.DuckDBPyConnection
) -> dict[str, Reply]:
    doc = compose(con, resolve_team(con, home), resolve_team(con, away), date)
    found = doc.forecast.match.competition_id
    if competition and found != competition:
        raise NotFoundError(
            f"{doc.home.short_name} v {doc.away.short_name} on {date} "
            f"is a {found} match, not {competition}"
        )
    data = preview_dict(doc)
    return {
        "html": Reply.html(render_html(doc)),
        "json": Reply.json({"preview": data}),
        "forecast": Reply.json({"forecast": data["forecast"]}),
    }


def _tie(home: str, away: str, date: dt.date, con: duckdb.DuckDBPyConnection) -> Reply:
    situation = tie_situation(con, resolve_team(con, home), resolve_team(con, away), date)
    return Reply.json({"tie": situation_dict(situation)})


def _facts(
    home: str, away: str, date: dt.date, limit: int, con: duckdb.DuckDBPyConnection
) -> Reply:
    found = facts_for(con, resolve_team(con, home), resolve_team(con, away), date, limit)
    return Reply.json({"facts": {"as_of": date.isoformat(), "facts": [f.as_dict() for f in found]}})


def _teams(q: str, con: duckdb.DuckDBPyConnection) -> Reply:
    team = resolve_team(con, q)
    found = {"id": team.id, "name": team.name, "short_name": team.short_name,
             "country": team.country}  # fmt: skip
    return Reply.json({"teams": [found]})


def _check(
    text: str, date: dt.date, home: str | None, away: str | None, con: duckdb.DuckDBPyConnection
) -> Reply:
    return Reply.json({"check": _report(con, text, date, home, away).as_dict()})


def _check_page(
    text: str, date: dt.date, home: str | None, away: str | None, con: duckdb.DuckDBPyConnection
) -> Reply:
    """The report as a page; an unknown side or a bad text is said on the page, beside the
    form holding what was typed, so the writer can put it right."""
    form = {"date": date.isoformat(), "home": home or "", "away": away or ""}
    try:
        report = _report(con, text, date, home, away)
    except MatchfactsError as error:
        status = 404 if isinstance(error, NotFoundError | UnknownNameError) else 422
        return Reply.html(render_check_page(text, form=form, error=str(error)), status)
    return Reply.html(render_check_page(text, report, form))


def _report(
    con: duckdb.DuckDBPyConnection, text: str, date: dt.date, home: str | None, away: str | None
) -> CheckReport:
    if (home is None) != (away is None):
        raise CheckInputError("give both the home side and the visitors, or neither")
    sides = (resolve_team(con, home), resolve_team(con, away)) if home else (None, None)
    return check_text(con, text, date, *sides)


def _typed(name: str | None) -> str:
    """A name as a cache key: 'Real  madrid ' and 'Real Madrid' ask the same question."""
    return " ".join((name or "").split()).casefold()


def _digest(text: str) -> str:
    """A text as a cache key: its hash, so the key stays small however long the text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
