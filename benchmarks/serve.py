"""A bounded load run on loopback against the served app: a cached preview page and the
JSON API. Requests per second, p50/p99 latency, errors (target: p99 < 100 ms cached).

    python benchmarks/serve.py --db STORE [--requests 400] [--concurrency 8]
Traffic goes only to 127.0.0.1, is bounded in count, and stops by itself.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import uvicorn
from rich.console import Console
from rich.table import Table

from matchfacts.web.app import create_app

QUERY = "home=Liverpool&away=Real%20Madrid&date=2021-04-14"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as reply:
            reply.read()
            status = reply.status
    except Exception:  # noqa: BLE001 - any failure counts as an error
        status = 0
    return time.perf_counter() - started, status


def _load(url: str, requests: int, concurrency: int) -> dict:
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(_get, [url] * requests))
    elapsed = time.perf_counter() - started
    latencies = sorted(r[0] for r in results)
    return {"rps": requests / elapsed, "p50": statistics.median(latencies) * 1000,
            "p99": latencies[int(0.99 * (len(latencies) - 1))] * 1000,
            "errors": sum(1 for r in results if r[1] != 200)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    port = _port()
    server = uvicorn.Server(uvicorn.Config(create_app(Path(args.db)), host="127.0.0.1",
                                           port=port, log_level="error"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    _get(f"{base}/preview?{QUERY}")  # compose once: the runs below read the cache
    table = Table(title=f"Load on loopback: {args.requests} requests, {args.concurrency} at once")
    for column in ("endpoint", "req/s", "p50 ms", "p99 ms", "errors", "target"):
        table.add_column(column)
    for name, path in (("cached preview page", f"/preview?{QUERY}"),
                       ("JSON API: preview", f"/api/preview?{QUERY}"),
                       ("JSON API: tie", f"/api/tie?{QUERY}")):
        r = _load(base + path, args.requests, args.concurrency)
        table.add_row(name, f"{r['rps']:.0f}", f"{r['p50']:.1f}", f"{r['p99']:.1f}",
                      str(r["errors"]), "p99 < 100 ms" if "cached" in name else "")
    server.should_exit = True
    Console().print(table)


if __name__ == "__main__":
    main()
