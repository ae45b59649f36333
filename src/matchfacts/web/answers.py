"""Answers computed once and kept: how the server stays responsive under load.

A request names its answer by a key (the route and what the user typed). A kept answer is
returned at once, on the event loop, with no thread to wait for. A missing one is computed
on a small pool of threads, once however many ask for it at the same moment (single flight),
and kept in a least-recently-used cache bounded in bytes. A pool takes on only as much work
as it can finish while a client waits; beyond that a request is refused with `Busy` (HTTP
503 with Retry-After) instead of queuing for minutes.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import duckdb
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from matchfacts.errors import MatchfactsError

Compute = Callable[[duckdb.DuckDBPyConnection], Any]
ERROR_SIZE = 1024  # bytes an error is counted as in the cache: its message and suggestions
_MISSING = object()


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


class Busy(Exception):
    """The server has as much work as it can finish in time: ask again later."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Pool:
    """Threads for heavy work, each with its own cursor on the store, taking on at most
    `workers + queue` computations (running or waiting) at once."""

    def __init__(
        self, store: duckdb.DuckDBPyConnection, name: str, workers: int, queue: int,
        retry_after: int,
    ) -> None:  # fmt: skip
        self._store = store
        self._store_lock = threading.Lock()  # cursors are per thread; creating one is not
        self._local = threading.local()
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix=f"matchfacts-{name}")
        self._slots = threading.BoundedSemaphore(workers + queue)
        self._retry_after = retry_after

    def submit(self, compute: Compute) -> Future:
        if not self._slots.acquire(blocking=False):
            raise Busy("the server is busy: ask again shortly", self._retry_after)
        flight = self._executor.submit(self._run, compute)
        flight.add_done_callback(lambda _: self._slots.release())
        return flight

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _run(self, compute: Compute) -> Any:
        return compute(self._cursor())

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor, opened on its first task and kept: one per worker."""
        if not hasattr(self._local, "con"):
            with self._store_lock:
                self._local.con = self._store.cursor()
        return self._local.con


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

    async def get(self, key: Hashable, compute: Compute, pool: Pool) -> Any:
        """The answer for `key`, from the cache, from the computation already under way,
        or from a new one on `pool`. Raises the MatchfactsError the computation raised,
        and Busy when the pool is full or the answer takes longer than the budget."""
        with self._lock:
            found = self._cache.get(key)
            if found is _MISSING:
                flight = self._flights.get(key) or self._start(key, compute, pool)
        if found is _MISSING:
            found = await self._wait(flight)
        return _unwrap(found)

    def _start(self, key: Hashable, compute: Compute, pool: Pool) -> Future:
        flight = pool.submit(compute)
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
        self._count_waiting(+1)
        # shield: a client that gives up must not cancel the computation others wait for.
        try:
            return await asyncio.wait_for(
                asyncio.shield(asyncio.wrap_future(flight)), self._wait_seconds
            )
        except TimeoutError:
            # The computation goes on and its answer is kept: asking again will find it.
            raise Busy("still working on it: ask again shortly", self._retry_after) from None
        except MatchfactsError as error:
            return error
        finally:
            self._count_waiting(-1)

    def _count_waiting(self, step: int) -> None:
        with self._lock:
            self._waiting += step

    def stats(self) -> dict[str, int]:
        """What is kept and what is under way: for tests and for a look at a live server."""
        with self._lock:
            return {"entries": len(self._cache), "bytes": self._cache.bytes,
                    "computing": len(self._flights), "waiting": self._waiting}  # fmt: skip


def _outcome(flight: Future) -> Any:
    """What to keep of a finished computation: its value, or its MatchfactsError (the store
    is read-only, so the same question gets the same error); nothing for a fault or a
    cancellation, so the next request tries again."""
    if flight.cancelled():
        return _MISSING
    error = flight.exception()
    if error is None:
        return flight.result()
    if isinstance(error, MatchfactsError):
        # Kept without its traceback: the frames would hold the computation's data.
        error.__context__ = error.__cause__ = None
        return error.with_traceback(None)
    return _MISSING


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
