"""The web app: find a fixture, read its preview, or take it as JSON (OpenAPI at /docs).

Thin over the same library as the command line. The store is opened read-only; every
input is validated; an unknown team or fixture is a 404 with suggestions, never a 500;
computed previews are cached (they depend only on the store, which is read-only here).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from html import escape
from pathlib import Path
from typing import Annotated

import duckdb
from fastapi import FastAPI, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from matchfacts.check.checker import MAX_BYTES, CheckInputError, CheckReport, check_text
from matchfacts.check.html import render_check_page
from matchfacts.errors import MatchfactsError, NotFoundError, UnknownNameError
from matchfacts.facts.mine import facts_for
from matchfacts.preview.compose import Preview, compose, preview_dict
from matchfacts.preview.html import render_html
from matchfacts.rules.situation import situation_dict, tie_situation
from matchfacts.store.db import open_store
from matchfacts.store.lookup import resolve_team

Team = Annotated[str, Query(min_length=2, max_length=80, description="A team, as you write it")]
Day = Annotated[dt.date, Query(description="Match day, YYYY-MM-DD")]
Competition = Annotated[
    str | None,
    Query(
        pattern=r"^([A-Z]{3}[0-9]|UCL|UEL|UCWC|UECL|UIC|USC)?$",
        description="Only a match of this competition (UCL, ENG1 ...)",
    ),
]
CACHE_SIZE = 64

FIND_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>matchfacts: find a fixture</title>
<style>body{{font:16px system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}}
label{{display:block;margin:.6rem 0 .2rem}}input{{font:inherit;padding:.3rem;width:100%}}
button{{font:inherit;margin-top:1rem;padding:.4rem 1rem}}</style></head><body>
<h1>matchfacts</h1><p>Football previews from open data, every word proven.</p>
<form action="/preview" method="get" id="find">
<label for="home">Home side</label><input id="home" name="home" value="{home}" required>
<label for="away">Visitors</label><input id="away" name="away" value="{away}" required>
<label for="date">Match day</label><input id="date" name="date" type="date" value="{date}" required>
<label for="competition">Competition (optional)</label>
<select id="competition" name="competition"><option value="">any</option>
<option value="UCL">European Cup / Champions League</option>
<option value="UEL">Fairs Cup / UEFA Cup / Europa League</option>
<option value="UCWC">Cup Winners' Cup</option><option value="UECL">Conference League</option>
<option value="ENG1">English top flight</option><option value="ESP1">LaLiga</option>
<option value="GER1">Bundesliga</option><option value="ITA1">Serie A</option>
<option value="FRA1">Ligue 1</option></select>
<button type="submit">Preview</button></form>
<p><a href="/check">Check a written preview</a> · <a href="/docs">JSON API</a></p>
</body></html>"""


