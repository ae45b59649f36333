"""What a request may send: bodies bounded (413), invalid text a 422 and never a 500,
validation errors that do not echo the input, a fuzz of mutated texts through the checker
with no 5xx; and the parts a newcomer meets first: /docs offline, `serve` saying where."""

from __future__ import annotations

import json
import os
import random
import re
import time

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from matchfacts.web.app import create_app
from matchfacts.web.limits import MAX_BODY, MAX_TEXT

FUZZ_TEXTS = int(os.environ.get("MATCHFACTS_FUZZ_TEXTS", "2000"))
FUZZ_SECONDS = float(os.environ.get("MATCHFACTS_FUZZ_SECONDS", "150"))
MARKER = "ECHO-ME-NOT"  # in every bad input: it must not come back
JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
def client(store_path):
    app = create_app(store_path)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def post_json(client, body: bytes):  # noqa: ANN001, ANN201
    return client.post("/api/check", content=body, headers=JSON)


def test_a_huge_body_is_a_short_413(client):
    huge = json.dumps({"text": "x" * (2 * MAX_BODY), "date": "2021-04-14"}).encode()
    reply = post_json(client, huge)
    assert reply.status_code == 413 and len(reply.content) < 200
    page = client.post("/check", data={"text": MARKER * 20_000, "date": "2021-04-14"})
    assert page.status_code == 413 and MARKER not in page.text


@pytest.mark.parametrize(
    "body",
    [
        b'{"text": "Liverpool have won \\ud800 their last two", "date": "2021-04-14"}',
        b'{"text": "a lone low \\udc80 surrogate", "date": "2021-04-14"}',
        b'{"text": "Liverpool \xff\xfe have won", "date": "2021-04-14"}',  # not UTF-8
        b'{"text": "half a character \xe2\x82", "date": "2021-04-14"}',
        b'{"text": "a binary file \\u0000 inside", "date": "2021-04-14"}',
        b'{"text": "fine", "date": "2021-04-14", "home": "Liv\\ud83d", "away": "Real Madrid"}',
    ],
)
def test_invalid_text_is_a_422_not_a_500(client, body):
    reply = post_json(client, body)
    assert reply.status_code == 422, reply.text
    assert reply.json()["problems"][0]["field"] in {"text", "body", "home"}


