"""Scoring rules for probability forecasts of match results (home, draw, away) and ties."""

from __future__ import annotations

import numpy as np


def ranked_probability_score(p: np.ndarray, outcome: np.ndarray) -> np.ndarray:
    """RPS of each forecast p[i] = (home, draw, away) for outcome[i] in {0, 1, 2}: the
    ordered outcomes' squared cumulative errors, halved (0 is perfect, 1 the worst)."""
    observed = np.eye(3)[outcome]
    cumulative = np.cumsum(p, axis=1)[:, :2] - np.cumsum(observed, axis=1)[:, :2]
    return (cumulative**2).sum(axis=1) / 2


def log_loss(p: np.ndarray, outcome: np.ndarray) -> np.ndarray:
    return -np.log(np.clip(p[np.arange(len(outcome)), outcome], 1e-15, 1.0))


def brier(p: np.ndarray, outcome: np.ndarray) -> np.ndarray:
    return ((p - np.eye(p.shape[1])[outcome]) ** 2).sum(axis=1)


def calibration(p: np.ndarray, outcome: np.ndarray, bins: int = 10) -> list[dict]:
    """For every forecast probability of every outcome: bins of the stated probability
    against how often the outcome happened."""
    stated = p.ravel()
    happened = np.eye(p.shape[1])[outcome].ravel()
    edges = np.linspace(0, 1, bins + 1)
    rows = []
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        mask = (stated >= lo) & ((stated < hi) if hi < 1 else (stated <= hi))
        if mask.any():
            rows.append(
                {
                    "from": float(lo),
                    "to": float(hi),
                    "n": int(mask.sum()),
                    "stated": float(stated[mask].mean()),
                    "observed": float(happened[mask].mean()),
                }
            )
    return rows
