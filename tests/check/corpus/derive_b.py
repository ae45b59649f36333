"""Part B of the claims corpus: league previews, with the truth derived independently.

Every claim's `actual` is computed here in plain pandas over the store's tables, read with
`SELECT * FROM <table>` from a read-only connection. Nothing from `src/matchfacts` is used.
Running the script prints, for every claim, the stated figure, the actual one and the
verdict, and writes `part-b.jsonl` beside it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pandas as pd

HERE = Path(__file__).resolve().parent
DB = Path.home() / ".local/share/matchfacts/matchfacts.duckdb"
OUT = HERE / "part-b.jsonl"

PL = {"comps": ("ENG1",), "since": "1992-08-01"}  # the Premier League era of the top flight


# --------------------------------------------------------------------------------------
# loading


def load() -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(DB), read_only=True)
    try:
        tables = {t: con.execute(f"SELECT * FROM {t}").df()
                  for t in ("match", "team", "competition")}
    finally:
        con.close()
    return tables


def side_rows(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per team per played match: the match seen from that team's side."""
    m = tables["match"]
    m = m[m["status"] == "played"].copy()
    hg = m["home_goals_et"].where(m["home_goals_et"].notna(), m["home_goals"])
    ag = m["away_goals_et"].where(m["away_goals_et"].notna(), m["away_goals"])
    neutral = m["neutral"].fillna(False).astype(bool)
    base = m[["id", "competition_id", "season", "date"]].copy()
    base["date"] = pd.to_datetime(base["date"])
    home = base.assign(
        team=m["home_id"].values, opp=m["away_id"].values, gf=hg.values, ga=ag.values,
        venue=["neutral" if n else "home" for n in neutral],
    )
    away = base.assign(
        team=m["away_id"].values, opp=m["home_id"].values, gf=ag.values, ga=hg.values,
        venue=["neutral" if n else "away" for n in neutral],
    )
    rows = pd.concat([home, away], ignore_index=True)
    rows = rows.dropna(subset=["gf", "ga"])
    rows["gf"] = rows["gf"].astype(int)
    rows["ga"] = rows["ga"].astype(int)
    kinds = tables["competition"].set_index("id")["kind"]
    rows["kind"] = rows["competition_id"].map(kinds)
    return rows.sort_values(["date", "id"]).reset_index(drop=True)


TABLES = load()
ROWS = side_rows(TABLES)
# by full name and by short name, and the short names this script was written with before
# store/common_names.toml gave the English ones ("Bayern München", now "Bayern Munich")
TEAM_ID = dict(zip(TABLES["team"]["name"], TABLES["team"]["id"], strict=True)) | dict(
    zip(TABLES["team"]["short_name"], TABLES["team"]["id"], strict=True)
)
for _old, _name in (("Bayern München", "FC Bayern München"),
                    ("Olympique Marseille", "Olympique de Marseille"),
                    ("Paris Saint Germain", "Paris Saint-Germain")):  # fmt: skip
    TEAM_ID.setdefault(_old, TEAM_ID[_name])

# Stores built before the club lineage (store/lineage.csv) kept one club under two ids:
# "Feijenoord" (its name until 1973-74, league matches 1956-57..1972-73) apart from
# "Feyenoord". A claim about Feyenoord means the club, so the two are read as one here.
SAME_CLUB = {TEAM_ID["Feijenoord"]: TEAM_ID["Feyenoord"]} if "Feijenoord" in TEAM_ID else {}
ROWS["team"] = ROWS["team"].replace(SAME_CLUB)
ROWS["opp"] = ROWS["opp"].replace(SAME_CLUB)


def select(team, before, comps=None, opponent=None, venue=None, season=None, since=None,
           until=None):
    """The team's league matches before `before` (league = every league tier held)."""
    r = ROWS[(ROWS["team"] == TEAM_ID[team]) & (ROWS["date"] < pd.Timestamp(before))]
    r = r[r["kind"] == "league"] if comps is None else r[r["competition_id"].isin(comps)]
    if opponent is not None:
        r = r[r["opp"] == TEAM_ID[opponent]]
    if venue is not None:
        r = r[r["venue"] == venue]
    if season is not None:
        r = r[r["season"] == season]
    if since is not None:
        r = r[r["date"] >= pd.Timestamp(since)]
    if until is not None:
        r = r[r["date"] <= pd.Timestamp(until)]
    return r


EVENTS = {
    "win": lambda r: r["gf"] > r["ga"],
    "draw": lambda r: r["gf"] == r["ga"],
    "loss": lambda r: r["gf"] < r["ga"],
    "unbeaten": lambda r: r["gf"] >= r["ga"],
    "winless": lambda r: r["gf"] <= r["ga"],
    "scored": lambda r: r["gf"] > 0,
    "conceded": lambda r: r["ga"] > 0,
    "clean_sheet": lambda r: r["ga"] == 0,
    "failed_to_score": lambda r: r["gf"] == 0,
    "played": lambda r: r["gf"] >= 0,
}


# --------------------------------------------------------------------------------------
# one function per kind of computation


def record(rows, last=None, keys=None):
    """Statbox totals over the (last n) matches."""
    r = rows if last is None else rows.tail(last)
    out = {
        "played": len(r),
        "won": int((r["gf"] > r["ga"]).sum()),
        "drawn": int((r["gf"] == r["ga"]).sum()),
        "lost": int((r["gf"] < r["ga"]).sum()),
        "for": int(r["gf"].sum()),
        "against": int(r["ga"].sum()),
    }
    return {k: out[k] for k in keys} if keys else out


def k_of_n(rows, event, last=None):
    r = rows if last is None else rows.tail(last)
    return [int(EVENTS[event](r).sum()), len(r)]


def active_run(rows, event):
    """The run of the event, newest match back."""
    n = 0
    for hit in reversed(EVENTS[event](rows).tolist()):
        if not hit:
            break
        n += 1
    return n


def best_run(rows, event):
    best = cur = 0
    for hit in EVENTS[event](rows).tolist():
        cur = cur + 1 if hit else 0
        best = max(best, cur)
    return best


def count_matches(rows, event, last=None):
    r = rows if last is None else rows.tail(last)
    return int(EVENTS[event](r).sum())


def count_goals(rows, side="for", last=None):
    r = rows if last is None else rows.tail(last)
    return int(r["gf" if side == "for" else "ga"].sum())


def last_date(rows, event):
    """The date the event last happened (first_since)."""
    hits = rows[EVENTS[event](rows)]
    return None if hits.empty else hits["date"].iloc[-1].date().isoformat()


def nth_meeting(rows, event="played"):
    """Which occurrence the next one would be."""
    return int(EVENTS[event](rows).sum()) + 1


def last_season_unbeaten(rows, min_games):
    """The last season in which the team met the opponent at least `min_games` times
    in the league without losing."""
    good = [
        s for s, g in rows.groupby("season")
        if len(g) >= min_games and int((g["gf"] < g["ga"]).sum()) == 0
    ]
    return max(good) if good else None


FUNCS = {f.__name__: f for f in (record, k_of_n, active_run, best_run, count_matches,
                                 count_goals, last_date, nth_meeting, last_season_unbeaten)}


def compute(spec, fixture_date):
    """spec = (function name, selection kwargs, function kwargs)."""
    fname, sel, kw = spec
    sel = dict(sel)
    team = sel.pop("team")
    before = sel.pop("before", fixture_date)
    rows = select(team, before, **sel)
    return FUNCS[fname](rows, **kw)


# --------------------------------------------------------------------------------------
# the previews and their claims



def q(team, event, shape, window="all", unit="match", **context):
    """The claim's reading in the fact algebra's dict form."""
    venue = context.get("venue")
    if isinstance(venue, str) and venue.startswith("@"):
        context["venue"] = {"ground": context["venue"][1:]}
    subject = {"sides": True} if team is None else {"team": team}
    return {"subject": subject, "event": event, "unit": unit, "shape": shape,
            "context": context, "window": window}


def slug(name):
    return "".join(ch for ch in name.lower() if ch.isalnum())[:14]


def S(fname, team, kw=None, **sel):
    """A truth spec: function name, the matches it runs over, its own arguments."""
    return (fname, {"team": team, **sel}, kw or {})


TOT, ARS = "Tottenham Hotspur", "Arsenal"
MCI, MUN = "Manchester City", "Manchester United"
CEL, RAN = "Celtic", "Rangers"
INT, MIL = "FC Internazionale Milano", "Milan"
RMA, ATM, BAR = "Real Madrid", "Atlético Madrid", "Barcelona"
BVB, FCB = "Borussia Dortmund", "Bayern München"
AJA, FEY, PSV = "AFC Ajax", "Feyenoord", "PSV Eindhoven"
PSG, OM = "Paris Saint Germain", "Olympique Marseille"
NC_PLAYER = "league goals have no scorers in the store (scorers only for UEFA competitions)"