@pytest.mark.parametrize(
    "field, value",
    [
        ("text", MARKER * (MAX_TEXT // len(MARKER) + 1)),
        ("date", MARKER),
        ("home", MARKER * 10),
        ("text", 12345),
    ],
)
def test_a_validation_error_names_the_field_not_the_input(client, field, value):
    body = {"text": f"{MARKER} Liverpool have won.", "date": "2021-04-14", field: value}
    reply = client.post("/api/check", json=body)
    assert reply.status_code == 422 and len(reply.content) < 1000
    assert MARKER not in reply.text and "12345" not in reply.text
    error = reply.json()
    assert error["problems"][0]["field"] == field and error["error"].startswith("invalid request")


def test_bad_query_parameters_are_not_echoed_either(client):
    for params in (
        {"home": MARKER * 10, "away": "Real Madrid", "date": "2021-04-14"},
        {"home": "Liverpool", "away": "Real Madrid", "date": MARKER},
        {"home": "Liverpool", "away": "Real Madrid", "date": "2021-04-14", "competition": MARKER},
    ):
        for path in ("/api/preview", "/preview"):
            reply = client.get(path, params=params)
            assert reply.status_code == 422 and MARKER not in reply.text
    assert "Traceback" not in reply.text and "<h1>invalid request" in reply.text


def test_the_docs_work_offline(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "swagger" in page.text.lower()
    linked = re.findall(r"""(?:src|href|url)\s*[=:]\s*['"]([^'"]+)['"]""", page.text)
    assert linked and not [url for url in linked if "//" in url], linked
    for url in linked:  # the scripts and styles come from this server
        assert client.get(url).status_code == 200, url


def test_serve_prints_its_address(store_path, monkeypatch):
    import uvicorn

    from matchfacts.cli import app as cli

    ran = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **options: ran.update(options))
    result = CliRunner().invoke(cli, ["serve", "--db", str(store_path), "--port", "8765"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8765/" in result.output and ran["port"] == 8765


# The fuzz: real previews' sentences, mutated the ways text goes wrong on its way in.

SENTENCES = [
    "Real Madrid have beaten Liverpool in each of their last four meetings.",
    "Liverpool need to win by at least two goals.",
    "Barcelona have won three times in four visits to Liverpool.",
    "Liverpool have lost only two of their last 20 European home matches.",
    "Lionel Messi has scored 12 goals in this season's Champions League.",
    "A 2-0 win would do, while 3-1 would mean extra time.",
    "The Reds won their last seven at Anfield (W7 D0 L0).",
]
ODD = [
    "\x00", "\ud800", "\udfff", "\u202e", "\ufeff", "\u0301", "\x1b[31m", "\t", "\r\n", "ß",
    "İ", "ﬁ", "🙂", "中文", "99999999999999999999", "-1", "1e308", "½", "<script>", "'", '"',
    "\\", "%", "{}", "...", "\u2028", "\U0010ffff", "  ",
]  # fmt: skip
DATES = ["2021-04-14", "2019-05-07", "1900-01-01", "9999-12-31", "2021-02-30", "", "14/04/2021"]
SIDES = [None, "Liverpool", "Real Madrid", "Barcelona", "Liverpol", "x", "\ud83d", "Man Utd"]


EDITS = [  # each takes the text and a span of it
    lambda rng, text, at, to: text[:at] + rng.choice(ODD) + text[at:],  # an odd character
    lambda rng, text, at, to: text[:at] + text[to:],  # a span dropped
    lambda rng, text, at, to: text[:to] + text[at:to] * rng.randint(2, 5) + text[to:],
    lambda rng, text, at, to: re.sub(r"\d+", lambda _: rng.choice(NUMBERS), text),
    lambda rng, text, at, to: text[:at] + text[at:to].upper() + text[to:],
    lambda rng, text, at, to: text + " " + rng.choice(SENTENCES),
]
NUMBERS = ["99999999999999999999", "-1", "1e308", "0", "7", "½"]


def mutated(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 4)):
        at, to = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        text = rng.choice(EDITS)(rng, text, at, to)
    return text or "."


def fuzz_request(rng: random.Random) -> bytes:
    """A check request, mostly well formed around a mutated text, sometimes not."""
    body = {"text": mutated(rng, " ".join(rng.sample(SENTENCES, rng.randint(1, 3))))}
    if rng.random() < 0.95:
        body["date"] = rng.choice(DATES)
    if rng.random() < 0.3:
        body["home"], body["away"] = rng.choice(SIDES), rng.choice(SIDES)
    if rng.random() < 0.05:
        body[rng.choice(["text", "date", "home"])] = rng.choice([None, 7, [], {}, True])
    data = json.dumps(body).encode()  # escapes a lone surrogate as \ud800, as a client would
    if rng.random() < 0.05:  # bytes that are not JSON or not UTF-8
        cut = rng.randrange(len(data))
        data = data[:cut] + rng.choice([b"\xff", b"\xc3", b"", b"\x00", b"}{"]) + data[cut + 1 :]
    return data


@pytest.mark.parametrize(
    "texts, seconds",
    [
        pytest.param(FUZZ_TEXTS, FUZZ_SECONDS, id="small"),
        pytest.param(10_000, 2_400.0, id="10k", marks=pytest.mark.slow),  # ~6 a second
    ],
)
def test_fuzzed_checks_never_give_a_5xx(client, texts, seconds):
    rng = random.Random(17 + texts)
    statuses: dict[int, int] = {}
    deadline = time.monotonic() + seconds  # bounded in time as well as in count
    sent = 0
    while sent < texts and time.monotonic() < deadline:
        reply = post_json(client, fuzz_request(rng))
        sent += 1
        statuses[reply.status_code] = statuses.get(reply.status_code, 0) + 1
        deliberate = reply.status_code == 503 and "Retry-After" in reply.headers
        assert reply.status_code < 500 or deliberate, (reply.status_code, reply.text[:300])
    assert sent >= min(texts, 200), f"only {sent} requests in {seconds} s"
    assert statuses.get(200) and statuses.get(422), statuses  # both paths were exercised
    print(f"fuzzed checks: {sent} sent, statuses {dict(sorted(statuses.items()))}")


# Malformed requests to every operation of the API, from its own /openapi.json: schemathesis
# draws requests that break the schema (a missing or mistyped parameter, a wrong body, odd
# keys), and each must be answered, with a 4xx, never a 5xx. The requests are sent through
# the app's TestClient, so the worker pool runs as it does in `serve`.


@pytest.mark.parametrize(
    "per_operation", [20, pytest.param(100, marks=pytest.mark.slow, id="1000")]
)
def test_malformed_requests_never_give_a_5xx(client, per_operation):
    import httpx
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from schemathesis import GenerationMode

    schema = schemathesis.openapi.from_dict(client.get("/openapi.json").json())
    operations = [o.ok() for o in schema.get_all_operations()]
    assert {"POST /api/check", "GET /api/preview"} <= {o.label for o in operations}
    statuses: dict[int, int] = {}
    failures: list[tuple] = []

    def fuzz(operation) -> None:  # noqa: ANN001 - a schemathesis APIOperation
        @settings(max_examples=per_operation, database=None, deadline=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        @given(operation.as_strategy(generation_mode=GenerationMode.NEGATIVE))
        def send(case) -> None:  # noqa: ANN001 - a schemathesis Case
            request = case.as_transport_kwargs(base_url=str(client.base_url))
            request.pop("cookies", None)
            if isinstance(request.get("data"), bytes | str):  # requests' way; httpx: content
                request["content"] = request.pop("data")
            try:
                reply = client.request(**request)
            except (httpx.InvalidURL, TypeError, ValueError, UnicodeError):
                statuses[0] = statuses.get(0, 0) + 1  # the client cannot even send it
                return
            statuses[reply.status_code] = statuses.get(reply.status_code, 0) + 1
            deliberate = reply.status_code == 503 and "Retry-After" in reply.headers
            if reply.status_code >= 500 and not deliberate:
                failures.append((operation.label, request, reply.status_code, reply.text[:200]))

        send()

    for operation in operations:
        fuzz(operation)

    sent = sum(n for code, n in statuses.items() if code)
    print(f"malformed requests: {sent} answered, statuses {dict(sorted(statuses.items()))}")
    assert not failures, failures[:3]
    assert sent >= len(operations) * per_operation // 2, statuses
    assert any(400 <= code < 500 for code in statuses), statuses
