"""Dixon-Coles with time decay, fitted jointly over every league and European match.

log rate of the home side = mu + attack[home] - defence[away] + home advantage, where home
advantage is `home` with a crowd or `home_closed` behind closed doors, plus the offset of
the match's league (home_by_league; UEFA's competitions are one), and 0 at a neutral
venue; the away side's rate has no advantage term. The low-score dependence is Dixon and
Coles' (1997) tau with parameter rho. Each match is weighted by exp(-xi * days before the
forecast), xi = ln 2 / half-life.

One rating scale across leagues: clubs of different countries meet in European matches,
and those matches tie the leagues' scales together in the joint fit.

The fit maximises the weighted log-likelihood by Newton steps over the sparse design,
with analytic gradients and curvature, and a small ridge on the team parameters: a prior
that a club with few matches is average, which also pins the scale (attack and defence
are otherwise free up to a constant). A ridge on the leagues' home offsets, likewise, is
a prior that a league's grounds are like everyone's until its matches say otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import spsolve

from matchfacts.model.data import MatchData

# Chosen by backtest (benchmarks/backtest.py; RPS on the top five leagues 2020-23 beside
# FiveThirtyEight, and on the Champions League 2016-23). With xG at 0.5, one half-life for
# every match: 1000 days .2061, 730 .2057, 365 .2046, 250 .2041, 180 .2038 on the leagues,
# but 730 .1847 against 250 .1871 on the Champions League: Europe wants a long memory (its
# matches are few, and they alone link the leagues), the leagues a short one. So two: 250
# days for league matches, 730 for European ones (leagues .2042, Champions League .1831;
# 1500 for Europe gave .2044 and .1830). Expected goals at 0.6: 0.0 gave .2063 and 0.5
# .2057 on the leagues at 730 days; 0.6 and 0.7 were within .0001 of each other.
#
# Session 3, with the league matches of 2020-21 behind closed doors and the shot-based xG
# of the top five leagues where 538 measured none (its snapshots miss 2019-20, most of
# 2021-22 and spring 2023), on the 3,580 league matches of 538 (xG / shot xG weights):
# half-life 250 .2038 (0.6/-), 150 .2036 (0.6/-), 120 .2033 and 150 .2034 (0.8/-),
# 120 .2030 (0.8/0.5), .2031 (0.8/0.8).
HALF_LIFE_DAYS = 120.0
EUROPEAN_HALF_LIFE_DAYS = 730.0
XG_WEIGHT = 0.8  # the weight of expected goals beside goals, where 538 measured them
SHOT_XG_WEIGHT = 0.5  # the weight of xG read from shots, where 538 did not measure
# 538's measure of a match: its shot xG, with its non-shot xG at this share where it has
# one (at 120 days and 0.8: 0 .2030, 0.25 .2027, 0.5 .20255, 0.75 .2027, 1 .2030; 0.5 with
# xG at 0.9 .20257)
NON_SHOT_SHARE = 0.5
RIDGE = 0.5  # in weighted matches: one half-match's worth of evidence for "average"
# Each league's home advantage is the common one plus an offset, shrunk towards none by a
# ridge of HOME_RIDGE weighted matches (UEFA's competitions are one "league"). With crowds
# and behind closed doors alike: the offset is what a league's grounds add. Session 4, on
# the 3,580 league matches of 538 with daily refits (RPS of Dixon-Coles alone): one home
# advantage .20248, offsets with a ridge of 60 .20244, of 200 .20245; weekly refits, ridge
# 5 .20253, 20 .20252, 60 .20251, against one .20255; offsets with crowds only .20258.
HOME_RIDGE = 60.0


@dataclass(frozen=True, slots=True)
class Ratings:
    as_of: dt.date
    teams: dict[int, int]  # team id -> index
    attack: np.ndarray
    defence: np.ndarray
    mu: float
    home: float
    home_closed: float
    rho: float
    matches: int
    log_likelihood: float
    # each league's home advantage beside the common one (EUROPE: UEFA's competitions)
    home_by_league: dict[str, float] = field(default_factory=dict)

    def rates(
        self,
        home_id: int,
        away_id: int,
        neutral: bool = False,
        closed: bool = False,
        league: str | None = None,
    ) -> tuple[float, float]:
        """Expected goals in 90 minutes: (home side, away side), in `league` (a league's
        competition id, or EUROPE; None: the common home advantage)."""
        h, a = self._index(home_id), self._index(away_id)
        advantage = 0.0 if neutral else (self.home_closed if closed else self.home)
        if not neutral:
            advantage += self.home_by_league.get(league, 0.0)
        att_h = self.attack[h] if h is not None else 0.0
        att_a = self.attack[a] if a is not None else 0.0
        def_h = self.defence[h] if h is not None else 0.0
        def_a = self.defence[a] if a is not None else 0.0
        return (
            float(np.exp(self.mu + att_h - def_a + advantage)),
            float(np.exp(self.mu + att_a - def_h)),
        )

    def _index(self, team_id: int) -> int | None:
        return self.teams.get(team_id)

    def knows(self, team_id: int) -> bool:
        return team_id in self.teams


def _unpack(theta: np.ndarray, n: int, g: int):  # noqa: ANN202
    """attack (n), defence (n), the leagues' home offsets (g), mu, home, home_closed, rho."""
    return (
        theta[:n],
        theta[n : 2 * n],
        theta[2 * n : 2 * n + g],
        theta[-4],
        theta[-3],
        theta[-2],
        theta[-1],
    )


