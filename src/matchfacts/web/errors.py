"""Every error as a short answer: JSON under /api, a small page elsewhere; never a traceback
and never the request's input echoed back (a 50 MB body must not come back as a 50 MB
error, and text that cannot be encoded must not turn a 422 into a 500)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response

from matchfacts.errors import MatchfactsError, NotFoundError, UnknownNameError
from matchfacts.web.pages import error_page

MAX_PROBLEMS = 5  # a request with more wrong fields hears about the first five
MAX_WORDS = 120  # characters of pydantic's message about one field


class Busy(Exception):
    """The server has as much work as it can finish in time: ask again later (503)."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Refused(Exception):
    """The answer to a question the data says no to, as it is sent: a status, a message
    and what goes with it (an unknown name's suggestions). Unlike some of the library's
    errors it pickles, so it comes back intact from a worker process."""

    def __init__(self, status: int, message: str, extra: dict | None = None) -> None:
        super().__init__(status, message, extra)
        self.status, self.message, self.extra = status, message, extra or {}

    def __str__(self) -> str:
        return self.message


def refusal(error: MatchfactsError) -> Refused:
    """A library error as the web answers it: 404 for what the data does not hold (with
    the nearest names for an unknown one), 400 for any other."""
    if isinstance(error, UnknownNameError):
        return Refused(404, str(error), {"name": error.name, "suggestions": error.suggestions})
    return Refused(404 if isinstance(error, NotFoundError) else 400, str(error))


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(Refused, refused)
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


async def refused(request: Request, exc: Refused) -> Response:
    return answer(request, exc.status, exc.message, **exc.extra)


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
