"""Truth for part-a.jsonl: European knockout ties and finals, computed independently.

Reads the store's tables read-only with plain ``SELECT *`` into pandas and computes each
claim's figure in plain pandas (no matchfacts modules). Conventions: a match's score counts
extra time, a shoot-out is not a win; "European" is UCL, UEL, UCWC, UECL, UIC; qualifying
rounds are left out unless a claim counts them.

Run: ``.venv/bin/python tests/check/corpus/derive_a.py`` (from the repository root). It prints
every claim's stated figure, actual figure and verdict, and rewrites the ``actual``,
``verdict``, ``reason`` and ``truth_by`` fields of part-a.jsonl (idempotent).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pandas as pd

STORE = Path.home() / ".local/share/matchfacts/matchfacts.duckdb"
CORPUS = Path(__file__).with_name("part-a.jsonl")
EURO = ("UCL", "UEL", "UCWC", "UECL", "UIC")
STAGE_ROUNDS = {
    "final": {"F"},
    "semi_final": {"SF"},
    "quarter_final": {"QF"},
    "round_of_16": {"R16"},
}


# --------------------------------------------------------------------------- loading


def load() -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(STORE), read_only=True)
    try:
        names = ["match", "team", "team_alias", "goal", "player", "tie"]
        return {n: con.execute(f"SELECT * FROM {n}").df() for n in names}
    finally:
        con.close()


class Data:
    def __init__(self, t: dict[str, pd.DataFrame]):
        self.team = t["team"]
        self.alias = t["team_alias"]
        self.player = t["player"]
        m = t["match"]
        m = m[m["status"] == "played"].copy()
        m["date"] = pd.to_datetime(m["date"]).dt.strftime("%Y-%m-%d")
        for side in ("home", "away"):
            et = m[f"{side}_goals_et"]
            m[f"{side}_final"] = et.where(et.notna(), m[f"{side}_goals"]).astype(int)
        self.match = m
        self.country = dict(zip(self.team["id"], self.team["country"], strict=True))
        self.persp = self._perspective(m)
        self.goal = t["goal"].merge(
            m[["id", "date", "competition_id", "season", "stage", "round", "home_id", "away_id"]],
            left_on="match_id",
            right_on="id",
            suffixes=("", "_m"),
        )
        self.ties = self._ties(t["tie"], m)

    # one row per (match, side)
    def _perspective(self, m: pd.DataFrame) -> pd.DataFrame:
        cols = ["id", "date", "competition_id", "season", "stage", "round", "leg", "tie_id"]
        cols.append("venue")
        neutral = m["neutral"].fillna(False).astype(bool)
        home = m[cols].copy()
        home["team"], home["opp"] = m["home_id"], m["away_id"]
        home["gf"], home["ga"] = m["home_final"], m["away_final"]
        home["side"] = ["neutral" if n else "home" for n in neutral]
        away = m[cols].copy()
        away["team"], away["opp"] = m["away_id"], m["home_id"]
        away["gf"], away["ga"] = m["away_final"], m["home_final"]
        away["side"] = ["neutral" if n else "away" for n in neutral]
        p = pd.concat([home, away], ignore_index=True)
        p["opp_country"] = p["opp"].map(self.country)
        p["venue"] = p["venue"].fillna("")
        return p.sort_values(["date", "id"], kind="stable").reset_index(drop=True)

    # one row per (two-legged or one-off tie, side), with the first leg seen from that side
    def _ties(self, tie: pd.DataFrame, m: pd.DataFrame) -> pd.DataFrame:
        bym = m.set_index("id")
        rows = []
        for r in tie.itertuples(index=False):
            if pd.isna(r.first_leg_id) or int(r.first_leg_id) not in bym.index:
                continue
            f = bym.loc[int(r.first_leg_id)]
            two = not pd.isna(r.second_leg_id) and int(r.second_leg_id) in bym.index
            last = bym.loc[int(r.second_leg_id)] if two else f
            winner = None if pd.isna(r.winner_id) else int(r.winner_id)
            if winner is None and two:
                winner = self._fallback_winner(f, last, r.season)
            for team in (int(f["home_id"]), int(f["away_id"])):
                home = int(f["home_id"]) == team
                gf = f["home_final"] if home else f["away_final"]
                ga = f["away_final"] if home else f["home_final"]
                neutral = bool(f["neutral"]) if not pd.isna(f["neutral"]) else False
                opp = int(f["away_id"]) if home else int(f["home_id"])
                rows.append(
                    {
                        "tie": int(r.id),
                        "competition_id": r.competition_id,
                        "season": r.season,
                        "round": r.round,
                        "stage": f["stage"],
                        "team": team,
                        "opp": opp,
                        "opp_country": self.country.get(opp),
                        "two_legs": two,
                        "fl_date": f["date"],
                        "date": last["date"],
                        "fl_side": "neutral" if neutral else ("home" if home else "away"),
                        "fl_gf": int(gf),
                        "fl_ga": int(ga),
                        "through": winner == team,
                        "decided": winner is not None,
                    }
                )
        return pd.DataFrame(rows).sort_values(["date", "tie"]).reset_index(drop=True)

    @staticmethod
    def _fallback_winner(f, s, season: str) -> int | None:
        """Winner of a two-legged tie the tie table leaves undetermined: aggregate (extra
        time counted), then away goals in the seasons UEFA used them; else None."""
        a, b = int(f["home_id"]), int(f["away_id"])
        agg_a = f["home_final"] + (s["away_final"] if int(s["away_id"]) == a else s["home_final"])
        agg_b = f["away_final"] + (s["home_final"] if int(s["home_id"]) == b else s["away_final"])
        if agg_a != agg_b:
            return a if agg_a > agg_b else b
        if "1965-66" <= season <= "2020-21":
            away_a = s["away_final"] if int(s["away_id"]) == a else 0
            away_b = f["away_final"]
            if away_a != away_b:
                return a if away_a > away_b else b
        return None

    # ------------------------------------------------------------------ names

    def team_id(self, name: str) -> int:
        t = self.team
        hit = t[(t["short_name"] == name) | (t["name"] == name)]
        if hit.empty:
            a = self.alias[self.alias["alias"] == name]
            if a.empty:
                raise KeyError(name)
            return int(a["team_id"].iloc[0])
        return int(hit["id"].iloc[0])

    def player_id(self, name: str) -> int:
        hit = self.player[self.player["name"] == name]
        if hit.empty:
            raise KeyError(name)
        return int(hit["id"].iloc[0])


# --------------------------------------------------------------------------- filters

EVENTS = {
    "win": lambda d: d["gf"] > d["ga"],
    "draw": lambda d: d["gf"] == d["ga"],
    "loss": lambda d: d["gf"] < d["ga"],
    "unbeaten": lambda d: d["gf"] >= d["ga"],
    "winless": lambda d: d["gf"] <= d["ga"],
    "scored": lambda d: d["gf"] > 0,
    "conceded": lambda d: d["ga"] > 0,
    "clean_sheet": lambda d: d["ga"] == 0,
    "failed_to_score": lambda d: d["gf"] == 0,
    "played": lambda d: d["gf"] >= 0,
}


def _comps(comps) -> tuple[str, ...]:
    if comps in (None, "european"):
        return EURO
    if isinstance(comps, str):
        return (comps,)
    return tuple(comps)


def matches(
    D: Data,
    team: str | None = None,
    *,
    comps=None,
    qual: bool = False,
    stage=None,
    rounds=None,
    side=None,
    ground: str | None = None,
    opponent: str | None = None,
    opp_country: str | None = None,
    not_opp_country: str | None = None,
    season: str | None = None,
    before: str | None = None,
    since: str | None = None,
    last: int | None = None,
    no_fairs: bool = False,
) -> pd.DataFrame:
    """The team's matches (one row each, seen from the team), oldest first."""
    p = D.persp
    p = p[p["competition_id"].isin(_comps(comps))]
    if no_fairs:  # the Inter-Cities Fairs Cup (to 1970-71) was not a UEFA competition
        p = p[~((p["competition_id"] == "UEL") & (p["season"] < "1971-72"))]
    if team is not None:
        p = p[p["team"] == D.team_id(team)]
    if not qual:
        p = p[p["stage"] != "qualifying"]
    if stage is not None:
        stages = {stage} if isinstance(stage, str) else set(stage)
        p = p[p["stage"].isin(stages)]
    if rounds is not None:
        p = p[p["round"].isin(set(rounds))]
    if side is not None:
        p = p[p["side"] == side]
    if ground is not None:
        p = p[p["venue"].str.contains(ground, case=False, regex=False)]
    if opponent is not None:
        p = p[p["opp"] == D.team_id(opponent)]
    if opp_country is not None:
        p = p[p["opp_country"] == opp_country]
    if not_opp_country is not None:
        p = p[p["opp_country"] != not_opp_country]
    if season is not None:
        p = p[p["season"] == season]
    if before is not None:
        p = p[p["date"] < before]
    if since is not None:
        p = p[p["date"] >= since]
    if last is not None:
        p = p.tail(last)
    return p


