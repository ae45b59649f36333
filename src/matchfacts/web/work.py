"""Heavy work in processes of its own, so the server's event loop never waits behind it.

A preview or a check is mostly Python: in a thread of the server's process it would hold
the interpreter lock that the event loop needs to send a cached page. Here it runs in a
small pool of worker processes, each with its own read-only connection to the store, at a
lower scheduling priority than the server, each task within a time budget (past it the
worker is stopped and replaced), each worker replaced after a number of tasks (whatever
its caches grew to is given back). The pool takes on a bounded number of tasks, running
or waiting; beyond that `submit` raises Busy rather than queuing.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import duckdb
from pebble import ProcessPool

from matchfacts.errors import MatchfactsError
from matchfacts.web.errors import Busy, Refused, refusal
from matchfacts.web.limits import Limits

Compute = Callable[[duckdb.DuckDBPyConnection], Any]
NICENESS = 5  # a worker yields the processor to the server's event loop

_store: duckdb.DuckDBPyConnection | None = None  # in a worker: its connection


class Pool:
    """Worker processes taking on at most `workers + queue` tasks at once."""

    def __init__(self, db_path: Path, limits: Limits) -> None:
        self._pool = ProcessPool(
            limits.workers,
            max_tasks=limits.tasks_per_worker,
            initializer=_open_store,
            initargs=(str(db_path),),
            # spawned, not forked: the server has threads (DuckDB's, the pool's own)
            context=multiprocessing.get_context("spawn"),
        )
        self._slots = threading.BoundedSemaphore(limits.workers + limits.queue)
        self._limits = limits

    def start(self) -> None:
        """Start the workers now rather than on the first request (they take seconds)."""
        self._pool.schedule(_ready)

    def submit(self, compute: Compute) -> Future:
        """The computation under way, or Busy when the pool has all it can take."""
        if not self._slots.acquire(blocking=False):
            raise Busy("the server is busy: ask again shortly", self._limits.retry_after)
        task = self._pool.schedule(_run, (compute,), timeout=self._limits.compute_seconds)
        settled: Future = Future()
        task.add_done_callback(lambda done: self._settle(done, settled))
        return settled

    def close(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=10)

    def _settle(self, task: Future, settled: Future) -> None:
        """The task's outcome, with a timeout said as a refusal (the worker was stopped
        and is replaced)."""
        self._slots.release()
        if task.cancelled():
            settled.cancel()
        elif isinstance(task.exception(), TimeoutError):
            budget = self._limits.compute_seconds
            settled.set_exception(Refused(422, f"this takes longer than the {budget:g} s "
                                               "a request may use"))  # fmt: skip
        elif task.exception() is not None:
            settled.set_exception(task.exception())
        else:
            settled.set_result(task.result())


# In a worker process.


def _open_store(db_path: str) -> None:
    global _store
    from matchfacts.store.db import open_store

    os.nice(NICENESS)
    _store = open_store(Path(db_path), read_only=True)


def _ready() -> None:
    """Nothing: a first task that starts the pool."""


def _run(compute: Compute) -> Any:
    """The computation's answer; a MatchfactsError comes back as a Refused, which (unlike
    some of the library's errors) crosses back to the server intact."""
    try:
        return compute(_store)
    except MatchfactsError as error:
        raise refusal(error) from None