def _log_rates(theta: np.ndarray, d: dict) -> tuple[np.ndarray, np.ndarray]:
    attack, defence, offset, mu, home, home_closed, _ = _unpack(theta, d["n"], d["g"])
    hi, ai = d["hi"], d["ai"]
    adv = np.where(d["neutral"], 0.0, np.where(d["closed"], home_closed, home))
    adv = adv + d["offset_on"] * offset[d["gi"]] if d["g"] else adv
    return mu + attack[hi] - defence[ai] + adv, mu + attack[ai] - defence[hi]


def negative_log_likelihood(theta: np.ndarray, d: dict) -> tuple[float, np.ndarray]:
    """The weighted negative log-likelihood (plus ridge) and its gradient."""
    n, g, ridge = d["n"], d["g"], d["ridge"]
    attack, defence, offset, _, _, _, rho = _unpack(theta, n, g)
    hi, ai, w = d["hi"], d["ai"], d["w"]
    log_lh, log_la = _log_rates(theta, d)
    lh, la = np.exp(log_lh), np.exp(log_la)
    x, y = d["x"], d["y"]
    # Dixon-Coles tau for the four low scores.
    tau = np.ones_like(lh)
    m00, m01, m10, m11 = d["m00"], d["m01"], d["m10"], d["m11"]
    tau[m00] = 1 - lh[m00] * la[m00] * rho
    tau[m01] = 1 + lh[m01] * rho
    tau[m10] = 1 + la[m10] * rho
    tau[m11] = 1 - rho
    tau = np.maximum(tau, 1e-10)
    ll = w * (np.log(tau) + x * log_lh - lh + y * log_la - la)
    # d ll / d log rates
    g_h = x - lh
    g_a = y - la
    g_rho = np.zeros_like(lh)
    g_h[m00] += -lh[m00] * la[m00] * rho / tau[m00]
    g_a[m00] += -lh[m00] * la[m00] * rho / tau[m00]
    g_rho[m00] = -lh[m00] * la[m00] / tau[m00]
    g_h[m01] += lh[m01] * rho / tau[m01]
    g_rho[m01] = lh[m01] / tau[m01]
    g_a[m10] += la[m10] * rho / tau[m10]
    g_rho[m10] = la[m10] / tau[m10]
    g_rho[m11] = -1 / tau[m11]
    g_h, g_a, g_rho = w * g_h, w * g_a, w * g_rho
    grad = np.empty_like(theta)
    grad[:n] = np.bincount(hi, g_h, n) + np.bincount(ai, g_a, n) - ridge * 2 * attack
    grad[n : 2 * n] = -np.bincount(ai, g_h, n) - np.bincount(hi, g_a, n) - ridge * 2 * defence
    home_ridge = d["home_ridge"]
    grad[2 * n : 2 * n + g] = (
        np.bincount(d["gi"], g_h * d["offset_on"], g) - home_ridge * 2 * offset
    )
    grad[-4] = g_h.sum() + g_a.sum()
    crowd = ~d["neutral"] & ~d["closed"]
    grad[-3] = g_h[crowd].sum()
    grad[-2] = g_h[~d["neutral"] & d["closed"]].sum()
    grad[-1] = g_rho.sum()
    value = (
        ll.sum() - ridge * (attack @ attack + defence @ defence) - home_ridge * (offset @ offset)
    )
    return -value, -grad


