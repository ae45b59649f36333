"""An independent reader of the raw files in the data mirror, for the audit of issue 15.

It shares no code with matchfacts.sources or matchfacts.store: its own small parsers, its
own rules for rounds, stages, neutral grounds and tie winners. One match a row, the score
after extra time (a shoot-out is not a goal), as the product's facts count a result.

Which source gives which competition (the first that holds it, no merging):
  UCL  charliegnomo (UEFA's own dump) to 2021-22, then openfootball's cl.txt / clq.txt
  UEL, UCWC, UIC, USC  schochastics to 2018-19; UEL then openfootball from 2020-21
  UECL openfootball
  leagues: engsoccerdata (England from england.rda), football-datasets for the seasons
  engsoccerdata does not reach (2025-26 of the top five).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pandas as pd

MIRROR = Path(os.environ.get("MATCHFACTS_DATA_MIRROR", Path(__file__).parents[3] / "shared/data"))

COLUMNS = ["comp", "season", "date", "home", "away", "hg", "ag", "stage", "round", "neutral",
           "source", "country_h", "country_a", "tier", "played", "pens"]  # fmt: skip


def season_label(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def cup_season(day: dt.date) -> str:
    """A European season starts with its first qualifying round, in late June."""
    return season_label(day.year if (day.month, day.day) >= (6, 20) else day.year - 1)


# ---------------------------------------------------------------- charliegnomo (UCL)
CG_ROUNDS = {"QUARTER_FINALS": "QF", "SEMIFINAL": "SF", "ROUND_OF_16": "R16", "FINAL": "F",
             "FIRST": "R1", "SECOND": "R2"}  # fmt: skip


def _num(value: str) -> int | None:
    return int(float(value)) if value not in ("", None) else None


def charliegnomo() -> list[dict]:
    rows = []
    path = MIRROR / "charliegnomo-champions-uefa-data/matches.csv"
    with open(path, encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter=";"):
            if r["status"] != "FINISHED":
                continue
            # 431 early matches carry no date: engsoccerdata's champs.csv gives it (units.py)
            day = dt.date.fromisoformat(r["date"][:10]) if r["date"] else None
            ft1, ft2, et1, et2 = (_num(r[k]) for k in ("ft1", "ft2", "et1", "et2"))
            hg, ag = (et1, et2) if et1 is not None else (ft1, ft2)
            # UEFA's own phase: its early preliminary rounds are qualifying too
            if r["phase"] == "QUALIFYING":
                stage = "qualifying"
            elif r["match_type"] == "GROUP_STAGE":
                stage = "group"
            elif r["round"] == "FINAL":
                stage = "final"
            else:
                stage = "knockout"
            # A final was played at a ground chosen by UEFA; so were most replays and the
            # single matches of 2019-20's final eight, but not all: below, by the ground.
            neutral = r["round"] == "FINAL"
            rows.append(dict(
                comp="UCL", season=r["season"][:5] + r["season"][-2:], date=day,
                home=("cg", r["t1_name"]), away=("cg", r["t2_name"]), hg=hg, ag=ag,
                stage=stage, round=CG_ROUNDS.get(r["round"], r["round"]), neutral=neutral,
                pens=r["pen1"] not in ("", None), replay=r["match_type"] == "REPLAY",
                stadium=r["stadium"], single=r["match_type"] in ("REPLAY", "SINGLE"),
            ))  # fmt: skip
    # A replay or a single match away from the listed home side's own grounds (those of its
    # two-legged and group home matches) was on neutral ground: Liverpool v Köln in
    # Rotterdam (1965), Ajax v Benfica in Paris (1969), the Lisbon final eight (2020).
    grounds = defaultdict(set)
    for row in rows:
        if not row["single"] and row["round"] != "F":
            grounds[row["home"]].add(row["stadium"])
    for row in rows:
        if row["single"] and row["stadium"] not in grounds[row["home"]]:
            row["neutral"] = True
    return rows


def sch_ucl_dates() -> list[dict]:
    """schochastics' European Cup rows, for the days neither UEFA nor engsoccerdata gives."""
    with open(MIRROR / "schochastics-football-data/results/uefa-cl.csv", encoding="utf-8") as fh:
        return [dict(season=cup_season(dt.date.fromisoformat(r["date"])),
                     date=dt.date.fromisoformat(r["date"]), home=("sch", r["home"]),
                     away=("sch", r["away"])) for r in csv.DictReader(fh)]  # fmt: skip


