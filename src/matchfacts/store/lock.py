"""One store builder at a time: a lock file beside the store.

Two processes started together on a fresh machine (`preview` and `serve`) would both find
no store and both build it; the second to rename its copy in would clash with the first.
With the lock the second waits, says so, and then uses the store the first built.
"""

from __future__ import annotations

import fcntl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

_held: set[Path] = set()  # the locks this process holds: taking one again is a no-op


@contextmanager
def build_lock(db_path: Path, on_wait: Callable[[str], object] | None = None) -> Iterator[None]:
    """Hold `<db>.lock` while building; wait (saying so through `on_wait`) while another
    process holds it."""
    lock_path = Path(db_path).with_name(Path(db_path).name + ".lock").resolve()
    if lock_path in _held:
        yield
        return
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait(f"another matchfacts is building the store at {db_path}: waiting for it")
            fcntl.flock(handle, fcntl.LOCK_EX)
        _held.add(lock_path)
        try:
            yield
        finally:
            _held.discard(lock_path)
            fcntl.flock(handle, fcntl.LOCK_UN)
