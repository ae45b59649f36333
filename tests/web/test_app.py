"""The web app through its HTTP interface: pages, JSON API, validation, errors, cache."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from matchfacts.web.app import create_app

FLAGSHIP = {"home": "Liverpool", "away": "Real Madrid", "date": "2021-04-14"}


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path)) as test_client:
        yield test_client


def test_the_find_page_has_a_form(client):
    page = client.get("/")
    assert page.status_code == 200 and 'id="find"' in page.text


def test_the_preview_page(client):
    page = client.get("/preview", params=FLAGSHIP)
    assert page.status_code == 200
    assert "Liverpool go through with 2-0 or by three clear goals" in page.text
    assert 'id="outcome-grid"' in page.text and "<details>" in page.text


def test_the_json_api_follows_the_contract(client):
    tie = client.get("/api/tie", params=FLAGSHIP).json()["tie"]
    assert tie["first_leg"]["home_goals"] == 3 and len(tie["outcomes"]) == 49
    fc = client.get("/api/forecast", params=FLAGSHIP).json()["forecast"]
    assert fc["progress"]["home"] + fc["progress"]["away"] == pytest.approx(1.0, abs=1e-3)
    facts = client.get("/api/facts", params={**FLAGSHIP, "limit": 5}).json()["facts"]
    assert len(facts["facts"]) == 5 and facts["facts"][0]["evidence"]
    preview = client.get("/api/preview", params=FLAGSHIP).json()["preview"]
    assert set(preview) >= {"tie", "forecast", "facts", "team_news", "headline"}
    assert client.get("/openapi.json").json()["info"]["title"] == "matchfacts"


def test_an_unknown_team_is_a_404_with_suggestions(client):
    reply = client.get("/api/tie", params={**FLAGSHIP, "home": "Liverpol"})
    assert reply.status_code == 404
    assert "Liverpool" in reply.json()["suggestions"]
    page = client.get("/preview", params={**FLAGSHIP, "home": "Liverpol"})
    assert page.status_code == 404 and "Liverpool" in page.text and "Traceback" not in page.text


def test_no_such_fixture_is_a_404_naming_the_meetings(client):
    reply = client.get("/api/tie", params={**FLAGSHIP, "date": "2021-04-20"})
    assert reply.status_code == 404 and "2021-04-14" in reply.json()["error"]


@pytest.mark.parametrize(
    "params",
    [
        {**FLAGSHIP, "date": "14/04/2021"},
        {**FLAGSHIP, "home": ""},
        {"home": "Liverpool"},
        {**FLAGSHIP, "home": "x" * 500},
    ],
)
def test_bad_input_is_rejected_cleanly(client, params):
    reply = client.get("/api/preview", params=params)
    assert reply.status_code == 422
    assert "Traceback" not in reply.text


def test_previews_are_cached(client):
    app = client.app
    first = client.get("/api/preview", params=FLAGSHIP).json()
    second = client.get("/api/preview", params=FLAGSHIP).json()
    assert first == second and app is client.app


def test_a_fixture_can_be_found_by_competition_too(client):
    assert client.get("/preview", params={**FLAGSHIP, "competition": "UCL"}).status_code == 200
    wrong = client.get("/api/preview", params={**FLAGSHIP, "competition": "ENG1"})
    assert wrong.status_code == 404 and "UCL" in wrong.json()["error"]
    assert (
        client.get("/api/preview", params={**FLAGSHIP, "competition": "x;drop"}).status_code == 422
    )


def test_the_check_api_verifies_each_claim(client):
    text = (
        "Real Madrid have beaten Liverpool in each of their last four meetings. "
        "Liverpool need to win by at least two goals. Mohamed Salah has 12 assists."
    )
    r = client.post("/api/check", json={"text": text, "date": "2021-04-14"})
    assert r.status_code == 200, r.text
    check = r.json()["check"]
    assert check["fixture"].startswith("Liverpool v Real Madrid")
    assert [c["verdict"] for c in check["claims"]] == ["supported", "imprecise", "not_checkable"]
    for claim in check["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
    one_side = client.post(
        "/api/check", json={"text": text, "date": "2021-04-14", "home": "Liverpool"}
    )
    assert one_side.status_code == 400 and "both" in one_side.json()["error"]
    assert client.post("/api/check", json={"text": text}).status_code == 422


def test_the_check_page_marks_the_claims(client):
    assert 'id="check"' in client.get("/check").text
    text = "Barcelona have won three times in four visits to Liverpool. Hello."
    page = client.post("/check", data={"text": text, "date": "2019-05-07"})
    assert page.status_code == 200
    assert '<mark class="refuted"' in page.text and "2 of 4" in page.text
    unknown = client.post(
        "/check", data={"text": text, "date": "2019-05-07", "home": "Liverpol FCX", "away": "X"}
    )
    assert unknown.status_code == 404 and 'id="error"' in unknown.text
