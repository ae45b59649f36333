"""The flagship preview: golden Markdown and JSON, the page, and team-news errors.

Set MATCHFACTS_UPDATE_GOLDEN=1 to rewrite the golden files after a reviewed change.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from matchfacts.preview.compose import compose, preview_dict
from matchfacts.preview.html import render_html
from matchfacts.preview.markdown import render_markdown
from matchfacts.preview.team_news import TeamNewsError
from matchfacts.store.db import open_store
from matchfacts.store.lookup import resolve_team

GOLDEN = Path(__file__).parent / "golden"
NEWS = "team-news-liverpool-real-madrid-2021-04-14.yaml"


@pytest.fixture(scope="module")
def flagship(store_path, mirror):
    # The example team news is handed over beside the data: shared/examples, next to the
    # mirror's shared/data (never a silent preview without it).
    news = mirror.parent / "examples" / NEWS
    if not news.exists():
        pytest.fail(f"no example team news at {news}")
    con = open_store(store_path)
    try:
        return compose(
            con,
            resolve_team(con, "Liverpool"),
            resolve_team(con, "Real Madrid"),
            dt.date(2021, 4, 14),
            news,
        )
    finally:
        con.close()


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("MATCHFACTS_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_markdown_matches_the_golden_file(flagship):
    _golden("liverpool-real-madrid-2021-04-14.md", render_markdown(flagship))


def test_json_matches_the_golden_file(flagship):
    text = (
        json.dumps({"preview": preview_dict(flagship)}, ensure_ascii=False, indent=2, default=str)
        + "\n"
    )
    _golden("liverpool-real-madrid-2021-04-14.json", text)
    preview = json.loads(text)["preview"]
    assert set(preview) >= {"tie", "forecast", "facts", "team_news", "headline"}


def test_every_format_names_the_sources_and_their_licences(flagship):
    """CC-BY and ODC-BY ask to be named: each source with matches or goals in the store is
    behind the ratings of every preview."""
    sources = {s["name"]: s for s in preview_dict(flagship)["sources"]}
    assert {"engsoccerdata", "schochastics-football-data"} <= set(sources)
    assert sources["schochastics-football-data"]["licence"].startswith("ODC-BY-1.0")
    assert "fivethirtyeight-spi" not in sources  # its forecasts are not in a preview
    for page in (render_markdown(flagship), render_html(flagship)):
        assert "ODC-BY-1.0" in page and "github.com/jalapic/engsoccerdata" in page


def test_team_news_says_what_the_absentees_contributed(flagship):
    news = {n.team.short_name: n for n in flagship.news}
    madrid = news["Real Madrid"]
    ramos = next(a for a in madrid.absentees if a.player == "Sergio Ramos")
    assert ramos.status == "out" and ramos.known
    assert madrid.absentee_goals == sum(a.goals for a in madrid.absentees if a.status == "out")


def test_the_page_is_a_whole_html_document(flagship):
    page = render_html(flagship)
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert 'id="outcome-grid"' in page and "<details>" in page
    assert 'id="score-chart"' in page  # the match's scoreline probabilities as a chart
    assert "Liverpool go through with 2-0 or by three clear goals" in page


def test_a_misspelt_player_is_an_error_with_suggestions(store_path, tmp_path):
    news = tmp_path / "news.yaml"
    news.write_text(
        "teams:\n  Liverpool:\n    out:\n      - {player: Mohamed Sallah, reason: x}\n",
        encoding="utf-8",
    )
    con = open_store(store_path)
    try:
        with pytest.raises(TeamNewsError, match="Mohamed Salah"):
            compose(
                con,
                resolve_team(con, "Liverpool"),
                resolve_team(con, "Real Madrid"),
                dt.date(2021, 4, 14),
                news,
            )
    finally:
        con.close()


BILLION_LAUGHS = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nteams: {Liverpool: *b}\n"
TOO_DEEP = "teams: " + "{a: " * 12 + "1" + "}" * 12 + "\n"
TOO_BIG = "teams: {}\n" + "# padding\n" * 20_000


@pytest.mark.parametrize(
    "content",
    ["teams: [1, 2", "just text", "teams:\n  Barcelona: {}\n", BILLION_LAUGHS, TOO_DEEP, TOO_BIG],
)
def test_malformed_team_news_is_a_clear_error(store_path, tmp_path, content):
    news = tmp_path / "news.yaml"
    news.write_text(content, encoding="utf-8")
    con = open_store(store_path)
    try:
        with pytest.raises(TeamNewsError, match=str(news)):
            compose(
                con,
                resolve_team(con, "Liverpool"),
                resolve_team(con, "Real Madrid"),
                dt.date(2021, 4, 14),
                news,
            )
    finally:
        con.close()