def ties(
    D: Data,
    team: str | None = None,
    *,
    comps=None,
    qual: bool = False,
    rounds=None,
    opponent=None,
    opp_country=None,
    before=None,
    fl_side=None,
    fl_margin=None,
    fl_result=None,
    fl_score=None,
    two_legs=True,
    since=None,
    no_fairs=False,
) -> pd.DataFrame:
    """The team's decided ties, with the first leg from the team's side, oldest first."""
    t = D.ties
    t = t[t["competition_id"].isin(_comps(comps)) & t["decided"]]
    if no_fairs:
        t = t[~((t["competition_id"] == "UEL") & (t["season"] < "1971-72"))]
    if team is not None:
        t = t[t["team"] == D.team_id(team)]
    if not qual:
        t = t[t["stage"] != "qualifying"]
    if two_legs is not None:
        t = t[t["two_legs"] == two_legs]
    if rounds is not None:
        t = t[t["round"].isin(set(rounds))]
    if opponent is not None:
        t = t[t["opp"] == D.team_id(opponent)]
    if opp_country is not None:
        t = t[t["opp_country"] == opp_country]
    if before is not None:  # the tie was over before that day
        t = t[t["date"] < before]
    if since is not None:
        t = t[t["fl_date"] >= since]
    if fl_side is not None:
        t = t[t["fl_side"] == fl_side]
    diff = t["fl_gf"] - t["fl_ga"]
    if fl_result == "loss":
        t = t[diff < 0]
    elif fl_result == "win":
        t = t[diff > 0]
    elif fl_result == "draw":
        t = t[diff == 0]
    if fl_margin is not None:
        t = t[(t["fl_gf"] - t["fl_ga"]).abs() >= fl_margin]
    if fl_score is not None:
        t = t[(t["fl_gf"] == fl_score[0]) & (t["fl_ga"] == fl_score[1])]
    return t


# --------------------------------------------------------------------------- truths


def count_matches(D, event="played", **f):
    d = matches(D, **f)
    return int(EVENTS[event](d).sum())


def k_of_n_matches(D, event, **f):
    d = matches(D, **f)
    return [int(EVENTS[event](d).sum()), len(d)]


def active_run(D, event, **f):
    d = matches(D, **f)
    n = 0
    for hit in reversed(EVENTS[event](d).tolist()):
        if not hit:
            break
        n += 1
    return n


def best_run(D, event, **f):
    d = matches(D, **f)
    best = cur = 0
    for hit in EVENTS[event](d).tolist():
        cur = cur + 1 if hit else 0
        best = max(best, cur)
    return best


def record(D, **f):
    d = matches(D, **f)
    return {
        "played": len(d),
        "won": int((d["gf"] > d["ga"]).sum()),
        "drawn": int((d["gf"] == d["ga"]).sum()),
        "lost": int((d["gf"] < d["ga"]).sum()),
        "for": int(d["gf"].sum()),
        "against": int(d["ga"].sum()),
    }


def last_date(D, event, **f):
    d = matches(D, **f)
    d = d[EVENTS[event](d)]
    return None if d.empty else str(d["date"].iloc[-1])


def nth_match(D, **f):
    return len(matches(D, **f)) + 1


def goals_for(D, **f):
    return int(matches(D, **f)["gf"].sum())


def goals_against(D, **f):
    return int(matches(D, **f)["ga"].sum())


def tie_k_of_n(D, event="through", **f):
    t = ties(D, **f)
    k = int(t["through"].sum()) if event == "through" else int((~t["through"]).sum())
    return [k, len(t)]


def tie_count(D, event="through", **f):
    return tie_k_of_n(D, event, **f)[0]


def tie_count_any(D, **f):
    """How many ties (decided or not) match the filter."""
    return len(ties(D, **f))


def second_leg_home_losses_after_away_win(D, team, **f):
    """Ties the team lost the home second leg of after winning the first leg away."""
    t = ties(D, team, fl_side="away", fl_result="win", **f)
    p = D.persp[(D.persp["team"] == D.team_id(team)) & (D.persp["leg"] == 2)]
    x = t.merge(p[["tie_id", "gf", "ga"]], left_on="tie", right_on="tie_id")
    return int((x["gf"] < x["ga"]).sum())