def fit(
    data: MatchData,
    half_life: float = HALF_LIFE_DAYS,
    ridge: float = RIDGE,
    weights: np.ndarray | None = None,
    start: Ratings | None = None,
    xg_weight: float = XG_WEIGHT,
    european_half_life: float = EUROPEAN_HALF_LIFE_DAYS,
    shot_xg_weight: float = SHOT_XG_WEIGHT,
    home_ridge: float = HOME_RIDGE,
) -> Ratings:
    """Ratings as of `data.as_of` from the matches in `data` (all before it).

    `weights` replaces the time-decay weights (the benchmark passes its own); `ridge` 0
    gives the plain maximum-likelihood fit. `start` (last week's ratings, say) is where
    the search begins: a backtest refits week by week in a fraction of the time.
    """
    ids = np.unique(np.concatenate([data.home, data.away]))
    index = {int(t): i for i, t in enumerate(ids)}
    n = len(ids)
    x, y = data.home_goals, data.away_goals
    goals_x, goals_y = _with_expected_goals(data, xg_weight, shot_xg_weight)
    leagues = np.unique(data.league) if data.league is not None else np.array([], dtype=object)
    g = len(leagues)
    d = {
        "n": n,
        "g": g,
        "gi": np.searchsorted(leagues, data.league) if g else np.zeros(len(data), int),
        "offset_on": (~data.neutral).astype(float),  # a league's home offset applies
        "home_ridge": home_ridge,
        "hi": np.searchsorted(ids, data.home),
        "ai": np.searchsorted(ids, data.away),
        "w": weights if weights is not None else decay(data, half_life, european_half_life),
        "ridge": ridge,
        "x": goals_x,  # what the rates are fitted to: goals, blended with xG where known
        "y": goals_y,
        "neutral": data.neutral,
        "closed": data.closed,
        "m00": (x == 0) & (y == 0),
        "m01": (x == 0) & (y == 1),
        "m10": (x == 1) & (y == 0),
        "m11": (x == 1) & (y == 1),
    }
    theta0 = np.zeros(2 * n + g + 4)
    theta0[-4] = np.log(max(1e-3, (x.mean() + y.mean()) / 2))
    theta0[-3] = theta0[-2] = 0.2
    if start is not None:
        for team, i in index.items():
            j = start.teams.get(team)
            if j is not None:
                theta0[i], theta0[n + i] = start.attack[j], start.defence[j]
        for k, league in enumerate(leagues):
            theta0[2 * n + k] = start.home_by_league.get(league, 0.0)
        theta0[-4:] = [start.mu, start.home, start.home_closed, start.rho]
    theta, value = newton(theta0, d)
    attack, defence, offset, mu, home, home_closed, rho = _unpack(theta, n, g)
    return Ratings(
        as_of=data.as_of,
        teams=index,
        attack=attack.copy(),
        defence=defence.copy(),
        mu=float(mu),
        home=float(home),
        home_closed=float(home_closed),
        rho=float(rho),
        matches=len(data),
        log_likelihood=float(-value),
        home_by_league={str(k): float(v) for k, v in zip(leagues, offset, strict=True)},
    )


DENSE_UP_TO = 400  # parameters
RHO_BOUND = 0.3  # |rho| beyond this makes tau negative for ordinary rates


@dataclass(frozen=True, slots=True)
class Design:
    """The sparse design of the two log rates, kept as indices: row k of the home rate
    has +1 for the home side's attack, -1 for the away side's defence, +1 for mu and +1 for
    the home advantage that applies (crowd or closed doors; none at a neutral venue) and
    its league's offset; the away rate has the away side's attack, the home side's defence
    and mu. `signs` are each match's outer product of its row, flattened.

    The curvature's values come in the order _curvature lists them (the home rows, the
    away rows, rho's own, then the diagonal); `entry` adds each into one of the matrix's
    distinct entries, which `flat` places (row x size + column, ascending) and `indptr` /
    `columns` lay out as a CSR matrix. The layout is the same for every Newton step, so it
    is sorted once here, not at each step.
    """

    size: int
    home_signs: np.ndarray  # (matches, 25)
    away_signs: np.ndarray  # (matches, 9)
    entry: np.ndarray
    flat: np.ndarray
    indptr: np.ndarray
    columns: np.ndarray

    def matrix(self, values: np.ndarray) -> sparse.csr_matrix:
        summed = np.bincount(self.entry, values, len(self.flat))
        return sparse.csr_matrix((summed, self.columns, self.indptr), (self.size, self.size))

    def dense(self, values: np.ndarray) -> np.ndarray:
        out = np.zeros(self.size * self.size)
        out[self.flat] = np.bincount(self.entry, values, len(self.flat))
        return out.reshape(self.size, self.size)


