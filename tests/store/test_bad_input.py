"""Bad input: a garbled or truncated file names the file and line, and the store is untouched."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from matchfacts.errors import FetchError, ParseError
from matchfacts.sources.fetch import Fetcher
from matchfacts.store.ingest import ingest

SOURCE = "charliegnomo-champions-uefa-data"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def small_store(tmp_path: Path, mirror: Path) -> Path:
    db = tmp_path / "store.duckdb"
    ingest(db, [SOURCE], Fetcher(mirror=mirror))
    return db


def _broken_copy(mirror: Path, tmp_path: Path, edit) -> Path:  # noqa: ANN001
    folder = tmp_path / "copy"
    shutil.copytree(mirror / SOURCE, folder)
    path = folder / "matches.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(edit(lines)), encoding="utf-8")
    return folder


def test_garbled_line_names_file_and_line_and_leaves_the_store(small_store, mirror, tmp_path):
    before = _digest(small_store)

    def garble(lines: list[str]) -> list[str]:
        fields = lines[99].split(";")
        fields[16] = "three"  # ft1, the home side's goals
        lines[99] = ";".join(fields)
        return lines

    folder = _broken_copy(mirror, tmp_path, garble)
    fetcher = Fetcher(local_dirs={SOURCE: folder}, verify=False)
    with pytest.raises(ParseError) as caught:
        ingest(small_store, [SOURCE], fetcher)
    assert caught.value.file == "matches.csv" and caught.value.line == 100
    assert "'three'" in str(caught.value)
    assert _digest(small_store) == before


def test_truncated_file_names_file_and_line_and_leaves_the_store(small_store, mirror, tmp_path):
    before = _digest(small_store)

    def truncate(lines: list[str]) -> list[str]:
        return lines[:500] + [lines[500][:40]]  # the last row cut off mid-way

    folder = _broken_copy(mirror, tmp_path, truncate)
    fetcher = Fetcher(local_dirs={SOURCE: folder}, verify=False)
    with pytest.raises(ParseError) as caught:
        ingest(small_store, [SOURCE], fetcher)
    assert (caught.value.file, caught.value.line) == ("matches.csv", 501)  # the cut row
    assert _digest(small_store) == before


def test_a_changed_file_fails_its_checksum(mirror, tmp_path):
    folder = _broken_copy(mirror, tmp_path, lambda lines: lines[:-1])
    with pytest.raises(FetchError, match="SHA-256"):
        ingest(tmp_path / "x.duckdb", [SOURCE], Fetcher(local_dirs={SOURCE: folder}))
    assert not (tmp_path / "x.duckdb").exists()