def nth_loss(D, **f):
    return count_matches(D, "loss", **f) + 1


def losses_by_country(D, team, country, **f):
    """[defeats by clubs of that country, all defeats] in the filter."""
    d = matches(D, team, **f)
    d = d[d["gf"] < d["ga"]]
    return [int((d["opp_country"] == country).sum()), len(d)]


def sides_tie_count(D, event="through", **f):
    return tie_k_of_n(D, event, team=None, **f)[0]


def nth_tie(D, **f):
    return len(ties(D, **f)) + 1


def titles(D, team, comps="UCL", before=None, two_legs=None):
    t = ties(D, team, comps=comps, rounds={"F"}, before=before, two_legs=two_legs)
    return int(t["through"].sum())


def title_run(D, team, comps="UCL", before=None):
    t = ties(D, team, comps=comps, rounds={"F"}, before=before, two_legs=None)
    won = set(t.loc[t["through"], "season"])
    seasons = sorted(set(D.match.loc[D.match["competition_id"] == comps, "season"]))
    if before is not None:
        seasons = [s for s in seasons if s < before[:4] + "-99"]
    n = 0
    for s in reversed(seasons):
        if s not in won:
            if n:
                break
            continue
        n += 1
    return n


def teams_with_two_title_treble(D, comps="UCL", before=None):
    """Teams that have won three successive titles on two separate occasions."""
    t = ties(D, comps=comps, rounds={"F"}, before=before, two_legs=None)
    won = t[t["through"]]
    seasons = sorted(set(D.match.loc[D.match["competition_id"] == comps, "season"]))
    idx = {s: i for i, s in enumerate(seasons)}
    out = []
    for team, g in won.groupby("team"):
        ix = sorted(idx[s] for s in g["season"])
        spells, run = 0, 1
        for a, b in zip(ix, ix[1:], strict=False):
            if b == a + 1:
                run += 1
            else:
                spells += run >= 3
                run = 1
        spells += run >= 3
        if spells >= 2:
            out.append(team)
    return len(out)


def finals_reached(D, team, comps=("UCL",), before=None):
    t = ties(D, team, comps=comps, rounds={"F"}, before=before, two_legs=None)
    return len(t)


def nth_final(D, team, comps=("UCL",), before=None):
    return finals_reached(D, team, comps, before) + 1


def nth_round_reached(D, team, rnd, comps="UCL", before=None, since=None):
    return rounds_reached(D, team, rnd, comps, before, since) + 1


def rounds_reached(D, team, rnd, comps="UCL", before=None, since=None):
    t = ties(D, team, comps=comps, rounds={rnd}, before=before, two_legs=None, since=since)
    return t["season"].nunique()


def season_run_reached(D, team, rnd, comps="UCL", before=None):
    t = ties(D, team, comps=comps, rounds={rnd}, before=before, two_legs=None)
    got = set(t["season"])
    seasons = sorted(s for s in set(D.match.loc[D.match["competition_id"] == comps, "season"]))
    if before is not None:
        seasons = [s for s in seasons if s <= _season_of(before)]
    n = 0
    for s in reversed(seasons):
        if s not in got:
            break
        n += 1
    return n


def _season_of(date: str) -> str:
    y, mth = int(date[:4]), int(date[5:7])
    start = y if mth >= 7 else y - 1
    return f"{start}-{str(start + 1)[2:]}"


def season_run_second_leg_deficit(D, team, opp_country, before):
    """Successive seasons (newest back) in which the team hosted a second leg against a club
    of that country after losing the first leg away."""
    t = ties(D, team, opp_country=opp_country, fl_side="away", fl_result="loss", before=None)
    t = t[t["fl_date"] <= before]
    got = set(t["season"])
    s = _season_of(before)
    n = 0
    while s in got:
        n += 1
        y = int(s[:4]) - 1
        s = f"{y}-{str(y + 1)[2:]}"
    return n


def sides_tie_k_of_n(D, event="through", **f):
    return tie_k_of_n(D, event, team=None, **f)


def sides_last_through(D, **f):
    t = ties(D, team=None, **f)
    t = t[t["through"]]
    return None if t.empty else str(t["date"].iloc[-1])


def teams_with_wins_at(D, team, at_least, **f):
    """How many clubs have beaten the team at home (in the filter) at least ``at_least`` times."""
    d = matches(D, team, side="home", **f)
    d = d[d["gf"] < d["ga"]]
    return int((d.groupby("opp").size() >= at_least).sum())


# players ------------------------------------------------------------------


def _player_goals(D, player, team=None, **f):
    g = D.goal[(D.goal["player_id"] == D.player_id(player)) & (D.goal["kind"] != "own_goal")]
    if team is not None:
        g = g[g["team_id"] == D.team_id(team)]
    ids = set(matches(D, team, **f)["id"]) if team is not None else None
    if ids is not None:
        g = g[g["match_id"].isin(ids)]
    return g


def player_goals(D, player, team=None, **f):
    return len(_player_goals(D, player, team, **f))


def player_goals_any_team(D, player, **f):
    comps = _comps(f.pop("comps", None))
    g = D.goal[(D.goal["player_id"] == D.player_id(player)) & (D.goal["kind"] != "own_goal")]
    g = g[g["competition_id"].isin(comps)]
    if not f.pop("qual", False):
        g = g[g["stage"] != "qualifying"]
    if "stage" in f:
        stages = f.pop("stage")
        g = g[g["stage"].isin({stages} if isinstance(stages, str) else set(stages))]
    if "season" in f:
        g = g[g["season"] == f.pop("season")]
    if "before" in f:
        g = g[g["date"] < f.pop("before")]
    if f:
        raise TypeError(f"unused filters {f}")
    return len(g)


def player_run(D, player, team, **f):
    d = matches(D, team, **f)
    scored = set(_player_goals(D, player, team, **f)["match_id"])
    n = 0
    for mid in reversed(d["id"].tolist()):
        if mid not in scored:
            break
        n += 1
    return n


def player_best_run(D, player, team, **f):
    d = matches(D, team, **f)
    scored = set(_player_goals(D, player, team, **f)["match_id"])
    best = cur = 0
    for mid in d["id"].tolist():
        cur = cur + 1 if mid in scored else 0
        best = max(best, cur)
    return best


