"""Every error as a short answer: JSON under /api, a small page elsewhere; never a traceback
and never the request's input echoed back (a 50 MB body must not come back as a 50 MB
error, and text that cannot be encoded must not turn a 422 into a 500)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response

from matchfacts.errors import MatchfactsError, NotFoundError, UnknownNameError
from matchfacts.web.answers import Busy
from matchfacts.web.pages import error_page

MAX_PROBLEMS = 5  # a request with more wrong fields hears about the first five
MAX_WORDS = 120  # characters of pydantic's message about one field


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(UnknownNameError, unknown_name)
    app.add_exception_handler(NotFoundError, not_found)
    app.add_exception_handler(MatchfactsError, bad_request)
    app.add_exception_handler(Busy, busy)


def answer(
    request: Request, status: int, message: str, headers: dict | None = None, **extra: object
) -> Response:
    """An error as JSON for the API, as a page for a person."""
    if request.url.path.startswith("/api"):
        return JSONResponse({"error": message, **extra}, status, headers)
    return HTMLResponse(error_page(f"{status}", message, extra.get("suggestions", ())), status,
                        headers)  # fmt: skip


async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
    """422 naming each wrong field and what is wrong with it, without its value."""
    problems = [_problem(error) for error in exc.errors()[:MAX_PROBLEMS]]
    message = "invalid request: " + "; ".join(f"{p['field']}: {p['problem']}" for p in problems)
    return answer(request, 422, message, problems=problems)


async def unknown_name(request: Request, exc: UnknownNameError) -> Response:
    return answer(request, 404, str(exc), name=exc.name, suggestions=exc.suggestions)


async def not_found(request: Request, exc: NotFoundError) -> Response:
    return answer(request, 404, str(exc))


async def bad_request(request: Request, exc: MatchfactsError) -> Response:
    return answer(request, 400, str(exc))


async def busy(request: Request, exc: Busy) -> Response:
    headers = {"Retry-After": str(exc.retry_after)}
    return answer(request, 503, str(exc), headers, retry_after=exc.retry_after)


def _problem(error: dict) -> dict[str, str]:
    """A field's name and pydantic's message, which states the rule, not the value.
    Both are made plain: a name can come from the request (a JSON key)."""
    names = [str(part) for part in error.get("loc", ()) if isinstance(part, str)]
    field = ".".join(names[1:] or names) or "request"
    problem = str(error.get("msg", ""))
    if error.get("type") == "json_invalid":  # the decoder's reason: "Expecting value" ...
        problem += f": {error.get('ctx', {}).get('error', '')}"
    return {"field": _plain(field, 40), "problem": _plain(problem, MAX_WORDS)}


def _plain(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, any lone surrogate replaced so it can be sent."""
    return text[:limit].encode("utf-8", "replace").decode("utf-8")
