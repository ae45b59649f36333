"""Two hand-written previews, a third of their claims wrong on purpose in different ways
(a number, a name, a context, a tie need, a "since"), with the verdict every claim should
get. The target is nine verdicts in ten right; the test shows each miss."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from matchfacts.check.checker import check_text, read_text
from matchfacts.store.db import open_store

PREVIEWS = Path(__file__).parent / "previews"

# (the start of the claim's text, the verdict it should get, what is wrong on purpose)
EXPECTED = {
    ("liverpool-barcelona-2019.md", "2019-05-07"): [
        ("Liverpool trail 3-0 from the first leg", "supported", None),
        ("Away goals count", "supported", None),
        ("Liverpool need to win by at least three goals", "refuted", "tie need"),
        ("A 3-0 win for Liverpool would force extra time", "supported", None),
        ("A 4-0 win would put Liverpool through", "supported", None),
        ("Sides that lost the first leg 3-0 away", "imprecise", "context: qualifying rounds"),
        ("Liverpool and Barcelona have met nine times", "supported", None),
        ("Liverpool have not beaten Barcelona in their last two", "refuted", "since"),
        ("Liverpool have won three of their nine meetings", "supported", None),
        ("Barcelona have won three times in four visits", "refuted", "number"),
        ("Liverpool are unbeaten in their last five knockout", "supported", None),
        ("Barcelona, though, are unbeaten in their last ten", "supported", None),
        ("Lionel Messi has scored 12 of Barcelona's 26", "supported", None),
        ("Luis Suárez has scored in each of Barcelona's last three", "refuted", "name"),
        ("Sadio Mané has scored ten of his 14", "supported", None),
        ("Mohamed Salah has scored 20 goals", "refuted", "number"),
        ("Roberto Firmino has scored in each of his last four appearances", "not_checkable", None),
        ("Liverpool have five assists", "not_checkable", None),
        ("Klopp has never lost a semi-final", "not_checkable", None),
    ],
    ("real-madrid-bayern-2018.md", "2018-05-01"): [
        ("Real Madrid lead 2-1 from the first leg", "supported", None),
        ("A 0-1 defeat would still be enough for Real Madrid", "supported", None),
        ("Bayern München need to win by two goals", "refuted", "tie need"),
        ("A 2-1 win for Bayern München would send the tie to extra time", "supported", None),
        ("Real Madrid have beaten Bayern München in each of their last six", "supported", None),
        ("Real Madrid and Bayern München have met 25 times", "supported", None),
        ("Bayern München have won twice in 12 visits", "supported", None),
        ("Bayern München have lost each of their last seven", "refuted", "number"),
        ("Sides that won the first leg 2-1 away", "refuted", "number"),
        ("Real Madrid have scored in each of their last 20 knockout", "supported", None),
        ("Real Madrid have won each of their last three home", "refuted", "number"),
        ("Bayern München have won each of their last four away", "supported", None),
        ("Cristiano Ronaldo has scored 15 of Real Madrid's 30", "refuted", "number"),
        ("Cristiano Ronaldo has scored in each of Real Madrid's last ten", "refuted", "number"),
        ("Robert Lewandowsky needs two goals for 30", "supported", None),
        ("Arjen Robben needs two goals for 10", "refuted", "name"),
        ("Thomas Müller has scored 40 goals", "refuted", "number"),
        ("Keylor Navas has kept four clean sheets", "not_checkable", None),
        ("Jupp Heynckes has won the trophy twice", "not_checkable", None),
    ],
}


@pytest.fixture(scope="module")
def con(store_path):
    connection = open_store(store_path)
    yield connection
    connection.close()


def test_the_previews_are_realistic_tests():
    claims = [c for expected in EXPECTED.values() for c in expected]
    wrong = [c for c in claims if c[2] is not None]
    assert len(claims) >= 25
    assert len(wrong) * 3 >= len(claims)
    assert {"number", "name", "tie need", "since"} <= {c[2] for c in wrong}
    assert any(c[2].startswith("context") for c in wrong)


@pytest.mark.parametrize(("name", "day"), list(EXPECTED))
def test_nine_verdicts_in_ten_are_right(con, name, day):
    text = read_text(PREVIEWS / name)
    report = check_text(con, text, dt.date.fromisoformat(day))
    assert report.fixture is not None  # found from the two names in the text
    got = {c.text[:50]: c for c in report.claims}
    expected = EXPECTED[(name, day)]
    assert len(report.claims) == len(expected), [c.text for c in report.claims]
    misses = []
    for start, verdict, _ in expected:
        claim = next((c for c in report.claims if c.text.startswith(start)), None)
        assert claim is not None, f"no claim found for {start!r}: {sorted(got)}"
        if claim.verdict.verdict != verdict:
            misses.append((start, verdict, claim.verdict.verdict, claim.verdict.reason))
    assert len(misses) <= len(expected) // 10, misses


def test_a_refuted_claim_gives_the_right_figure_and_its_evidence(con):
    text = read_text(PREVIEWS / "liverpool-barcelona-2019.md")
    report = check_text(con, text, dt.date(2019, 5, 7))
    visits = next(c for c in report.claims if c.text.startswith("Barcelona have won three"))
    assert visits.verdict.actual == (2, 4)
    assert len(visits.verdict.evidence) == 4
    assert all(e.home == "Liverpool" and e.away == "Barcelona" for e in visits.verdict.evidence)
    since = next(c for c in report.claims if "since a 1-0 win" in c.text)
    assert since.verdict.actual == "a 2-1 win in February 2007"
    # The span points at the claim in the text.
    for claim in report.claims:
        assert text[claim.start : claim.end] == claim.text


def test_a_misspelt_name_is_read_and_flagged(con):
    text = read_text(PREVIEWS / "real-madrid-bayern-2018.md")
    report = check_text(con, text, dt.date(2018, 5, 1))
    claim = next(c for c in report.claims if "Lewandowsky" in c.text)
    assert claim.notes == ("read 'Robert Lewandowsky' as Robert Lewandowski",)
