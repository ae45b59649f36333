"""Truth for part-c.jsonl: claims read in European previews (Europa League / UEFA Cup / Cup
Winners' Cup / Conference League ties, European finals, Champions League group and league
phase games, agency statboxes), computed from the store's tables with plain pandas.

The store is opened read-only; every table is read whole with `SELECT * FROM <table>` and
every figure is counted here, independently of the product (src/matchfacts).

Conventions: a match's score counts extra time, a shoot-out is not a win (a tie's winner is
the tie table's); "European" is UCL, UEL (Fairs Cup / UEFA Cup / Europa League), UCWC,
UECL, UIC, qualifying rounds left out unless a claim counts them; only matches played
before the fixture's date count.

Run: .venv/bin/python tests/check/corpus/derive_c.py  (prints every claim, rewrites
part-c.jsonl next to this file, exits 0).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import duckdb
import pandas as pd

DB = Path.home() / ".local/share/matchfacts/matchfacts.duckdb"
OUT = Path(__file__).with_name("part-c.jsonl")
EUROPEAN = ("UCL", "UEL", "UCWC", "UECL", "UIC")
TABLES = ("match", "team", "team_alias", "goal", "player", "tie")


def load() -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(DB), read_only=True)
    try:
        return {name: con.sql(f"SELECT * FROM {name}").df() for name in TABLES}
    finally:
        con.close()


D: dict[str, pd.DataFrame] = {}


def team_id(name: str) -> int:
    """A team by its short name, full name or alias (the store's spelling)."""
    team = D["team"]
    for col in ("short_name", "name"):
        hit = team[team[col].str.lower() == name.lower()]
        if len(hit) == 1:
            return int(hit["id"].iloc[0])
    alias = D["team_alias"]
    hit = alias[alias["alias"].str.lower() == name.lower()]
    ids = set(hit["team_id"])
    if len(ids) == 1:
        return int(ids.pop())
    raise KeyError(name)


def player_id(name: str) -> int:
    player = D["player"]
    hit = player[player["name"].str.lower() == name.lower()]
    if len(hit) != 1:
        raise KeyError(name)
    return int(hit["id"].iloc[0])


def _day(value: object) -> dt.date:
    return pd.Timestamp(value).date()


def side_matches(
    team: str,
    before: str,
    comps: tuple[str, ...] | str = EUROPEAN,
    qualifying: bool = False,
    stage: str | None = None,
    venue: str | None = None,
    opponent: str | None = None,
    opponent_country: str | None = None,
    season: str | None = None,
    since: str | None = None,
    fairs: bool = True,
) -> pd.DataFrame:
    """One team's played matches before a date, told from its side, oldest first
    (fairs=False leaves out the Inter-Cities Fairs Cup, the UEL rows before 1971-72)."""
    if isinstance(comps, str):
        comps = (comps,)
    tid = team_id(team)
    m = D["match"]
    m = m[(m["status"] == "played") & m["competition_id"].isin(comps)]
    m = m[(m["home_id"] == tid) | (m["away_id"] == tid)].copy()
    m["day"] = m["date"].map(_day)
    m = m[m["day"] < dt.date.fromisoformat(before)]
    if since:
        m = m[m["day"] >= dt.date.fromisoformat(since)]
    if not qualifying:
        m = m[m["stage"] != "qualifying"]
    if not fairs:
        m = m[(m["competition_id"] != "UEL") | (m["season"] >= "1971-72")]
    if season:
        m = m[m["season"] == season]
    if stage == "final":
        m = m[(m["stage"] == "final") | (m["round"] == "F")]
    elif stage == "knockout":
        m = m[m["stage"].isin(["knockout", "final"])]
    elif stage == "group":
        m = m[m["stage"].isin(["group", "league"])]
    elif stage in ("semi_final", "quarter_final", "round_of_16"):
        code = {"semi_final": "SF", "quarter_final": "QF", "round_of_16": "R16"}[stage]
        m = m[m["round"] == code]
    home = m["home_id"] == tid
    neutral = m["neutral"].fillna(False).astype(bool)
    hg = m["home_goals_et"].fillna(m["home_goals"]).astype(int)
    ag = m["away_goals_et"].fillna(m["away_goals"]).astype(int)
    out = pd.DataFrame(
        {
            "id": m["id"],
            "day": m["day"],
            "comp": m["competition_id"],
            "season": m["season"],
            "stage": m["stage"],
            "round": m["round"],
            "tie_id": m["tie_id"],
            "where": [
                "neutral" if n else ("home" if h else "away")
                for h, n in zip(home, neutral, strict=True)
            ],
            "opp": m["away_id"].where(home, m["home_id"]).astype(int),
            "gf": hg.where(home, ag),
            "ga": ag.where(home, hg),
        }
    )
    countries = dict(zip(D["team"]["id"], D["team"]["country"], strict=True))
    out["opp_country"] = out["opp"].map(countries)
    if venue:
        out = out[out["where"] == venue]
    if opponent:
        out = out[out["opp"] == team_id(opponent)]
    if opponent_country:
        out = out[out["opp_country"] == opponent_country]
    return out.sort_values(["day", "id"]).reset_index(drop=True)


def happened(df: pd.DataFrame, event: str) -> pd.Series:
    gf, ga = df["gf"], df["ga"]
    return {
        "win": gf > ga,
        "draw": gf == ga,
        "loss": gf < ga,
        "unbeaten": gf >= ga,
        "winless": gf <= ga,
        "scored": gf > 0,
        "conceded": ga > 0,
        "clean_sheet": ga == 0,
        "failed_to_score": gf == 0,
        "played": gf >= 0,
    }[event]


def _last(df: pd.DataFrame, last: int | None) -> pd.DataFrame:
    return df.tail(last) if last else df


# ---- one function per kind of computation (each claim's truth_by) ----


def record(last: int | None = None, **ctx: object) -> dict:
    """Statbox totals of a team's matches in a context."""
    df = _last(side_matches(**ctx), last)
    return {
        "played": len(df),
        "won": int((df["gf"] > df["ga"]).sum()),
        "drawn": int((df["gf"] == df["ga"]).sum()),
        "lost": int((df["gf"] < df["ga"]).sum()),
        "for": int(df["gf"].sum()),
        "against": int(df["ga"].sum()),
    }


def k_of_n(event: str, last: int | None = None, **ctx: object) -> list[int]:
    """How many of a team's (last n) matches had the event."""
    df = _last(side_matches(**ctx), last)
    return [int(happened(df, event).sum()), len(df)]


def count(event: str, last: int | None = None, **ctx: object) -> int:
    """How many matches had the event."""
    return k_of_n(event, last, **ctx)[0]


def goals(side: str, last: int | None = None, **ctx: object) -> int:
    """Goals scored ('for') or let in ('against') over a team's (last n) matches."""
    df = _last(side_matches(**ctx), last)
    return int(df["gf" if side == "for" else "ga"].sum())


def run(event: str, **ctx: object) -> int:
    """The active run of the event, newest match back."""
    flags = list(happened(side_matches(**ctx), event))
    n = 0
    for flag in reversed(flags):
        if not flag:
            break
        n += 1
    return n


def best_run(event: str, **ctx: object) -> int:
    """The longest run of the event ever."""
    best = cur = 0
    for flag in happened(side_matches(**ctx), event):
        cur = cur + 1 if flag else 0
        best = max(best, cur)
    return best


def first_since(event: str, **ctx: object) -> str | None:
    """The date of the last match with the event."""
    df = side_matches(**ctx)
    hit = df[happened(df, event)]
    return str(hit["day"].iloc[-1]) if len(hit) else None


def nth_meeting(**ctx: object) -> int:
    """Which meeting the coming one is: matches so far plus one."""
    return len(side_matches(**ctx)) + 1


def _tie_winner(tie_key: int, tie_row: pd.Series) -> int | None:
    """The tie's winner counted here: more goals over the legs (extra time in, a replay
    alone if there was one), else the shoot-out of the last match; only a level tie with no
    shoot-out (away goals, a coin) falls back on the tie table's winner."""
    m = D["match"]
    legs = m[(m["tie_id"] == tie_key) & (m["status"] == "played")].sort_values("date")
    if pd.notna(tie_row["replay_id"]):
        legs = legs[legs["id"] == tie_row["replay_id"]]
    a, b = int(tie_row["team_a_id"]), int(tie_row["team_b_id"])
    score = {a: 0, b: 0}
    for leg in legs.itertuples():
        hg = leg.home_goals_et if pd.notna(leg.home_goals_et) else leg.home_goals
        ag = leg.away_goals_et if pd.notna(leg.away_goals_et) else leg.away_goals
        score[int(leg.home_id)] = score.get(int(leg.home_id), 0) + int(hg)
        score[int(leg.away_id)] = score.get(int(leg.away_id), 0) + int(ag)
    if score[a] != score[b]:
        return a if score[a] > score[b] else b
    if len(legs):
        last = legs.iloc[-1]
        if pd.notna(last["home_pens"]) and pd.notna(last["away_pens"]):
            home_won = last["home_pens"] > last["away_pens"]
            return int(last["home_id"] if home_won else last["away_id"])
    return None if pd.isna(tie_row["winner_id"]) else int(tie_row["winner_id"])


def ties(**ctx: object) -> pd.DataFrame:
    """A team's ties (two legs, replay or one-off final) with whether it went through."""
    df = side_matches(**ctx)
    df = df[df["tie_id"].notna()]
    later = D["match"][D["match"]["date"].map(_day) >= dt.date.fromisoformat(str(ctx["before"]))]
    df = df[~df["tie_id"].isin(later["tie_id"].dropna())]  # only ties settled before the day
    tie = D["tie"].set_index("id")
    tid = team_id(str(ctx["team"]))
    rows = []
    for tie_key, grp in df.groupby("tie_id", sort=False):
        winner = _tie_winner(int(tie_key), tie.loc[int(tie_key)])
        rows.append(
            {
                "tie_id": int(tie_key),
                "day": grp["day"].max(),
                "season": grp["season"].iloc[0],
                "comp": grp["comp"].iloc[0],
                "opp": int(grp["opp"].iloc[0]),
                "through": winner == tid,
                "decided": tie.at[int(tie_key), "decided_by"],
            }
        )
    cols = ["tie_id", "day", "season", "comp", "opp", "through", "decided"]
    return pd.DataFrame(rows, columns=cols).sort_values("day").reset_index(drop=True)


def tie_k_of_n(event: str, last: int | None = None, **ctx: object) -> list[int]:
    """Ties won ('through') or lost ('out') out of a team's (last n) ties in a context."""
    t = _last(ties(**ctx), last)
    k = t["through"].sum() if event == "through" else (~t["through"]).sum()
    return [int(k), len(t)]


def tie_count(event: str, **ctx: object) -> int:
    """How many of a team's ties in a context it won ('through') or lost ('out')."""
    return tie_k_of_n(event, **ctx)[0]


def tie_run(event: str, **ctx: object) -> int:
    """The active run of ties through (or out), newest back."""
    flags = list(ties(**ctx)["through"])
    want = event == "through"
    n = 0
    for flag in reversed(flags):
        if flag != want:
            break
        n += 1
    return n


def seasons_in(season_now: str, last_run: bool = False, **ctx: object) -> int:
    """Seasons with a match in the context, the fixture's own season counted: all of them,
    or only the unbroken run of consecutive seasons that ends with it."""
    df = side_matches(**ctx)
    seasons = sorted(set(df["season"]) | {season_now})
    if not last_run:
        return len(seasons)
    starts = [int(s[:4]) for s in seasons]
    n = 1
    for a, b in zip(reversed(starts[:-1]), reversed(starts[1:]), strict=True):
        if b - a != 1:
            break
        n += 1
    return n


def seasons_reaching(round_code: str, **ctx: object) -> int:
    """Seasons in which a team played a match of the round (SF: a semi-final, F: a final)."""
    df = side_matches(**ctx)
    hit = df[(df["round"] == round_code) | ((round_code == "F") & (df["stage"] == "final"))]
    return int(hit["season"].nunique())


def nth_reaching(round_code: str, **ctx: object) -> int:
    """Which time of reaching the round the fixture's is: seasons before, plus one."""
    return seasons_reaching(round_code, **ctx) + 1


def last_season_reaching(round_code: str, **ctx: object) -> str | None:
    df = side_matches(**ctx)
    hit = df[df["round"] == round_code]
    return str(hit["season"].iloc[-1]) if len(hit) else None


def player_goals(player: str, before: str, comps: tuple[str, ...] | str = EUROPEAN,
                 season: str | None = None, since: str | None = None,
                 qualifying: bool = False, team: str | None = None,
                 stage: str | None = None) -> int:
    """A player's goals (own goals apart) in matches before a date."""
    if isinstance(comps, str):
        comps = (comps,)
    g = D["goal"]
    g = g[(g["player_id"] == player_id(player)) & (g["kind"] != "own_goal")]
    if team:
        g = g[g["team_id"] == team_id(team)]
    m = D["match"].set_index("id")
    m = m.loc[m.index.intersection(g["match_id"])]
    m = m[m["competition_id"].isin(comps) & (m["date"].map(_day) < dt.date.fromisoformat(before))]
    if not qualifying:
        m = m[m["stage"] != "qualifying"]
    if season:
        m = m[m["season"] == season]
    if stage == "final":
        m = m[m["stage"] == "final"]
    if since:
        m = m[m["date"].map(_day) >= dt.date.fromisoformat(since)]
    return int(g["match_id"].isin(m.index).sum())


FUNCS = {f.__name__: f for f in (record, k_of_n, count, goals, run, best_run, first_since,
                                 nth_meeting, tie_k_of_n, tie_count, tie_run, seasons_in,
                                 seasons_reaching, nth_reaching, last_season_reaching,
                                 player_goals)}


# ---- the previews and their claims ----

R0918 = "http://in.reuters.com/article/soccer-champions-wednesday-idINL5E8KH95220120918"
R1001 = "http://uk.reuters.com/article/soccer-champions-tuesday-idUKL6E8KU11620121001"
R1022 = "http://uk.reuters.com/article/soccer-champions-tuesday-idUKL5E8LL28D20121022"
R2014 = "http://uk.reuters.com/article/soccer-europa-facts-idUKL3N0NY3R320140512"
U2014 = (
    "https://uefa.com/uefaeuropaleague/news/"
    "025a-0ea874fee587-1a17ec0ee62e-1000--no-quarter-offered-as-last-eight-line-up"
)
U2012 = (
    "https://uefa.com/uefaeuropaleague/news/"
    "01fb-0e8190f6a5aa-755db419b532-1000--star-turns-offer-no-uefa-europa-league-quarter"
)
U2005 = "http://www.uefa.com/news/newsid=293744.html"
U2022A = (
    "https://www.uefa.com/uefaeuropaleague/news/"
    "0271-143cef0b48d2-f75934a4c7bc-1000--dortmund-vs-rangers-facts/"
)
U2022B = "https://www.uefa.com/news/0272-147a31caf232-80192be14135-1000--rangers-vs-dortmund-facts/"
U2022C = (
    "https://www.uefa.com/uefaeuropaleague/news/"
    "0273-14a48b59dbbd-071c33c189ce-1000--crvena-zvezda-vs-rangers-facts/"
)
F2016 = (
    "https://www.fourfourtwo.com/news/"
    "champions-league-matchday-one-psgs-strong-home-record-agueros-drought"
)
Y2017 = "https://uk.sports.yahoo.com/news/champions-league-matchday-one-juventus-151226390.html"
O2010 = "https://stasamtireko-tips.blogspot.com/2010/12/europa-league-opta-facts-15-16-december.html"
F2025 = (
    "https://fourfourtwo.com/features/key-stats-as-three-english-clubs-in-europa-league-and-"
    "conference-league-quarter-final-action-on-thursday"
)
U2023A = (
    "https://uefa.com/uefaeuropaconferenceleague/news/"
    "0281-18229e922c32-92fc7e8bba20-1000--fiorentina-vs-west-ham-final-facts"
)
U2023B = (
    "https://www.uefa.com/uefaeuropaconferenceleague/news/"
    "0281-181294ad033b-8e381d3c8062-1000--what-to-look-out-for-in-the-final-in-prague/"
)
S2023 = (
    "https://www.sportingnews.com/us/soccer/news/"
    "west-ham-vs-fiorentina-history-head-to-head-record/egz34yzslov1be2moclesbhq"
)
G2023 = (
    "https://www.goal.com/en-cm/news/sevilla-vs-roma-lineups-and-live-updates/"
    "blt081e9beaa65d8f88"
)
SR2017 = (
    "http://www.sport.ro/europa-league/finala-europa-league-manchester-united-ajax-24-mai-protv.html"
)
B2019 = "https://www.bbc.co.uk/sport/football/50672304"
SL2019 = "https://sportinglife.com/amp/football/news/champions-league-team-profiles/170781"
LM2020 = (
    "https://www.livemint.com/mint-lounge/features/"
    "europa-league-final-preview-inter-milan-s-firepower-faces-sevilla-s-experience-"
    "11597931630552.html"
)
U2025 = (
    "https://www.uefa.com/uefachampionsleague/news/"
    "029d-1ecc955c126b-d9378eec4eb9-1000--champions-league-matchday-2-key-stats-and-what-to-look-o/"
)


def fx(home: str, away: str, date: str, comp: str) -> dict:
    return {"home": home, "away": away, "date": date, "competition": comp}


# key: (publisher, id slug of publisher and fixture, address, fixture)
PREVIEWS = {
    "r1": ("Reuters", "reuters-chelsea-juventus", R0918,
           fx("Chelsea", "Juventus", "2012-09-19", "UCL")),
    "r2": ("Reuters", "reuters-shakhtar-nordsjaelland", R0918,
           fx("Shakhtar Donetsk", "Nordsjaelland", "2012-09-19", "UCL")),
    "r3": ("Reuters", "reuters-bayern-valencia", R0918,
           fx("Bayern München", "Valencia", "2012-09-19", "UCL")),
    "r4": ("Reuters", "reuters-nordsjaelland-chelsea", R1001,
           fx("Nordsjaelland", "Chelsea", "2012-10-02", "UCL")),
    "r5": ("Reuters", "reuters-juventus-shakhtar", R1001,
           fx("Juventus", "Shakhtar Donetsk", "2012-10-02", "UCL")),
    "r6": ("Reuters", "reuters-shakhtar-chelsea", R1022,
           fx("Shakhtar Donetsk", "Chelsea", "2012-10-23", "UCL")),
    "r7": ("Reuters", "reuters-nordsjaelland-juventus", R1022,
           fx("Nordsjaelland", "Juventus", "2012-10-23", "UCL")),
    "r8": ("Reuters", "reuters-sevilla-benfica-final", R2014,
           fx("Sevilla", "Benfica", "2014-05-14", "UEL")),
    "u1": ("UEFA.com", "uefa-az-benfica", U2014, fx("AZ Alkmaar", "Benfica", "2014-04-03", "UEL")),
    "u2": ("UEFA.com", "uefa-lyon-juventus", U2014,
           fx("Olympique Lyonnais", "Juventus", "2014-04-03", "UEL")),
    "u3": ("UEFA.com", "uefa-az-valencia", U2012,
           fx("AZ Alkmaar", "Valencia", "2012-03-29", "UEL")),
    "u4": ("UEFA.com", "uefa-schalke-athletic", U2012,
           fx("Schalke 04", "Athletic Club", "2012-03-29", "UEL")),
    "u5": ("UEFA.com", "uefa-sporting-metalist", U2012,
           fx("Sporting Clube de Portugal", "Metalist Kharkiv", "2012-03-29", "UEL")),
    "u6": ("UEFA.com", "uefa-villarreal-az", U2005,
           fx("Villarreal", "AZ Alkmaar", "2005-04-07", "UEL")),
    "u7": ("UEFA.com", "uefa-newcastle-sporting", U2005,
           fx("Newcastle United", "Sporting Clube de Portugal", "2005-04-07", "UEL")),
    "u15": ("UEFA.com", "uefa-cska-auxerre", U2005,
            fx("CSKA Moskva", "AJ Auxerre", "2005-04-07", "UEL")),
    "u8": ("UEFA.com", "uefa-dortmund-rangers", U2022A,
           fx("Borussia Dortmund", "Rangers", "2022-02-17", "UEL")),
    "u9": ("UEFA.com", "uefa-rangers-dortmund", U2022B,
           fx("Rangers", "Borussia Dortmund", "2022-02-24", "UEL")),
    "u10": ("UEFA.com", "uefa-crvenazvezda-rangers", U2022C,
            fx("Crvena Zvezda", "Rangers", "2022-03-17", "UEL")),
    "f1": ("FourFourTwo", "fourfourtwo-psg-arsenal", F2016,
           fx("Paris Saint Germain", "Arsenal", "2016-09-13", "UCL")),
    "f2": ("FourFourTwo", "fourfourtwo-basel-ludogorets", F2016,
           fx("Basel", "PFC Ludogorets 1945", "2016-09-13", "UCL")),
    "y1": ("Yahoo Sport (Omnisport/Opta)", "yahoo-benfica-cska", Y2017,
           fx("Benfica", "CSKA Moskva", "2017-09-12", "UCL")),
    "o1": ("Opta (Europa League facts)", "opta-liverpool-utrecht", O2010,
           fx("Liverpool", "FC Utrecht", "2010-12-15", "UEL")),
    "o2": ("Opta (Europa League facts)", "opta-juventus-mancity", O2010,
           fx("Juventus", "Manchester City", "2010-12-16", "UEL")),
    "f3": ("FourFourTwo", "fourfourtwo-legia-chelsea", F2025,
           fx("Legia Warszawa", "Chelsea", "2025-04-10", "UECL")),
    "f4": ("FourFourTwo", "fourfourtwo-lyon-manutd", F2025,
           fx("Olympique Lyonnais", "Manchester United", "2025-04-10", "UEL")),
    "u11": ("UEFA.com", "uefa-fiorentina-westham-final", U2023A,
            fx("ACF Fiorentina", "West Ham United", "2023-06-07", "UECL")),
    "u12": ("UEFA.com", "uefa-fiorentina-westham-lookout", U2023B,
            fx("ACF Fiorentina", "West Ham United", "2023-06-07", "UECL")),
    "s1": ("Sporting News", "sportingnews-westham-fiorentina", S2023,
           fx("ACF Fiorentina", "West Ham United", "2023-06-07", "UECL")),
    "g1": ("Goal", "goal-sevilla-roma-final", G2023, fx("Sevilla", "Roma", "2023-05-31", "UEL")),
    "sr1": ("Sport.ro", "sportro-ajax-manutd-final", SR2017,
            fx("AFC Ajax", "Manchester United", "2017-05-24", "UEL")),
    "b1": ("BBC Sport", "bbc-rangers-youngboys", B2019,
           fx("Rangers", "BSC Young Boys", "2019-12-12", "UEL")),
    "sl1": ("Sporting Life", "sportinglife-napoli-liverpool", SL2019,
            fx("Napoli", "Liverpool", "2019-09-17", "UCL")),
    "lm1": ("Mint (Livemint)", "livemint-sevilla-inter-final", LM2020,
            fx("Sevilla", "FC Internazionale Milano", "2020-08-21", "UEL")),
    "u13": ("UEFA.com", "uefa-atalanta-brugge", U2025,
            fx("Atalanta BC", "Club Brugge", "2025-09-30", "UCL")),
    "u14": ("UEFA.com", "uefa-kairat-realmadrid", U2025,
            fx("FK Kairat", "Real Madrid", "2025-09-30", "UCL")),
}


def q(subject: dict, event: str, unit: str = "match", shape: str = "k_of_n",
      context: dict | None = None, window: object = "all") -> dict:
    return {"subject": subject, "event": event, "unit": unit, "shape": shape,
            "context": context or {}, "window": window}


def T(name: str) -> dict:
    return {"team": name}


EU = {"competition": "european"}
QUAL = ("with qualifying rounds counted", {"qualifying": True})
NO_FAIRS = ("with the Inter-Cities Fairs Cup left out (not a UEFA competition)", {"fairs": False})
CL_ERA = ("counting the Champions League era only (since 1992-93)", {"since": "1992-07-01"})

NC_APPS = "appearances and line-ups are not held"
NC_MGR = "managers are not held"
NC_CUPS = "all competitions: domestic cups would count and are not held"
NC_FOULS = "fouls, dribbles and other event data are not held"


def C(p: str, text: str, query: dict | None, stated: object, fn: str | None = None,
      kw: dict | None = None, rel: str = "equal", alts: tuple = (), note: str = "",
      nc: str = "") -> dict:
    return {"p": p, "text": text, "query": query, "stated": stated, "fn": fn, "kw": kw or {},
            "rel": rel, "alts": alts, "note": note, "nc": nc}


CHE, JUV, SHA, NOR = "Chelsea", "Juventus", "Shakhtar Donetsk", "Nordsjaelland"
CLAIMS = [
    # Reuters, 18 Sept 2012: Chelsea v Juventus
    C("r1", "Head-to-head: Played 2 - Chelsea won 1, one drawn.",
      q(T(CHE), "played", shape="record", context={**EU, "opponent": JUV}),
      {"played": 2, "won": 1, "drawn": 1, "lost": 0}, "record",
      {"team": CHE, "opponent": JUV}),
    C("r1", "Earlier meetings (CL last 16): 25/02/09 Chelsea 1 Juventus 0, "
      "10/03/09 Juventus 2 Chelsea 2.",
      q(T(CHE), "played", shape="record",
        context={"competition": "UCL", "opponent": JUV, "season": "2008-09"}),
      {"played": 2, "won": 1, "drawn": 1, "lost": 0, "for": 3, "against": 2}, "record",
      {"team": CHE, "opponent": JUV, "comps": "UCL", "season": "2008-09"}),
    C("r1", "* The title holders Chelsea have taken all three points in each of their last "
      "six home Champions League games.",
      q(T(CHE), "win", shape="run", context={"competition": "UCL", "venue": "home"}),
      6, "run", {"event": "win", "team": CHE, "comps": "UCL", "venue": "home"}),
    C("r1", "They have also let in just three goals across their last eight CL games at "
      "Stamford Bridge.",
      q(T(CHE), "conceded", unit="goal", shape="count",
        context={"competition": "UCL", "venue": {"ground": "Stamford Bridge"}}, window={"last": 8}),
      3, "goals", {"side": "against", "last": 8, "team": CHE, "comps": "UCL",
                   "venue": "home"}),
    C("r1", "* Chelsea are in the Champions League for a 10th season running.",
      q(T(CHE), "played", unit="season", shape="run", context={"competition": "UCL"}),
      10, "seasons_in",
      {"season_now": "2012-13", "last_run": True, "team": CHE, "comps": "UCL",
       "qualifying": True},
      note="consecutive UCL seasons 2003-04 to 2012-13, the fixture's own counted"),
    C("r1", "Over that decade they have always made the knockout rounds and got to the "
      "semi-finals on six occasions.",
      q(T(CHE), "reached", unit="season", shape="count",
        context={"competition": "UCL", "stage": "semi_final"}, window={"since": "2003-07-01"}),
      6, "seasons_reaching", {"round_code": "SF", "team": CHE, "comps": "UCL",
                              "since": "2003-07-01"}),
    C("r1", "* England is no happy hunting ground for Juventus: beaten on eight of their last "
      "10 trips there, and not a single win.",
      q(T(JUV), "loss", context={**EU, "venue": "away", "opponent_country": "ENG"},
        window={"last": 10}),
      [8, 10], "k_of_n", {"event": "loss", "last": 10, "team": JUV, "venue": "away",
                          "opponent_country": "ENG"}),
    C("r1", "* In the Europa League two seasons ago, their last European campaign, Juventus "
      "drew all six of their group matches.",
      q(T(JUV), "draw", context={"competition": "UEL", "stage": "group",
                                 "season": "2010-11"}),
      [6, 6], "k_of_n", {"event": "draw", "team": JUV, "comps": "UEL", "stage": "group",
                         "season": "2010-11"}, rel="each_of"),
    C("r1", "A draw here would take them level with the European record of seven straight "
      "draws that Rangers set six years ago.",
      q(T("Rangers"), "draw", shape="best_run", context=EU),
      7, "best_run", {"event": "draw", "team": "Rangers"}, alts=(QUAL,),
      note="the 2006-07 UEFA Cup first round 0-0 at Molde is stored as qualifying (Q3)"),
    # Reuters, 18 Sept 2012: Shakhtar v Nordsjaelland
    C("r2", "* Shakhtar have now gone four home games in the Champions League without a win",
      q(T(SHA), "winless", context={"competition": "UCL", "venue": "home"},
        window={"last": 4}),
      [4, 4], "k_of_n", {"event": "winless", "last": 4, "team": SHA, "comps": "UCL",
                         "venue": "home"}, rel="each_of"),
    C("r2", "Shakhtar have gone four CL home games without winning, and two of those ended "
      "in defeat.",
      q(T(SHA), "loss", context={"competition": "UCL", "venue": "home"}, window={"last": 4}),
      [2, 4], "k_of_n", {"event": "loss", "last": 4, "team": SHA, "comps": "UCL",
                         "venue": "home"}),
    C("r2", "Across their last eight Champions League matches they have won only once.",
      q(T(SHA), "win", context={"competition": "UCL"}, window={"last": 8}),
      [1, 8], "k_of_n", {"event": "win", "last": 8, "team": SHA, "comps": "UCL"}),
    C("r2", "* Their only games against Danish opposition: 4-2 at home and 5-1 away against "
      "B1901 Nykobing in the 1983-84 Cup Winners Cup.",
      q(T(SHA), "played", shape="record", context={**EU, "opponent_country": "DEN"}),
      {"played": 2, "won": 2, "drawn": 0, "lost": 0, "for": 9, "against": 3}, "record",
      {"team": SHA, "opponent_country": "DEN"}),
    C("r2", "* Danish champions Nordsjaelland are in only their fifth European campaign.",
      q(T(NOR), "played", unit="season", shape="nth", context={**EU, "qualifying": True}),
      5, "seasons_in", {"season_now": "2012-13", "team": NOR, "qualifying": True},
      note="seasons with a European match, qualifying included: 2003-04, 2008-09, 2010-11, "
           "2011-12, 2012-13"),
    C("r2", "* They have come home beaten from each of their last three European away games.",
      q(T(NOR), "loss", shape="run", context={**EU, "venue": "away"}),
      3, "run", {"event": "loss", "team": NOR, "venue": "away"}, alts=(QUAL,)),
    # Reuters, 18 Sept 2012: Bayern v Valencia
    C("r3", "BAYERN MUNICH v VALENCIA. Head-to-head: Played 7 - Bayern 2 wins, Valencia 1, "
      "4 drawn.",
      q(T("Bayern München"), "played", shape="record", context={**EU, "opponent": "Valencia"}),
      {"played": 7, "won": 2, "drawn": 4, "lost": 1}, "record",
      {"team": "Bayern München", "opponent": "Valencia"},
      note="the 2001 final (1-1, Bayern on penalties) is a draw"),
    C("r3", "Cup Winners' Cup quarter-final: 14/02/68 Valencia 1 Bayern 1, 13/03/68 Bayern 1 "
      "Valencia 0.",
      q(T("Bayern München"), "played", shape="record",
        context={"competition": "UCWC", "opponent": "Valencia", "season": "1967-68"}),
      {"played": 2, "won": 1, "drawn": 1, "lost": 0, "for": 2, "against": 1}, "record",
      {"team": "Bayern München", "opponent": "Valencia", "comps": "UCWC",
       "season": "1967-68"}),
    C("r3", "UEFA Cup first round: 10/09/96 Valencia 3 Bayern 0, 24/09/96 Bayern 1 Valencia 0.",
      q(T("Bayern München"), "played", shape="record",
        context={"competition": "UEL", "opponent": "Valencia", "season": "1996-97"}),
      {"played": 2, "won": 1, "drawn": 0, "lost": 1, "for": 1, "against": 3}, "record",
      {"team": "Bayern München", "opponent": "Valencia", "comps": "UEL",
       "season": "1996-97"},
      note="the store labels this September 1996 tie round R3"),
    # Reuters, 1 Oct 2012: Nordsjaelland v Chelsea
    C("r4", "* Still looking for a first CL point, Nordsjaelland are winless in seven European "
      "games, six of them lost.",
      q(T(NOR), "loss", context=EU, window={"last": 7}),
      [6, 7], "k_of_n", {"event": "loss", "last": 7, "team": NOR}, alts=(QUAL,)),
    C("r4", "* Of the 14 players Nordsjaelland used against Shakhtar, none had played in the "
      "Champions League before.", None, 14, nc=NC_APPS),
    C("r4", "* Chelsea, the holders, have not lost in seven Champions League games",
      q(T(CHE), "unbeaten", shape="run", context={"competition": "UCL"}),
      7, "run", {"event": "unbeaten", "team": CHE, "comps": "UCL"}),
    C("r4", "Chelsea have not lost in seven CL games but have won only one of their last seven "
      "away from home in the competition.",
      q(T(CHE), "win", context={"competition": "UCL", "venue": "away"}, window={"last": 7}),
      [1, 7], "k_of_n", {"event": "win", "last": 7, "team": CHE, "comps": "UCL",
                         "venue": "away"}),
    C("r4", "* No Danish team has ever beaten Chelsea",
      q(T(CHE), "loss", shape="count", context={**EU, "opponent_country": "DEN"}),
      0, "count", {"event": "loss", "team": CHE, "opponent_country": "DEN"}, rel="never"),
    C("r4", "and on all three of their visits to Denmark Chelsea have won, most recently 2-0 "
      "against FC Copenhagen in the Champions League two seasons ago.",
      q(T(CHE), "win", context={**EU, "venue": "away", "opponent_country": "DEN"}),
      [3, 3], "k_of_n", {"event": "win", "team": CHE, "venue": "away",
                         "opponent_country": "DEN"}, rel="each_of"),
    # Reuters, 1 Oct 2012: Juventus v Shakhtar
    C("r5", "JUVENTUS v SHAKHTAR DONETSK. Head-to-head: Played 2 - Juventus 1 win, Shakhtar 1.",
      q(T(JUV), "played", shape="record", context={**EU, "opponent": SHA}),
      {"played": 2, "won": 1, "drawn": 0, "lost": 1}, "record",
      {"team": JUV, "opponent": SHA}),
    C("r5", "Previous meetings, UEFA Cup third round: 24/11/76 Juventus 3 Shakhtar 0; "
      "8/12/76 Shakhtar 1 Juventus 0.",
      q(T(JUV), "played", shape="record",
        context={"competition": "UEL", "opponent": SHA, "season": "1976-77"}),
      {"played": 2, "won": 1, "drawn": 0, "lost": 1, "for": 3, "against": 1}, "record",
      {"team": JUV, "opponent": SHA, "comps": "UEL", "season": "1976-77"}),
    C("r5", "* The 2-2 at Stamford Bridge made it seven European draws in succession for "
      "Juventus, level with the record Rangers hold",
      q(T(JUV), "draw", shape="run", context=EU),
      7, "run", {"event": "draw", "team": JUV}),
    C("r5", "* Juve have now gone 11 European matches without defeat",
      q(T(JUV), "unbeaten", shape="run", context=EU),
      11, "run", {"event": "unbeaten", "team": JUV}, alts=(QUAL,)),
    C("r5", "and they beat Ukrainian sides in each of their last three meetings, among them a "
      "5-0 rout of Dynamo Kiev in Turin in the 2002-03 group stage.",
      q(T(JUV), "win", shape="run", context={**EU, "opponent_country": "UKR"}),
      3, "run", {"event": "win", "team": JUV, "opponent_country": "UKR"}),
    C("r5", "* Shakhtar's most recent CL away game in Italy ended in a 3-2 win over Roma in the "
      "knockout round two seasons ago; their other four trips there brought heavy defeats, "
      "17 goals conceded and two scored.",
      q(T(SHA), "played", shape="record",
        context={"competition": "UCL", "venue": "away", "opponent_country": "ITA"}),
      {"played": 5, "won": 1, "drawn": 0, "lost": 4, "for": 5, "against": 19}, "record",
      {"team": SHA, "comps": "UCL", "venue": "away", "opponent_country": "ITA"},
      note="the 3-2 at Roma plus four defeats, 2-17 on aggregate"),
    C("r5", "* Shakhtar started the opener against Nordsjaelland with six Brazilians.",
      None, 6, nc=NC_APPS),
    # Reuters, 22 Oct 2012: Shakhtar v Chelsea
    C("r6", "* At home in the Champions League Shakhtar have won just one of their last five",
      q(T(SHA), "win", context={"competition": "UCL", "venue": "home"}, window={"last": 5}),
      [1, 5], "k_of_n", {"event": "win", "last": 5, "team": SHA, "comps": "UCL",
                         "venue": "home"}),
    C("r6", "but in Donetsk they take some beating: two defeats in their last 20 European home "
      "games",
      q(T(SHA), "loss", context={**EU, "venue": "home"}, window={"last": 20}),
      [2, 20], "k_of_n", {"event": "loss", "last": 20, "team": SHA, "venue": "home"},
      alts=(QUAL,)),
    C("r6", "In Donetsk they take some beating: in their last 20 European home games they kept "
      "11 clean sheets.",
      q(T(SHA), "clean_sheet", context={**EU, "venue": "home"}, window={"last": 20}),
      [11, 20], "k_of_n", {"event": "clean_sheet", "last": 20, "team": SHA, "venue": "home"},
      alts=(QUAL,)),
    C("r6", "* Chelsea are the ninth English opponent Shakhtar will have played, all of them "
      "from London",
      q(T(SHA), "played", shape="nth", context={**EU, "opponent_country": "ENG"}),
      9, "nth_meeting", {"team": SHA, "opponent_country": "ENG"},
      note="the ninth match against an English side"),
    C("r6", "At home to English clubs Shakhtar are unbeaten: three wins and a 1-1 with Fulham "
      "in the Europa League three seasons back.",
      q(T(SHA), "played", shape="record",
        context={**EU, "venue": "home", "opponent_country": "ENG"}),
      {"played": 4, "won": 3, "drawn": 1, "lost": 0}, "record",
      {"team": SHA, "venue": "home", "opponent_country": "ENG"}),
    C("r6", "* Chelsea, the European champions, have let in 99 goals in 116 Champions League "
      "matches - the next will be their 100th - and have scored 185.",
      q(T(CHE), "played", shape="record", context={"competition": "UCL"}),
      {"played": 116, "for": 185, "against": 99}, "record",
      {"team": CHE, "comps": "UCL"}),
    C("r6", "* Chelsea have now gone eight CL matches without losing",
      q(T(CHE), "unbeaten", shape="run", context={"competition": "UCL"}),
      8, "run", {"event": "unbeaten", "team": CHE, "comps": "UCL"}),
    C("r6", "a run that started when Roberto Di Matteo took over as manager in last season's "
      "knockout round.", None, 8, nc=NC_MGR),
    # Reuters, 22 Oct 2012: Nordsjaelland v Juventus
    C("r7", "* Nordsjaelland have lost seven of their last eight European games and won none",
      q(T(NOR), "loss", context=EU, window={"last": 8}),
      [7, 8], "k_of_n", {"event": "loss", "last": 8, "team": NOR}, alts=(QUAL,)),
    C("r7", "* They have found the net just twice in their last eight European games",
      q(T(NOR), "scored", unit="goal", shape="count", context=EU, window={"last": 8}),
      2, "goals", {"side": "for", "last": 8, "team": NOR}, alts=(QUAL,)),
    C("r7", "the most recent from Andreas Laudrup, Michael's son, in a 2-1 defeat at Sporting "
      "in last season's Europa League.", None, 1,
      nc="scorers of Europa League qualifying-round matches (the 2011-12 play-off) are not "
         "held"),
    C("r7", "* Juventus's 1-1 with Shakhtar last time out was an eighth straight draw in "
      "Europe, a new European club record.",
      q(T(JUV), "draw", shape="run", context=EU),
      8, "run", {"event": "draw", "team": JUV}),
]

BEN, AZ, RAN = "Benfica", "AZ Alkmaar", "Rangers"
CLAIMS += [
    # Reuters, 12 May 2014: Europa League final, Benfica v Sevilla in Turin
    C("r8", "* Once they had won back-to-back European Cups in 1961 and 1962, Benfica went on to "
      "lose five European Cup finals (1963, 1965, 1968, 1988 and 1990).",
      q(T(BEN), "out", unit="tie", shape="k_of_n",
        context={"competition": "UCL", "stage": "final"}, window={"since": "1962-06-01"}),
      [5, 5], "tie_k_of_n", {"event": "out", "team": BEN, "comps": "UCL", "stage": "final",
                             "since": "1962-06-01"}, rel="each_of",
      note="the 1988 final was lost on penalties (0-0): a final lost, not a match lost"),
    C("r8", "* Sevilla, by contrast, have been in two European finals and won both, against "
      "Middlesbrough in the 2006 UEFA Cup and Espanyol the following year.",
      None, [2, 2],
      nc="the store holds no shoot-out for the 2007 UEFA Cup final (2-2 aet; tie "
         "undetermined), so the second final has no winner in the data"),
    C("r8", "* It is 14 European games since Benfica last beat a Spanish side, a win over Betis "
      "in 1982.",
      q(T(BEN), "winless", shape="run", context={**EU, "opponent_country": "ESP"}),
      14, "run", {"event": "winless", "team": BEN, "opponent_country": "ESP"}),
    C("r8", "Yet both of Benfica's European final triumphs came against Spanish clubs",
      q(T(BEN), "through", unit="tie", shape="count",
        context={**EU, "stage": "final", "opponent_country": "ESP"}),
      2, "tie_count", {"event": "through", "team": BEN, "stage": "final",
                       "opponent_country": "ESP"},
      note="count of finals won against Spanish sides (1961 Barcelona, 1962 Real Madrid)"),
    C("r8", "* In 1961 Benfica beat Barcelona 3-2 in the European Cup final in Berne, and a "
      "year later Real Madrid 5-3 in Amsterdam.",
      q(T(BEN), "played", shape="record",
        context={"competition": "UCL", "stage": "final", "opponent_country": "ESP"}),
      {"played": 2, "won": 2, "drawn": 0, "lost": 0, "for": 8, "against": 5}, "record",
      {"team": BEN, "comps": "UCL", "stage": "final", "opponent_country": "ESP"}),
    C("r8", "* Eusebio, who died this year, got two of the goals in the 1962 final",
      q({"player": "Eusébio", "team": BEN}, "goal", unit="goal", shape="count",
        context={"competition": "UCL", "stage": "final", "season": "1961-62"}),
      2, "player_goals", {"player": "Eusébio", "comps": "UCL", "season": "1961-62",
                          "stage": "final"}),
    C("r8", "while Mario Coluna, who also died this year, appeared in both finals", None, 2,
      nc=NC_APPS),
    C("r8", "* The one previous European meeting of the clubs was in the 1957-58 European Cup "
      "preliminary round, which Sevilla won 3-1 on aggregate.",
      q(T("Sevilla"), "through", unit="tie", shape="k_of_n",
        context={**EU, "qualifying": True, "opponent": BEN}),
      [1, 1], "tie_k_of_n", {"event": "through", "team": "Sevilla", "opponent": BEN,
                             "qualifying": True},
      note="the preliminary round is stored as qualifying; the claim names it, so it counts"),
    C("r8", "* Atletico Madrid won the Europa League in 2010 and again in 2012",
      q(T("Atlético Madrid"), "through", unit="tie", shape="k_of_n",
        context={"competition": "UEL", "stage": "final"}, window={"since": "2009-07-01"}),
      [2, 2], "tie_k_of_n", {"event": "through", "team": "Atlético Madrid", "comps": "UEL",
                             "stage": "final", "since": "2009-07-01"}, rel="each_of",
      note="the 2010 final (2-1 aet) has no winner in the tie table; counted from the score"),
    # UEFA.com, 26 March 2014: AZ v Benfica, Lyon v Juventus
    C("u1", "• AZ, the only quarter-finalists to have come through the group stage, are "
      "unbeaten in their ten Europa League matches this season (W5 D5",
      q(T(AZ), "played", shape="record", context={"competition": "UEL", "season": "2013-14"}),
      {"played": 10, "won": 5, "drawn": 5, "lost": 0}, "record",
      {"team": AZ, "comps": "UEL", "season": "2013-14"}),
    C("u1", "AZ are unbeaten in ten UEL games this term: at home W3 D2 L0",
      q(T(AZ), "played", shape="record",
        context={"competition": "UEL", "venue": "home", "season": "2013-14"}),
      {"played": 5, "won": 3, "drawn": 2, "lost": 0}, "record",
      {"team": AZ, "comps": "UEL", "season": "2013-14", "venue": "home"}),
    C("u1", "AZ have played Portuguese sides five times, winning three, drawing one and losing "
      "one",
      q(T(AZ), "played", shape="record", context={**EU, "opponent_country": "POR"}),
      {"played": 5, "won": 3, "drawn": 1, "lost": 1}, "record",
      {"team": AZ, "opponent_country": "POR"}, alts=(QUAL,),
      note="the 2007-08 UEFA Cup first round v Paços de Ferreira is stored as qualifying Q3"),
    C("u1", "• Benfica are without a win in their last seven matches in the Netherlands - two "
      "defeats, then five draws",
      q(T(BEN), "winless", shape="run",
        context={**EU, "venue": "away", "opponent_country": "NED"}),
      7, "run", {"event": "winless", "team": BEN, "venue": "away", "opponent_country": "NED"},
      note="the store files the 1969 Ajax play-off (Paris) as an away game; the 2011 Twente "
           "qualifier is left out"),
    C("u1", "Benfica's last win on Dutch soil was 3-1 away to AFC Ajax on 2 February 1969.",
      q(T(BEN), "win", shape="first_since",
        context={**EU, "venue": "away", "opponent_country": "NED"}),
      "1969-02-02", "first_since", {"event": "win", "team": BEN, "venue": "away",
                                    "opponent_country": "NED"},
      note="the 3-1 at Ajax was on 12 February 1969"),
    C("u1", "However, the Eagles have won on each of their last five home dates with Dutch "
      "opposition",
      q(T(BEN), "win", shape="run", context={**EU, "venue": "home", "opponent_country": "NED"}),
      5, "run", {"event": "win", "team": BEN, "venue": "home", "opponent_country": "NED"},
      alts=(QUAL,)),
    C("u2", "• Lyon have not lost any of their five UEFA Europa League home games since the "
      "group stage (a draw followed by four wins in a row)",
      q(T("Olympique Lyonnais"), "unbeaten",
        context={"competition": "UEL", "venue": "home", "season": "2013-14"}),
      [5, 5], "k_of_n", {"event": "unbeaten", "team": "Olympique Lyonnais", "comps": "UEL",
                         "venue": "home", "season": "2013-14"}, rel="each_of"),
    C("u2", "Lyon's four UEL home games since the opening draw have all been won",
      q(T("Olympique Lyonnais"), "win", shape="run",
        context={"competition": "UEL", "venue": "home"}),
      4, "run", {"event": "win", "team": "Olympique Lyonnais", "comps": "UEL",
                 "venue": "home"}),
    C("u2", "but the four goals they scored in beating Viktoria Plzeň 4-1 in the first leg of "
      "the last 16 matched their total from the four European home games before it.",
      q(T("Olympique Lyonnais"), "scored", unit="goal", shape="count",
        context={**EU, "venue": "home"}, window={"last": 4}),
      4, "goals", {"side": "for", "last": 4, "team": "Olympique Lyonnais", "venue": "home",
                   "before": "2014-03-13"},
      note="the four European home games before 13 March 2014"),
    C("u2", "Lyon have been fouled more often than any other side since the group stage began.",
      None, 1, nc=NC_FOULS),
    C("u2", "• Juventus, who host this season's final, are through to their 27th UEFA "
      "quarter-final",
      q(T(JUV), "reached", unit="season", shape="nth",
        context={**EU, "stage": "quarter_final"}),
      27, "nth_reaching", {"round_code": "QF", "team": JUV}, alts=(NO_FAIRS,)),
    # UEFA.com, 22 March 2012: AZ v Valencia, Schalke v Athletic, Sporting v Metalist
    C("u3", "...and all eight quarter-finalists are facing their opponents for the first time.",
      q(T(AZ), "played", shape="count", context={**EU, "qualifying": True,
                                                  "opponent": "Valencia"}),
      0, "count", {"event": "played", "team": AZ, "opponent": "Valencia", "qualifying": True},
      rel="never"),
    C("u3", "AZ have not been beaten in eight European games at home - six won, two drawn",
      q(T(AZ), "played", shape="record", context={**EU, "venue": "home"}, window={"last": 8}),
      {"played": 8, "won": 6, "drawn": 2, "lost": 0}, "record",
      {"last": 8, "team": AZ, "venue": "home"}, alts=(QUAL,)),
    C("u3", "and they need to win, having won just once in their last 17 European away matches.",
      q(T(AZ), "win", context={**EU, "venue": "away"}, window={"last": 17}),
      [1, 17], "k_of_n", {"event": "win", "last": 17, "team": AZ, "venue": "away"},
      alts=(QUAL,)),
    C("u3", "Valencia have never lost to a Dutch side, their ten games reading W4 D6 L0",
      q(T("Valencia"), "played", shape="record", context={**EU, "opponent_country": "NED"}),
      {"played": 10, "won": 4, "drawn": 6, "lost": 0}, "record",
      {"team": "Valencia", "opponent_country": "NED"}),
    C("u3", "Valencia are unbeaten in nine UEFA Europa League games",
      q(T("Valencia"), "unbeaten", shape="run", context={"competition": "UEL"}),
      9, "run", {"event": "unbeaten", "team": "Valencia", "comps": "UEL"}),
    C("u3", "but on the road in Europe this season they have won only one of five.",
      q(T("Valencia"), "win", context={**EU, "venue": "away", "season": "2011-12"}),
      [1, 5], "k_of_n", {"event": "win", "team": "Valencia", "venue": "away",
                         "season": "2011-12"}),
    C("u4", "Schalke have met Spanish opposition in a quarter-final of this competition once "
      "before, knocking out Valencia 3-1 on aggregate on their way to the 1996/97 UEFA Cup.",
      q(T("Schalke 04"), "through", unit="tie", shape="k_of_n",
        context={"competition": "UEL", "opponent": "Valencia", "season": "1996-97"}),
      [1, 1], "tie_k_of_n", {"event": "through", "team": "Schalke 04", "comps": "UEL",
                             "opponent": "Valencia", "season": "1996-97"}),
    C("u4", "Huub Stevens's team also have the competition's top scorer, Klaas-Jan Huntelaar, "
      "on nine goals",
      q({"player": "Klaas Jan Huntelaar", "team": "Schalke 04"}, "goal", unit="goal",
        shape="count", context={"competition": "this", "season": "2011-12"}),
      9, "player_goals", {"player": "Klaas Jan Huntelaar", "comps": "UEL",
                          "season": "2011-12"}),
    C("u4", "The Bilbao club are in the quarter-finals for the first time since 1976/77",
      q(T("Athletic Club"), "reached", unit="season", shape="count",
        context={**EU, "stage": "quarter_final"}, window={"since": "1977-07-01"}),
      0, "seasons_reaching", {"round_code": "QF", "team": "Athletic Club",
                              "since": "1977-07-01"}, rel="never"),
    C("u4", "the season they went on to lose the two-legged final to Juventus on away goals.",
      q(T("Athletic Club"), "out", unit="tie", shape="k_of_n",
        context={"competition": "UEL", "stage": "final", "season": "1976-77"}),
      [1, 1], "tie_k_of_n", {"event": "out", "team": "Athletic Club", "comps": "UEL",
                             "stage": "final", "season": "1976-77"}),
    C("u5", "Sporting have beaten Ukrainian opposition in all four previous meetings",
      q(T("Sporting Clube de Portugal"), "win",
        context={**EU, "opponent_country": "UKR"}),
      [4, 4], "k_of_n", {"event": "win", "team": "Sporting Clube de Portugal",
                         "opponent_country": "UKR"}, rel="each_of"),
    C("u5", "and they have won nine of their last ten European games at home",
      q(T("Sporting Clube de Portugal"), "win", context={**EU, "venue": "home"},
        window={"last": 10}),
      [9, 10], "k_of_n", {"event": "win", "last": 10, "team": "Sporting Clube de Portugal",
                          "venue": "home"}, alts=(QUAL,)),
    # UEFA.com, April 2005: UEFA Cup quarter-finals
    C("u6", "...the first leg at El Madrigal, where Villarreal have seen off all eight European "
      "visitors this season.",
      q(T("Villarreal"), "win", context={**EU, "venue": "home", "season": "2004-05"}),
      [8, 8], "k_of_n", {"event": "win", "team": "Villarreal", "venue": "home",
                         "season": "2004-05"}, rel="each_of",
      note="Intertoto (4) and UEFA Cup group/knockout (4) home games; the first round, stored "
           "as qualifying, is left out"),
    C("u7", "Newcastle, without a trophy since the 1969 Inter-Cities Fairs Cup", None,
      "1969-06-11", nc=NC_CUPS),
    C("u7", "...went out in the semi-finals to Olympique de Marseille last season",
      q(T("Newcastle United"), "out", unit="tie", shape="k_of_n",
        context={"competition": "UEL", "stage": "semi_final", "season": "2003-04"}),
      [1, 1], "tie_k_of_n", {"event": "out", "team": "Newcastle United", "comps": "UEL",
                             "stage": "semi_final", "season": "2003-04"}),
    C("u7", "Sporting hope to add to the Cup Winners' Cup they won in 1964",
      q(T("Sporting Clube de Portugal"), "through", unit="tie", shape="k_of_n",
        context={"competition": "UCWC", "stage": "final", "season": "1963-64"}),
      [1, 1], "tie_k_of_n", {"event": "through", "team": "Sporting Clube de Portugal",
                             "comps": "UCWC", "stage": "final", "season": "1963-64"}),
]

PSG, ARS, CSKA = "Paris Saint Germain", "Arsenal", "CSKA Moskva"
LIV, MCI, FIO, WHU = "Liverpool", "Manchester City", "ACF Fiorentina", "West Ham United"
CLAIMS += [
    C("u15", "CSKA have one win and two goalless draws since the 2005 Russian season kicked "
      "off last month", None, {"played": 3, "won": 1, "drawn": 2, "lost": 0},
      nc="the Russian league is not held"),
    C("u4", "Bielsa's Athletic brushed aside the mighty Manchester United in the round of 16.",
      q(T("Athletic Club"), "through", unit="tie", shape="k_of_n",
        context={"competition": "this", "stage": "round_of_16", "opponent": "Manchester United"},
        window={"last": 1}),
      [1, 1], "tie_k_of_n", {"event": "through", "last": 1, "team": "Athletic Club",
                             "comps": "UEL", "opponent": "Manchester United"}),
    # UEFA.com, Feb-Mar 2022: Dortmund v Rangers, Rangers v Dortmund, Crvena zvezda v Rangers
    C("u8", "• Rangers have the edge in past meetings: three wins in eight to Dortmund's one",
      q(T(RAN), "played", shape="record", context={**EU, "opponent": "Borussia Dortmund"}),
      {"played": 8, "won": 3, "drawn": 4, "lost": 1}, "record",
      {"team": RAN, "opponent": "Borussia Dortmund"},
      note="the store holds the 1999-00 second leg (2-0 to Dortmund, then penalties) as 3-1; "
           "still the one Rangers defeat"),
    C("u8", "• Seven Scottish visitors have come to Dortmund and none has won (W4 D3)",
      q(T("Borussia Dortmund"), "played", shape="record",
        context={**EU, "venue": "home", "opponent_country": "SCO"}),
      {"played": 7, "won": 4, "drawn": 3, "lost": 0}, "record",
      {"team": "Borussia Dortmund", "venue": "home", "opponent_country": "SCO"}),
    C("u8", "Their last win in Germany came at Bayer Leverkusen, 2-1 in the first leg of the "
      "1998/99 UEFA Cup second round.",
      q(T(RAN), "win", shape="first_since",
        context={**EU, "venue": "away", "opponent_country": "GER"}),
      "1998-10-22", "first_since", {"event": "win", "team": RAN, "venue": "away",
                                    "opponent_country": "GER"},
      note="the store labels that round R4"),
    C("u9", "• All three of Rangers' wins over Dortmund came in Glasgow, where they have never "
      "lost to them (D1), and they scored twice in each of those four home games",
      q(T(RAN), "played", shape="record",
        context={**EU, "venue": "home", "opponent": "Borussia Dortmund"}),
      {"played": 4, "won": 3, "drawn": 1, "lost": 0, "for": 8}, "record",
      {"team": RAN, "venue": "home", "opponent": "Borussia Dortmund"}),
    C("u9", "• Rangers' 4-2 in Dortmund was just their fourth win in 24 trips to Germany",
      q(T(RAN), "win", context={**EU, "venue": "away", "opponent_country": "GER"}),
      [4, 24], "k_of_n", {"event": "win", "team": RAN, "venue": "away",
                          "opponent_country": "GER"}, alts=(NO_FAIRS,),
      note="the store files East German clubs (Vorwärts Berlin, Dynamo Dresden) under GER"),
    C("u9", "• In 48 meetings with German opposition Rangers have won 17, drawn 14 and lost 17.",
      q(T(RAN), "played", shape="record", context={**EU, "opponent_country": "GER"}),
      {"played": 48, "won": 17, "drawn": 14, "lost": 17}, "record",
      {"team": RAN, "opponent_country": "GER"}, alts=(NO_FAIRS, QUAL),
      note="the store files East German clubs (Vorwärts Berlin, Dynamo Dresden) under GER"),
    C("u10", "• The clubs have been drawn together three times before, Rangers winning two of "
      "those ties and Zvezda one",
      q(T(RAN), "through", unit="tie", shape="k_of_n",
        context={**EU, "qualifying": True, "opponent": "Crvena Zvezda"}),
      [2, 3], "tie_k_of_n", {"event": "through", "team": RAN, "opponent": "Crvena Zvezda",
                             "qualifying": True},
      note="1964-65 preliminary round and 2007-08 third qualifying round are named in the "
           "preview, so qualifying counts"),
    C("u10", "though the Scots have never won in Belgrade (D1 L2).",
      q(T(RAN), "played", shape="record",
        context={**EU, "qualifying": True, "venue": "away", "opponent": "Crvena Zvezda"}),
      {"played": 3, "won": 0, "drawn": 1, "lost": 2}, "record",
      {"team": RAN, "venue": "away", "opponent": "Crvena Zvezda", "qualifying": True}),
    C("u10", "• Their first tie, in the 1964/65 European Cup preliminary round, went to a "
      "play-off: 3-1 to Rangers in Glasgow, 4-2 to Zvezda in Belgrade, then 3-1 to Rangers at "
      "Highbury.",
      q(T(RAN), "played", shape="record",
        context={**EU, "qualifying": True, "opponent": "Crvena Zvezda", "season": "1964-65"}),
      {"played": 3, "won": 2, "drawn": 0, "lost": 1, "for": 8, "against": 6}, "record",
      {"team": RAN, "opponent": "Crvena Zvezda", "qualifying": True, "season": "1964-65"},
      note="the Highbury play-off is stored as a Rangers home game"),
    C("u10", "Morelos's goal was his 33rd in European competition.", None, 33,
      nc="scorers of Europa League qualifying rounds are not held (most of his goals)"),
    # FourFourTwo (Opta), 12 Sept 2016: PSG v Arsenal, Basel v Ludogorets
    C("f1", "- PSG and Arsenal have met only once, in the 1993-94 Cup Winners Cup semi-finals: "
      "Arsenal won 2-1 on aggregate, drawing 1-1 at the Parc des Princes.",
      q(T(ARS), "played", shape="record", context={**EU, "opponent": PSG}),
      {"played": 2, "won": 1, "drawn": 1, "lost": 0, "for": 2, "against": 1}, "record",
      {"team": ARS, "opponent": PSG}),
    C("f1", "- In their last 39 European home games PSG have lost just once (W25 D13), to "
      "Barcelona in April 2015 (1-3).",
      q(T(PSG), "played", shape="record", context={**EU, "venue": "home"},
        window={"last": 39}),
      {"played": 39, "won": 25, "drawn": 13, "lost": 1}, "record",
      {"last": 39, "team": PSG, "venue": "home"}, alts=(QUAL,)),
    C("f1", "- Arsenal are unbeaten in 12 European away games against French clubs (W8 D4)",
      q(T(ARS), "played", shape="record",
        context={**EU, "venue": "away", "opponent_country": "FRA"}),
      {"played": 12, "won": 8, "drawn": 4, "lost": 0}, "record",
      {"team": ARS, "venue": "away", "opponent_country": "FRA"}),
    C("f1", "Arsenal have won their last seven European away games against French opposition.",
      q(T(ARS), "win", shape="run", context={**EU, "venue": "away", "opponent_country": "FRA"}),
      7, "run", {"event": "win", "team": ARS, "venue": "away", "opponent_country": "FRA"}),
    C("f1", "- Only once in seven attempts has an English side won a European game at the Parc "
      "des Princes against PSG - Jose Mourinho's Chelsea, 3-0 in September 2004.",
      q(T(PSG), "loss", context={**EU, "venue": "home", "opponent_country": "ENG"}),
      [1, 7], "k_of_n", {"event": "loss", "team": PSG, "venue": "home",
                         "opponent_country": "ENG"},
      note="eight games, the 1982-83 Cup Winners' Cup 2-0 against Swansea City included"),
    C("f1", "- This is a 19th straight Champions League season for Arsenal; only Real Madrid "
      "(20) have a longer run going.",
      q(T(ARS), "played", unit="season", shape="run", context={"competition": "UCL"}),
      19, "seasons_in", {"season_now": "2016-17", "last_run": True, "team": ARS,
                         "comps": "UCL", "qualifying": True}),
    C("f1", "Arsenal's run of 19 Champions League seasons is bettered only by Real Madrid's 20.",
      q(T("Real Madrid"), "played", unit="season", shape="run", context={"competition": "UCL"}),
      20, "seasons_in", {"season_now": "2016-17", "last_run": True, "team": "Real Madrid",
                         "comps": "UCL", "qualifying": True}),
    C("f2", "- Basel's Champions League best is the last 16 (2011-12, 2014-15).",
      q(T("Basel"), "reached", unit="season", shape="count",
        context={"competition": "UCL", "stage": "round_of_16"}),
      2, "seasons_reaching", {"round_code": "R16", "team": "Basel", "comps": "UCL"}),
    C("f2", "- Since 2011-12 no African player has more Champions League goals than Basel's "
      "Seydou Doumbia, with 13, all of them for CSKA Moscow.",
      q({"player": "Seydou Doumbia", "team": CSKA}, "goal", unit="goal", shape="count",
        context={"competition": "UCL"}, window={"since": "2011-07-01"}),
      13, "player_goals", {"player": "Seydou Doumbia", "comps": "UCL", "since": "2011-07-01",
                           "team": CSKA}),
    C("f2", "- Ludogorets needed three qualifying rounds to get here, knocking out Mladost "
      "Podgorica, Red Star Belgrade and Viktoria Plzen.",
      q(T("PFC Ludogorets 1945"), "through", unit="tie", shape="k_of_n",
        context={"competition": "UCL", "qualifying": True, "season": "2016-17"}),
      [3, 3], "tie_k_of_n", {"event": "through", "team": "PFC Ludogorets 1945",
                             "comps": "UCL", "season": "2016-17", "qualifying": True},
      rel="each_of"),
    # Yahoo Sport (Omnisport, Opta data), 11 Sept 2017: Benfica v CSKA Moscow
    C("y1", "- Benfica have not been beyond the Champions League quarter-finals since 1992-93.",
      q(T(BEN), "reached", unit="season", shape="count",
        context={"competition": "UCL", "stage": "semi_final"}, window={"since": "1992-07-01"}),
      0, "seasons_reaching", {"round_code": "SF", "team": BEN, "comps": "UCL",
                              "since": "1992-07-01"}, rel="never"),
    C("y1", "- The teams' only previous meeting: the 2004-05 UEFA Cup last 32, CSKA winning 2-0 "
      "at home and drawing 1-1 in Lisbon before going on to lift the trophy.",
      q(T(CSKA), "played", shape="record", context={**EU, "opponent": BEN}),
      {"played": 2, "won": 1, "drawn": 1, "lost": 0, "for": 3, "against": 1}, "record",
      {"team": CSKA, "opponent": BEN}),
    C("y1", "- CSKA are in the Champions League for the 11th time",
      q(T(CSKA), "played", unit="season", shape="nth", context={"competition": "UCL"}),
      11, "seasons_in", {"season_now": "2017-18", "team": CSKA, "comps": "UCL"},
      alts=(CL_ERA,), note="European Cup seasons 1971-72 counted"),
    C("y1", "CSKA's 11th Champions League campaign is their fifth in a row",
      q(T(CSKA), "played", unit="season", shape="run", context={"competition": "UCL"}),
      5, "seasons_in", {"season_now": "2017-18", "last_run": True, "team": CSKA,
                        "comps": "UCL"}),
    C("y1", "- CSKA have gone 10 Champions League games without a win (D4 L6)",
      q(T(CSKA), "played", shape="record", context={"competition": "UCL"},
        window={"last": 10}),
      {"played": 10, "won": 0, "drawn": 4, "lost": 6}, "record",
      {"last": 10, "team": CSKA, "comps": "UCL"}),
    C("y1", "CSKA's ten CL games without a win equal their longest such run in the competition.",
      q(T(CSKA), "winless", shape="best_run", context={"competition": "UCL"}),
      10, "best_run", {"event": "winless", "team": CSKA, "comps": "UCL"}),
    C("y1", "On their travels they have lost 11 of their last 13 Champions League matches "
      "(W1 D1).",
      q(T(CSKA), "played", shape="record", context={"competition": "UCL", "venue": "away"},
        window={"last": 13}),
      {"played": 13, "won": 1, "drawn": 1, "lost": 11}, "record",
      {"last": 13, "team": CSKA, "comps": "UCL", "venue": "away"}),
    C("y1", "- Viktor Goncharenko is in his fourth Champions League campaign as a coach.",
      None, 4, nc=NC_MGR),
    C("y1", "He was also the first coach to take a Belarusian club into the group stage, with "
      "BATE.", None, 1, nc=NC_MGR),
    # Opta Europa League facts, 15-16 Dec 2010
    C("o1", "- Their only previous meeting was earlier in this season's competition, a goalless "
      "draw at the Stadion Galgenwaard.",
      q(T(LIV), "played", shape="record", context={**EU, "opponent": "FC Utrecht"}),
      {"played": 1, "won": 0, "drawn": 1, "lost": 0, "for": 0, "against": 0}, "record",
      {"team": LIV, "opponent": "FC Utrecht"}),
    C("o1", "- Liverpool have yet to lose in this season's Europa League",
      q(T(LIV), "loss", shape="count", context={"competition": "this", "season": "2010-11"}),
      0, "count", {"event": "loss", "team": LIV, "comps": "UEL", "season": "2010-11"},
      rel="never"),
    C("o1", "Liverpool are unbeaten in the Europa League this season, but three of their last "
      "four games in it have been draws.",
      q(T(LIV), "draw", context={"competition": "this"}, window={"last": 4}),
      [3, 4], "k_of_n", {"event": "draw", "last": 4, "team": LIV, "comps": "UEL"}),
    C("o1", "- In all competitions the Reds have won only two of their last seven games.",
      None, [2, 7], nc=NC_CUPS),
    C("o1", "- In 13 European games against Dutch clubs Liverpool have won eight, drawn four "
      "and lost only once, to Ajax in 1966.",
      q(T(LIV), "played", shape="record", context={**EU, "opponent_country": "NED"}),
      {"played": 13, "won": 8, "drawn": 4, "lost": 1}, "record",
      {"team": LIV, "opponent_country": "NED"}),
    C("o1", "- Liverpool have won each of their last six European home games (qualifiers "
      "excluded)",
      q(T(LIV), "win", shape="run", context={**EU, "venue": "home"}),
      6, "run", {"event": "win", "team": LIV, "venue": "home"}),
    C("o1", "In those six home wins Liverpool scored 17 goals and let in four.",
      q(T(LIV), "scored", unit="goal", shape="count", context={**EU, "venue": "home"},
        window={"last": 6}),
      17, "goals", {"side": "for", "last": 6, "team": LIV, "venue": "home"}),
    C("o1", "- Utrecht have not won any of their last 10 European fixtures (qualifiers "
      "excluded).",
      q(T("FC Utrecht"), "win", context=EU, window={"last": 10}),
      [0, 10], "k_of_n", {"event": "win", "last": 10, "team": "FC Utrecht"}, rel="never"),
    C("o1", "- Liverpool have been awarded only 47 fouls in this season's Europa League, the "
      "fewest of any side.", None, 47, nc=NC_FOULS),
    C("o2", "- Three previous meetings, counting the 1-1 in Manchester this season, with a win "
      "each.",
      q(T(JUV), "played", shape="record", context={**EU, "opponent": MCI}),
      {"played": 3, "won": 1, "drawn": 1, "lost": 1}, "record",
      {"team": JUV, "opponent": MCI}),
    C("o2", "- City have played Italian teams five times: W2 D2 L1.",
      q(T(MCI), "played", shape="record", context={**EU, "opponent_country": "ITA"}),
      {"played": 5, "won": 2, "drawn": 2, "lost": 1}, "record",
      {"team": MCI, "opponent_country": "ITA"}),
    C("o2", "- The Turin side have beaten English opposition just once in their last 12 "
      "European meetings.",
      q(T(JUV), "win", context={**EU, "opponent_country": "ENG"}, window={"last": 12}),
      [1, 12], "k_of_n", {"event": "win", "last": 12, "team": JUV, "opponent_country": "ENG"}),
    C("o2", "- Juve are unbeaten in 16 games in all competitions.", None, 16, nc=NC_CUPS),
    C("o2", "- Just one win in City's last six European away games.",
      q(T(MCI), "win", context={**EU, "venue": "away"}, window={"last": 6}),
      [1, 6], "k_of_n", {"event": "win", "last": 6, "team": MCI, "venue": "away"}),
]

MUN, BRU = "Manchester United", "Club Brugge"
CLAIMS += [
    # FourFourTwo, April 2025: Legia v Chelsea, Lyon v Manchester United
    C("f3", "...the Blues travel to Poland to meet Legia Warsaw for the first time.",
      q(T(CHE), "played", shape="count",
        context={**EU, "qualifying": True, "opponent": "Legia Warszawa"}),
      0, "count", {"event": "played", "team": CHE, "opponent": "Legia Warszawa",
                   "qualifying": True}, rel="never"),
    C("f3", "Heavily rotated or not, Chelsea have won eight out of eight in the competition "
      "proper",
      q(T(CHE), "win", context={"competition": "this", "season": "2024-25"}),
      [8, 8], "k_of_n", {"event": "win", "team": CHE, "comps": "UECL", "season": "2024-25"},
      rel="each_of"),
    C("f3", "Chelsea have won all eight games in the competition proper, with 29 goals along "
      "the way.",
      q(T(CHE), "scored", unit="goal", shape="count",
        context={"competition": "this", "season": "2024-25"}),
      29, "goals", {"side": "for", "team": CHE, "comps": "UECL", "season": "2024-25"}),
    C("f3", "Away from home, though, they have won just one of their last 10 in all "
      "competitions.", None, [1, 10], nc=NC_CUPS),
    C("f4", "...if they keep their unbeaten record against Lyon (two wins, two draws, all in the "
      "Champions League in 2004 and 2008)",
      q(T(MUN), "played", shape="record",
        context={"competition": "UCL", "opponent": "Olympique Lyonnais"}),
      {"played": 4, "won": 2, "drawn": 2, "lost": 0}, "record",
      {"team": MUN, "comps": "UCL", "opponent": "Olympique Lyonnais"}),
    C("f4", "the Red Devils will be in their first European semi-final since 2021",
      q(T(MUN), "reached", unit="season", shape="count",
        context={**EU, "stage": "semi_final"}, window={"since": "2021-07-01"}),
      0, "seasons_reaching", {"round_code": "SF", "team": MUN, "since": "2021-07-01"},
      rel="never", note="last semi-final 2020-21 (Europa League, v Roma)"),
    C("f4", "Amorim's side have not won for nearly a month.", None, 0, nc=NC_CUPS),
    # UEFA.com, June 2023: Conference League final, Fiorentina v West Ham (Prague)
    C("u11", "Fiorentina won the first European Cup Winners' Cup, in 1960/61",
      q(T(FIO), "through", unit="tie", shape="k_of_n",
        context={"competition": "UCWC", "stage": "final", "season": "1960-61"}),
      [1, 1], "tie_k_of_n", {"event": "through", "team": FIO, "comps": "UCWC",
                             "stage": "final", "season": "1960-61"}),
    C("u11", "West Ham won the same trophy at the first attempt, in 1964/65.",
      q(T(WHU), "through", unit="tie", shape="k_of_n",
        context={"competition": "UCWC", "stage": "final", "season": "1964-65"}),
      [1, 1], "tie_k_of_n", {"event": "through", "team": WHU, "comps": "UCWC",
                             "stage": "final", "season": "1964-65"}),
    C("u11", "The Viola's record across their 16 games is W11 D2 L3", None,
      {"played": 16, "won": 11, "drawn": 2, "lost": 3},
      nc="the 2022-23 Conference League qualifying rounds (the play-off v Twente) are not held"),
    C("u12", "Italiano's Fiorentina have outscored everyone in the competition, 36 goals in 14 "
      "games",
      q(T(FIO), "scored", unit="goal", shape="count",
        context={"competition": "this", "season": "2022-23"}),
      36, "goals", {"side": "for", "team": FIO, "comps": "UECL", "season": "2022-23"}),
    C("u12", "nine more than West Ham - though the Hammers needed only 12 games to score their "
      "27.",
      q(T(WHU), "scored", unit="goal", shape="count",
        context={"competition": "this", "season": "2022-23"}),
      27, "goals", {"side": "for", "team": WHU, "comps": "UECL", "season": "2022-23"}),
    C("u12", "Of those goals, 21 came away from Florence",
      q(T(FIO), "scored", unit="goal", shape="count",
        context={"competition": "this", "venue": "away", "season": "2022-23"}),
      21, "goals", {"side": "for", "team": FIO, "comps": "UECL", "season": "2022-23",
                    "venue": "away"}),
    C("u12", "and they have won each of their last six Conference League away games, scoring at "
      "least three every time.",
      q(T(FIO), "win", shape="run", context={"competition": "this", "venue": "away"}),
      6, "run", {"event": "win", "team": FIO, "comps": "UECL", "venue": "away"}),
    C("u12", "The Hammers got back to the Cup Winners' Cup final in 1975/76 but were beaten 4-2 "
      "by Anderlecht.",
      q(T(WHU), "played", shape="record",
        context={"competition": "UCWC", "stage": "final", "opponent": "Anderlecht"}),
      {"played": 1, "won": 0, "drawn": 0, "lost": 1, "for": 2, "against": 4}, "record",
      {"team": WHU, "comps": "UCWC", "stage": "final", "opponent": "Anderlecht"}),
    C("u12", "The Viola lost their most recent final, 3-1 on aggregate to Serie A rivals Juventus "
      "in the 1989/90 UEFA Cup.",
      q(T(FIO), "played", shape="record",
        context={"competition": "UEL", "stage": "final", "season": "1989-90"}),
      {"played": 2, "won": 0, "drawn": 1, "lost": 1, "for": 1, "against": 3}, "record",
      {"team": FIO, "comps": "UEL", "stage": "final", "season": "1989-90"}),
    C("s1", "This will only be the third competitive game between the sides, both earlier ones "
      "in the Anglo-Italian League Cup of 1975", None, 2,
      nc="the Anglo-Italian League Cup is not held"),
    C("s1", "...as the two clubs have never met in a UEFA competition.",
      q(T(WHU), "played", shape="count",
        context={**EU, "qualifying": True, "opponent": FIO}),
      0, "count", {"event": "played", "team": WHU, "opponent": FIO, "qualifying": True},
      rel="never"),
    C("s1", "West Ham last played Italian opposition in the first round of the 2006/07 UEFA Cup, "
      "going out 4-0 on aggregate to Palermo.",
      q(T(WHU), "out", unit="tie", shape="k_of_n",
        context={**EU, "opponent_country": "ITA"}),
      [1, 1], "tie_k_of_n", {"event": "out", "team": WHU, "opponent_country": "ITA"},
      alts=(QUAL,), note="the 2006-07 UEFA Cup first round is stored as qualifying Q3"),
    C("s1", "Fiorentina's latest English opponents were Tottenham, who beat them 4-1 over two "
      "legs in the 2015/16 Europa League round of 32.",
      q(T(FIO), "played", shape="record",
        context={"competition": "UEL", "opponent": "Tottenham Hotspur", "season": "2015-16"}),
      {"played": 2, "won": 0, "drawn": 1, "lost": 1, "for": 1, "against": 4}, "record",
      {"team": FIO, "comps": "UEL", "opponent": "Tottenham Hotspur", "season": "2015-16"}),
    # Goal, 31 May 2023: Europa League final, Sevilla v Roma (Budapest)
    C("g1", "Sevilla are playing a seventh Europa League final and have won the previous six "
      "(2006, 2007, 2014, 2015, 2016, 2020).", None, [6, 6],
      nc="the store lacks the August 2020 Europa League matches (the 2020 final included) and "
         "the shoot-outs of the 2007 and 2014 finals"),
    C("g1", "They got here by beating Juventus 3-2 on aggregate in a dramatic semi-final.",
      q(T("Sevilla"), "played", shape="record",
        context={"competition": "this", "stage": "semi_final", "season": "2022-23"}),
      {"played": 2, "won": 1, "drawn": 1, "lost": 0, "for": 3, "against": 2}, "record",
      {"team": "Sevilla", "comps": "UEL", "stage": "semi_final", "season": "2022-23"}),
    C("g1", "Roma, who won the Conference League last season, are in their second Europa League "
      "final",
      q(T("Roma"), "through", unit="tie", shape="k_of_n",
        context={"competition": "UECL", "stage": "final", "season": "2021-22"}),
      [1, 1], "tie_k_of_n", {"event": "through", "team": "Roma", "comps": "UECL",
                             "stage": "final", "season": "2021-22"}),
    C("g1", "...and a coach in José Mourinho who has never lost a European final.", None, 0,
      nc=NC_MGR),
    C("g1", "Mourinho is also the only coach to have won the Champions League, the Europa "
      "League and the Conference League.", None, 1, nc=NC_MGR),
    # Sport.ro, May 2017: Europa League final, Ajax v Manchester United (Stockholm)
    C("sr1", "2. United and Ajax have met 4 times in European competition, with 2 wins each.",
      q(T(MUN), "played", shape="record", context={**EU, "opponent": "AFC Ajax"}),
      {"played": 4, "won": 2, "drawn": 0, "lost": 2}, "record",
      {"team": MUN, "opponent": "AFC Ajax"}),
    C("sr1", "5. Ajax have won 6 of their last 8 European finals",
      q(T("AFC Ajax"), "through", unit="tie", shape="k_of_n", context={**EU, "stage": "final"},
        window={"last": 8}),
      [6, 8], "tie_k_of_n", {"event": "through", "last": 8, "team": "AFC Ajax",
                             "stage": "final"},
      note="1971-73, 1987, 1992 and 1995 won; 1988 and 1996 (on penalties) lost"),
    C("sr1", "8. Rashford has had a direct hand in United's last 4 goals in the competition "
      "(2 goals, 2 assists).", None, 4, nc="Europa League assists are not held"),
    C("sr1", "9. Amin Younes has completed 73 dribbles this season, more than the next two "
      "players combined.", None, 73, nc=NC_FOULS),
    # BBC Sport, 11 Dec 2019: Rangers v Young Boys
    C("b1", "Rangers have won once in their last four games in all competitions", None, [1, 4],
      nc=NC_CUPS),
    C("b1", "but at Ibrox in Europe Gerrard is still unbeaten after 13 home games, 10 of them "
      "won, including the last six in a row.", None,
      {"played": 13, "won": 10, "drawn": 3, "lost": 0},
      nc="managers are not held (and the 2019-20 Europa League qualifiers are missing)"),
    # Sporting Life, Sept 2019: Champions League team profiles (Liverpool)
    C("sl1", "- Liverpool are yet to be beaten at Anfield in any European competition since "
      "October 2014 (W16 D6)",
      q(T(LIV), "played", shape="record", context={**EU, "venue": "home"},
        window={"since": "2014-10-23"}),
      {"played": 22, "won": 16, "drawn": 6, "lost": 0}, "record",
      {"team": LIV, "venue": "home", "since": "2014-10-23"}, alts=(QUAL,),
      note="the 2017-18 play-off v Hoffenheim is the 22nd game"),
    C("sl1", "their last home defeat being 0-3 to Real Madrid in the 2014-15 Champions League "
      "group stage.",
      q(T(LIV), "loss", shape="first_since", context={**EU, "venue": "home"}),
      "2014-10-22", "first_since", {"event": "loss", "team": LIV, "venue": "home"}),
    C("sl1", "- Across the last two Champions League seasons nobody has scored more goals (65) "
      "than Liverpool",
      q(T(LIV), "scored", unit="goal", shape="count", context={"competition": "UCL"},
        window={"since": "2017-07-01"}),
      65, "goals", {"side": "for", "team": LIV, "comps": "UCL", "since": "2017-07-01"}),
    C("sl1", "or won more games (15) than Liverpool over the last two Champions League "
      "campaigns.",
      q(T(LIV), "win", shape="count", context={"competition": "UCL"},
        window={"since": "2017-07-01"}),
      15, "count", {"event": "win", "team": LIV, "comps": "UCL", "since": "2017-07-01"}),
    C("sl1", "Last season they lost all three of their away group games",
      q(T(LIV), "loss", context={"competition": "UCL", "stage": "group", "venue": "away",
                                 "season": "2018-19"}),
      [3, 3], "k_of_n", {"event": "loss", "team": LIV, "comps": "UCL", "stage": "group",
                         "venue": "away", "season": "2018-19"}, rel="each_of"),
    # Mint, 21 Aug 2020: Europa League final, Sevilla v Inter (Cologne)
    C("lm1", "A curious fact: Sevilla and Inter have never come up against each other in UEFA "
      "competition.",
      q(T("Sevilla"), "played", shape="count",
        context={**EU, "qualifying": True, "opponent": "FC Internazionale Milano"}),
      0, "count", {"event": "played", "team": "Sevilla", "opponent": "FC Internazionale Milano",
                   "qualifying": True}, rel="never"),
    C("lm1", "Both arrive in form, each unbeaten in their last five games.", None, [5, 5],
      nc="the store lacks the August 2020 Europa League matches (and the games span league "
         "and Europe)"),
    # UEFA.com, 24 Sept 2025: Champions League matchday 2
    C("u13", "The clubs' only previous UEFA games were in last season's knockout phase "
      "play-offs, Club Brugge winning 2-1 at home and 3-1 in Italy.",
      q(T(BRU), "played", shape="record", context={**EU, "opponent": "Atalanta BC"}),
      {"played": 2, "won": 2, "drawn": 0, "lost": 0, "for": 5, "against": 2}, "record",
      {"team": BRU, "opponent": "Atalanta BC"}),
    C("u13", "That tie ended a 15-game winless run for the Belgians against Italian clubs in "
      "UEFA competition.",
      q(T(BRU), "winless", shape="best_run", context={**EU, "opponent_country": "ITA"}),
      15, "best_run", {"event": "winless", "team": BRU, "opponent_country": "ITA"},
      note="the run that the February 2025 tie ended is their longest"),
    C("u13", "Atalanta come in on three straight UEFA defeats",
      q(T("Atalanta BC"), "loss", shape="run", context=EU),
      3, "run", {"event": "loss", "team": "Atalanta BC"}),
    C("u13", "Atalanta have lost three UEFA games running - they have never lost four in a row.",
      q(T("Atalanta BC"), "loss", shape="best_run", context=EU),
      3, "best_run", {"event": "loss", "team": "Atalanta BC"},
      note="never four in a row: the longest losing run is the current three"),
    C("u13", "Club Brugge have won all five of their Champions League games this season, 1-0 "
      "away and 3-2 at home to Salzburg in the third qualifying round, then 3-1 away and 6-0 at "
      "home against Rangers in the play-offs.",
      q(T(BRU), "win", context={"competition": "UCL", "qualifying": True,
                                "season": "2025-26"}),
      [5, 5], "k_of_n", {"event": "win", "team": BRU, "comps": "UCL", "season": "2025-26",
                         "qualifying": True}, rel="each_of"),
    C("u13", "Club Brugge have lost just three of their last 16 UEFA group stage/league phase "
      "games (W9 D4).",
      q(T(BRU), "played", shape="record", context={**EU, "stage": "group"},
        window={"last": 16}),
      {"played": 16, "won": 9, "drawn": 4, "lost": 3}, "record",
      {"last": 16, "team": BRU, "stage": "group"}),
    C("u13", "Berat Djimsiti can become the first Albanian to play 30 Champions League games.",
      None, 30, nc=NC_APPS),
    C("u14", "Kairat have never faced a Spanish club",
      q(T("FK Kairat"), "played", shape="count",
        context={**EU, "qualifying": True, "opponent_country": "ESP"}),
      0, "count", {"event": "played", "team": "FK Kairat", "opponent_country": "ESP",
                   "qualifying": True}, rel="never",
      note="also none under the club's older store identity, FC Kairat Almaty"),
    C("u14", "and Real Madrid have never met a side from Kazakhstan.",
      q(T("Real Madrid"), "played", shape="count",
        context={**EU, "qualifying": True, "opponent_country": "KAZ"}),
      0, "count", {"event": "played", "team": "Real Madrid", "opponent_country": "KAZ",
                   "qualifying": True}, rel="never"),
]


def _trim(stated: object, actual: object) -> object:
    """A record is compared (and reported) on the keys the text states."""
    if isinstance(stated, dict) and isinstance(actual, dict):
        return {k: actual[k] for k in stated}
    return actual


def holds(stated: object, actual: object, rel: str) -> bool:
    actual = _trim(stated, actual)
    if rel == "never":
        first = actual[0] if isinstance(actual, list) else actual
        return first == 0 and actual == stated
    if rel == "at_least":
        return isinstance(actual, int) and isinstance(stated, int) and actual >= stated
    if rel == "each_of":
        return actual == stated and isinstance(actual, list) and actual[0] == actual[1]
    return actual == stated


def _scope(kw: dict) -> str:
    comps = kw.get("comps", EUROPEAN)
    comps = "European" if tuple(comps) == EUROPEAN else (comps if isinstance(comps, str)
                                                         else "/".join(comps))
    parts = [comps, "qualifying counted" if kw.get("qualifying") else "qualifying excluded"]
    for key in ("season", "stage", "venue", "opponent", "opponent_country", "since", "last"):
        if kw.get(key):
            parts.append(f"{key} {kw[key]}")
    return f"{', '.join(parts)}; matches before {kw['before']}"


def judge(claim: dict, fixture: dict) -> dict:
    if claim["nc"]:
        return {"verdict": "not_checkable", "actual": None, "reason": claim["nc"],
                "truth_by": None}
    kw = {"before": fixture["date"], **claim["kw"]}
    func = FUNCS[claim["fn"]]
    actual = _trim(claim["stated"], func(**kw))
    note = f" ({claim['note']})" if claim["note"] else ""
    if holds(claim["stated"], actual, claim["rel"]):
        return {"verdict": "supported", "actual": actual, "truth_by": claim["fn"],
                "reason": f"{claim['fn']} over {_scope(kw)}{note}"}
    for label, over in claim["alts"]:
        alt = _trim(claim["stated"], func(**{**kw, **over}))
        if holds(claim["stated"], alt, claim["rel"]):
            return {"verdict": "imprecise", "actual": actual, "truth_by": claim["fn"],
                    "reason": f"holds only {label} ({alt}); by default {actual}{note}"}
    return {"verdict": "refuted", "actual": actual, "truth_by": claim["fn"],
            "reason": f"the data gives {actual} ({_scope(kw)}){note}"}


def main() -> int:
    D.update(load())
    seen: dict[str, int] = {}
    rows = []
    for claim in CLAIMS:
        publisher, slug, address, fixture = PREVIEWS[claim["p"]]
        seen[slug] = seen.get(slug, 0) + 1
        truth = judge(claim, fixture)
        rows.append({
            "id": f"{slug}-{seen[slug]:02d}",
            "address": address,
            "publisher": publisher,
            "fixture": fixture,
            "text": claim["text"],
            "query": claim["query"],
            "stated": claim["stated"],
            "relation": claim["rel"],
            "verdict": truth["verdict"],
            "actual": truth["actual"],
            "reason": truth["reason"],
            "truth_by": truth["truth_by"],
        })
    tally: dict[str, int] = {}
    for row in rows:
        tally[row["verdict"]] = tally.get(row["verdict"], 0) + 1
        print(f"{row['id']:<44} stated={json.dumps(row['stated'], ensure_ascii=False)} "
              f"actual={json.dumps(row['actual'], ensure_ascii=False)} -> {row['verdict']}")
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} claims, {len({r['address'] for r in rows})} previews: "
          + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
