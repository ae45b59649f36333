"""Scoring rules on cases worked by hand."""

from __future__ import annotations

import numpy as np
import pytest

from matchfacts.model.scoring import brier, calibration, log_loss, ranked_probability_score


def test_rps_worked_examples():
    p = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.5, 0.3, 0.2]])
    outcome = np.array([0, 0, 1])
    # perfect; worst (certain away, home won); and ((0.5-0)^2 + (0.8-1)^2)/2
    assert ranked_probability_score(p, outcome) == pytest.approx([0.0, 1.0, 0.145])


def test_log_loss_and_brier():
    p = np.array([[0.5, 0.3, 0.2]])
    assert log_loss(p, np.array([1]))[0] == pytest.approx(-np.log(0.3))
    assert brier(p, np.array([0]))[0] == pytest.approx(0.25 + 0.09 + 0.04)


def test_calibration_bins_count_every_stated_probability():
    p = np.array([[0.55, 0.25, 0.20], [0.65, 0.20, 0.15]])
    rows = calibration(p, np.array([0, 2]))
    assert sum(r["n"] for r in rows) == 6
