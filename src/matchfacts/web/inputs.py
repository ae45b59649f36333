"""What a request may carry: the parameters' types and bounds, and a JSON body read as
strict UTF-8 (bytes that are not text are a 422, like any other invalid field)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Form, Query, Request, Response
from fastapi.routing import APIRoute
from pydantic import AfterValidator, BaseModel, Field

from matchfacts.web.limits import MAX_NAME, MAX_TEXT


def _valid_text(text: str) -> str:
    """Text the checker can read. A lone surrogate from a JSON escape is refused by pydantic
    already; NUL marks a binary file, as the command line's `check` says."""
    if "\x00" in text:
        raise ValueError("not text: it holds a NUL character")
    return text


Team = Annotated[
    str, Query(min_length=2, max_length=MAX_NAME, description="A team, as you write it")
]
Day = Annotated[dt.date, Query(description="Match day, YYYY-MM-DD")]
Competition = Annotated[
    str | None,
    Query(
        pattern=r"^([A-Z]{3}[0-9]|UCL|UEL|UCWC|UECL|UIC|USC)?$",
        description="Only a match of this competition (UCL, ENG1 ...)",
    ),
]
Limit = Annotated[int, Query(ge=1, le=100, description="At most this many facts")]
Text = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_valid_text)]
FormText = Annotated[str, Form(max_length=MAX_TEXT), AfterValidator(_valid_text)]
FormName = Annotated[str, Form(max_length=MAX_NAME)]


class CheckRequest(BaseModel):
    text: Text = Field(description=f"The preview, as written (at most {MAX_TEXT:,} characters)")
    date: dt.date = Field(description="Match day: claims are checked as of it")
    home: str | None = Field(None, max_length=MAX_NAME, description="The home side (optional)")
    away: str | None = Field(None, max_length=MAX_NAME, description="The visitors (optional)")


class Utf8Request(Request):
    async def json(self) -> Any:
        """The body as JSON, refusing bytes that are not UTF-8 as a JSON error (FastAPI
        answers those 422) rather than as an unexplained 400."""
        body = await self.body()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise json.JSONDecodeError("the body is not UTF-8 text", "", error.start) from None
        return json.loads(text)


class Utf8Route(APIRoute):
    """A route whose handler reads its request as a Utf8Request."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def strict(request: Request) -> Response:
            return await handler(Utf8Request(request.scope, request.receive))

        return strict