def champs() -> list[dict]:
    """engsoccerdata's European Cup rows (1955-56..2015-16): the days UEFA's dump lacks,
    and the few matches it lacks (EPA Larnaca v Mönchengladbach, 1970)."""
    rows = []
    with open(MIRROR / "engsoccerdata/champs.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rnd = r["round"]
            stage = ("qualifying" if rnd.startswith("Q-") else "group" if rnd.startswith("Group")
                     else "final" if rnd == "final" else "knockout")  # fmt: skip
            rows.append(dict(
                comp="UCL", season=season_label(int(r["Season"])),
                date=dt.date.fromisoformat(r["Date"]), home=("esd", r["home"], r["hcountry"]),
                away=("esd", r["visitor"], r["vcountry"]), hg=int(r["tothgoal"]),
                ag=int(r["totvgoal"]), stage=stage, round={"final": "F"}.get(rnd, rnd),
                neutral=rnd == "final" or r["leg"] == "replay", pens=r["pens"] != "NA",
                replay=r["leg"] == "replay", played=True,
            ))  # fmt: skip
    return rows


# ---------------------------------------------------------------- schochastics
SCH_FILES = {
    "UEL": "uefa-el.csv",
    "UCWC": "uefa-cw.csv",
    "UIC": "uefa-itc.csv",
    "USC": "uefa-sc.csv",
}


def schochastics() -> list[dict]:
    rows = []
    for comp, name in SCH_FILES.items():
        with open(MIRROR / "schochastics-football-data/results" / name, encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                day = dt.date.fromisoformat(r["date"])
                rows.append(dict(
                    comp=comp, season=cup_season(day), date=day, home=("sch", r["home"]),
                    away=("sch", r["away"]), hg=int(r["gh"]), ag=int(r["ga"]),
                    stage=None, round=None, neutral=False, pens=r["full_time"] == "P",
                ))  # fmt: skip
    return _structure(rows)


def _edition(row: dict) -> str:
    """The first two Fairs Cups ran over three and two years (1955-58, 1958-60): an
    edition, not a calendar season, has one final."""
    if row["comp"] == "UEL" and row["date"] < dt.date(1958, 7, 1):
        return "1955-58"
    if row["comp"] == "UEL" and row["date"] < dt.date(1960, 7, 1):
        return "1958-60"
    return row["season"]


def _in_group(comp: str, year: int, day: dt.date, meetings_before_feb: int) -> bool:
    autumn = day.month in (9, 10, 11, 12)
    if comp == "UEL" and year >= 2009:
        return autumn
    if comp == "UEL" and 2004 <= year <= 2008:
        return day.month in (10, 11, 12) and meetings_before_feb == 1
    return comp == "UIC" and year <= 1997 and meetings_before_feb == 1


def _structure(rows: list[dict]) -> list[dict]:
    """Stages and rounds for a source that gives none, by the calendar of each era:
    July and August are qualifying (since 1990-91), the autumn of a season with a group
    stage is the group (2004-05 to 2008-09: a pair that met once before February), and the
    knockout ties are numbered back from the final: the last tie is the final, the two
    before it the semi-finals, then four quarter-finals, then eight of the last sixteen."""
    by_season = defaultdict(list)
    for r in rows:
        by_season[(r["comp"], _edition(r))].append(r)
    for (comp, season), matches in by_season.items():
        year = int(season[:4])
        if season == "1955-58":  # the first Fairs Cup: groups until the summer of 1957
            for m in matches:
                m["stage"] = "group" if m["date"] < dt.date(1957, 7, 1) else "knockout"
        before_feb = defaultdict(int)
        for m in matches:
            if m["date"] < dt.date(year + 1, 2, 1):
                before_feb[frozenset((m["home"], m["away"]))] += 1
        for m in matches:
            pair = frozenset((m["home"], m["away"]))
            if m["stage"] == "group":
                continue
            if comp == "USC":
                m["stage"] = "final"
            elif comp != "UIC" and year >= 1990 and m["date"].month in (6, 7, 8):
                m["stage"] = "qualifying"
            elif _in_group(comp, year, m["date"], before_feb[pair]):
                m["stage"] = "group"
            else:
                m["stage"] = "knockout"
        knockout = [m for m in matches if m["stage"] == "knockout"]
        ties: dict[frozenset, list[dict]] = defaultdict(list)
        for m in knockout:
            ties[frozenset((m["home"], m["away"]))].append(m)
        order = sorted(ties.values(), key=lambda legs: max(x["date"] for x in legs), reverse=True)
        for rank, legs in enumerate(order):
            name = "F" if rank == 0 else "SF" if rank < 3 else "QF" if rank < 7 else \
                "R16" if rank < 15 else "R"  # fmt: skip
            legs.sort(key=lambda x: x["date"])
            for m in legs:
                m["round"] = name
                if name == "F" and comp != "USC":
                    m["stage"] = "final"
                # a final played once was on neutral ground, and so was every Cup Winners'
                # Cup final after the first (two legs) and its replay (Athens, 1971); a
                # play-off's ground cannot be told from this file (some were neutral, some
                # at a side's ground by lot): its listed home side is taken as at home
                m["neutral"] = name == "F" and (len(legs) == 1 or (comp == "UCWC" and year > 1960))
    return rows


# ---------------------------------------------------------------- openfootball
OF_LINE = re.compile(
    r"^\s+(?:\d{1,2}[.:]\d{2}\s+)?(?P<home>.+?)\s+v\s+(?P<away>.+?)\s{2,}(?P<score>.*)$"
)
OF_DATE = re.compile(
    r"^\s+\[?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\s+(\w{3})/(\d{1,2})(?:\s+(\d{4}))?"
)
MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, start=1)}
OF_FILES = {"cl": ("UCL", False), "clq": ("UCL", True), "el": ("UEL", False),
            "elq": ("UEL", True), "conf": ("UECL", False), "confq": ("UECL", True)}  # fmt: skip


