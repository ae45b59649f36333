"""The server under load: one computation per question however many ask at once, a full
pool answering 503 with Retry-After, cached reads never waiting behind computations, and
memory bounded. Computations are held at a gate (tests/web/gate.py), so nothing here
depends on timing."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from gate import FOLDER, Gate, held_tie

from matchfacts.web import app as web_app
from matchfacts.web.answers import ByteLRU, Reply
from matchfacts.web.app import create_app
from matchfacts.web.limits import Limits
from matchfacts.web.work import Pool

FLAGSHIP = {"home": "Liverpool", "away": "Real Madrid", "date": "2021-04-14"}
OTHER = {"home": "Liverpool", "away": "Barcelona", "date": "2019-05-07"}
PATIENCE = 60  # seconds a test waits for the server to reach a state before it fails


@pytest.fixture()
def gate(monkeypatch, tmp_path) -> Gate:
    """The tie engine behind /api/tie, held at a gate in the workers."""
    monkeypatch.setenv(FOLDER, str(tmp_path))
    monkeypatch.setattr(web_app, "_tie", held_tie)
    return Gate(tmp_path)


def serve(store_path, **limits) -> TestClient:  # noqa: ANN001
    return TestClient(create_app(store_path, Limits(**limits)), raise_server_exceptions=False)


def until(condition, what: str) -> None:  # noqa: ANN001
    """Wait for the server to reach a state (polling, not timing: no speed is asserted)."""
    deadline = time.monotonic() + PATIENCE
    while not condition():
        assert time.monotonic() < deadline, f"the server never got to: {what}"
        time.sleep(0.01)


def test_twenty_identical_requests_compute_once(store_path, gate):
    with serve(store_path) as client, ThreadPoolExecutor(20) as pool:
        answers = client.app.state.answers
        replies = [pool.submit(client.get, "/api/tie", params=FLAGSHIP) for _ in range(20)]
        until(lambda: answers.stats()["waiting"] == 20, "twenty requests waiting on one flight")
        gate.open()
        bodies = [reply.result() for reply in replies]
    assert gate.calls == 1
    assert {r.status_code for r in bodies} == {200} and len({r.content for r in bodies}) == 1


def test_a_full_pool_answers_503_with_retry_after(store_path, gate):
    with (
        serve(store_path, workers=1, queue=0, retry_after=7) as client,
        ThreadPoolExecutor(1) as pool,
    ):
        answers = client.app.state.answers
        first = pool.submit(client.get, "/api/tie", params=FLAGSHIP)
        until(lambda: gate.calls == 1, "the first computation running")
        refused = client.get("/api/tie", params=OTHER)
        assert refused.status_code == 503 and refused.headers["Retry-After"] == "7"
        assert refused.json()["retry_after"] == 7 and "busy" in refused.json()["error"]
        page = client.get("/preview", params=OTHER)  # a page says it too, as a page
        assert page.status_code == 503 and page.headers["Retry-After"] == "7"
        assert answers.stats()["computing"] == 1  # the refused ones were not queued
        gate.open()
        assert first.result().status_code == 200
        assert client.get("/api/tie", params=OTHER).status_code == 200  # room again


def test_cached_answers_do_not_wait_behind_computations(store_path, gate):
    with serve(store_path, workers=1, queue=0) as client, ThreadPoolExecutor(1) as pool:
        gate.open()
        assert client.get("/api/tie", params=FLAGSHIP).status_code == 200  # now kept
        gate.close()
        busy = pool.submit(client.get, "/api/tie", params=OTHER)
        until(lambda: gate.calls == 2, "the pool busy with another computation")
        for _ in range(50):
            assert client.get("/api/tie", params=FLAGSHIP).status_code == 200
        gate.open()
        assert busy.result().status_code == 200


def test_a_slow_answer_is_a_503_then_kept_for_the_retry(store_path, gate):
    with serve(store_path, wait_seconds=0.05, retry_after=3) as client:
        slow = client.get("/api/tie", params=FLAGSHIP)
        assert slow.status_code == 503 and slow.headers["Retry-After"] == "3"
        assert "still working" in slow.json()["error"]
        gate.open()
        answers = client.app.state.answers
        until(lambda: answers.stats()["computing"] == 0, "the computation finished")
        assert client.get("/api/tie", params=FLAGSHIP).status_code == 200
    assert gate.calls == 1


def test_a_computation_past_its_budget_is_stopped_and_refused(store_path, gate):
    with serve(store_path, workers=1, compute_seconds=1) as client:
        gate.open()
        assert client.get("/api/tie", params=FLAGSHIP).status_code == 200  # a worker is up
        gate.close()
        for _ in range(2):  # the refusal is kept: the same question would take as long
            reply = client.get("/api/tie", params=OTHER)
            assert reply.status_code == 422, reply.text
            assert "longer than the 1 s" in reply.json()["error"]
        assert gate.calls == 2
        gate.open()  # the stopped worker was replaced
        first_leg = {"home": "Real Madrid", "away": "Liverpool", "date": "2021-04-06"}
        assert client.get("/api/tie", params=first_leg).status_code == 200


def test_errors_are_kept_like_answers(store_path, gate):
    gate.open()
    with serve(store_path) as client:
        for _ in range(3):
            reply = client.get("/api/tie", params={**FLAGSHIP, "date": "2021-04-20"})
            assert reply.status_code == 404 and "2021-04-14" in reply.json()["error"]
    assert gate.calls == 1


def test_the_cache_is_bounded_in_bytes():
    cache = ByteLRU(max_bytes=1000)
    for n in range(50):
        cache.put(n, Reply(b"x" * 100), 100)
    assert cache.bytes <= 1000 and len(cache) == 10
    assert 39 not in cache and 40 in cache and 49 in cache  # the oldest went
    cache.get(40)  # just used: kept over 41 when the next one comes
    cache.put("new", Reply(b"y" * 100), 100)
    assert 41 not in cache and 40 in cache and len(cache) == 10


def test_every_route_is_cached(store_path, monkeypatch):
    submitted = []
    real_submit = Pool.submit

    def counted(pool, work):  # noqa: ANN001, ANN202
        submitted.append(work)
        return real_submit(pool, work)

    monkeypatch.setattr(Pool, "submit", counted)
    check = {"text": "Liverpool have won their last two games.", "date": "2021-04-14"}
    asks = [
        ("GET", "/preview", {"params": FLAGSHIP}),
        ("GET", "/api/preview", {"params": FLAGSHIP}),
        ("GET", "/api/forecast", {"params": FLAGSHIP}),
        ("GET", "/api/tie", {"params": FLAGSHIP}),
        ("GET", "/api/facts", {"params": {**FLAGSHIP, "limit": 3}}),
        ("GET", "/api/teams", {"params": {"q": "Spurs"}}),
        ("POST", "/api/check", {"json": check}),
        ("POST", "/check", {"data": check}),
    ]
    with serve(store_path) as client:
        for _ in range(3):
            for method, path, sent in asks:
                assert client.request(method, path, **sent).status_code == 200, path
    # one preview (its page, its JSON, its forecast), one tie, facts, teams, two checks
    assert len(submitted) == 6
