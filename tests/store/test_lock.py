"""One store builder at a time: a second process waits for the lock, says so, and goes on
once the first has finished (no timing is asserted, only the order of events)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from matchfacts.store.lock import build_lock

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from matchfacts.store.lock import build_lock
    with build_lock(Path(sys.argv[1])):
        print("locked", flush=True)
        sys.stdin.readline()  # hold it until the test says so
    """
)


def test_a_second_builder_waits_for_the_first_and_says_so(tmp_path):
    store = tmp_path / "matchfacts.duckdb"
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    ) as holder:  # fmt: skip
        assert holder.stdout.readline().strip() == "locked"
        said: list[str] = []

        def waiting(message: str) -> None:
            said.append(message)
            holder.stdin.write("done\n")  # now let the first builder finish
            holder.stdin.flush()

        with build_lock(store, waiting):
            assert holder.wait(timeout=60) == 0  # we hold it only after the first let go
    assert len(said) == 1 and "another matchfacts is building" in said[0]


def test_the_lock_is_reentrant_in_one_process(tmp_path):
    store = tmp_path / "matchfacts.duckdb"
    said: list[str] = []
    with build_lock(store, said.append), build_lock(store, said.append):
        pass
    assert said == []  # the ingest inside a first-use build takes it again without waiting