def _heading(text: str) -> tuple[str, str]:
    t = text.lower()
    if "group" in t or "gruppe" in t or "league" in t:
        return "group", "GROUP"
    if "semi" in t:
        return "knockout", "SF"
    if "quarter" in t:
        return "knockout", "QF"
    if "round of 16" in t or "achtel" in t:
        return "knockout", "R16"
    if "round of 32" in t or "sechzehntel" in t:
        return "knockout", "R32"
    if "final" in t:
        return "final", "F"
    if "playoff" in t or "play-off" in t or "knockout" in t:
        return "knockout", "KPO"
    raise ValueError(f"unknown openfootball heading {text!r}")


def _of_score(text: str) -> tuple[int | None, int | None, bool]:
    """Score after extra time (or 90 minutes) and whether a shoot-out followed."""
    text = text.split("@")[0]
    pens = " pen" in f" {text}"
    text = re.sub(r"\d+-\d+\s*pen\.?", "", text)
    aet = re.search(r"(\d+)-(\d+)\s*a\.?e\.?t", text)
    if aet:
        return int(aet.group(1)), int(aet.group(2)), pens
    plain = re.match(r"\s*(\d+)-(\d+)", text)
    if plain:
        return int(plain.group(1)), int(plain.group(2)), pens
    return None, None, pens


def _year(line: str, year0: int, month: int, day: int) -> int:
    weekday = line.split()[0].lstrip("[")[:3]
    for year in (year0 + (month < 7), year0, year0 + 1):
        if dt.date(year, month, day).strftime("%a") == weekday:
            return year
    return year0 + (month < 7)


def openfootball() -> list[dict]:
    rows = []
    base = MIRROR / "openfootball-champions-league"
    for path in sorted(base.glob("*/*.txt")):
        comp, qualifying = OF_FILES[path.stem]
        season = path.parent.name
        year0 = int(season[:4])
        stage, rnd, day = ("qualifying", "Q", None) if qualifying else (None, None, None)
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            if line.startswith("»"):
                if not qualifying:
                    stage, rnd = _heading(line[1:].strip())
                continue
            d = OF_DATE.match(line)
            if d:  # a date without its year: the season's year whose weekday it names
                month = MONTHS[d.group(1)]  # (2019-20 ran to "Fri Aug/7", 2020)
                year = int(d.group(3)) if d.group(3) else _year(line, year0, month, int(d.group(2)))
                day = dt.date(year, month, int(d.group(2)))
                line = line[d.end() :]
                if not line.strip():
                    continue
                line = "  " + line.strip()
            m = OF_LINE.match(line)
            if not m or day is None or stage is None:
                continue
            hg, ag, pens = _of_score(m.group("score"))
            home, away = (re.sub(r"\s*\([A-Z]{3}\)\s*$", "", m.group(k)).strip()
                          for k in ("home", "away"))  # fmt: skip
            rows.append(dict(
                comp=comp, season=season, date=day, home=("of", home), away=("of", away),
                hg=hg, ag=ag, stage=stage, round=rnd, neutral=stage == "final", pens=pens,
            ))  # fmt: skip
    return rows


