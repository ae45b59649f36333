"""The web app's limits, in one place: what a request may send and what the server takes on.

The figures fit this machine (2 cores): a cold preview costs about 3-4 s of one core, a
check about a second per 10 KB of text (so the longest text about 10 s), a cached page a
dictionary lookup.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_TEXT = 100_000  # characters: a preview is a few thousand; 100,000 is a long essay
MAX_BODY = 128 * 1024  # bytes: the longest text plus its JSON or form encoding; 413 beyond
MAX_NAME = 80  # characters in a team's name as typed


@dataclass(frozen=True, slots=True)
class Limits:
    """How much the server computes at once and keeps, and how long a client waits."""

    workers: int = 2  # processes computing previews, facts, ties and checks: one per core
    queue: int = 4  # computations waiting for a worker; more are refused with 503
    wait_seconds: float = 20.0  # a client's wait for a computation before 503 (it goes on)
    compute_seconds: float = 60.0  # a computation's budget: past it the worker is stopped
    tasks_per_worker: int = 500  # then the worker is replaced, and its memory given back
    retry_after: int = 5  # seconds, in the Retry-After header of a 503
    cache_bytes: int = 96 * 1024 * 1024  # rendered answers kept (a preview is about 270 KB)
    max_body: int = MAX_BODY