def players_with_best_run(D, team, at_least, **f):
    """How many of the team's players have scored in ``at_least`` successive team matches."""
    d = matches(D, team, **f)
    g = D.goal[(D.goal["team_id"] == D.team_id(team)) & (D.goal["kind"] != "own_goal")]
    g = g[g["match_id"].isin(set(d["id"]))]
    order = d["id"].tolist()
    n = 0
    for _, pg in g.groupby("player_id"):
        scored = set(pg["match_id"])
        best = cur = 0
        for mid in order:
            cur = cur + 1 if mid in scored else 0
            best = max(best, cur)
        n += best >= at_least
    return n


# --------------------------------------------------------------------------- claims
# id -> (function, kwargs, note, alternatives [(kwargs override, reading)])

TRUTH: dict[str, tuple] = {}


def claim(cid, fn, note, alts=(), **kw):
    TRUTH[cid] = (fn, kw, note, list(alts))


# --- UEFA.com, Liverpool v Real Madrid, 2021-04-14 (flagship) ---------------------------
L21 = "2021-04-14"
claim("uefa-lfc-rma-2021-01", season_run_second_leg_deficit,
      "seasons in which Liverpool hosted a Spanish club's second leg after losing the first "
      "leg away: 2018-19 Barcelona, 2019-20 Atlético, 2020-21 Real Madrid",
      team="Liverpool", opp_country="ESP", before=L21)
claim("uefa-lfc-rma-2021-02", last_date,
      "Real Madrid's last win over Liverpool before 2020-21: the 2018 final, 3-1",
      event="win", team="Real Madrid", opponent="Liverpool", before="2020-08-01")
claim("uefa-lfc-rma-2021-03", player_goals,
      "Vinícius Júnior's goals against Liverpool in the first leg (27, 65)",
      player="Vinícius Júnior", team="Real Madrid", opponent="Liverpool", season="2020-21")
claim("uefa-lfc-rma-2021-04", player_goals,
      "Salah's goal in the first leg (51st minute)",
      player="Mohamed Salah", team="Liverpool", opponent="Real Madrid", season="2020-21")
claim("uefa-lfc-rma-2021-05", titles,
      "European Cup titles (finals won, a shoot-out final counted as the title) before the "
      "tie: Real Madrid 13 + Liverpool 6 = 19; the Liverpool figure is the 6 here",
      team="Liverpool", before=L21)
claim("uefa-lfc-rma-2021-06", titles, "Real Madrid's European Cup titles before the tie",
      team="Real Madrid", before=L21)
claim("uefa-lfc-rma-2021-07", tie_count, "2020-21 round of 16: Madrid beat Atalanta",
      team="Real Madrid", opponent="Atalanta BC", comps="UCL", rounds={"R16"},
      since="2021-01-01", before=L21)
claim("uefa-lfc-rma-2021-08", tie_count, "2019-20 round of 16: Atlético beat Liverpool",
      event="out", team="Liverpool", opponent="Atlético Madrid", comps="UCL", rounds={"R16"},
      since="2019-07-01", before="2020-07-01")
claim("uefa-lfc-rma-2021-09", tie_count, "2019-20 round of 16: Manchester City beat Madrid",
      event="out", team="Real Madrid", opponent="Manchester City", comps="UCL",
      rounds={"R16"}, since="2019-07-01", before="2020-09-01")
claim("uefa-lfc-rma-2021-10", count_matches,
      "meetings in European Cup finals: 1981 (Paris) and 2018 (Kyiv)",
      team="Liverpool", opponent="Real Madrid", comps="UCL", stage="final", before=L21)
claim("uefa-lfc-rma-2021-11", nth_match,
      "the 1981 final was the clubs' first meeting in any European match",
      team="Liverpool", opponent="Real Madrid", before="1981-05-27")
claim("uefa-lfc-rma-2021-12", titles, "Madrid's titles up to and including the 2018 final",
      team="Real Madrid", before="2018-05-27")
claim("uefa-lfc-rma-2021-13", title_run, "Madrid's run of titles to 2018: 2016, 2017, 2018",
      team="Real Madrid", before="2018-05-27")
# --- UEFA.com, Real Madrid v Liverpool, 2021-04-06 --------------------------------------
claim("uefa-rma-lfc-2021-01", teams_with_two_title_treble,
      "clubs with two separate runs of three straight European Cups after 2018: Real Madrid "
      "only (1956-60, 2016-18)", before="2018-05-27")
claim("uefa-rma-lfc-2021-02", player_goals, "Bale's goals in the 2018 final (64, 83)",
      player="Gareth Bale", team="Real Madrid", opponent="Liverpool", season="2017-18")
claim("uefa-rma-lfc-2021-03", record,
      "all meetings before 2020-21, all European Cup: 6 played, 3 wins each, 7-7",
      team="Liverpool", opponent="Real Madrid", before="2020-08-01")
claim("uefa-rma-lfc-2021-04", player_goals,
      "Benzema's goals in Liverpool 0-3 Real Madrid, 22 October 2014",
      player="Karim Benzema", team="Real Madrid", opponent="Liverpool",
      since="2014-10-22", before="2014-10-23")
claim("uefa-rma-lfc-2021-05", player_goals,
      "Benzema's goals in Real Madrid 1-0 Liverpool, 4 November 2014",
      player="Karim Benzema", team="Real Madrid", opponent="Liverpool",
      since="2014-11-04", before="2014-11-05")
claim("uefa-rma-lfc-2021-06", record,
      "2008-09 round of 16, both legs from Liverpool's side: 1-0 away, 4-0 home",
      team="Liverpool", opponent="Real Madrid", season="2008-09")
claim("uefa-rma-lfc-2021-07", player_goals, "Benayoun's goal at the Bernabéu (82nd minute)",
      player="Yossi Benayoun", team="Liverpool", opponent="Real Madrid", season="2008-09",
      side="away")
# --- liberogioconews.it (Opta), Liverpool v Real Madrid, 2021-04-14 (flagship) ----------
claim("liberogioco-lfc-rma-2021-01", tie_k_of_n,
      "Liverpool's European two-legged ties after losing the first leg by two or more, "
      "qualifying and the Super Cup left out",
      alts=[({"comps": EURO + ("USC",)},
             "holds counting the UEFA Super Cup (1978 v Anderlecht lost 1-3 first leg) "
             "with the European club competitions")],
      team="Liverpool", fl_result="loss", fl_margin=2, before=L21)
claim("liberogioco-lfc-rma-2021-02", tie_k_of_n,
      "Real Madrid's European Cup/Champions League ties after winning the first leg by two "
      "or more, 1955-56 on",
      alts=[({"since": "1992-07-01"},
             "holds for the Champions League era only (1992-93 on): 15 of 16, the "
             "exception Monaco 2003-04")],
      team="Real Madrid", comps="UCL", fl_result="win", fl_margin=2, before=L21)