PREVIEWS: list[dict] = [
    {
        "slug": "footymad-tottenham-arsenal-2004",
        "publisher": "Tottenham Hotspur MAD (Footymad)",
        "address": "http://tottenhamhotspur-mad.co.uk/news/prev/"
                   "footymads_arsenal_match_preview_155808/index.shtml",
        "fixture": {"home": TOT, "away": ARS, "date": "2004-04-25", "competition": "ENG1"},
        "claims": [
            {"text": "Tottenham H. get ready to welcome Arsenal to White Hart Lane on Sunday "
                     "afternoon, and the past meetings favour them. Of the 71 games played, "
                     "Spurs have won 30, while Arsenal have taken 23 victories away.",
             "query": None,
             "stated": {"played": 71, "won": 30, "lost": 23},
             "spec": None,
             "reason": "the preview's figures count all competitions (its form lines do, see "
                       "below), and cup ties at White Hart Lane are not in the store; league "
                       "meetings there alone give 66 played, 28 won, 21 lost"},
            {"text": "The last time the two met at White Hart Lane was only last season, in "
                     "December 2002, when they drew 1-1 in the Premiership.",
             "query": q(TOT, "played", "first_since", competition="league",
                        venue="@White Hart Lane", opponent=ARS),
             "stated": "2002-12-15",
             "spec": S("last_date", TOT, {"event": "played"}, opponent=ARS, venue="home"),
             "note": "date of the last league meeting at Tottenham's ground"},
            {"text": "Tottenham's home form is nothing special: two wins, two draws and two "
                     "defeats from their last six.",
             "query": q(TOT, "win", "record", {"last": 6}, competition="league",
                        venue="home"),
             "stated": {"won": 2, "drawn": 2, "lost": 2},
             "spec": S("record", TOT, {"last": 6}, venue="home"),
             "note": "last six league home games",
             "imprecise": "holds for the last six home games in all competitions, with the "
                          "FA Cup replay lost 3-4 to Manchester City on 2004-02-04"},
            {"text": "A generous 13 goals have been both scored and let in over that stretch.",
             "query": q(TOT, "scored", "record", {"last": 6}, competition="league",
                        venue="home"),
             "stated": {"for": 13, "against": 13},
             "spec": S("record", TOT, {"last": 6}, venue="home"),
             "note": "goals in the last six league home games",
             "imprecise": "holds for the last six home games in all competitions (FA Cup "
                          "3-4 v Manchester City on 2004-02-04 in place of the 2-1 v "
                          "Liverpool)"},
            {"text": "On the road, though, Arsenal look far sharper, unbeaten in the last six "
                     "with four of them won.",
             "query": q(ARS, "unbeaten", "record", {"last": 6}, competition="league",
                        venue="away"),
             "stated": {"won": 4, "drawn": 2, "lost": 0},
             "spec": S("record", ARS, {"last": 6}, venue="away"),
             "note": "last six league away games"},
            {"text": "In those matches the Gunners have rattled in 13 goals and conceded 5.",
             "query": q(ARS, "scored", "record", {"last": 6}, competition="league",
                        venue="away"),
             "stated": {"for": 13, "against": 5},
             "spec": S("record", ARS, {"last": 6}, venue="away"),
             "note": "goals in the last six league away games",
             "imprecise": "holds for the last six away games in all competitions (FA Cup 5-1 "
                          "at Portsmouth, Champions League 3-2 at Celta and 1-1 at Chelsea)"},
            {"text": "Form guide - Tottenham H.: P 6, W 0, D 1, L 5, F 2, A 11.",
             "query": q(TOT, "win", "record", {"last": 6}, competition="league"),
             "stated": {"played": 6, "won": 0, "drawn": 1, "lost": 5, "for": 2,
                        "against": 11},
             "spec": S("record", TOT, {"last": 6}),
             "note": "last six league games"},
            {"text": "Form guide - Arsenal: P 6, W 2, D 2, L 2, F 11, A 6.",
             "query": q(ARS, "win", "record", {"last": 6}, competition="league"),
             "stated": {"played": 6, "won": 2, "drawn": 2, "lost": 2, "for": 11,
                        "against": 6},
             "spec": S("record", ARS, {"last": 6}),
             "note": "last six league games",
             "imprecise": "holds for the last six games in all competitions (FA Cup "
                          "semi-final 0-1 v Manchester United, Champions League 1-2 v "
                          "Chelsea among them)"},
            {"text": "Recent meetings include Arsenal's 2-1 win over Tottenham H. in the FA Cup "
                     "on 8 April 2001.",
             "query": None, "stated": "2001-04-08", "spec": None,
             "reason": "FA Cup: no domestic cups in the store"},
        ],
    },
    {
        "slug": "independent-mancity-manutd-2005",
        "publisher": "The Independent",
        "address": "https://independent.co.uk/sport/football-united-draw-on-history-lesson-"
                   "1530383.html",
        "fixture": {"home": MCI, "away": MUN, "date": "2005-02-13", "competition": "ENG1"},
        "claims": [
            {"text": "Next up for United are their Manchester neighbours, away at City's "
                     "ground, in what is the 16th Premiership derby between them.",
             "query": q(MUN, "played", "nth", {"since": "1992-08-01"}, competition="ENG1",
                        opponent=MCI),
             "stated": 16,
             "spec": S("nth_meeting", MUN, opponent=MCI, **PL),
             "note": "Premier League meetings since 1992-93, plus this one"},
            {"text": "Of the previous 15, United have won nine and drawn four, losing just "
                     "two,",
             "query": q(MUN, "win", "record", {"since": "1992-08-01"}, competition="ENG1",
                        opponent=MCI),
             "stated": {"played": 15, "won": 9, "drawn": 4, "lost": 2},
             "spec": S("record", MUN, opponent=MCI, **PL),
             "note": "Premier League meetings since 1992-93"},
            {"text": "although the two defeats came on their last two trips to City, 3-1 and "
                     "4-1.",
             "query": q(MUN, "loss", "run", competition="ENG1", venue="away", opponent=MCI),
             "stated": 2,
             "spec": S("active_run", MUN, {"event": "loss"}, opponent=MCI, venue="away", **PL),
             "note": "active run of Premier League defeats away to City"},
        ],
    },
    {
        "slug": "spursweb-tottenham-arsenal-2014",
        "publisher": "Spurs Web",
        "address": "http://www.spurs-web.com/spurs-news/pre-match-stats-spurs-arsenal/",
        "fixture": {"home": TOT, "away": ARS, "date": "2014-03-16", "competition": "ENG1"},
        "claims": [
            {"text": "Spurs have shut out the opposition in four of their last five Barclays "
                     "Premier League home matches, though Man City put five past them in the "
                     "other.",
             "query": q(TOT, "clean_sheet", "k_of_n", {"last": 5}, competition="ENG1",
                        venue="home"),
             "stated": [4, 5],
             "spec": S("k_of_n", TOT, {"event": "clean_sheet", "last": 5}, venue="home", **PL),
             "note": "last five Premier League home games"},
            {"text": "Arsenal have only one clean sheet to show from their last seven Barclays "
                     "Premier League away games",
             "query": q(ARS, "clean_sheet", "k_of_n", {"last": 7}, competition="ENG1",
                        venue="away"),
             "stated": [1, 7], "relation": "only",
             "spec": S("k_of_n", ARS, {"event": "clean_sheet", "last": 7}, venue="away", **PL),
             "note": "last seven Premier League away games"},
            {"text": "and they have failed to win any of the last three (D1 L2).",
             "query": q(ARS, "winless", "record", {"last": 3}, competition="ENG1",
                        venue="away"),
             "stated": {"won": 0, "drawn": 1, "lost": 2},
             "spec": S("record", ARS, {"last": 3}, venue="away", **PL),
             "note": "last three Premier League away games"},
            {"text": "No player has scored more goals in the history of the north London derby "
                     "than Emmanuel Adebayor (10 - eight for Arsenal, two for Spurs).",
             "query": None, "stated": 10, "spec": None, "reason": NC_PLAYER},
            {"text": "Arsenal are without a win in the last five Premier League north London "
                     "derbies at White Hart Lane (W0 D2 L3), losing all three by a 2-1 "
                     "margin.",
             "query": q(ARS, "win", "record", {"last": 5}, competition="ENG1", venue="away",
                        opponent=TOT),
             "stated": {"won": 0, "drawn": 2, "lost": 3},
             "spec": S("record", ARS, {"last": 5}, opponent=TOT, venue="away", **PL),
             "note": "last five Premier League visits to Tottenham"},
            {"text": "Per Mertesacker has got on the scoresheet in two of his last three "
                     "Premier League outings against Spurs.",
             "query": None, "stated": [2, 3], "spec": None, "reason": NC_PLAYER},
            {"text": "Just one clean sheet for Tottenham in their last 30 Premier League north "
                     "London derbies (Feb 2009).",
             "query": q(TOT, "clean_sheet", "k_of_n", {"last": 30}, competition="ENG1",
                        opponent=ARS),
             "stated": [1, 30], "relation": "only",
             "spec": S("k_of_n", TOT, {"event": "clean_sheet", "last": 30}, opponent=ARS,
                       **PL),
             "note": "last 30 Premier League meetings"},
            {"text": "Tottenham are chasing a 50th league victory over the Gunners.",
             "query": q(TOT, "win", "nth", competition="league", opponent=ARS),
             "stated": 50,
             "spec": S("nth_meeting", TOT, {"event": "win"}, opponent=ARS),
             "note": "league wins over Arsenal, all tiers, plus the next one"},
            {"text": "Arsenal have won 63, and 41 have ended level.",
             "query": q(ARS, "win", "record", competition="league", opponent=TOT),
             "stated": {"won": 63, "drawn": 41},
             "spec": S("record", ARS, opponent=TOT),
             "note": "all league meetings"},
            {"text": "Tottenham have committed 13 errors leading to goals in the Premier League "
                     "this season, three more than any other club.",
             "query": None, "stated": 13, "spec": None,
             "reason": "errors leading to goals are not in the store"},
        ],
    },
    {
        "slug": "bbc-tottenham-arsenal-2020",
        "publisher": "BBC Sport",
        "address": "https://www.bbc.co.uk/sport/football/53286342",
        "fixture": {"home": TOT, "away": ARS, "date": "2020-07-12", "competition": "ENG1"},
        "claims": [
            {"text": "Tottenham have not been beaten in their last five league games at home "
                     "to Arsenal (W3, D2).",
             "query": q(TOT, "unbeaten", "record", {"last": 5}, competition="league",
                        venue="home", opponent=ARS),
             "stated": {"won": 3, "drawn": 2, "lost": 0},
             "spec": S("record", TOT, {"last": 5}, opponent=ARS, venue="home"),
             "note": "last five home league games against Arsenal"},
            {"text": "The Gunners kept their only clean sheet of their last 10 league trips to "
                     "Spurs in a 1-0 win in March 2014.",
             "query": q(ARS, "clean_sheet", "k_of_n", {"last": 10}, competition="league",
                        venue="away", opponent=TOT),
             "stated": [1, 10], "relation": "only",
             "spec": S("k_of_n", ARS, {"event": "clean_sheet", "last": 10}, opponent=TOT,
                       venue="away"),
             "note": "last ten league visits to Tottenham"},
            {"text": "The Gunners kept their only clean sheet of their last 10 league trips to "
                     "Spurs in a 1-0 win in March 2014. That remains the last away league win "
                     "by either side in this fixture.",
             "query": q(ARS, "win", "first_since", competition="league", venue="away",
                        opponent=TOT),
             "stated": "2014-03-16",
             "spec": S("last_date", ARS, {"event": "win"}, opponent=TOT, venue="away"),
             "note": "Arsenal's last league win at Tottenham; Tottenham's last league win at "
                     "Arsenal was earlier (2010-11-20)"},
            {"text": "No side has dropped more Premier League points from winning positions "
                     "against another than Tottenham have against Arsenal (42).",
             "query": None, "stated": 42, "spec": None,
             "reason": "in-match score states (winning positions) are not in the store"},
            {"text": "The north London derby has produced more scored penalties than any other "
                     "Premier League fixture - 19 in all.",
             "query": None, "stated": 19, "spec": None,
             "reason": "league goals (and penalties) have no detail in the store"},
            {"text": "Spurs are out to win three league games in a row at the Tottenham Hotspur "
                     "Stadium for the first time since their first three Premier League games "
                     "there in April 2019.",
             "query": q(TOT, "win", "run", competition="league",
                        venue="@Tottenham Hotspur Stadium"),
             "stated": 2,
             "spec": S("active_run", TOT, {"event": "win"}, venue="home", since="2019-04-03"),
             "note": "a third straight home win is the aim, so the running streak is two; "
                     "home league games at the new stadium (opened April 2019)"},
            {"text": "Jose Mourinho has never lost a home game against Arsenal in his career "
                     "(W5, D4).",
             "query": None, "stated": {"won": 5, "drawn": 4, "lost": 0}, "spec": None,
             "reason": "managers are not in the store"},
        ],
    },
    {
        "slug": "bbc-rangers-celtic-2018",
        "publisher": "BBC Sport",
        "address": "https://www.bbc.com/sport/football/46656785",
        "fixture": {"home": RAN, "away": CEL, "date": "2018-12-29", "competition": "SCO1"},
        "claims": [
            {"text": "Rangers are 10 Scottish Premiership games without a win against Celtic "
                     "(D2 L8), the longest such run they have ever had in league Old Firm "
                     "derbies.",
             "query": q(RAN, "winless", "record", {"last": 10}, competition="SCO1",
                        opponent=CEL),
             "stated": {"won": 0, "drawn": 2, "lost": 8},
             "spec": S("record", RAN, {"last": 10}, opponent=CEL, comps=("SCO1",)),
             "note": "last ten top-flight meetings (the 'ever' part needs pre-1994 data)"},
            {"text": "Celtic have come away with a win from each of their last four top-flight "
                     "visits to Ibrox,",
             "query": q(CEL, "win", "run", competition="SCO1", venue="@Ibrox", opponent=RAN),
             "stated": 4,
             "spec": S("active_run", CEL, {"event": "win"}, opponent=RAN, venue="away",
                       comps=("SCO1",)),
             "note": "active run of top-flight wins at Rangers"},
            {"text": "Celtic have come away with a win from each of their last four top-flight "
                     "visits to Ibrox, netting 12 goals in the process",
             "query": q(CEL, "scored", "count", {"last": 4}, unit="goal", competition="SCO1",
                        venue="@Ibrox", opponent=RAN),
             "stated": 12,
             "spec": S("count_goals", CEL, {"last": 4}, opponent=RAN, venue="away",
                       comps=("SCO1",)),
             "note": "goals in the last four top-flight visits"},
            {"text": "Celtic have come away with a win from each of their last four top-flight "
                     "visits to Ibrox, since a 3-2 defeat there in March 2012.",
             "query": q(CEL, "loss", "first_since", competition="SCO1", venue="@Ibrox",
                        opponent=RAN),
             "stated": "2012-03-25",
             "spec": S("last_date", CEL, {"event": "loss"}, opponent=RAN, venue="away",
                       comps=("SCO1",)),
             "note": "Celtic's last top-flight defeat at Rangers"},
            {"text": "Since their last league game at home to Celtic - lost 2-3 in March - "
                     "Rangers have let in only eight goals in their 14 Scottish Premiership "
                     "games at Ibrox.",
             "query": q(RAN, "conceded", "record", {"since": "2018-03-12"},
                        competition="SCO1", venue="@Ibrox"),
             "stated": {"played": 14, "against": 8},
             "spec": S("record", RAN, venue="home", comps=("SCO1",), since="2018-03-12"),
             "note": "top-flight home games after the 2-3 against Celtic on 2018-03-11"},
            {"text": "Alfredo Morelos has faced Celtic five times in the Scottish Premiership "
                     "without scoring - they are the only side he has played against in the "
                     "division and not scored.",
             "query": None, "stated": 5, "spec": None,
             "reason": "appearances, and league scorers, are not in the store"},
            {"text": "In three Scottish Premiership games against Rangers, Celtic's Odsonne "
                     "Edouard has had a hand in four goals - three scored, one set up.",
             "query": None, "stated": 4, "spec": None,
             "reason": "assists and league scorers are not in the store"},
        ],
    },
    {
        "slug": "pa-celtic-rangers-2024",
        "publisher": "PA Media (Yahoo Sports)",
        "address": "https://sports.yahoo.com/celtic-v-rangers-pick-stats-111113173.html",
        "fixture": {"home": CEL, "away": RAN, "date": "2024-05-11", "competition": "SCO1"},
        "claims": [
            {"text": "Celtic are yet to lose in three league meetings with Rangers this season "
                     "(W2 D1);",
             "query": q(CEL, "unbeaten", "record", competition="SCO1", opponent=RAN,
                        season="2023-24"),
             "stated": {"played": 3, "won": 2, "drawn": 1, "lost": 0},
             "spec": S("record", CEL, opponent=RAN, season="2023-24", comps=("SCO1",)),
             "note": "2023-24 league meetings"},
            {"text": "Celtic are yet to lose in three league meetings with Rangers this season "
                     "(W2 D1); the last season they went four league Old Firm derbies without "
                     "defeat was 2017-18.",
             "query": q(CEL, "unbeaten", "first_since", unit="season", competition="SCO1",
                        opponent=RAN),
             "stated": "2017-18",
             "spec": S("last_season_unbeaten", CEL, {"min_games": 4}, opponent=RAN,
                       comps=("SCO1",)),
             "note": "last season with four or more league meetings and no defeat"},
            {"text": "Rangers have been beaten on their last three league trips to Celtic.",
             "query": q(RAN, "loss", "run", competition="SCO1", venue="away", opponent=CEL),
             "stated": 3,
             "spec": S("active_run", RAN, {"event": "loss"}, opponent=CEL, venue="away",
                       comps=("SCO1",)),
             "note": "active run of league defeats at Celtic"},
            {"text": "Seven of Celtic's last eight home league games have been wins (D1),",
             "query": q(CEL, "win", "k_of_n", {"last": 8}, competition="SCO1", venue="home"),
             "stated": [7, 8],
             "spec": S("k_of_n", CEL, {"event": "win", "last": 8}, venue="home",
                       comps=("SCO1",)),
             "note": "last eight league home games"},
            {"text": "Seven of Celtic's last eight home league games have been wins (D1), "
                     "among them the last four in a row,",
             "query": q(CEL, "win", "run", competition="SCO1", venue="home"),
             "stated": 4,
             "spec": S("active_run", CEL, {"event": "win"}, venue="home", comps=("SCO1",)),
             "note": "active run of league home wins"},
            {"text": "among them the last four in a row, with 3+ goals every time (16 in all - "
                     "four a game).",
             "query": q(CEL, "scored", "count", {"last": 4}, unit="goal", competition="SCO1",
                        venue="home"),
             "stated": 16,
             "spec": S("count_goals", CEL, {"last": 4}, venue="home", comps=("SCO1",)),
             "note": "goals in the last four league home games"},
            {"text": "Rangers (14) trail only Motherwell (19) for points won from losing "
                     "positions in this Scottish Premiership season.",
             "query": None, "stated": 14, "spec": None,
             "reason": "in-match score states are not in the store"},
        ],
    },
    {
        "slug": "forzaitalian-inter-milan-2020",
        "publisher": "Forza Italian Football",
        "address": "https://forzaitalianfootball.com/2020/02/inter-v-ac-milan-probable-line-"
                   "ups-and-key-statistics/",
        "fixture": {"home": INT, "away": MIL, "date": "2020-02-09", "competition": "ITA1"},
        "claims": [
            {"text": "The last three Milan derbies in Serie A have all gone Inter's way;",
             "query": q(INT, "win", "run", competition="ITA1", opponent=MIL),
             "stated": 3,
             "spec": S("active_run", INT, {"event": "win"}, opponent=MIL),
             "note": "active run of league wins over Milan"},
            {"text": "In Serie A, Inter have not lost any of their last eight home derbies;",
             "query": q(INT, "unbeaten", "run", competition="ITA1", venue="home",
                        opponent=MIL),
             "stated": 8,
             "spec": S("active_run", INT, {"event": "unbeaten"}, opponent=MIL, venue="home"),
             "note": "active unbeaten run at home to Milan"},
            {"text": "Four of Inter's last six home derbies in Serie A have been wins,",
             "query": q(INT, "win", "k_of_n", {"last": 6}, competition="ITA1", venue="home",
                        opponent=MIL),
             "stated": [4, 6],
             "spec": S("k_of_n", INT, {"event": "win", "last": 6}, opponent=MIL,
                       venue="home"),
             "note": "last six home league derbies"},
            {"text": "Four of Inter's last six home derbies in Serie A have been wins, with "
                     "four clean sheets kept in that spell",
             "query": q(INT, "clean_sheet", "k_of_n", {"last": 6}, competition="ITA1",
                        venue="home", opponent=MIL),
             "stated": [4, 6],
             "spec": S("k_of_n", INT, {"event": "clean_sheet", "last": 6}, opponent=MIL,
                       venue="home"),
             "note": "last six home league derbies"},
            {"text": "Inter (eight) are one of three teams with the most clean sheets in this "
                     "Serie A season,",
             "query": q(INT, "clean_sheet", "count", competition="ITA1", season="2019-20"),
             "stated": 8,
             "spec": S("count_matches", INT, {"event": "clean_sheet"}, season="2019-20"),
             "note": "2019-20 league games before the derby"},
            {"text": "and AC Milan, also on eight, are another, level with Verona.",
             "query": q(MIL, "clean_sheet", "count", competition="ITA1", season="2019-20"),
             "stated": 8,
             "spec": S("count_matches", MIL, {"event": "clean_sheet"}, season="2019-20"),
             "note": "2019-20 league games before the derby"},
            {"text": "Nobody in Serie A has more headed goals this season than Inter (nine).",
             "query": None, "stated": 9, "spec": None,
             "reason": "league goals have no detail (headers) in the store"},
        ],
    },
    {
        "slug": "calciomercato-realmadrid-atletico-2018",
        "publisher": "Calciomercato.com",
        "address": "https://www.calciomercato.com/en/news/real-madrid-atletico-madrid-0-0-"
                   "follow-the-last-minutes-here-56518",
        "fixture": {"home": RMA, "away": ATM, "date": "2018-09-29", "competition": "ESP1"},
        "claims": [
            {"text": "Real Madrid have gone five La Liga home games against Atletico de Madrid "
                     "at the Santiago Bernabeu without a win (D2 L3),",
             "query": q(RMA, "winless", "record", {"last": 5}, competition="ESP1",
                        venue="@Santiago Bernabeu", opponent=ATM),
             "stated": {"won": 0, "drawn": 2, "lost": 3},
             "spec": S("record", RMA, {"last": 5}, opponent=ATM, venue="home"),
             "note": "last five home league games against Atletico"},
            {"text": "Real Madrid have gone five La Liga home games against Atletico de Madrid "
                     "at the Santiago Bernabeu without a win (D2 L3), never before going so "
                     "long without a home win against them in the competition.",
             "query": q(RMA, "winless", "best_run", competition="ESP1", venue="home",
                        opponent=ATM),
             "stated": 5,
             "spec": S("best_run", RMA, {"event": "winless"}, opponent=ATM, venue="home"),
             "note": "longest winless run at home to Atletico in the league"},
            {"text": "The last three derbies between the two have finished level (1-1 twice, "
                     "0-0 once).",
             "query": q(RMA, "draw", "run", competition="ESP1", opponent=ATM),
             "stated": 3,
             "spec": S("active_run", RMA, {"event": "draw"}, opponent=ATM),
             "note": "active run of league draws"},
            {"text": "They have not drawn four La Liga games in a row before.",
             "query": q(RMA, "draw", "best_run", competition="ESP1", opponent=ATM),
             "stated": 3,
             "spec": S("best_run", RMA, {"event": "draw"}, opponent=ATM),
             "note": "longest run of league draws between them: never four means at most "
                     "three"},
            {"text": "Atletico de Madrid are the side Real Madrid have beaten most often in La "
                     "Liga (86),",
             "query": q(RMA, "win", "count", competition="ESP1", opponent=ATM),
             "stated": 86,
             "spec": S("count_matches", RMA, {"event": "win"}, opponent=ATM),
             "note": "league wins over Atletico"},
            {"text": "and they are second for away wins against Real Madrid in the competition "
                     "(15),",
             "query": q(ATM, "win", "count", competition="ESP1", venue="away", opponent=RMA),
             "stated": 15,
             "spec": S("count_matches", ATM, {"event": "win"}, opponent=RMA, venue="away"),
             "note": "Atletico's league wins away to Real Madrid"},
            {"text": "and they are second for away wins against Real Madrid in the competition "
                     "(15), behind Barcelona (21).",
             "query": q(BAR, "win", "count", competition="ESP1", venue="away", opponent=RMA),
             "stated": 21,
             "spec": S("count_matches", BAR, {"event": "win"}, opponent=RMA, venue="away"),
             "note": "Barcelona's league wins away to Real Madrid"},
            {"text": "Atletico de Madrid come in on the back of two La Liga wins,",
             "query": q(ATM, "win", "run", competition="ESP1"),
             "stated": 2,
             "spec": S("active_run", ATM, {"event": "win"}),
             "note": "active run of league wins"},
            {"text": "Atletico de Madrid come in on the back of two La Liga wins, with a clean "
                     "sheet in both.",
             "query": q(ATM, "clean_sheet", "run", competition="ESP1"),
             "stated": 2,
             "spec": S("active_run", ATM, {"event": "clean_sheet"}),
             "note": "active run of league clean sheets"},
            {"text": "Karim Benzema has scored just four times in 30 games against Atletico de "
                     "Madrid in all competitions.",
             "query": None, "stated": 4, "spec": None,
             "reason": "appearances and league scorers are not in the store; all competitions "
                       "include domestic cups"},
        ],
    },
    {
        "slug": "hindustantimes-realmadrid-barcelona-2022",
        "publisher": "Hindustan Times",
        "address": "https://www.hindustantimes.com/sports/football/real-madrid-vs-barcelona-"
                   "el-clasico-a-look-at-head-to-head-record-and-key-stats-ahead-of-santiago-"
                   "bernabeu-tie-101665838039315.html",
        "fixture": {"home": RMA, "away": BAR, "date": "2022-10-16", "competition": "ESP1"},
        "claims": [
            {"text": "Across 184 La Liga meetings Real Madrid are currently 76-73 up on "
                     "Barcelona.",
             "query": q(RMA, "win", "record", competition="ESP1", opponent=BAR),
             "stated": {"played": 184, "won": 76, "lost": 73},
             "spec": S("record", RMA, opponent=BAR),
             "note": "all league meetings"},
            {"text": "Counting every competition, Los Blancos are 100-97 ahead from 249 "
                     "meetings.",
             "query": None, "stated": {"played": 249, "won": 100, "lost": 97}, "spec": None,
             "reason": "all competitions include the Copa del Rey and Supercopa: no domestic "
                       "cups in the store"},
            {"text": "Real have also taken four of the last five Clasicos, the only defeat "
                     "being the 0-4 in March this year.",
             "query": q(RMA, "win", "k_of_n", {"last": 5}, competition="ESP1", opponent=BAR),
             "stated": [4, 5],
             "spec": S("k_of_n", RMA, {"event": "win", "last": 5}, opponent=BAR),
             "note": "last five league meetings; with the January 2022 Supercopa counted it is "
                     "also four of five"},
            {"text": "Of those La Liga games, Real Madrid have won 54 at home, at their own "
                     "Santiago Bernabeu, out of 92,",
             "query": q(RMA, "win", "k_of_n", competition="ESP1", venue="home", opponent=BAR),
             "stated": [54, 92],
             "spec": S("k_of_n", RMA, {"event": "win", "last": None}, opponent=BAR,
                       venue="home"),
             "note": "all home league games against Barcelona"},
            {"text": "which means Barcelona have only managed 23 wins there.",
             "query": q(BAR, "win", "count", competition="ESP1", venue="away", opponent=RMA),
             "stated": 23,
             "spec": S("count_matches", BAR, {"event": "win"}, opponent=RMA, venue="away"),
             "note": "Barcelona's league wins away to Real Madrid"},
            {"text": "All told, Barcelona's win-loss record at the Bernabeu stands at 30-66.",
             "query": None, "stated": {"won": 30, "lost": 66}, "spec": None,
             "reason": "all competitions at the ground include the Copa del Rey: no domestic "
                       "cups in the store"},
            {"text": "Barcelona's last win at the Bernabeu came in 2019, Ivan Rakitic's lone "
                     "strike separating the sides.",
             "query": q(BAR, "win", "first_since", competition="ESP1",
                        venue="@Santiago Bernabeu", opponent=RMA),
             "stated": "2019-03-02",
             "spec": S("last_date", BAR, {"event": "win"}, opponent=RMA, venue="away"),
             "note": "Barcelona won 4-0 at the Bernabeu on 2022-03-20, after the Rakitic game"},
            {"text": "That victory made it four wins in a row for Barcelona in Real Madrid's "
                     "den between 2015 and 2019.",
             "query": q(BAR, "win", "best_run", {"since": "2015-07-01"}, competition="ESP1",
                        venue="away", opponent=RMA),
             "stated": 4,
             "spec": S("best_run", BAR, {"event": "win"}, opponent=RMA, venue="away",
                       since="2015-07-01", until="2019-06-30"),
             "note": "league visits 2015-16 to 2018-19"},
            {"text": "Although they have met 184 times in La Liga, the two have scored exactly "
                     "as many goals as each other - 295.",
             "query": q(RMA, "scored", "record", competition="ESP1", opponent=BAR),
             "stated": {"for": 295, "against": 295},
             "spec": S("record", RMA, opponent=BAR),
             "note": "goals in all league meetings"},
        ],
    },
    {
        "slug": "dw-dortmund-bayern-2020",
        "publisher": "DW",
        "address": "https://www.dw.com/en/bundesliga-borussia-dortmund-vs-bayern-munich-"
                   "buildup/a-55520158?maca=en-rss-en-sports-1027-xml-atom",
        "fixture": {"home": BVB, "away": FCB, "date": "2020-11-07", "competition": "GER1"},
        "claims": [
            {"text": "Saturday's game in Dortmund is the 103rd Bundesliga meeting of Borussia "
                     "Dortmund and Bayern Munich.",
             "query": q(BVB, "played", "nth", competition="GER1", opponent=FCB),
             "stated": 103,
             "spec": S("nth_meeting", BVB, opponent=FCB, comps=("GER1",)),
             "note": "Bundesliga meetings, plus this one"},
            {"text": "The Bavarians have dominated the fixture: 48 wins, 25 defeats and 29 "
                     "draws.",
             "query": q(FCB, "win", "record", competition="GER1", opponent=BVB),
             "stated": {"won": 48, "lost": 25, "drawn": 29},
             "spec": S("record", FCB, opponent=BVB, comps=("GER1",)),
             "note": "Bundesliga meetings"},
            {"text": "They have taken seven of the last 10 clashes,",
             "query": q(FCB, "win", "k_of_n", {"last": 10}, competition="GER1",
                        opponent=BVB),
             "stated": [7, 10],
             "spec": S("k_of_n", FCB, {"event": "win", "last": 10}, opponent=BVB,
                       comps=("GER1",)),
             "note": "last ten Bundesliga meetings"},
            {"text": "Lucien Favre's defence, the league's best with only two goals let in "
                     "from six games,",
             "query": q(BVB, "conceded", "record", competition="GER1", season="2020-21"),
             "stated": {"played": 6, "against": 2},
             "spec": S("record", BVB, season="2020-21", comps=("GER1",)),
             "note": "2020-21 Bundesliga games before the fixture"},
            {"text": "Bayern's attack tops the division with 24 goals in six matches.",
             "query": q(FCB, "scored", "record", competition="GER1", season="2020-21"),
             "stated": {"played": 6, "for": 24},
             "spec": S("record", FCB, season="2020-21", comps=("GER1",)),
             "note": "2020-21 Bundesliga games before the fixture"},
            {"text": "Favre has lost all three of his previous games against Bayern coach Hansi "
                     "Flick.",
             "query": None, "stated": 3, "spec": None,
             "reason": "managers are not in the store"},
            {"text": "Robert Lewandowski has 10 goals from five Bundesliga matches this season.",
             "query": None, "stated": 10, "spec": None, "reason": NC_PLAYER},
        ],
    },
    {
        "slug": "gelderlander-ajax-feyenoord-2018",
        "publisher": "De Gelderlander",
        "address": "https://www.gelderlander.nl/nederlands-voetbal/van-bronckhorst-jaagt-op-"
                   "unieke-zege-schone-wil-fraaie-reeks-vervolgen~ad2bfc07/",
        "fixture": {"home": AJA, "away": FEY, "date": "2018-10-28", "competition": "NED1"},
        "claims": [
            {"text": "It will be, by the way, the 125th meeting of the two in the Eredivisie.",
             "query": q(AJA, "played", "nth", competition="NED1", opponent=FEY),
             "stated": 125,
             "spec": S("nth_meeting", AJA, opponent=FEY, comps=("NED1",)),
             "note": "Eredivisie meetings since 1956-57, plus this one"},
            {"text": "The balance in those games: Ajax have won 57 times against Feyenoord's 29, "
                     "with 38 draws.",
             "query": q(AJA, "win", "record", competition="NED1", opponent=FEY),
             "stated": {"won": 57, "lost": 29, "drawn": 38},
             "spec": S("record", AJA, opponent=FEY, comps=("NED1",)),
             "note": "Eredivisie meetings"},
            {"text": "Sunday's clash in the Johan Cruijff Arena is the 185th between the arch "
                     "rivals: Ajax 84 wins, Feyenoord 55, and 45 draws.",
             "query": None, "stated": {"played": 184, "won": 84, "lost": 55, "drawn": 45},
             "spec": None,
             "reason": "all competitions include the KNVB Cup and pre-Eredivisie leagues, not "
                       "in the store"},
            {"text": "Of the last thirty Klassiekers in all competitions, Feyenoord have won "
                     "just two.",
             "query": None, "stated": [2, 30], "spec": None,
             "reason": "the window holds KNVB Cup meetings (e.g. October 2015): no domestic "
                       "cups in the store"},
            {"text": "Ajax have scored in 52 of their last 53 Eredivisie games against Feyenoord, "
                     "a run going back to 1991.",
             "query": q(AJA, "scored", "k_of_n", {"last": 53}, competition="NED1",
                        opponent=FEY),
             "stated": [52, 53],
             "spec": S("k_of_n", AJA, {"event": "scored", "last": 53}, opponent=FEY,
                       comps=("NED1",)),
             "note": "last 53 Eredivisie meetings"},
            {"text": "The one exception was a goalless draw at home on 25 January 2015.",
             "query": q(AJA, "failed_to_score", "first_since", competition="NED1",
                        opponent=FEY),
             "stated": "2015-01-25",
             "spec": S("last_date", AJA, {"event": "failed_to_score"}, opponent=FEY,
                       comps=("NED1",)),
             "note": "Ajax's last blank against Feyenoord in the Eredivisie"},
            {"text": "Ajax have been unbeaten at home in the Eredivisie for almost a year: their "
                     "last defeat there was on 5 November 2017.",
             "query": q(AJA, "loss", "first_since", competition="NED1", venue="home"),
             "stated": "2017-11-05",
             "spec": S("last_date", AJA, {"event": "loss"}, venue="home", comps=("NED1",)),
             "note": "Ajax's last home league defeat"},
        ],
    },
    {
        "slug": "gelderlander-feyenoord-ajax-2019",
        "publisher": "De Gelderlander",
        "address": "https://www.gelderlander.nl/nederlands-voetbal/feyenoord-heeft-klassieker-"
                   "complex~aeb2b272/",
        "fixture": {"home": FEY, "away": AJA, "date": "2019-01-27", "competition": "NED1"},
        "claims": [
            {"text": "Of the 186 meetings between the clubs, 125 were played in the Eredivisie, "
                     "and Ajax won exactly twice as many of those as Feyenoord (58 against 29).",
             "query": q(AJA, "win", "record", competition="NED1", opponent=FEY),
             "stated": {"played": 125, "won": 58, "lost": 29},
             "spec": S("record", AJA, opponent=FEY, comps=("NED1",)),
             "note": "Eredivisie meetings"},
            {"text": "Ajax have lost only one of their last 25 league games with Feyenoord,",
             "query": q(AJA, "loss", "k_of_n", {"last": 25}, competition="NED1",
                        opponent=FEY),
             "stated": [1, 25], "relation": "only",
             "spec": S("k_of_n", AJA, {"event": "loss", "last": 25}, opponent=FEY,
                       comps=("NED1",)),
             "note": "last 25 Eredivisie meetings"},
            {"text": "while for the first time ever the side are unbeaten in thirteen Eredivisie "
                     "meetings in a row with the Rotterdam club.",
             "query": q(AJA, "unbeaten", "run", competition="NED1", opponent=FEY),
             "stated": 13,
             "spec": S("active_run", AJA, {"event": "unbeaten"}, opponent=FEY,
                       comps=("NED1",)),
             "note": "active unbeaten run in Eredivisie meetings"},
            {"text": "Since the start of 2006/2007, 11 teams have beaten Ajax in the Eredivisie "
                     "more often than rivals Feyenoord (once):",
             "query": q(FEY, "win", "count", {"since": "2006-08-01"}, competition="NED1",
                        opponent=AJA),
             "stated": 1,
             "spec": S("count_matches", FEY, {"event": "win"}, opponent=AJA, comps=("NED1",),
                       since="2006-08-01"),
             "note": "Feyenoord's Eredivisie wins over Ajax since 2006-07"},
            {"text": "Since the start of 2006/2007, 11 teams have beaten Ajax in the Eredivisie "
                     "more often than rivals Feyenoord (once): PSV (10 times) head the list.",
             "query": q(PSV, "win", "count", {"since": "2006-08-01"}, competition="NED1",
                        opponent=AJA),
             "stated": 10,
             "spec": S("count_matches", PSV, {"event": "win"}, opponent=AJA, comps=("NED1",),
                       since="2006-08-01"),
             "note": "PSV's Eredivisie wins over Ajax since 2006-07"},
            {"text": "Feyenoord have won only 2 of the last 31 Klassiekers in all competitions "
                     "(W2-D8-L21).",
             "query": None, "stated": {"won": 2, "drawn": 8, "lost": 21}, "spec": None,
             "reason": "the window holds KNVB Cup meetings: no domestic cups in the store"},
            {"text": "In their last 26 league visits to Feyenoord the Amsterdammers have scored "
                     "every time.",
             "query": q(AJA, "scored", "run", competition="NED1", venue="@De Kuip",
                        opponent=FEY),
             "stated": 26,
             "spec": S("active_run", AJA, {"event": "scored"}, opponent=FEY, venue="away",
                       comps=("NED1",)),
             "note": "active run of scoring in Eredivisie visits to Feyenoord"},
            {"text": "Ajax have found the net in 53 of their last 54 Eredivisie games with "
                     "Feyenoord (since 1991).",
             "query": q(AJA, "scored", "k_of_n", {"last": 54}, competition="NED1",
                        opponent=FEY),
             "stated": [53, 54],
             "spec": S("k_of_n", AJA, {"event": "scored", "last": 54}, opponent=FEY,
                       comps=("NED1",)),
             "note": "last 54 Eredivisie meetings"},
        ],
    },
    {
        "slug": "canalsupporters-psg-marseille-2020",
        "publisher": "Canal Supporters (figures from PSG's official site)",
        "address": "https://canal-supporters.com/2020/09/les-chiffres-avant-le-classique-psg-"
                   "om/",
        "fixture": {"home": PSG, "away": OM, "date": "2020-09-13", "competition": "FRA1"},
        "claims": [
            {"text": "This is the 98th game between PSG and OM.",
             "query": None, "stated": 98, "spec": None,
             "reason": "the club's count is over all competitions (cup ties not in the "
                       "store); Ligue 1 meetings alone make this the 82nd"},
            {"text": "The head-to-head leans clearly towards the Paris club: 43 wins, 22 draws "
                     "and 32 defeats.",
             "query": None, "stated": {"won": 43, "drawn": 22, "lost": 32}, "spec": None,
             "reason": "all competitions (Coupe de France, Coupe de la Ligue, Trophee des "
                       "Champions not in the store); Ligue 1 alone: W31 D19 L31"},
            {"text": "Better still, PSG are on a remarkable run of 20 games without defeat "
                     "against Marseille.",
             "query": None, "stated": 20, "spec": None,
             "reason": "the run counts all competitions and holds Coupe de France and Coupe de "
                       "la Ligue meetings (e.g. the 2016 cup final): no domestic cups in the "
                       "store"},
            {"text": "The capital club last lost at home to their great rivals on 28 February "
                     "2010, 0-3",
             "query": q(PSG, "loss", "first_since", competition="FRA1",
                        venue="@Parc des Princes", opponent=OM),
             "stated": "2010-02-28",
             "spec": S("last_date", PSG, {"event": "loss"}, opponent=OM, venue="home",
                       comps=("FRA1",)),
             "note": "PSG's last home league defeat to Marseille"},
            {"text": "The capital club last lost at home to their great rivals on 28 February "
                     "2010, 0-3 (11 wins and 1 draw since).",
             "query": None, "stated": {"won": 11, "drawn": 1}, "spec": None,
             "reason": "counts cup ties at the Parc (e.g. the 2018 Coupe de France "
                       "quarter-final), not in the store; Ligue 1 alone: W9 D1"},
            {"text": "In 50 games between the two at the Parc des Princes, the scales tip "
                     "heavily towards PSG: 28 wins, 12 draws and 9 defeats.",
             "query": None, "stated": {"played": 50, "won": 28, "drawn": 12, "lost": 9},
             "spec": None,
             "reason": "all competitions at the Parc, cup ties not in the store; Ligue 1 "
                       "alone: P41 W21 D11 L9"},
        ],
    },
    {
        "slug": "reuters-premier-league-2022-11-12",
        "publisher": "Reuters (via Devdiscourse)",
        "address": "https://www.devdiscourse.com/article/sports-games/2245369-soccer-bullet-"
                   "point-previews-of-premier-league-matches",
        "fixture": {"home": "Bournemouth", "away": "Everton", "date": "2022-11-12",
                    "competition": "ENG1"},
        "claims": [
            {"text": "Bournemouth have not lost any of their five Premier League home games "
                     "against Everton (W3 D2).",
             "query": q("Bournemouth", "unbeaten", "record", {"since": "1992-08-01"},
                        competition="ENG1", venue="home", opponent="Everton"),
             "stated": {"played": 5, "won": 3, "drawn": 2, "lost": 0},
             "spec": S("record", "Bournemouth", opponent="Everton", venue="home", **PL),
             "note": "Premier League home games against Everton"},
            {"text": "Bournemouth have been beaten in their last four league games, after six "
                     "unbeaten under caretaker Gary O'Neil once he replaced Scott Parker in "
                     "late August.",
             "query": q("Bournemouth", "loss", "run", competition="league"),
             "stated": 4,
             "spec": S("active_run", "Bournemouth", {"event": "loss"}),
             "note": "active run of league defeats"},
            {"text": "On Tuesday Bournemouth knocked Everton out 4-1 in the League Cup.",
             "query": None, "stated": {"for": 4, "against": 1}, "spec": None,
             "reason": "League Cup: no domestic cups in the store"},
        ],
    },
]

