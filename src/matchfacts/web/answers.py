"""Answers computed once and kept: how the server stays responsive under load.

A request names its answer by a key (the route and what the user typed). A kept answer is
returned at once, on the event loop. A missing one is computed by the pool of workers
(web/work.py), once however many ask for it at the same moment (single flight), and kept in
a least-recently-used cache bounded in bytes. A client waits for a computation within a
budget; past it, it hears 503 with Retry-After while the computation goes on, so that
asking again finds the answer kept.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol

from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from matchfacts.web.errors import Busy, Refused

ERROR_SIZE = 1024  # bytes an error is counted as in the cache: its message and suggestions
_MISSING = object()


class Workers(Protocol):
    def submit(self, compute: Callable) -> Future: ...


@dataclass(frozen=True, slots=True)
class Reply:
    """A finished response body: kept as bytes, so a cache hit costs no rendering."""

    body: bytes
    media_type: str = "application/json"
    status: int = 200

    @classmethod
    def json(cls, payload: Any) -> Reply:
        return cls(JSONResponse(jsonable_encoder(payload)).body)

    @classmethod
    def html(cls, page: str, status: int = 200) -> Reply:
        return cls(page.encode(), "text/html; charset=utf-8", status)

    def response(self) -> Response:
        return Response(self.body, self.status, media_type=self.media_type)


class ByteLRU:
    """Least recently used entries, dropped once their sizes add up to more than
    `max_bytes`. Not thread-safe: its owner holds a lock."""

    def __init__(self, max_bytes: int) -> None:
        self._items: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._max_bytes = max_bytes
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def get(self, key: Hashable) -> Any:
        if key not in self._items:
            return _MISSING
        self._items.move_to_end(key)
        return self._items[key][0]

    def put(self, key: Hashable, value: Any, size: int) -> None:
        if key in self._items:
            self.bytes -= self._items.pop(key)[1]
        self._items[key] = (value, size)
        self.bytes += size
        while self.bytes > self._max_bytes and len(self._items) > 1:
            self.bytes -= self._items.popitem(last=False)[1][1]


class Answers:
    """Answers by key: kept, computed once per key, waited for within a budget."""

    def __init__(self, max_bytes: int, wait_seconds: float, retry_after: int) -> None:
        self._cache = ByteLRU(max_bytes)
        self._flights: dict[Hashable, Future] = {}
        # Reentrant: a computation that ends before its callback is added lands at once,
        # in the thread that still holds the lock.
        self._lock = threading.RLock()
        self._wait_seconds = wait_seconds
        self._retry_after = retry_after
        self._waiting = 0  # requests waiting for a computation (under the lock)

    async def get(self, key: Hashable, compute: Callable, workers: Workers) -> Any:
        """The answer for `key`, from the cache, from the computation already under way,
        or from a new one. Raises the Refused the computation came to, and Busy when the
        workers are full or the answer takes longer than the budget."""
        with self._lock:
            found = self._cache.get(key)
            if found is _MISSING:
                flight = self._flights.get(key) or self._start(key, compute, workers)
        if found is _MISSING:
            found = await self._wait(flight)
        return _unwrap(found)

    def _start(self, key: Hashable, compute: Callable, workers: Workers) -> Future:
        flight = workers.submit(compute)
        self._flights[key] = flight
        flight.add_done_callback(lambda done: self._land(key, done))
        return flight

    def _land(self, key: Hashable, flight: Future) -> None:
        """A finished computation goes into the cache before it leaves the flights, so a
        request always finds one or the other."""
        outcome = _outcome(flight)
        with self._lock:
            if outcome is not _MISSING:
                self._cache.put(key, outcome, _size(outcome))
            self._flights.pop(key, None)

    async def _wait(self, flight: Future) -> Any:
        """The flight's outcome; asyncio.wait, unlike wait_for, never cancels the flight
        that others may be waiting for, on a timeout or when this client goes away."""
        waiting = asyncio.wrap_future(flight)
        waiting.add_done_callback(_seen)
        self._count_waiting(+1)
        try:
            done, _ = await asyncio.wait({waiting}, timeout=self._wait_seconds)
        finally:
            self._count_waiting(-1)
        if not done:  # it goes on, and its answer is kept: asking again will find it
            raise Busy("still working on it: ask again shortly", self._retry_after)
        if flight.cancelled():  # the pool is stopping
            raise Busy("the server is stopping", self._retry_after)
        outcome = _outcome(flight)
        if outcome is _MISSING:
            return flight.result()  # a fault: raised here, an HTTP 500, and not kept
        return outcome

    def _count_waiting(self, step: int) -> None:
        with self._lock:
            self._waiting += step

    def stats(self) -> dict[str, int]:
        """What is kept and what is under way: for tests and for a look at a live server."""
        with self._lock:
            return {"entries": len(self._cache), "bytes": self._cache.bytes,
                    "computing": len(self._flights), "waiting": self._waiting}  # fmt: skip


def _outcome(flight: Future) -> Any:
    """What to keep of a finished computation: its value, or its Refused (the store is
    read-only, so the same question gets the same refusal); nothing for a fault or a
    cancellation, so the next request tries again."""
    if flight.cancelled():
        return _MISSING
    error = flight.exception()
    if error is None:
        return flight.result()
    if isinstance(error, Refused):
        # Kept without its traceback: the frames would hold the computation's data.
        error.__context__ = error.__cause__ = None
        return error.with_traceback(None)
    return _MISSING


def _seen(waiting: asyncio.Future) -> None:
    """Marks a waiter's copy of the outcome as read: the outcome is read from the flight."""
    if not waiting.cancelled():
        waiting.exception()


def _unwrap(outcome: Any) -> Any:
    if isinstance(outcome, BaseException):
        raise outcome.with_traceback(None)  # a kept error, raised again without old frames
    return outcome


def _size(value: Any) -> int:
    if isinstance(value, Reply):
        return len(value.body)
    if isinstance(value, Mapping):
        return sum(_size(v) for v in value.values())
    return ERROR_SIZE
