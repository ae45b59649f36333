"""The assists source (no open licence): read only from local files, merged into UEFA's goals."""

from __future__ import annotations

import duckdb
import pytest

from matchfacts.errors import FetchError
from matchfacts.sources.fetch import Fetcher
from matchfacts.store.ingest import default_sources, ingest

SOURCES = ["charliegnomo-champions-uefa-data", "kaggle-ucl-2016-2022"]


def test_a_source_without_an_open_licence_is_never_downloaded(tmp_path):
    fetcher = Fetcher(mirror=None, cache=tmp_path)
    fetcher.mirror = None
    assert "kaggle-ucl-2016-2022" not in default_sources(fetcher)
    with pytest.raises(FetchError, match="no open licence"):
        ingest(tmp_path / "x.duckdb", ["kaggle-ucl-2016-2022"], fetcher)


def test_assists_from_local_files_join_uefas_goals(tmp_path, mirror):
    fetcher = Fetcher(
        local_dirs={"kaggle-ucl-2016-2022": mirror / "kaggle-ucl-2016-2022"}, mirror=mirror
    )
    db = tmp_path / "store.duckdb"
    ingest(db, SOURCES, fetcher)
    con = duckdb.connect(str(db), read_only=True)
    try:
        goals = con.execute(
            """SELECT g.minute, p.name, a.name FROM goal g JOIN match m ON m.id = g.match_id
               JOIN player p ON p.id = g.player_id LEFT JOIN player a ON a.id = g.assist_player_id
               WHERE m.date = DATE '2021-04-06' AND m.home_id =
                     (SELECT id FROM team WHERE name = 'Real Madrid CF') ORDER BY g.minute"""
        ).fetchall()
        assert goals[0] == (27, "Vinícius Júnior", "Toni Kroos")
        assert goals[3] == (65, "Vinícius Júnior", "Luka Modrić")
        with_assist = con.execute(
            "SELECT count(assist_player_id) FROM goal g JOIN match m ON m.id = g.match_id"
            " WHERE m.season BETWEEN '2016-17' AND '2021-22'"
        ).fetchone()[0]
        assert with_assist > 1400
        sideless = con.execute(
            "SELECT count(*) FROM unresolved WHERE kind = 'goal without side'"
        ).fetchone()[0]
        assert sideless < 20  # reported, never guessed
    finally:
        con.close()