claim("liberogioco-lfc-rma-2021-03", active_run,
      "Liverpool's run of defeats by Real Madrid (2014 twice, 2018 final, 2021 first leg)",
      event="loss", team="Liverpool", opponent="Real Madrid", before=L21)
claim("liberogioco-lfc-rma-2021-04", nth_match,
      "Real Madrid's matches at Anfield v Liverpool before: 2009 (0-4), 2014 (3-0)",
      team="Real Madrid", opponent="Liverpool", ground="Anfield", before=L21)
claim("liberogioco-lfc-rma-2021-05", losses_by_country,
      "Liverpool's home European Cup/Champions League defeats, and how many by Spanish clubs",
      alts=[({"since": "1992-07-01"},
             "holds for the Champions League era only (1992-93 on); with the European Cup "
             "years it is 5 of 12")],
      team="Liverpool", country="ESP", comps="UCL", side="home", before=L21)
claim("liberogioco-lfc-rma-2021-06", teams_with_wins_at,
      "clubs with two or more European Cup/Champions League wins at Liverpool: Barcelona",
      team="Liverpool", at_least=2, comps="UCL", before=L21)
claim("liberogioco-lfc-rma-2021-07", active_run,
      "Real Madrid's run of knockout-stage (finals included) Champions League matches with a "
      "goal, since the 0-0 at Manchester City on 26 April 2016",
      event="scored", team="Real Madrid", comps="UCL", stage=["knockout", "final"],
      before=L21)
claim("liberogioco-lfc-rma-2021-08", goals_for,
      "Real Madrid's goals in those 23 knockout matches",
      team="Real Madrid", comps="UCL", stage=["knockout", "final"], since="2016-04-27",
      before=L21)
claim("liberogioco-lfc-rma-2021-09", player_run,
      "Liverpool's Champions League matches in a row with a Salah goal (appearances are not "
      "in the store: counted over the team's matches)",
      player="Mohamed Salah", team="Liverpool", comps="UCL", before=L21)
claim("liberogioco-lfc-rma-2021-10", player_best_run,
      "Gerrard's longest run of Liverpool European Cup/Champions League matches with a goal "
      "(2007-08); no other Liverpool player reaches five",
      player="Steven Gerrard", team="Liverpool", comps="UCL", before=L21)
claim("liberogioco-lfc-rma-2021-11", players_with_best_run,
      "Liverpool players who have scored in five successive European Cup/Champions League "
      "matches of the team", team="Liverpool", at_least=5, comps="UCL", before=L21)
# --- pledgetimes.com, Real Madrid v Liverpool, 2021-04-06 -------------------------------
R21 = "2021-04-06"
claim("pledgetimes-rma-lfc-2021-01", count_matches,
      "all official meetings before the first leg, every one in the European Cup",
      team="Real Madrid", opponent="Liverpool", comps=EURO + ("USC",), qual=True, before=R21)
claim("pledgetimes-rma-lfc-2021-02", count_matches, "draws between them before the tie",
      event="draw", team="Real Madrid", opponent="Liverpool", before=R21)
claim("pledgetimes-rma-lfc-2021-03", tie_k_of_n,
      "Real Madrid's two-legged European ties against English clubs: 9 through of 14 in the "
      "store (finals, one-off, left out)",
      team="Real Madrid", opp_country="ENG", before=R21)
claim("pledgetimes-rma-lfc-2021-04", tie_count,
      "ties v English clubs Madrid won after losing the first leg: Cardiff 1970-71, Derby "
      "1975-76", team="Real Madrid", opp_country="ENG", fl_result="loss", before=R21)
claim("pledgetimes-rma-lfc-2021-05", record,
      "Real Madrid's home European matches against English clubs",
      team="Real Madrid", opp_country="ENG", side="home", before=R21)
claim("pledgetimes-rma-lfc-2021-06", count_matches,
      "English winners at the Bernabéu: Arsenal 2006, Liverpool 2009, Manchester City 2020",
      event="loss", team="Real Madrid", opp_country="ENG", ground="Bernab", before=R21)
claim("pledgetimes-rma-lfc-2021-07", tie_k_of_n,
      "Liverpool's decided two-legged European ties v Spanish clubs; the 1968-69 Fairs Cup "
      "tie with Athletic (3-3, lost on a coin toss) has no winner in the store",
      team="Liverpool", opp_country="ESP", before=R21)
claim("pledgetimes-rma-lfc-2021-08", tie_count,
      "ties Atlético knocked Liverpool out of: 2009-10 UEL semi-final (away goals, winner "
      "derived from the legs), 2019-20 round of 16",
      event="out", team="Liverpool", opponent="Atlético Madrid", before=R21)
claim("pledgetimes-rma-lfc-2021-09", tie_count,
      "ties v Spanish clubs Liverpool won after losing the first leg away: Villarreal 2016, "
      "Barcelona 2019", team="Liverpool", opp_country="ESP", fl_side="away",
      fl_result="loss", before=R21)
# --- UEFA.com, Liverpool v Real Madrid, 2009-03-10 --------------------------------------
L09 = "2009-03-10"
claim("uefa-lfc-rma-2009-01", k_of_n_matches,
      "Liverpool's home European wins against Spanish clubs (Fairs Cup included)",
      alts=[({"no_fairs": True},
             "holds without the Inter-Cities Fairs Cup (not a UEFA competition): the 2-1 "
             "over Athletic in 1968 then drops out")],
      event="win", team="Liverpool", side="home", opp_country="ESP", before=L09)
claim("uefa-lfc-rma-2009-02", second_leg_home_losses_after_away_win,
      "Liverpool ties since 2000-01 lost at home in the second leg after an away first-leg "
      "win, qualifying left out: 2000-01 Roma (UEL), 2006-07 Barcelona",
      alts=[({"qual": True},
             "holds counting qualifying rounds: Grazer AK 2004-05 and CSKA Sofia 2005-06 "
             "join Roma 2000-01 and Barcelona 2006-07")],
      team="Liverpool", since="2000-07-01", before=L09)
claim("uefa-lfc-rma-2009-03", tie_k_of_n,
      "Real Madrid ties after a 0-1 home first leg before this one, and those won (Wacker "
      "Innsbruck, Cup Winners' Cup 1970-71)",
      team="Real Madrid", fl_side="home", fl_score=(0, 1), before=L09)
claim("uefa-lfc-rma-2009-04", count_matches,
      "Liverpool 1-1 Atlético, 4 November 2008 (the equaliser a late Gerrard penalty)",
      event="draw", team="Liverpool", opponent="Atlético Madrid", side="home",
      season="2008-09")