# ---------------------------------------------------------------- leagues
LEAGUE_FILES = {"spain": "ESP", "germany": "GER", "italy": "ITA", "france": "FRA",
                "holland": "NED", "portugal": "POR", "belgium": "BEL", "turkey": "TUR",
                "scotland": "SCO", "greece": "GRE"}  # fmt: skip
FD_FOLDERS = {"premier-league": "ENG", "la-liga": "ESP", "serie-a": "ITA",
              "bundesliga": "GER", "ligue-1": "FRA"}  # fmt: skip


def _league_row(country, season, day, home, away, hg, ag, tier, source) -> dict:
    return dict(comp=f"{country}{tier}", season=season, date=day, home=(source, home, country),
                away=(source, away, country), hg=hg, ag=ag, stage="league", round="",
                neutral=False, pens=False)  # fmt: skip


def engsoccerdata() -> list[dict]:
    rows = []
    for name, country in LEAGUE_FILES.items():
        frame = pd.read_csv(MIRROR / "engsoccerdata" / f"{name}.csv")
        frame = frame[frame["tier"].notna() & frame["hgoal"].notna()]
        for r in frame.itertuples(index=False):
            rows.append(_league_row(country, season_label(int(r.Season)),
                                    dt.date.fromisoformat(str(r.Date)[:10]), r.home, r.visitor,
                                    int(r.hgoal), int(r.vgoal), int(r.tier), "esd"))  # fmt: skip
    import pyreadr  # England is an R data file only

    frame = next(iter(pyreadr.read_r(str(MIRROR / "engsoccerdata/england.rda")).values()))
    for r in frame.itertuples(index=False):
        rows.append(_league_row("ENG", season_label(int(r.Season)),
                                dt.date.fromisoformat(str(r.Date)[:10]), r.home, r.visitor,
                                int(r.hgoal), int(r.vgoal), int(r.tier), "esd"))  # fmt: skip
    return rows


def football_datasets() -> list[dict]:
    """The top five from 1993-94: the matches engsoccerdata lacks are kept (units.py drops
    the rest: a league pair meets at one ground once a season)."""
    rows = []
    for folder, country in FD_FOLDERS.items():
        for path in sorted((MIRROR / "football-datasets" / folder).glob("season-*.csv")):
            yy = int(path.stem[-4:-2])
            season = season_label(yy + (1900 if yy > 50 else 2000))
            with open(path, encoding="utf-8-sig") as fh:
                played = [r for r in csv.DictReader(fh) if r.get("FTHG")]
            for r in played:
                if not r.get("FTHG"):
                    continue
                day = _fd_date(r["Date"])
                rows.append(
                    _league_row(
                        country,
                        season,
                        day,
                        r["HomeTeam"],
                        r["AwayTeam"],
                        int(float(r["FTHG"])),
                        int(float(r["FTAG"])),
                        1,
                        "fd",
                    )
                )
    return rows


def _fd_date(text: str) -> dt.date:
    if re.match(r"\d{4}-", text):
        return dt.date.fromisoformat(text)
    d, m, y = text.split("/")
    y = int(y) + (2000 if int(y) < 50 else 1900) if len(y) == 2 else int(y)
    return dt.date(y, int(m), int(d))


@cache
def raw_matches() -> pd.DataFrame:
    """Every match of the competitions the store holds, from the raw files."""
    ucl = charliegnomo()
    last_cg = max(r["season"] for r in ucl)
    # openfootball's Champions League before UEFA's dump ends only where the dump lacks the
    # match (its last weeks, listed as not finished): units.py drops the repeats
    of = [r | {"fallback": r["comp"] == "UCL" and r["season"] <= last_cg} for r in openfootball()]
    sch = schochastics()
    leagues = engsoccerdata()
    rows = ucl + sch + of + leagues + football_datasets()
    frame = pd.DataFrame(rows)
    frame["played"] = frame["hg"].notna()
    frame["replay"] = frame["replay"].fillna(False).astype(bool)
    frame["fallback"] = frame["fallback"].fillna(False).astype(bool)
    return frame