PREVIEWS.append({
    "slug": "independent-arsenal-chelsea-1999",
    "publisher": "The Independent",
    "address": "https://the-independent.com/sport/football-weekend-guide-to-the-premiership-"
               "arsenal-v-chelsea-1077265.html",
    "fixture": {"home": ARS, "away": "Chelsea", "date": "1999-01-31", "competition": "ENG1"},
    "claims": [
        {"text": "Gianluca Vialli's Blues have not lost in the Premiership since the first day "
                 "of the season,",
         "query": q("Chelsea", "loss", "first_since", competition="ENG1"),
         "stated": "1998-08-15",
         "spec": S("last_date", "Chelsea", {"event": "loss"}, comps=("ENG1",)),
         "note": "Chelsea's last league defeat (the opening day was 1998-08-15)"},
        {"text": "Gianluca Vialli's Blues have not lost in the Premiership since the first day "
                 "of the season, and will want to show that their 5-0 rout of Arsene Wenger's "
                 "side in the Worthington Cup in November was no fluke.",
         "query": None, "stated": {"for": 5, "against": 0}, "spec": None,
         "reason": "League Cup: no domestic cups in the store"},
        {"text": "Chelsea have just one win from their last 16 trips to Highbury,",
         "query": q("Chelsea", "win", "k_of_n", {"last": 16}, competition="league",
                    venue="@Highbury", opponent=ARS),
         "stated": [1, 16], "relation": "only",
         "spec": S("k_of_n", "Chelsea", {"event": "win", "last": 16}, opponent=ARS,
                   venue="away"),
         "note": "last sixteen league visits to Arsenal"},
        {"text": "Chelsea have just one win from their last 16 trips to Highbury, a 1-0 in "
                 "March 1990.",
         "query": q("Chelsea", "win", "first_since", competition="league", venue="@Highbury",
                    opponent=ARS),
         "stated": "1990-03",
         "spec": S("last_date", "Chelsea", {"event": "win"}, opponent=ARS, venue="away"),
         "note": "Chelsea's last league win at Arsenal (stated to the month)"},
    ],
})