# --- UEFA.com press kit, Liverpool v Barcelona, 2007-03-06 ------------------------------
claim("uefa-lfc-fcb-2007-01", sides_last_through,
      "the last Champions League tie won after losing the first leg at home: Ajax v "
      "Panathinaikos, 1995-96 semi-final (second leg 17 April 1996)",
      comps="UCL", fl_side="home", fl_result="loss", before="2007-02-21")
claim("uefa-lfc-fcb-2007-02", sides_tie_k_of_n,
      "Champions League ties after a home first-leg defeat, from the Ajax comeback to "
      "February 2007", comps="UCL", fl_side="home", fl_result="loss", since="1996-04-18",
      before="2007-02-21")
claim("uefa-lfc-fcb-2007-03", active_run,
      "Barcelona's unbeaten run at home in the Champions League before the first leg",
      event="unbeaten", team="Barcelona", comps="UCL", side="home", before="2007-02-21")
claim("uefa-lfc-fcb-2007-04", last_date,
      "Barcelona's last match at Liverpool: 3-1 win, 20 November 2001",
      event="win", team="Barcelona", opponent="Liverpool", side="away", before="2007-03-06")
claim("uefa-lfc-fcb-2007-05", k_of_n_matches, "Barcelona's wins over Liverpool in 7 meetings",
      event="win", team="Barcelona", opponent="Liverpool", before="2007-03-06")
claim("uefa-lfc-fcb-2007-06", player_goals, "Riise's goal at Camp Nou (74th minute)",
      player="John Arne Riise", team="Liverpool", opponent="Barcelona", season="2006-07")
# --- Reuters, Barcelona v Chelsea, 2012-04-24 --------------------------------------------
B12 = "2012-04-24"
claim("reuters-fcb-che-2012-01", record,
      "all European meetings from Barcelona's side (1966 Fairs Cup, with its play-off, on)",
      team="Barcelona", opponent="Chelsea", before=B12)
claim("reuters-fcb-che-2012-02", record, "Barcelona's 2011-12 Champions League matches",
      team="Barcelona", comps="UCL", season="2011-12", qual=True, before=B12)
claim("reuters-fcb-che-2012-03", record, "Chelsea's 2011-12 Champions League matches",
      team="Chelsea", comps="UCL", season="2011-12", qual=True, before=B12)
claim("reuters-fcb-che-2012-04", player_goals, "Messi's 2011-12 Champions League goals",
      player="Lionel Messi", team="Barcelona", comps="UCL", season="2011-12", before=B12)
claim("reuters-fcb-che-2012-05", player_goals, "Drogba's 2011-12 Champions League goals",
      player="Didier Drogba", team="Chelsea", comps="UCL", season="2011-12", before=B12)
claim("reuters-fcb-che-2012-06", k_of_n_matches,
      "Barcelona's last seven home European semi-final matches",
      event="win", team="Barcelona", side="home", rounds={"SF"}, last=7, before=B12)
claim("reuters-fcb-che-2012-07", goals_for, "goals in those seven home semi-final matches",
      team="Barcelona", side="home", rounds={"SF"}, last=7, before=B12)
claim("reuters-fcb-che-2012-08", season_run_reached,
      "Barcelona's successive Champions League seasons with a semi-final, 2007-08 to 2011-12",
      team="Barcelona", rnd="SF", before="2012-05-01")
claim("reuters-fcb-che-2012-09", nth_final, "Barcelona's European Cup finals before",
      team="Barcelona", before=B12)
claim("reuters-fcb-che-2012-10", nth_final,
      "Barcelona's finals in the European Cup, Fairs Cup/UEFA Cup and Cup Winners' Cup",
      team="Barcelona", comps=("UCL", "UEL", "UCWC"), before=B12)
claim("reuters-fcb-che-2012-11", nth_loss,
      "Barcelona's European defeats before (99, qualifying left out), plus one",
      team="Barcelona", before=B12)
claim("reuters-fcb-che-2012-12", nth_match, "Barcelona's European matches so far, plus one",
      team="Barcelona", before=B12)
claim("reuters-fcb-che-2012-13", active_run,
      "Barcelona's unbeaten run in home Champions League matches",
      event="unbeaten", team="Barcelona", comps="UCL", side="home", before=B12)
claim("reuters-fcb-che-2012-14", k_of_n_matches, "wins in those 15 home matches",
      event="win", team="Barcelona", comps="UCL", side="home", last=15, before=B12)
claim("reuters-fcb-che-2012-15", last_date,
      "Barcelona's last home Champions League defeat: Rubin Kazan 2-1, 20 October 2009",
      event="loss", team="Barcelona", comps="UCL", side="home", before=B12)
claim("reuters-fcb-che-2012-16", k_of_n_matches,
      "Barcelona's home European matches v English clubs and defeats in them",
      event="loss", team="Barcelona", side="home", opp_country="ENG", before=B12)
# --- Reuters, Real Madrid v APOEL, 2012-04-04 -------------------------------------------
A12 = "2012-04-04"
claim("reuters-rma-apo-2012-01", record, "the one previous meeting, 27 March 2012",
      team="Real Madrid", opponent="APOEL FC", before=A12)
claim("reuters-rma-apo-2012-02", record,
      "Real Madrid's 2011-12 Champions League matches, qualifying included",
      team="Real Madrid", comps="UCL", season="2011-12", qual=True, before=A12)
claim("reuters-rma-apo-2012-03", record,
      "APOEL's 2011-12 Champions League matches, qualifying included",
      team="APOEL FC", comps="UCL", season="2011-12", qual=True, before=A12)
claim("reuters-rma-apo-2012-04", player_goals, "Benzema's 2011-12 Champions League goals",
      player="Karim Benzema", team="Real Madrid", comps="UCL", season="2011-12", before=A12)
claim("reuters-rma-apo-2012-05", k_of_n_matches,
      "Real Madrid's last 10 home Champions League matches",
      event="win", team="Real Madrid", comps="UCL", side="home", last=10, before=A12)
claim("reuters-rma-apo-2012-06", last_date,
      "Real Madrid's last home European defeat by a non-Spanish club: Milan 3-2, 2009-10",
      event="loss", team="Real Madrid", side="home", not_opp_country="ESP", before=A12)
claim("reuters-rma-apo-2012-07", nth_round_reached,
      "Real Madrid's Champions League-era semi-finals before this season (next is the 7th)",
      team="Real Madrid", rnd="SF", since="1992-07-01", before=A12)
claim("reuters-rma-apo-2012-08", rounds_reached,
      "Barcelona's Champions League-era semi-finals", team="Barcelona", rnd="SF",
      since="1992-07-01", before=A12)
