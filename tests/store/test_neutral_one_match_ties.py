"""Error class (audit, issue 15): a replay or a tie played as one match, at a ground
chosen by UEFA, was framed as the listed home side's home match: "Benfica have won 15 of
their 62 European away knockout matches" counted the 1969 play-off against Ajax in Paris
as away. UEFA's dump names each match's ground: such a match away from the home side's
own grounds is neutral."""

from __future__ import annotations


def _neutral(store, day: str, home: str) -> bool | None:
    row = store.execute(
        """SELECT m.neutral FROM match m JOIN team h ON h.id = m.home_id
           WHERE m.date = ? AND h.name = ?""",
        [day, home],
    ).fetchone()
    assert row is not None, (day, home)
    return row[0]


def test_play_offs_at_a_third_ground_are_neutral(store):
    assert _neutral(store, "1965-03-24", "Liverpool FC")  # v Köln, Rotterdam
    assert _neutral(store, "1969-03-05", "AFC Ajax")  # v Benfica, Paris
    assert _neutral(store, "1961-05-03", "FC Barcelona")  # v Hamburg, Brussels


def test_a_two_legged_tie_is_never_neutral(store):
    (count,) = store.execute(
        "SELECT count(*) FROM match WHERE competition_id = 'UCL' AND leg IN (1, 2) AND neutral"
    ).fetchone()
    assert count == 0