# The same Reuters page, its other fixtures.
REUTERS = next(p for p in PREVIEWS if p["slug"].startswith("reuters-premier-league"))
for _home, _away, _claims in [
    ("Liverpool", "Southampton", [
        {"text": "Liverpool have taken nine of their last 10 Premier League games with "
                 "Southampton, the one defeat in January last year.",
         "query": q("Liverpool", "win", "k_of_n", {"last": 10}, competition="ENG1",
                    opponent="Southampton"),
         "stated": [9, 10],
         "spec": S("k_of_n", "Liverpool", {"event": "win", "last": 10},
                   opponent="Southampton", **PL),
         "note": "last ten Premier League meetings"},
        {"text": "Of Southampton's 11 league wins against Liverpool, just three were at "
                 "Anfield.",
         "query": q("Southampton", "win", "count", competition="league", venue="@Anfield",
                    opponent="Liverpool"),
         "stated": 3,
         "spec": S("count_matches", "Southampton", {"event": "win"}, opponent="Liverpool",
                   venue="away"),
         "note": "Southampton's league wins at Liverpool, all tiers",
         "alt": [("holds for the Premier League only (11 wins, 3 at Anfield); all league "
                  "tiers give 25 wins, 5 at Anfield",
                  S("count_matches", "Southampton", {"event": "win"}, opponent="Liverpool",
                    venue="away", **PL))]},
    ]),
    ("Tottenham Hotspur", "Leeds United", [
        {"text": "Tottenham have seven wins from their last nine Premier League games "
                 "against Leeds (D1 L1).",
         "query": q(TOT, "win", "record", {"last": 9}, competition="ENG1",
                    opponent="Leeds United"),
         "stated": {"won": 7, "drawn": 1, "lost": 1},
         "spec": S("record", TOT, {"last": 9}, opponent="Leeds United", **PL),
         "note": "last nine Premier League meetings"},
        {"text": "Leeds have been beaten on each of their last five league trips to Spurs,",
         "query": q("Leeds United", "loss", "run", competition="league", venue="away",
                    opponent=TOT),
         "stated": 5,
         "spec": S("active_run", "Leeds United", {"event": "loss"}, opponent=TOT,
                   venue="away"),
         "note": "active run of league defeats at Tottenham"},
        {"text": "Leeds have been beaten on each of their last five league trips to Spurs, "
                 "their last win there a 2-1 at White Hart Lane in February 2001.",
         "query": q("Leeds United", "win", "first_since", competition="league", venue="away",
                    opponent=TOT),
         "stated": "2001-02",
         "spec": S("last_date", "Leeds United", {"event": "win"}, opponent=TOT,
                   venue="away"),
         "note": "Leeds' last league win at Tottenham (stated to the month)"},
        {"text": "Tottenham have been beaten in three of their last four Premier League "
                 "games (W1), the same number of defeats as in the 24 before (W17 D4).",
         "query": q(TOT, "loss", "k_of_n", {"last": 4}, competition="ENG1"),
         "stated": [3, 4],
         "spec": S("k_of_n", TOT, {"event": "loss", "last": 4}, **PL),
         "note": "last four Premier League games"},
    ]),
    ("West Ham United", "Leicester City", [
        {"text": "West Ham have gone four league games against Leicester without defeat "
                 "(D1 L3).",
         "query": q("West Ham United", "unbeaten", "run", competition="league",
                    opponent="Leicester City"),
         "stated": 4,
         "spec": S("active_run", "West Ham United", {"event": "unbeaten"},
                   opponent="Leicester City"),
         "note": "active unbeaten run in league meetings (W3 D1)"},
        {"text": "West Ham have gone four league games against Leicester without defeat "
                 "(D1 L3).",
         "query": q("West Ham United", "win", "record", {"last": 4}, competition="league",
                    opponent="Leicester City"),
         "stated": {"won": 0, "drawn": 1, "lost": 3},
         "spec": S("record", "West Ham United", {"last": 4}, opponent="Leicester City"),
         "note": "the bracket: the last four league meetings were W3 D1, not D1 L3"},
    ]),
]:
    PREVIEWS.append({
        "slug": f"reuters-{slug(_home)}-{slug(_away)}-2022",
        "publisher": REUTERS["publisher"], "address": REUTERS["address"],
        "fixture": {"home": _home, "away": _away, "date": "2022-11-12", "competition": "ENG1"},
        "claims": _claims,
    })