claim("reuters-rma-apo-2012-09", nth_round_reached,
      "Real Madrid's European Cup semi-finals, all eras (next is the 23rd)",
      team="Real Madrid", rnd="SF", before=A12)
claim("reuters-rma-apo-2012-10", active_run,
      "Real Madrid's unbeaten run in Champions League matches",
      event="unbeaten", team="Real Madrid", comps="UCL", before=A12)
claim("reuters-rma-apo-2012-11", k_of_n_matches,
      "Real Madrid's home wins v Cypriot clubs; the store lists two of the four matches "
      "played in Madrid (AEL 1968, Olympiakos Nicosia 1969) with Real as the away side",
      alts=[({"side": None, "before": "2012-03-01"},
             "holds counting home and away together (26 goals, 1 against); in the store two "
             "of the four Madrid matches have the Cypriot club as nominal home side")],
      event="win", team="Real Madrid", side="home", opp_country="CYP", before=A12)
claim("reuters-rma-apo-2012-12", goals_against,
      "goals APOEL conceded in their last 10 European away matches, qualifying left out",
      alts=[({"qual": True}, "holds counting qualifying rounds")],
      team="APOEL FC", side="away", last=10, before=A12)
claim("reuters-rma-apo-2012-13", k_of_n_matches,
      "APOEL's European matches v Spanish clubs, qualifying left out",
      alts=[({"qual": True}, "holds counting qualifying rounds (11 matches, no win)")],
      event="win", team="APOEL FC", opp_country="ESP", before=A12)
claim("reuters-rma-apo-2012-14", k_of_n_matches,
      "APOEL's European visits to Spain and defeats in them, qualifying left out",
      alts=[({"qual": True}, "holds counting qualifying rounds")],
      event="loss", team="APOEL FC", side="away", opp_country="ESP", before=A12)
claim("reuters-rma-apo-2012-15", k_of_n_matches,
      "APOEL's European visits to Spain without a goal, qualifying left out",
      alts=[({"qual": True}, "holds counting qualifying rounds")],
      event="failed_to_score", team="APOEL FC", side="away", opp_country="ESP", before=A12)
# --- Sky Sport (Italy), Bayern v PSG, 2023-03-08 ----------------------------------------
S23 = "2023-03-08"
claim("skysport-fcb-psg-2023-01", record, "all meetings from Bayern's side, all Champions League",
      team="Bayern München", opponent="Paris Saint Germain", before=S23)
claim("skysport-fcb-psg-2023-02", k_of_n_matches, "Bayern's last four home games v PSG",
      event="win", team="Bayern München", opponent="Paris Saint Germain", side="home",
      last=4, before=S23)
claim("skysport-fcb-psg-2023-03", k_of_n_matches,
      "PSG's results v Bayern after the first five meetings (matches 6-12)",
      event="win", team="Paris Saint Germain", opponent="Bayern München", last=7, before=S23)
claim("skysport-fcb-psg-2023-04", tie_k_of_n,
      "Bayern's European Cup/Champions League ties after winning the first leg, and exits",
      alts=[({"since": "1992-07-01"},
             "holds for the Champions League era only (1992-93 on); with the European Cup "
             "years it is 6 of 51")],
      event="out", team="Bayern München", comps="UCL", fl_result="win", before=S23)
claim("skysport-fcb-psg-2023-05", tie_k_of_n,
      "PSG's Champions League ties after losing the first leg: through once (Dortmund 2019-20)",
      team="Paris Saint Germain", comps="UCL", fl_result="loss", before=S23)
claim("skysport-fcb-psg-2023-06", player_goals,
      "Mbappé's Champions League goals away at Bayern (2020-21 quarter-final)",
      player="Kylian Mbappé", team="Paris Saint Germain", opponent="Bayern München",
      side="away", before=S23)
claim("skysport-fcb-psg-2023-07", player_goals_any_team,
      "Messi's Champions League knockout-stage goals (finals included)",
      player="Lionel Messi", comps="UCL", stage=["knockout", "final"], before=S23)
claim("skysport-fcb-psg-2023-08", player_goals_any_team,
      "Cristiano Ronaldo's Champions League knockout-stage goals (finals included)",
      player="Cristiano Ronaldo", comps="UCL", stage=["knockout", "final"], before=S23)
# --- PA (Yahoo Sports), West Ham v Leverkusen, 2024-04-18 -------------------------------
W24 = "2024-04-18"
claim("pa-whu-b04-2024-01", tie_k_of_n,
      "West Ham's European ties after losing the first leg by two or more: through in "
      "1975-76 and 1980-81, out in 1980-81 and 1999-00",
      team="West Ham United", fl_result="loss", fl_margin=2, before=W24)
claim("pa-whu-b04-2024-02", tie_k_of_n,
      "Leverkusen's European ties after winning the first leg by two or more",
      alts=[({"qual": True}, "the store has 12 with qualifying counted, still short of 13")],
      team="Bayer 04 Leverkusen", fl_result="win", fl_margin=2, before=W24)
claim("pa-whu-b04-2024-03", k_of_n_matches, "West Ham's last four home games v German clubs",
      event="win", team="West Ham United", side="home", opp_country="GER", last=4,
      before=W24)
claim("pa-whu-b04-2024-04", k_of_n_matches,
      "Leverkusen's away games v English clubs (all European; domestic cups cannot pair them)",
      event="win", team="Bayer 04 Leverkusen", side="away", opp_country="ENG", before=W24)
claim("pa-whu-b04-2024-05", last_date,
      "Leverkusen's last away win v an English club: Tottenham 0-1, 2 November 2016",
      event="win", team="Bayer 04 Leverkusen", side="away", opp_country="ENG", before=W24)
# --- UEFA.com (via soccercities), Chelsea v Liverpool, 2009-04-14 -----------------------
C09 = "2009-04-14"
claim("uefa-che-lfc-2009-01", tie_count,
      "Chelsea's European ties after winning the first leg away: never eliminated",
      event="out", team="Chelsea", fl_side="away", fl_result="win", before=C09)
claim("uefa-che-lfc-2009-02", goals_for,
      "Liverpool's goals in Champions League visits to Chelsea (2008 semi-final, 2 goals)",
      team="Liverpool", comps="UCL", opponent="Chelsea", side="away", before=C09)
claim("uefa-che-lfc-2009-03", count_matches,
      "Liverpool's Champions League visits to Chelsea before",
      team="Liverpool", comps="UCL", opponent="Chelsea", side="away", before=C09)
