"""A gate for computations in the server's worker processes: every call is counted (a file
in a folder) and held until the folder holds a file named 'open'. Files, because the
workers are other processes; the folder is named by an environment variable, which the
workers inherit when they start."""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

from matchfacts.web import app as web_app

FOLDER = "MATCHFACTS_TEST_GATE"
PATIENCE = 60  # seconds a held call waits for the gate before it fails


class Gate:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def calls(self) -> int:
        return len(list(self.folder.glob("call-*")))

    def open(self) -> None:
        (self.folder / "open").touch()

    def close(self) -> None:
        (self.folder / "open").unlink(missing_ok=True)


def held_tie(home, away, date, con):  # noqa: ANN001, ANN201 - web.app._tie's signature
    """web.app._tie, counted and held at the gate (runs in a worker)."""
    folder = Path(os.environ[FOLDER])
    (folder / f"call-{uuid.uuid4().hex}").touch()
    deadline = time.monotonic() + PATIENCE
    while not (folder / "open").exists():
        assert time.monotonic() < deadline, "the gate was never opened"
        time.sleep(0.01)
    return web_app._tie(home, away, date, con)
