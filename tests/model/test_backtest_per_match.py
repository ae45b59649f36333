"""`backtest --out FILE.csv --json --per-match`: every match with its forecasts, enough to
recompute every aggregate and to see why a match is missing from a set."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from typer.testing import CliRunner

from matchfacts.cli import app
from matchfacts.model.references import NOT_FINAL
from matchfacts.model.scoring import ranked_probability_score


@pytest.fixture(scope="module")
def premier_league_2020(store_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("backtest") / "matches.csv"
    result = CliRunner().invoke(
        app,
        ["backtest", "-c", "ENG1", "--from", "2020-21", "--to", "2020-21", "--refit-days",
         "28", "--db", str(store_path), "--json", "--per-match", "--out", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return json.loads(result.stdout), rows


def _probabilities(rows: list[dict], model: str) -> np.ndarray:
    return np.array([[float(r[f"{model}_{o}"]) for o in ("home", "draw", "away")] for r in rows])


def test_the_file_recomputes_every_set_score(premier_league_2020):
    result, rows = premier_league_2020
    assert len(rows) == 380  # every match of the season, those left out too
    assert len(result["per_match"]) == 380
    for s in result["matches"]:
        members = [r for r in rows if s["set"] in r["sets"].split("|")]
        assert len(members) == s["n"]
        outcome = np.array(["HDA".index(r["result"]) for r in members])
        for model, metrics in s["metrics"].items():
            p = _probabilities(members, model.replace(" ", "_"))
            rps = ranked_probability_score(p, outcome)
            assert rps.mean() == pytest.approx(metrics["rps"], abs=1e-12)
        # every match of the season is in the set or named with its reason
        assert s["n"] + sum(r["n"] for r in s["left_out"].values()) == len(rows)


def test_fivethirtyeight_counts_only_its_final_forecasts(premier_league_2020):
    """The April 2021 snapshot holds the season's last seven weeks as forecasts made in
    April, not the ones FiveThirtyEight froze at kick-off: they are left out and said so."""
    result, rows = premier_league_2020
    stale = [r for r in rows if NOT_FINAL in r["left_out"]]
    assert len(stale) > 40
    assert min(r["date"] for r in stale) >= "2021-04"
    assert all(r["fivethirtyeight_home"] == "" for r in stale)
    with_538 = next(s for s in result["matches"] if s["set"] == "matches with fivethirtyeight")
    assert with_538["left_out"][NOT_FINAL]["n"] == len(stale)
    final = [r for r in rows if r["fivethirtyeight_home"]]
    assert max(r["date"] for r in final) < "2021-04-15"  # the snapshot's date bounds them