claim("uefa-che-lfc-2009-04", tie_count_any,
      "Liverpool ties with a home first-leg defeat, up to this one (Fairs Cup included)",
      alts=[({"no_fairs": True},
             "holds without the Inter-Cities Fairs Cup, not a UEFA competition (the 0-1 v "
             "Leeds in 1970-71 is the other one), as the text itself says")],
      team="Liverpool", fl_side="home", fl_result="loss", before="2009-04-15")
claim("uefa-che-lfc-2009-05", active_run,
      "Chelsea's unbeaten run at home in the Champions League",
      event="unbeaten", team="Chelsea", comps="UCL", side="home", before=C09)
claim("uefa-che-lfc-2009-06", k_of_n_matches, "wins in those 16 home matches",
      event="win", team="Chelsea", comps="UCL", side="home", last=16, before=C09)
claim("uefa-che-lfc-2009-07", best_run,
      "Chelsea's unbeaten home league run, ended by Liverpool on 26 October 2008",
      event="unbeaten", team="Chelsea", comps="ENG1", side="home", before="2008-10-27")
claim("uefa-che-lfc-2009-09", sides_tie_count,
      "Champions League ties after a first-leg defeat by four or more: none turned round",
      comps="UCL", fl_result="loss", fl_margin=4, before=C09)
# --- Opta (Omnisport, Yahoo), PSG v Real Madrid, 2018-03-06 -----------------------------
O18 = "2018-03-06"
claim("opta-psg-rma-2018-01", sides_tie_k_of_n,
      "European Cup/Champions League ties after a 3-1 away first-leg defeat",
      comps="UCL", fl_side="away", fl_score=(1, 3), before=O18)
claim("opta-psg-rma-2018-02", tie_count,
      "PSG's knockout ties v Real Madrid before: 1992-93 UEFA Cup QF, 1993-94 Cup Winners' "
      "Cup QF, both won", team="Paris Saint Germain", opponent="Real Madrid", before=O18)
claim("opta-psg-rma-2018-03", player_goals_any_team,
      "Cristiano Ronaldo's Champions League goals, qualifying left out",
      player="Cristiano Ronaldo", comps="UCL", before=O18)
claim("opta-psg-rma-2018-04", player_goals,
      "Cristiano Ronaldo's Champions League goals for Real Madrid",
      alts=[({"qual": True}, "holds counting qualifying rounds")],
      player="Cristiano Ronaldo", team="Real Madrid", comps="UCL", before=O18)
claim("opta-psg-rma-2018-05", player_goals,
      "Ronaldo's goals in Real Madrid's last 12 Champions League matches",
      player="Cristiano Ronaldo", team="Real Madrid", comps="UCL", last=12, before=O18)
claim("opta-psg-rma-2018-06", player_run,
      "Real Madrid's 2017-18 Champions League matches with a Ronaldo goal, newest back "
      "(all seven)", player="Cristiano Ronaldo", team="Real Madrid", comps="UCL",
      season="2017-18", before=O18)
claim("opta-psg-rma-2018-07", player_goals_any_team,
      "Benzema's Champions League goals, qualifying left out",
      alts=[({"qual": True}, "holds counting qualifying rounds")],
      player="Karim Benzema", comps="UCL", before=O18)


claim("reuters-rma-apo-2012-18", count_matches,
      "APOEL's European matches away to Atlético: one, 0-0 in the 2009-10 group",
      event="draw", team="APOEL FC", opponent="Atlético Madrid", side="away", before=A12)
claim("pa-whu-b04-2024-07", count_matches,
      "West Ham's 2023-24 wins over Freiburg: 2-0 (group) and 5-0 (round of 16), both at home",
      event="win", team="West Ham United", opponent="Freiburg", side="home", season="2023-24",
      before=W24)
claim("uefa-che-lfc-2009-10", count_matches,
      "Liverpool's 2008-09 Champions League defeats up to and including the first leg",
      event="loss", team="Liverpool", comps="UCL", season="2008-09", before="2009-04-09")
# --- UEFA match facts (footballxtrahq), Bayern v PSG, 2021-04-07 ------------------------
X21 = "2021-04-07"
claim("footballxtra-fcb-psg-2021-01", record,
      "Champions League meetings before this one, from Bayern's side",
      team="Bayern München", opponent="Paris Saint Germain", comps="UCL", before=X21)
claim("footballxtra-fcb-psg-2021-02", active_run,
      "Bayern's unbeaten run in the Champions League",
      event="unbeaten", team="Bayern München", comps="UCL", before=X21)
claim("footballxtra-fcb-psg-2021-03", k_of_n_matches, "wins in those 19 matches",
      event="win", team="Bayern München", comps="UCL", last=19, before=X21)
claim("footballxtra-fcb-psg-2021-04", best_run,
      "Manchester United's longest unbeaten Champions League run (2007-2009)",
      event="unbeaten", team="Manchester United", comps="UCL", before=X21)


# =========================================================================== verdicts


def agrees(stated, actual, relation) -> bool:
    if actual is None:
        return False
    if relation in ("at_least",):
        if isinstance(stated, list):
            return actual[0] >= stated[0]
        return actual >= stated
    if relation == "never":
        return actual == 0 or (isinstance(actual, list) and actual[0] == 0)
    if isinstance(stated, dict) and isinstance(actual, dict):
        return all(actual.get(k) == v for k, v in stated.items())
    if relation == "each_of" and isinstance(stated, list):
        return actual == stated and actual[0] == actual[1]
    return stated == actual


def main() -> int:
    D = Data(load())
    lines = [json.loads(x) for x in CORPUS.read_text().splitlines() if x.strip()]
    out = []
    tally: dict[str, int] = {}
    for c in lines:
        cid = c["id"]
        if c["verdict"] == "not_checkable" and cid not in TRUTH:
            c["actual"] = None
        else:
            fn, kw, note, alts = TRUTH[cid]
            actual = fn(D, **kw)
            rel = c.get("relation", "equal")
            c["actual"] = actual
            c["truth_by"] = fn.__name__
            if agrees(c["stated"], actual, rel):
                c["verdict"], c["reason"] = "supported", note
            else:
                for over, reading in alts:
                    alt_kw = {**kw, **over}
                    if agrees(c["stated"], fn(D, **alt_kw), rel):
                        c["verdict"], c["reason"] = "imprecise", reading
                        break
                else:
                    c["verdict"], c["reason"] = "refuted", note
        tally[c["verdict"]] = tally.get(c["verdict"], 0) + 1
        print(f"{cid:45s} stated={json.dumps(c['stated'])!s:40s} "
              f"actual={json.dumps(c['actual'])!s:40s} {c['verdict']}")
        out.append(c)
    CORPUS.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in out))
    print(f"{len(out)} claims: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