class Previews:
    """A small least-recently-used cache (of previews, or of rendered pages), thread-safe."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self._items: OrderedDict[tuple, Preview] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, key: tuple, make):  # noqa: ANN001, ANN201
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value


def create_app(db_path: Path) -> FastAPI:
    app = FastAPI(
        title="matchfacts",
        version="0.1.0",
        description="Ties, forecasts and facts for football fixtures, from open data.",
    )
    store = open_store(db_path, read_only=True)
    store_lock = threading.Lock()
    previews = Previews()
    pages = Previews(CACHE_SIZE * 4)

    def cursor() -> duckdb.DuckDBPyConnection:
        with store_lock:  # cursors are per thread; creating one is not
            return store.cursor()

    def preview_of(home: str, away: str, date: dt.date) -> Preview:
        con = cursor()
        try:
            h, a = resolve_team(con, home), resolve_team(con, away)
            return previews.get((h.id, a.id, date), lambda: compose(con, h, a, date))
        finally:
            con.close()

    def rendered(
        kind: str,
        home: str,
        away: str,
        date: dt.date,
        render,  # noqa: ANN001, ANN202
        competition: str | None = None,
    ):
        """A finished page or JSON body, cached by what the user typed: a repeat request
        costs a dictionary lookup, not a name search and a render."""
        key = (kind, home.strip().lower(), away.strip().lower(), date, competition or "")

        def make():  # noqa: ANN202
            doc = preview_of(home, away, date)
            found = doc.forecast.match.competition_id
            if competition and found != competition:
                raise NotFoundError(
                    f"{doc.home.short_name} v {doc.away.short_name} on {date} "
                    f"is a {found} match, not {competition}"
                )
            return render(doc)

        return pages.get(key, make)

    @app.exception_handler(UnknownNameError)
    async def unknown_name(request: Request, exc: UnknownNameError) -> JSONResponse:
        body = {"error": str(exc), "name": exc.name, "suggestions": exc.suggestions}
        if request.url.path.startswith("/api"):
            return JSONResponse(body, status_code=404)
        items = "".join(f"<li>{escape(s)}</li>" for s in exc.suggestions)
        return HTMLResponse(
            f"<!doctype html><title>Not found</title><h1>{escape(str(exc))}"
            f"</h1><ul>{items}</ul><p><a href='/'>Find a fixture</a></p>",
            status_code=404,
        )

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> JSONResponse:
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": str(exc)}, status_code=404)
        return HTMLResponse(
            f"<!doctype html><title>Not found</title><p>{escape(str(exc))}</p>"
            "<p><a href='/'>Find a fixture</a></p>",
            status_code=404,
        )

    @app.exception_handler(MatchfactsError)
    async def bad_request(request: Request, exc: MatchfactsError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=400)

    @app.get("/", response_class=HTMLResponse, summary="Find a fixture")
    def find(home: str = "Liverpool", away: str = "Real Madrid", date: str = "2021-04-14") -> str:
        return FIND_PAGE.format(
            home=escape(home[:80]), away=escape(away[:80]), date=escape(date[:10])
        )

    @app.get("/preview", response_class=HTMLResponse, summary="The preview page")
    def preview_page(
        home: Team, away: Team, date: Day, competition: Competition = None
    ) -> HTMLResponse:
        return HTMLResponse(rendered("html", home, away, date, render_html, competition or None))

    @app.get("/api/preview", summary="The whole preview as JSON")
    def api_preview(home: Team, away: Team, date: Day, competition: Competition = None) -> dict:
        return {"preview": rendered("json", home, away, date, preview_dict, competition or None)}

    @app.get("/api/tie", summary="The tie before a match")
    def api_tie(home: Team, away: Team, date: Day) -> dict:
        con = cursor()
        try:
            situation = tie_situation(con, resolve_team(con, home), resolve_team(con, away), date)
            return {"tie": situation_dict(situation)}
        finally:
            con.close()

    @app.get("/api/forecast", summary="Match and progression probabilities")
    def api_forecast(home: Team, away: Team, date: Day) -> dict:
        return {"forecast": rendered("json", home, away, date, preview_dict)["forecast"]}

    @app.get("/api/facts", summary="Ranked facts with evidence")
    def api_facts(
        home: Team, away: Team, date: Day, limit: Annotated[int, Query(ge=1, le=100)] = 20
    ) -> dict:
        con = cursor()
        try:
            found = facts_for(con, resolve_team(con, home), resolve_team(con, away), date, limit)
            return {"facts": {"as_of": date.isoformat(), "facts": [f.as_dict() for f in found]}}
        finally:
            con.close()

    @app.get("/api/teams", summary="Teams whose names match")
    def api_teams(q: Annotated[str, Query(min_length=2, max_length=80)]) -> dict:
        con = cursor()
        try:
            team = resolve_team(con, q)
            return {
                "teams": [
                    {
                        "id": team.id,
                        "name": team.name,
                        "short_name": team.short_name,
                        "country": team.country,
                    }
                ]
            }
        finally:
            con.close()

    @app.get("/check", response_class=HTMLResponse, summary="Check a preview (the form)")
    def check_form(date: str = "", home: str = "", away: str = "") -> str:
        return render_check_page(form={"date": date, "home": home, "away": away})

    @app.post("/check", response_class=HTMLResponse, summary="Check a preview (the report)")
    def check_page(
        text: Annotated[str, Form(max_length=MAX_BYTES)],
        date: Annotated[dt.date, Form()],
        home: Annotated[str, Form(max_length=80)] = "",
        away: Annotated[str, Form(max_length=80)] = "",
    ) -> HTMLResponse:
        form = {"date": date.isoformat(), "home": home, "away": away}
        try:
            report = run_check(text, date, home or None, away or None)
        except MatchfactsError as error:
            status = 404 if isinstance(error, NotFoundError | UnknownNameError) else 422
            page = render_check_page(text, form=form, error=str(error))
            return HTMLResponse(page, status_code=status)
        return HTMLResponse(render_check_page(text, report, form))

    @app.post("/api/check", summary="Verify every statistical claim in a written preview")
    def api_check(body: CheckRequest) -> dict:
        return {"check": run_check(body.text, body.date, body.home, body.away).as_dict()}

    def run_check(text: str, date: dt.date, home: str | None, away: str | None) -> CheckReport:
        if (home is None) != (away is None):
            raise CheckInputError("give both the home side and the visitors, or neither")
        con = cursor()
        try:
            sides = (resolve_team(con, home), resolve_team(con, away)) if home else (None, None)
            return check_text(con, text, date, *sides)
        finally:
            con.close()

    app.state.store = store
    return app


class CheckRequest(BaseModel):
    text: str = Field(max_length=MAX_BYTES, description="The preview, as written")
    date: dt.date = Field(description="Match day: claims are checked as of it")
    home: str | None = Field(None, max_length=80, description="The home side (optional)")
    away: str | None = Field(None, max_length=80, description="The visitors (optional)")
