"""Text that is not a preview gets a clear answer, never a crash."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from matchfacts.check.checker import MAX_BYTES, CheckInputError, check_text, read_text
from matchfacts.check.spot import sentences
from matchfacts.cli import app
from matchfacts.store.db import open_store
from matchfacts.store.lookup import resolve_team

DAY = dt.date(2021, 4, 14)


@pytest.fixture(scope="module")
def con(store_path):
    connection = open_store(store_path)
    yield connection
    connection.close()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "Liverpool empfangen Real Madrid. Die Gäste gewannen das Hinspiel mit 3:1.",
        "利物浦主场迎战皇家马德里，首回合1比3落后。",
        "Preheat the oven to 180 degrees. Bake for 25 minutes.",
        "|a|b|\n|1|2|\n# 3 headings\n```\n4 code\n```",
        "Zzyzx Qwerty have won each of their last 99 matches.",
        "." * 5000,
    ],
)
def test_text_that_is_not_a_preview_gives_an_answer(con, text):
    report = check_text(con, text, DAY)
    for claim in report.claims:
        assert claim.verdict.verdict in ("not_checkable", "refuted")
        assert claim.verdict.reason


def test_an_unknown_team_is_named_with_the_nearest(con):
    report = check_text(con, "Zzyzx Qwerty have won each of their last 99 matches.", DAY)
    (claim,) = report.claims
    assert claim.verdict.verdict == "not_checkable"
    assert "Zzyzx Qwerty" in claim.verdict.reason


def test_binary_and_huge_files_are_refused_clearly(tmp_path):
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(CheckInputError, match="photo.png is a binary file"):
        read_text(binary)
    huge = tmp_path / "huge.md"
    huge.write_text("Liverpool have won. " * (MAX_BYTES // 10))
    with pytest.raises(CheckInputError, match="huge.md is .* MB"):
        read_text(huge)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Bayern München have won twice.".encode("latin-1"))
    assert "München" in read_text(latin)


def test_sentence_spans_point_into_the_text():
    text = "Intro line\n\n* Salah has scored 2.5 goals. Real Madrid lead 3-1!\nEnd"
    for s in sentences(text):
        assert text[s.start : s.end] == s.text


def test_the_flagship_tie_need_is_imprecise(con):
    report = check_text(
        con, "Liverpool need to win by at least two goals. Liverpool host Real Madrid.", DAY
    )
    claim = report.claims[0]
    assert claim.verdict.verdict == "imprecise"
    assert "3-1 means extra time" in claim.verdict.reason


def test_cli_check_json_and_errors(store_path, tmp_path):
    runner = CliRunner()
    preview = tmp_path / "p.md"
    preview.write_text(
        "Real Madrid have beaten Liverpool in each of their last four meetings. "
        "Liverpool need to score at least three goals."
    )
    args = ["check", str(preview), "--date", "2021-04-14", "--db", str(store_path)]
    result = runner.invoke(app, [*args, "--home", "Liverpool", "--away", "Real Madrid", "--json"])
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)["check"]["claims"]
    assert [c["verdict"] for c in claims] == ["supported", "refuted"]
    assert claims[1]["stated"] == 3 and claims[1]["actual"] == 2
    assert set(claims[0]) >= {"text", "start", "end", "verdict", "stated", "actual", "reason"}
    assert claims[0]["evidence"][0]["home"] in ("Liverpool", "Real Madrid")
    human = runner.invoke(app, args)
    assert "SUPPORTED" in human.stdout and "REFUTED" in human.stdout
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x00\x01\x02")
    refused = runner.invoke(app, ["check", str(binary), "--date", "2021-04-14"])
    assert refused.exit_code == 2 and "binary" in refused.output
    empty = tmp_path / "e.md"
    empty.write_text("")
    nothing = runner.invoke(
        app, ["check", str(empty), "--date", "2021-04-14", "--db", str(store_path)]
    )
    assert nothing.exit_code == 0 and "No statistical claims" in nothing.stdout


def test_a_club_named_by_its_first_word_finds_the_fixture(con):
    text = "Bayern host Real Madrid. Bayern have lost each of their last five meetings with them."
    report = check_text(con, text.replace("with them", "with Real Madrid"), dt.date(2018, 4, 25))
    assert report.fixture.startswith("Bayern Munich v Real Madrid")
    (claim,) = report.claims
    assert claim.verdict.verdict == "supported"
    assert len(claim.verdict.evidence) == 5


def test_ordinals_and_number_words_are_read(con):
    text = (
        "Tonight is Real Madrid's third visit to Liverpool. "
        "It's the eighth meeting of Liverpool and Real Madrid in the Champions League. "
        "This will be the fifth meeting between Liverpool and Real Madrid. "
        "Real Madrid have won once in two visits to Liverpool."
    )
    report = check_text(con, text, DAY)
    assert [c.verdict.verdict for c in report.claims] == [
        "supported",
        "supported",
        "refuted",
        "supported",
    ]
    assert report.claims[2].verdict.actual == 8


def test_a_players_own_games_are_not_checkable_but_his_teams_are(con):
    text = (
        "Salah has scored five goals in his last three games. "
        "Liverpool have won four of their last six games."
    )
    first, second = check_text(con, text, DAY).claims
    assert first.verdict.verdict == "not_checkable" and "appearances" in first.verdict.reason
    assert second.verdict.verdict == "supported"
    assert "no domestic cups" in second.verdict.reason  # says what "games" covered


def test_two_claims_in_one_sentence_and_the_ways_a_desk_names_the_tie(con):
    text = (
        "The hosts must win by two clear goals to progress. "
        "A 2-0 victory would be enough for Liverpool on away goals, while 3-1 would take the "
        "game to extra time. Vinícius Júnior scored twice in the first leg. "
        "Marco Asensio scored three goals in the first leg."
    )
    sides = resolve_team(con, "Liverpool"), resolve_team(con, "Real Madrid")
    claims = check_text(con, text, DAY, *sides).claims
    assert [c.verdict.verdict for c in claims] == [
        "imprecise",
        "supported",
        "supported",
        "supported",
        "refuted",
    ]
    assert claims[2].text == "3-1 would take the game to extra time."
    assert claims[4].verdict.actual == 1  # Asensio scored once
