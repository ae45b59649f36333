"""The product's facts for a fixture, as `matchfacts facts --json` prints them (the CLI in a
subprocess: the audit reads only what a user would read). Kept in a cache directory so
the table and the test can share one run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# AUDIT_SRC: another checkout's src (the figure before a fix); MATCHFACTS_DB: the store
SRC = Path(os.environ.get("AUDIT_SRC", Path(__file__).resolve().parents[2] / "src"))
CACHE = Path(os.environ.get("AUDIT_CACHE", Path(tempfile.gettempdir()) / "matchfacts-audit"))


def facts(home: str, away: str, day: str, fresh: bool = False) -> dict:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{home}_{away}_{day}.json".replace(" ", "_").replace("/", "_")
    if fresh or not path.exists():
        env = dict(os.environ, PYTHONPATH=str(SRC))
        out = subprocess.run(
            [sys.executable, "-c", "from matchfacts.cli import run; run()", "facts", home, away,
             "--date", day, "--json"],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip
        if out.returncode != 0:
            raise RuntimeError(f"facts {home} v {away} {day}: {out.stderr.strip()}")
        path.write_text(out.stdout)
    text = path.read_text()
    # before its fix, DuckDB's progress bar could precede the JSON on stdout
    return json.loads(text[text.index("{") :])