REUTERS["slug"] = "reuters-bournemouth-everton-2022"

# A second Reuters bullet-point page (2020-21), one entry per fixture.
SUNDAILY = ("https://www.thesundaily.my/world/reuters/soccer-bullet-point-previews-of-premier-"
            "league-matches-DA6525445")
AVL, NEW, SOU, MUN2 = "Aston Villa", "Newcastle United", "Southampton", "Manchester United"
for _home, _away, _claims in [
    (AVL, ARS, [
        {"text": "Villa have beaten Arsenal just 10 times in their 51 Premier League meetings,",
         "query": q(AVL, "win", "record", {"since": "1992-08-01"}, competition="ENG1",
                    opponent=ARS),
         "stated": {"played": 51, "won": 10},
         "spec": S("record", AVL, opponent=ARS, **PL),
         "note": "Premier League meetings since 1992-93"},
        {"text": "Villa have beaten Arsenal just 10 times in their 51 Premier League meetings, "
                 "four of those wins at home.",
         "query": q(AVL, "win", "count", {"since": "1992-08-01"}, competition="ENG1",
                    venue="home", opponent=ARS),
         "stated": 4,
         "spec": S("count_matches", AVL, {"event": "win"}, opponent=ARS, venue="home", **PL),
         "note": "Premier League home wins over Arsenal"},
        {"text": "Arsenal have nine goals from their last five league games against Villa, "
                 "but failed to score in the two before, losing both.",
         "query": q(ARS, "scored", "count", {"last": 5}, unit="goal", competition="league",
                    opponent=AVL),
         "stated": 9,
         "spec": S("count_goals", ARS, {"last": 5}, opponent=AVL),
         "note": "goals in the last five league meetings",
         "alt": [("holds for the five meetings before the last two (the two blanks, 0-1 and "
                  "0-3, are the latest)", S("count_goals", ARS, {"last": 5}, opponent=AVL,
                                            until="2019-12-31"))]},
        {"text": "Martinez in the Villa goal has 10 clean sheets so far, with only "
                 "Manchester City's Ederson (13) ahead of him.",
         "query": None, "stated": 10, "spec": None,
         "reason": "line-ups are not in the store, so a goalkeeper's clean sheets cannot be "
                   "told from his team's"},
    ]),
    ("Burnley", "Brighton & Hove Albion", [
        {"text": "Of the seven Premier League games between Burnley and Brighton, four have "
                 "been drawn, three of them 0-0.",
         "query": q("Burnley", "draw", "k_of_n", {"since": "1992-08-01"}, competition="ENG1",
                    opponent="Brighton & Hove Albion"),
         "stated": [4, 7],
         "spec": S("k_of_n", "Burnley", {"event": "draw", "last": None},
                   opponent="Brighton & Hove Albion", **PL),
         "note": "all Premier League meetings"},
    ]),
    (NEW, SOU, [
        {"text": "Southampton have won 16 of their 39 Premier League meetings with Newcastle, "
                 "but only three of them away from home.",
         "query": q(SOU, "win", "record", {"since": "1992-08-01"}, competition="ENG1",
                    opponent=NEW),
         "stated": {"played": 39, "won": 16},
         "spec": S("record", SOU, opponent=NEW, **PL),
         "note": "Premier League meetings"},
        {"text": "Southampton have won 16 of their 39 Premier League meetings with Newcastle, "
                 "but only three of them away from home.",
         "query": q(SOU, "win", "count", {"since": "1992-08-01"}, competition="ENG1",
                    venue="away", opponent=NEW),
         "stated": 3, "relation": "only",
         "spec": S("count_matches", SOU, {"event": "win"}, opponent=NEW, venue="away", **PL),
         "note": "Premier League wins at Newcastle"},
        {"text": "Southampton come in on four straight league defeats, one of them the 9-0 at "
                 "Manchester United on Tuesday.",
         "query": q(SOU, "loss", "run", competition="league"),
         "stated": 4,
         "spec": S("active_run", SOU, {"event": "loss"}),
         "note": "active run of league defeats"},
        {"text": "Newcastle have been beaten in eight of their last 11 league games.",
         "query": q(NEW, "loss", "k_of_n", {"last": 11}, competition="league"),
         "stated": [8, 11],
         "spec": S("k_of_n", NEW, {"event": "loss", "last": 11}),
         "note": "last eleven league games"},
    ]),
    ("Fulham", "West Ham United", [
        {"text": "The last three Premier League meetings of the sides have all been won by "
                 "West Ham.",
         "query": q("West Ham United", "win", "run", competition="ENG1", opponent="Fulham"),
         "stated": 3,
         "spec": S("active_run", "West Ham United", {"event": "win"}, opponent="Fulham", **PL),
         "note": "active run of Premier League wins over Fulham"},
        {"text": "West Ham have five wins from their last six league games, while Fulham are "
                 "still waiting for a league win since November.",
         "query": q("West Ham United", "win", "k_of_n", {"last": 6}, competition="league"),
         "stated": [5, 6],
         "spec": S("k_of_n", "West Ham United", {"event": "win", "last": 6}),
         "note": "last six league games"},
        {"text": "West Ham have five wins from their last six league games, while Fulham are "
                 "still waiting for a league win since November.",
         "query": q("Fulham", "win", "first_since", competition="league"),
         "stated": "2020-11",
         "spec": S("last_date", "Fulham", {"event": "win"}),
         "note": "Fulham's last league win (stated to the month)"},
    ]),
    (MUN2, "Everton", [
        {"text": "Everton have nine wins in 57 Premier League games with Manchester United, "
                 "just two of them at Old Trafford.",
         "query": q("Everton", "win", "record", {"since": "1992-08-01"}, competition="ENG1",
                    opponent=MUN2),
         "stated": {"played": 57, "won": 9},
         "spec": S("record", "Everton", opponent=MUN2, **PL),
         "note": "Premier League meetings"},
        {"text": "Everton have nine wins in 57 Premier League games with Manchester United, "
                 "just two of them at Old Trafford.",
         "query": q("Everton", "win", "count", {"since": "1992-08-01"}, competition="ENG1",
                    venue="@Old Trafford", opponent=MUN2),
         "stated": 2, "relation": "only",
         "spec": S("count_matches", "Everton", {"event": "win"}, opponent=MUN2,
                   venue="away", **PL),
         "note": "Premier League wins at Manchester United"},
        {"text": "No team has scored more league goals this season than Manchester United, "
                 "with 46.",
         "query": q(MUN2, "scored", "count", unit="goal", competition="league",
                    season="2020-21"),
         "stated": 46,
         "spec": S("count_goals", MUN2, season="2020-21"),
         "note": "2020-21 league goals before the fixture"},
    ]),
]:
    PREVIEWS.append({
        "slug": f"reuters-{slug(_home)}-{slug(_away)}-2021",
        "publisher": "Reuters (via The Sun Daily)", "address": SUNDAILY,
        "fixture": {"home": _home, "away": _away, "date": "2021-02-06", "competition": "ENG1"},
        "claims": _claims,
    })


