"""Write src/matchfacts/sources/registry.toml from a mirror of the sources.

Run when a source is added or moved to a new commit:
    python scripts/make_registry.py ../shared/data
It pins every file's public address to the commit named below and records its SHA-256,
so a download that differs from what the parsers were written for fails loudly.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

GH = "https://raw.githubusercontent.com"

# name -> (title, repository, licence, open licence?, parser module, coverage, files)
# files: list of (mirror path glob, function mirror path -> url)
SOURCES = {
    "charliegnomo-champions-uefa-data": dict(
        title="UEFA Champions League raw data (UEFA match API dump)",
        repository="https://github.com/CharlieGnomo/champions_uefa_data",
        commit="6e2c939ebad0b1dca6276958d1e0cd80d17422ba",
        licence="Apache-2.0 (content pulled from UEFA's API; UEFA's terms may also apply)",
        open_licence=True,
        parser="charliegnomo",
        coverage="European Cup/Champions League incl. qualifying, 1955-56..2021-22",
        files=[("matches.csv", ""), ("goals.csv", ""), ("players.csv", ""),
               ("teams.csv", ""), ("winners.csv", ""), ("stadiums.csv", "")],
    ),
    "schochastics-football-data": dict(
        title="football-data (worldclubratings.com): European club-cup results and scorers",
        repository="https://github.com/schochastics/football-data",
        commit="036bc29f528e4b4c8f809e1e0fbce004874b195c",
        licence="ODC-BY-1.0 (attribution: David Schoch / worldclubratings.com)",
        open_licence=True,
        parser="schochastics",
        coverage="UEFA club cups 1955-2019 (every leg); CL scorers 1990-2025, EL 2006-2025",
        files=[("results/*.csv", "data/"),
               ("goals_time/*.csv", "data/@6ba5e7e8f8657b6ccdeb0e89778765423f8d5aaf")],
    ),
    "openfootball-champions-league": dict(
        title="openfootball champions-league (Football.TXT)",
        repository="https://github.com/openfootball/champions-league",
        commit="8312624b508373c13d111cf4ec2d273d404ba13e",
        licence="CC0-1.0",
        open_licence=True,
        parser="openfootball",
        coverage="CL 2011-12..2025-26 with qualifying; EL 2020-21..; Conference League 2021-22..",
        files=[("*/*.txt", "")],
    ),
    "engsoccerdata": dict(
        title="engsoccerdata: European Cup ties and domestic leagues",
        repository="https://github.com/jalapic/engsoccerdata",
        commit="872c5c354161ace8408f3091b758c6af4cccca94",
        licence="GPL-2.0-or-later",
        open_licence=True,
        parser="engsoccerdata",
        coverage="European Cup/CL ties 1955-56..2015-16; leagues of 11 countries to 2024-25",
        files=[("*.csv", "data-raw/"), ("england.rda", "data/")],
    ),
    "football-datasets": dict(
        title="datasets/football-datasets (football-data.co.uk layout, odds removed)",
        repository="https://github.com/datasets/football-datasets",
        commit="436a51f15258e7d0c6042c231227202b70a5a0ae",
        licence="PDDL-1.0",
        open_licence=True,
        parser="footballdata",
        coverage="top divisions of England, Spain, Italy, Germany, France, 1993-94..2025-26",
        files=[("*/season-*.csv", "datasets/")],
    ),
    "kaggle-ucl-2016-2022": dict(
        title="UEFA Champions League 2016-2022 (Kaggle re-upload): goals with assists",
        repository="https://github.com/guvvalanandini96/UEFA_SQL_Project",
        commit="39314ee7518abb807fd6d122a3f9670dc06a9480",
        licence="none stated",
        open_licence=False,
        parser="kaggle_ucl",
        coverage="CL group stage and knockouts 2016-17..2021-22, goals with assists",
        files=[("*.csv", "data/")],
    ),
    "fivethirtyeight-spi": dict(
        title="FiveThirtyEight club soccer predictions (SPI), five snapshots",
        repository="https://projects.fivethirtyeight.com/soccer-api/club/spi_matches.csv",
        commit="snapshots 2019-05, 2020-09, 2021-04, 2022-08, 2023-03",
        licence="CC-BY-4.0 (FiveThirtyEight)",
        open_licence=True,
        parser="fivethirtyeight",
        coverage="pre-match probabilities, Champions League and 40 leagues 2016-17..2022-23",
        # each snapshot lives in another repository: mirror path -> (owner/repo@commit, path)
        explicit={
            "snap-2019-05_civiliangame/spi_matches.csv": (
                "civiliangame/CausalLearningProject@599ad775e0236bf51c699c369c142f15b96ff1d0",
                "spi_matches.csv"),
            "snap-2020-09_Destiny-G1997/spi_matches_latest.csv": (
                "Destiny-G1997/AIM-5001@5bf6dddb82ab562f929c9601fc84750e7aa9028c",
                "soccer-spi/spi_matches_latest.csv"),
            "snap-2021-04_lucasyule2212/spi_matches_latest.csv": (
                "lucasyule2212/DatasetDashboardR@e7439b430366a7e428ae636b5168c5db83a6abed",
                "spi_matches_latest.csv"),
            "snap-2022-08_IvanGrozny88/spi_matches_latest.csv": (
                "IvanGrozny88/Assignment-1@03d5d52eadb98ed4f76c5477d1bb7b8e03e34f40",
                "spi_matches_latest.csv"),
            "snap-2023-03_sta199-s23-2/spi_matches_latest.csv": (
                "sta199-s23-2/project-the-great-group-3@a3985eb200c52b7041e0a6af74728b2a9ce88eb1",
                "data/spi_matches_latest.csv"),
        },
        files=[],
    ),
    "odds-gutormin-backtest": dict(
        title="Bet365 odds, Champions League and top-five leagues (football-data.co.uk layout)",
        repository="https://github.com/gutormin/Backtest",
        commit="790fa667c00ba0afde3c7952ff014e7e554d92d6",
        licence="none stated (provenance unclear)",
        open_licence=False,
        parser="odds",
        coverage="Champions League incl. qualifying and top-five leagues, 2020-21..2025-26",
        files=[("*.csv", "data/")],
    ),
    "odds-epl-1993-2026-andrespleite": dict(
        title="Premier League results with Bet365 odds (football-data.co.uk E0 files)",
        repository="https://github.com/andrespleite/continuacao-projeto-2-ai",
        commit="8deeae6a38dee7007f31d4a9b5186e3b126af4b9",
        licence="football-data.co.uk terms (free to use, not an open licence)",
        open_licence=False,
        parser="odds",
        coverage="Premier League 1993-94..2025-26, Bet365 1X2 odds from 2000-01",
        files=[("*.csv", "data/raw/")],
    ),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(mirror: Path) -> None:
    out = ["# Generated by scripts/make_registry.py from a mirror; do not edit by hand.", ""]
    for name, spec in SOURCES.items():
        out.append(f'[sources."{name}"]')
        for key in ("title", "repository", "commit", "licence", "parser", "coverage"):
            out.append(f"{key} = {json.dumps(spec[key], ensure_ascii=False)}")
        out.append(f"open_licence = {'true' if spec['open_licence'] else 'false'}")
        owner_repo = spec["repository"].removeprefix("https://github.com/")
        for pattern, prefix in spec["files"]:
            commit = spec["commit"]
            if "@" in prefix:
                prefix, commit = prefix.split("@")
            for path in sorted((mirror / name).glob(pattern)):
                if path.name == "SOURCE.txt":
                    continue
                rel = path.relative_to(mirror / name).as_posix()
                out += ["", f'[[sources."{name}".files]]', f'path = "{rel}"',
                        f'url = "{GH}/{owner_repo}/{commit}/{prefix}{rel}"',
                        f'sha256 = "{sha256(path)}"']
        for rel, (where, path) in spec.get("explicit", {}).items():
            repo, commit = where.split("@")
            out += ["", f'[[sources."{name}".files]]', f'path = "{rel}"',
                    f'url = "{GH}/{repo}/{commit}/{path}"',
                    f'sha256 = "{sha256(mirror / name / rel)}"']
        out.append("")
    target = Path(__file__).parent.parent / "src/matchfacts/sources/registry.toml"
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
