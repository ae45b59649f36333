"""The web app under load on loopback: 50 clients for a bounded time, three mixes, each
against a freshly started server (so each mix has its own peak memory):

- cached: preview pages and JSON already computed;
- warm: pages, previews, facts, forecasts, ties and checks, all asked once beforehand;
- cold: 40 clients asking for fixtures never seen before, 10 reading cached pages (ten a
  second each: readers, not a flood that would take the processor from the rest).

    python benchmarks/serve.py --db STORE [--seconds 60] [--clients 50] [--baseline [COMMIT]]

Per mix: requests/s (all answers, and those not refused), p50/p99 latency of the answers
not refused, p99 of the cached pages alone, never-seen fixtures answered per second and the
p99 of those answers, 5xx other than the deliberate 503s (with requests that got no answer
at all), 503s, and the server's processor use and peak resident memory, its worker
processes included. Clients behave: after a 503 they hang up, wait the Retry-After seconds,
and ask again. An answer still out at the deadline is waited for (up to 120 s) and counted.
`--baseline` runs the same load against the app as of COMMIT (default 17977fc, before issue
17), exported with `git archive` to a temporary folder; without it the figures stated in
issue 17 are printed beside today's. Traffic goes only to 127.0.0.1, every loop stops at
its deadline (and after --max-requests), and the servers are stopped by their process ids.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlencode

import duckdb
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "17977fc"
HOST = "127.0.0.1"  # loopback only
MIXES = ("cached", "warm", "cold")
ANSWER_TIMEOUT = 120  # seconds a client waits for one answer before counting it as none
# Issue 17's figures for the app before it (50 clients, 60 s), when there is no --baseline.
ISSUE_17 = {
    "cached": {"req/s": "400", "p99": "626 ms"},
    "warm": {"req/s": "11.8", "p99": "17.6 s"},
    "cold": {"new/s": "0.8-1.0", "new p99": "83-85 s", "peak MB": "4,100-4,500"},
}
WARM_FIXTURES = [
    ("Liverpool", "Real Madrid", "2021-04-14"),
    ("Liverpool", "Barcelona", "2019-05-07"),
    ("Manchester City", "Real Madrid", "2023-05-17"),
    ("Inter", "Milan", "2023-05-16"),
]
CHECKS = [
    {"date": "2021-04-14", "text": "Real Madrid have beaten Liverpool in each of their last "
     "four meetings. Liverpool need to win by at least two goals. Mohamed Salah has 12 "
     "assists."},
    {"date": "2019-05-07", "text": "Barcelona have won three times in four visits to "
     "Liverpool. Liverpool have lost only two of their last 20 European home matches. "
     "Liverpool need to win by four clear goals."},
    {"date": "2023-05-17", "text": "Manchester City have never beaten Real Madrid at home in "
     "Europe. A 1-0 win would send City through."},
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Ask:
    kind: str  # "page" (a cached page, timed apart), "api", "check" or "cold"
    method: str
    path: str
    body: bytes | None = None
    pause: float = 0.0  # seconds the client waits after the answer (a reader reading)


@dataclass(frozen=True, slots=True)
class Answer:
    kind: str
    status: int  # 0: no answer (timed out, connection lost)
    seconds: float
    error: str = ""  # why there was no answer


def _query(home: str, away: str, date: str, **more: object) -> str:
    return urlencode({"home": home, "away": away, "date": date, **more})


def warm_asks() -> dict[str, list[Ask]]:
    """What the cached and warm mixes ask, by kind: all asked once before the clock."""
    pages, api = [], []
    for fixture in WARM_FIXTURES:
        q = _query(*fixture)
        pages += [Ask("page", "GET", f"/preview?{q}"), Ask("page", "GET", f"/api/preview?{q}")]
        api += [Ask("api", "GET", f"/api/{route}?{q}") for route in ("forecast", "tie", "facts")]
    checks = [Ask("check", "POST", "/api/check", json.dumps(c).encode()) for c in CHECKS]
    return {"page": pages, "api": api, "check": checks}


def cold_fixtures(db: Path, count: int) -> Iterator[Ask]:
    """Real matches the server has not been asked about, in a fixed random order."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            """SELECT h.name, a.name, m.date FROM match m
               JOIN team h ON h.id = m.home_id JOIN team a ON a.id = m.away_id
               WHERE m.competition_id IN ('UCL','UEL','ENG1','ESP1','ITA1','GER1','FRA1')
                 AND m.date >= DATE '2000-01-01'
                 AND (SELECT count(*) FROM team t WHERE t.name IN (h.name, a.name)) = 2
               ORDER BY hash(m.id) LIMIT ?""",
            [count],
        ).fetchall()
    finally:
        con.close()
    return iter([Ask("cold", "GET", f"/api/preview?{_query(h, a, d)}") for h, a, d in rows])


def mixes(db: Path) -> dict[str, tuple[list[Ask], Callable[[random.Random, int], Ask]]]:
    """Each mix: what to ask before the clock, and what client i asks next."""
    warm = warm_asks()
    everything = [ask for asks in warm.values() for ask in asks]
    cold = cold_fixtures(db, 20_000)
    # Readers of cached pages beside the cold fixtures, 10 pages a second each: the
    # latency they see is the point, not how much processor they can take from the rest.
    readers = [replace(ask, pause=0.1) for ask in warm["page"]]
    lock = threading.Lock()

    def next_cold() -> Ask:
        with lock:  # each fixture asked by one client only
            return next(cold)

    return {
        "cached": (warm["page"], lambda rng, i: rng.choice(warm["page"])),
        "warm": (everything, lambda rng, i: rng.choice(warm[rng.choice(list(warm))])),
        "cold": (warm["page"], lambda rng, i: rng.choice(readers) if i < 10 else next_cold()),
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@dataclass(frozen=True, slots=True)
class Running:
    """A server process and its worker processes: where it listens, what they use."""

    port: int
    pid: int

    def pids(self) -> list[int]:
        """The server and its descendants (its worker processes)."""
        found, i = [self.pid], 0
        while i < len(found):
            for task in Path(f"/proc/{found[i]}/task").glob("*/children"):
                found += [int(child) for child in _read(task).split()]
            i += 1
        return found

    def rss_mb(self) -> float:
        """Resident memory of the server and its workers together."""
        total = 0
        for pid in self.pids():
            for line in _read(Path(f"/proc/{pid}/status")).splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        return total / 1024

    def cpu_seconds(self) -> float:
        """Processor time of the server and its workers, those that ended included."""
        ticks = 0
        for pid in self.pids():
            stat = _read(Path(f"/proc/{pid}/stat")).rsplit(")", 1)[-1].split()
            if len(stat) > 14:  # user, system, and for the ended children user, system
                ticks += sum(int(stat[k]) for k in (11, 12, 13, 14))
        return ticks / os.sysconf("SC_CLK_TCK")


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:  # a worker that has just ended
        return ""


class PeakMemory:
    """The highest resident memory of a server's processes, sampled four times a second
    (a worker replaced mid-run takes its own high-water mark with it)."""

    def __init__(self, running: Running) -> None:
        self.peak_mb = 0.0
        self._running = running
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.25):
            self.peak_mb = max(self.peak_mb, self._running.rss_mb())


@contextmanager
def server(src: Path, db: Path, log: Path) -> Iterator[Running]:
    """`matchfacts serve` from the code in `src`, in a process of its own."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-m", "matchfacts.cli", "serve", "--db", str(db),
               "--host", HOST, "--port", str(port)]  # fmt: skip
    with log.open("w") as out:
        proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for(port, proc)
        yield Running(port, proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_for(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped (exit {proc.returncode}): see its log")
        with socket.socket() as s:
            if s.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit("the server did not start within 180 s")


class Client:
    """One keep-alive connection, asking one thing at a time."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.con: http.client.HTTPConnection | None = None

    def ask(self, ask: Ask) -> tuple[int, float, int, str]:
        """Status (0 for no answer), seconds, the Retry-After seconds of a 503, and why
        there was no answer."""
        started = time.perf_counter()
        try:
            if self.con is None:
                self.con = http.client.HTTPConnection(HOST, self.port, timeout=ANSWER_TIMEOUT)
            headers = {"content-type": "application/json"} if ask.body else {}
            self.con.request(ask.method, ask.path, body=ask.body, headers=headers)
            reply = self.con.getresponse()
            reply.read()
            status, retry, error = reply.status, int(reply.getheader("Retry-After") or 0), ""
        except (OSError, http.client.HTTPException) as failure:
            self.close()
            status, retry, error = 0, 0, type(failure).__name__
        return status, time.perf_counter() - started, retry, error

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None


def load(port: int, choose: Callable, clients: int, seconds: float, max_requests: int) -> dict:
    """`clients` clients asking until the deadline (a 503 is asked again after its
    Retry-After); the answers and the seconds it took, in-flight answers included."""
    answers: list[Answer] = []
    deadline = time.monotonic() + seconds
    budget = threading.Semaphore(max_requests)

    def run(i: int) -> None:
        rng, client, ask = random.Random(i), Client(port), None
        while time.monotonic() < deadline and budget.acquire(blocking=False):
            ask = ask or choose(rng, i)
            status, took, retry, error = client.ask(ask)
            answers.append(Answer(ask.kind, status, took, error))  # list.append is atomic
            if status == 503:  # a polite client: hangs up, waits as told, asks again
                client.close()
                time.sleep(max(0.0, min(retry or 1, deadline - time.monotonic())))
            else:
                time.sleep(ask.pause)
                ask = None
        client.close()

    started = time.monotonic()
    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"answers": answers, "seconds": time.monotonic() - started}


def summary(answers: list[Answer], seconds: float) -> dict[str, str]:
    """The table's cells for one run."""
    served = sorted(a.seconds for a in answers if a.status != 503)
    pages = sorted(a.seconds for a in answers if a.kind == "page" and a.status != 503)
    new = sorted(a.seconds for a in answers if a.kind == "cold" and a.status != 503)
    return {
        "req/s": _rate(len(answers), seconds),
        "served/s": _rate(len(served), seconds),
        "p50": _ms(statistics.median(served)) if served else "-",
        "p99": _ms(_p99(served)) if served else "-",
        "cached p99": _ms(_p99(pages)) if pages else "-",
        "new/s": _rate(len(new), seconds),
        "new p99": _ms(_p99(new)) if new else "-",
        "5xx": str(sum(1 for a in answers if _failed(a))),
        "503": str(sum(1 for a in answers if a.status == 503)),
    }


def _failed(answer: Answer) -> bool:
    """A fault: a 5xx other than the deliberate 503, or no answer at all."""
    return answer.status == 0 or (answer.status >= 500 and answer.status != 503)


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.1f}"


def _p99(sorted_seconds: list[float]) -> float:
    return sorted_seconds[int(0.99 * (len(sorted_seconds) - 1))]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def run_mix(src: Path, name: str, args: argparse.Namespace) -> dict[str, str]:
    warm, choose = mixes(args.db)[name]  # afresh for each server: the same cold fixtures
    with tempfile.NamedTemporaryFile(prefix=f"serve-{name}-", suffix=".log", delete=False) as f:
        log = Path(f.name)
    with server(src, args.db, log) as running, PeakMemory(running) as memory:
        warmer = Client(running.port)
        for ask in warm:  # computed before the clock: these are the cached answers
            while warmer.ask(ask)[0] == 503:
                time.sleep(1)
        warmer.close()
        cpu = running.cpu_seconds()
        done = load(running.port, choose, args.clients, args.seconds, args.max_requests)
        cpu = running.cpu_seconds() - cpu
    _say_failures(name, src, done["answers"], log)
    row = summary(done["answers"], done["seconds"])
    return {**row, "server CPU": f"{100 * cpu / done['seconds']:.0f}%",
            "peak MB": f"{memory.peak_mb:,.0f}"}  # fmt: skip


def _say_failures(name: str, src: Path, answers: list[Answer], log: Path) -> None:
    """What the 5xx column counts, by kind and cause, so it can be looked into."""
    failed = Counter((a.kind, a.status or a.error) for a in answers if _failed(a))
    if failed:
        print(f"{name} mix, {src}: {dict(failed)}; the server's log: {log}", file=sys.stderr)


@contextmanager
def exported(commit: str) -> Iterator[Path]:
    """The package's source as of `commit`, in a temporary folder (no worktree touched)."""
    with tempfile.TemporaryDirectory(prefix="matchfacts-baseline-") as folder:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "src"],
                                 check=True, capture_output=True).stdout  # fmt: skip
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        yield Path(folder) / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--seconds", type=float, default=60, help="per mix (default 60)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--max-requests", type=int, default=2_000_000, help="per mix")
    parser.add_argument("--mix", action="append", choices=MIXES, help="(default: all three)")
    parser.add_argument("--baseline", nargs="?", const=BASELINE, metavar="COMMIT",
                        help=f"also load the app as of COMMIT (default {BASELINE})")  # fmt: skip
    args = parser.parse_args()
    servers = [("today", ROOT / "src")]
    table = Table(title=f"{args.clients} clients, {args.seconds:.0f} s per mix, on {HOST}")
    columns = ["mix", "app", "req/s", "served/s", "p50", "p99", "cached p99", "new/s",
               "new p99", "5xx", "503", "server CPU", "peak MB"]  # fmt: skip
    for column in columns:
        table.add_column(column, justify="left" if column in ("mix", "app") else "right")
    with exported(args.baseline) if args.baseline else _nothing() as old_src:
        if old_src is not None:
            servers.append((args.baseline, old_src))
        for name in args.mix or MIXES:
            for label, src in servers:
                table.add_row(name, label, *run_mix(src, name, args).values())
            if old_src is None:
                before = ISSUE_17[name]
                table.add_row(name, "before (issue 17)", *[before.get(c, "") for c in columns[2:]])
    Console(width=160).print(table)


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


if __name__ == "__main__":
    main()