def matches(stated, actual, relation):
    if isinstance(stated, dict) and isinstance(actual, dict):
        return all(actual.get(k) == v for k, v in stated.items())
    if isinstance(stated, str) and isinstance(actual, str) and len(stated) == 7:
        return actual[:7] == stated  # a date stated to the month
    if relation == "at_least":
        return actual is not None and actual >= stated
    return stated == actual


def main() -> int:
    out = []
    for pv in PREVIEWS:
        fx = pv["fixture"]
        for n, c in enumerate(pv["claims"], 1):
            cid = f"{pv['slug']}-{n:02d}"
            relation = c.get("relation", "equal")
            stated = c["stated"]
            if c.get("spec") is None:
                verdict, actual, reason, truth_by = "not_checkable", None, c["reason"], None
            else:
                truth_by = c["spec"][0]
                actual = compute(c["spec"], fx["date"])
                if isinstance(stated, dict) and isinstance(actual, dict):
                    actual = {k: actual[k] for k in stated}
                if isinstance(stated, str) and isinstance(actual, str) and len(stated) == 7:
                    actual = actual[:7]
                reason = c.get("note", "")
                if matches(stated, actual, relation):
                    verdict = "supported"
                else:
                    verdict = "refuted"
                    for alt_reason, alt_spec in c.get("alt", []):
                        alt = compute(alt_spec, fx["date"])
                        if isinstance(stated, dict) and isinstance(alt, dict):
                            alt = {k: alt[k] for k in stated}
                        if matches(stated, alt, relation):
                            verdict, reason = "imprecise", alt_reason
                            truth_by = f"{truth_by} (+{alt_spec[0]} for the other reading)"
                            break
                if verdict == "refuted" and c.get("imprecise"):
                    # the other reading needs matches the store does not hold (domestic
                    # cups); the figure was checked by hand against those fixtures
                    verdict, reason = "imprecise", c["imprecise"]
                if c.get("expect") and c["expect"] != verdict:
                    print(f"!! {cid}: expected {c['expect']}, derived {verdict}")
            out.append({
                "id": cid,
                "address": pv["address"],
                "publisher": pv["publisher"],
                "fixture": fx,
                "text": c["text"],
                "query": c.get("query"),
                "stated": stated,
                "relation": relation,
                "verdict": verdict,
                "actual": actual,
                "reason": reason,
                "truth_by": truth_by,
            })
            print(f"{cid:45s} stated={json.dumps(stated):42s} actual={json.dumps(actual):42s}"
                  f" {verdict}")
    OUT.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out))
    counts = pd.Series([o["verdict"] for o in out]).value_counts().to_dict()
    print(f"{len(out)} claims from {len(PREVIEWS)} previews: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
