"""The one error hierarchy of matchfacts.

    MatchfactsError
    ├── SourceError            a source cannot be read
    │   ├── FetchError         a file cannot be downloaded or fails its checksum
    │   └── ParseError         a file's content is not what its format says (file, line, value)
    ├── StoreError             the database is missing, locked or of another schema
    ├── UnknownNameError       a team or player name resolves to nothing (with suggestions)
    ├── NotFoundError          the data says no: no such match, tie or fixture
    └── UsageError             the request cannot be met as put (an unknown competition ...)

Every message names the offending value, and where it applies the file and line.
The CLI maps NotFoundError/UnknownNameError to exit code 1 and usage errors to 2.
"""

from __future__ import annotations


class MatchfactsError(Exception):
    """Base class of every error matchfacts raises on purpose."""


class SourceError(MatchfactsError):
    """A source cannot be read."""


class FetchError(SourceError):
    """A source file cannot be fetched, or its content fails the pinned SHA-256."""


class ParseError(SourceError):
    """A line of a source file does not fit the file's format."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file = file
        self.line = line
        self.detail = message
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {message}")


class StoreError(MatchfactsError):
    """The database cannot be used as asked."""


class UnknownNameError(MatchfactsError):
    """A team or player name that resolves to nothing; carries the nearest names."""

    def __init__(self, kind: str, name: str, suggestions: list[str]) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"Unknown {kind} {name!r}.{hint}")


class NotFoundError(MatchfactsError):
    """The data has no such thing (match, tie, fixture)."""


class UsageError(MatchfactsError):
    """A request that cannot be met as put: an unknown competition or round, a second leg
    with no first leg; the message says what to give instead."""