def design(d: dict) -> Design:
    n, g = d["n"], d["g"]
    size = 2 * n + g + 4
    mu = size - 4
    m = len(d["hi"])
    advantage = np.where(d["closed"], size - 2, size - 3)
    has_advantage = (~d["neutral"]).astype(float)
    home_cols = np.stack([d["hi"], n + d["ai"], np.full(m, mu), advantage, 2 * n + d["gi"]], axis=1)
    offset_on = d["offset_on"] if g else np.zeros(m)
    home_vals = np.stack([np.ones(m), -np.ones(m), np.ones(m), has_advantage, offset_on], axis=1)
    away_cols = np.stack([d["ai"], n + d["hi"], np.full(m, mu)], axis=1)
    away_vals = np.stack([np.ones(m), -np.ones(m), np.ones(m)], axis=1)

    def outer(cols: np.ndarray, vals: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        cells = cols[:, :, None] * size + cols[:, None, :]
        signs = vals[:, :, None] * vals[:, None, :]
        return cells.reshape(m, -1), signs.reshape(m, -1)

    home_cells, home_signs = outer(home_cols, home_vals)
    away_cells, away_signs = outer(away_cols, away_vals)
    cells = np.concatenate([home_cells.ravel(), away_cells.ravel()])
    rho_cell = np.array([(size - 1) * size + size - 1])
    cells = np.concatenate([cells, rho_cell, np.arange(size) * (size + 1)])
    flat, entry = np.unique(cells, return_inverse=True)
    indptr = np.searchsorted(flat // size, np.arange(size + 1))
    return Design(size, home_signs, away_signs, entry, flat, indptr, flat % size)


def newton(theta: np.ndarray, d: dict, tolerance: float = 1e-11) -> tuple[np.ndarray, float]:
    """The maximum of the likelihood by Newton steps on the sparse design.

    The curvature used is the Poisson part's (exact for the rates' log-linear model) plus
    rho's own; the small tau terms' cross-curvature is left out, so convergence is linear
    with a tiny rate. A backtracking line search keeps every step an ascent; a little
    damping handles the flat direction (attack and defence up by one constant) when there
    is no ridge. Stops when the log-likelihood left to gain (half the Newton decrement)
    is under `tolerance`.
    """
    n, g = d["n"], d["g"]
    layout = design(d)
    value, grad = negative_log_likelihood(theta, d)
    prior = np.zeros(layout.size)
    prior[: 2 * n] = 2 * d["ridge"]
    prior[2 * n : 2 * n + g] = 2 * d["home_ridge"]
    prior += 1e-9
    for _ in range(100):
        values, size = _curvature(theta, d, layout, prior), layout.size
        # One league's few dozen teams: a dense solve beats the sparse one's overhead.
        if size <= DENSE_UP_TO:
            step = -np.linalg.solve(layout.dense(values), grad)
        else:
            # symmetric: its CSR layout is its CSC layout, which SuperLU reads directly,
            # and an ordering for symmetric matrices keeps the factors sparse
            step = -spsolve(layout.matrix(values).T, grad, permc_spec="MMD_AT_PLUS_A")
        if -(grad @ step) / 2 < tolerance:  # the Newton decrement: what is left to gain
            break
        t = 1.0
        while True:
            trial = theta + t * step
            trial[-1] = np.clip(trial[-1], -RHO_BOUND, RHO_BOUND)
            trial_value, trial_grad = negative_log_likelihood(trial, d)
            if trial_value <= value + 1e-4 * t * (grad @ (trial - theta)) or t < 1e-8:
                break
            t /= 2
        if t < 1e-8:  # no ascent left in this direction: at the maximum, to machine precision
            break
        theta, value, grad = trial, trial_value, trial_grad
    return theta, value


def _curvature(theta: np.ndarray, d: dict, layout: Design, prior: np.ndarray) -> np.ndarray:
    """X_h' W_h X_h + X_a' W_a X_a for the Poisson rates, plus rho's second derivative and
    the prior's: minus the Hessian of the log-likelihood, without the tau terms'
    cross-curvature. The entries' values, in the order Design lists them (duplicates
    add up); sparse, as two teams meet in few matches of the window."""
    rho = theta[-1]
    w = d["w"]
    lh, la = (np.exp(r) for r in _log_rates(theta, d))
    m00, m01, m10, m11 = d["m00"], d["m01"], d["m10"], d["m11"]
    slopes = np.concatenate(  # d tau / d rho over tau, for the four low scores
        [
            -lh[m00] * la[m00] / (1 - lh[m00] * la[m00] * rho),
            lh[m01] / (1 + lh[m01] * rho),
            la[m10] / (1 + la[m10] * rho),
            -np.ones(m11.sum()) / (1 - rho),
        ]
    )
    weights = np.concatenate([w[m00], w[m01], w[m10], w[m11]])
    values = np.concatenate(
        [
            (layout.home_signs * (w * lh)[:, None]).ravel(),
            (layout.away_signs * (w * la)[:, None]).ravel(),
            [float(weights @ slopes**2)],
            prior,
        ]
    )
    return values


def decay(data: MatchData, half_life: float, european_half_life: float) -> np.ndarray:
    """Each match's weight: exp(-ln 2 x days before / half-life). European matches keep
    their weight longer: they are few, and they alone tie the leagues' scales together."""
    days = data.days_before
    weights = np.exp(-np.log(2) / half_life * days)
    if data.european is not None:
        slow = np.exp(-np.log(2) / european_half_life * days)
        weights = np.where(data.european, slow, weights)
    return weights


def _with_non_shot(xg: np.ndarray | None, nsxg: np.ndarray | None) -> np.ndarray | None:
    if xg is None or nsxg is None:
        return xg
    return np.where(np.isnan(nsxg), xg, (1 - NON_SHOT_SHARE) * xg + NON_SHOT_SHARE * nsxg)


def _with_expected_goals(
    data: MatchData, weight: float, shot_weight: float
) -> tuple[np.ndarray, np.ndarray]:
    """The scores the rates are fitted to: (1 - weight) x goals + weight x expected goals
    where FiveThirtyEight measured them (its shot xG, with NON_SHOT_SHARE of its non-shot
    xG where it has that too); else (1 - shot_weight) x goals + shot_weight x
    the xG read from shots where they were counted; the goals alone elsewhere. The Poisson
    part of the likelihood takes a fractional count as it is; the low-score correction
    (tau) reads the real score."""
    home, away = data.home_goals, data.away_goals
    for home_xg, away_xg, w in (
        (data.home_sxg, data.away_sxg, shot_weight),
        # last: 538's measure wins where both exist
        (
            _with_non_shot(data.home_xg, data.home_nsxg),
            _with_non_shot(data.away_xg, data.away_nsxg),
            weight,
        ),
    ):
        if home_xg is None or away_xg is None or w == 0:
            continue
        known = ~np.isnan(home_xg) & ~np.isnan(away_xg)
        home = np.where(known, (1 - w) * data.home_goals + w * home_xg, home)
        away = np.where(known, (1 - w) * data.away_goals + w * away_xg, away)
    return home, away


def weighted_log_likelihood(ratings: Ratings, data: MatchData, weights: np.ndarray) -> float:
    """The full weighted Dixon-Coles log-likelihood (with the factorial terms) of `data`
    under `ratings`: one yardstick for fits made by different programs."""
    from scipy.special import gammaln

    lh, la = np.array(
        [
            ratings.rates(int(h), int(a), bool(n), bool(c))
            for h, a, n, c in zip(data.home, data.away, data.neutral, data.closed, strict=True)
        ]
    ).T
    return dc_log_likelihood(
        lh, la, ratings.rho, data.home_goals, data.away_goals, weights, gammaln
    )


def dc_log_likelihood(lh, la, rho, x, y, w, gammaln) -> float:  # noqa: ANN001
    tau = np.ones_like(lh)
    m00, m01, m10, m11 = (
        (x == 0) & (y == 0),
        (x == 0) & (y == 1),
        (x == 1) & (y == 0),
        (x == 1) & (y == 1),
    )
    tau[m00] = 1 - lh[m00] * la[m00] * rho
    tau[m01] = 1 + lh[m01] * rho
    tau[m10] = 1 + la[m10] * rho
    tau[m11] = 1 - rho
    ll = np.log(tau) + x * np.log(lh) - lh - gammaln(x + 1) + y * np.log(la) - la - gammaln(y + 1)
    return float((w * ll).sum())
