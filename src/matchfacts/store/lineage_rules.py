"""Rules that find clubs the store may hold under two ids: reported, never joined here.

A rule only names candidates; lineage.csv says which are one club (and joins them) and
which are two (with the reason). Three rules, each on what the data shows:
- `same_spelling`: two teams of one country (or of two associations whose clubs cross
  over, as Derry City did) that some sources spell alike, which never met and never played
  the same competition in the same season;
- `successor`: two teams of one country which never met nor shared a season in any
  competition, where one's last season in a competition is followed by the other's first
  (nothing of that competition held between), and whose names share a word that is not a
  common one ("Rotherham County", "Rotherham United") or are alike (Feijenoord, Feyenoord);
- `no_league`: a team with European matches in a season its country's top league is in
  the store, and not one league match: a club in Europe plays in its league.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from matchfacts.store.competitions import CONTINENTAL_CUPS
from matchfacts.store.identity import CROSS_BORDER
from matchfacts.store.names import name_key, similarity

# Derry City left the Irish League in 1972 and joined the League of Ireland in 1985.
PARTNERS = {**CROSS_BORDER, "IRL": "NIR", "NIR": "IRL"}

# Words many clubs' names share: alone they make no two names alike. (As name keys spell
# them: "olympique" is "olympiqu" there.)
_COMMON = """city united town athletic real sporting sport dynamo dinamo olympic olympique racing
union stade rovers wanderers county rangers albion fk nk sk kf bk pfk gks mfk umf fci club ksv
kfc krc rfc vv sv fc"""
COMMON_WORDS = frozenset(name_key(word) for word in _COMMON.split())
ALIKE = 75  # names.similarity of two name keys that read as one name spelt otherwise


@dataclass(frozen=True, slots=True)
class Candidate:
    team_id: int  # the earlier of the two, where the rule orders them
    other_id: int | None
    rule: str
    evidence: str


@dataclass(slots=True)
class TeamActivity:
    name: str
    country: str | None
    spellings: set[str] = field(default_factory=set)  # name keys
    played: set[tuple[str, str]] = field(default_factory=set)  # (competition, season)
    opponents: set[int] = field(default_factory=set)

    def seasons(self, competition: str) -> list[str]:
        return sorted(s for c, s in self.played if c == competition)

    def first_season(self) -> str:
        return min((s for _, s in self.played), default="")

    def league_seasons(self) -> set[str]:
        return {s for c, s in self.played if c not in CONTINENTAL_CUPS}

    def distinct(self) -> set[str]:
        """Each spelling without its common words: what names this club."""
        out = set()
        for key in self.spellings:
            kept = [w for w in key.split() if w not in COMMON_WORDS and not w.isdigit()]
            if kept:
                out.add(" ".join(kept))
        return out

    def words(self) -> set[str]:
        return {w for name in self.distinct() for w in name.split() if len(w) > 2}


def activity(
    teams: Iterable[tuple[int, str, str | None]],
    spellings: Iterable[tuple[int, str]],
    matches: Iterable[tuple[str, str, int, int]],
) -> dict[int, TeamActivity]:
    """Each team's spellings, competition-seasons and opponents, from (id, name, country),
    (team id, spelling) and (competition, season, home id, away id)."""
    out = {team_id: TeamActivity(name, country) for team_id, name, country in teams}
    for team_id, spelling in spellings:
        out[team_id].spellings.add(name_key(spelling))
    for team in out.values():
        team.spellings.add(name_key(team.name))
    for competition, season, home, away in matches:
        out[home].played.add((competition, season))
        out[away].played.add((competition, season))
        out[home].opponents.add(away)
        out[away].opponents.add(home)
    return out


def find_candidates(teams: dict[int, TeamActivity]) -> list[Candidate]:
    held = _seasons_held(teams)
    by_country: dict[str | None, list[int]] = defaultdict(list)
    for team_id, team in teams.items():
        by_country[team.country].append(team_id)
    found: list[Candidate] = []
    for country, ids in by_country.items():
        neighbours = by_country.get(PARTNERS.get(country or ""), [])
        for a in ids:
            for b in ids:
                if a < b:
                    found += _pair(teams, held, a, b, same_country=True)
            for b in neighbours:
                if a < b:
                    found += _pair(teams, held, a, b, same_country=False)
    found += _without_league(teams, held)
    return found


def _seasons_held(teams: dict[int, TeamActivity]) -> dict[str, set[str]]:
    held: dict[str, set[str]] = defaultdict(set)
    for team in teams.values():
        for competition, season in team.played:
            held[competition].add(season)
    return held


def _apart(x: TeamActivity, y: TeamActivity, x_id: int, y_id: int) -> bool:
    """Whether two teams could be one club: they never met, never played the same
    competition in the same season, and never both played a league in the same season."""
    return (
        y_id not in x.opponents
        and not (x.played & y.played)
        and not (x.league_seasons() & y.league_seasons())
    )


def _pair(
    teams: dict[int, TeamActivity], held: dict[str, set[str]], a: int, b: int, same_country: bool
) -> list[Candidate]:
    x, y = teams[a], teams[b]
    shared_spelling = x.spellings & y.spellings
    if not shared_spelling and not same_country:
        return []
    if not _apart(x, y, a, b):
        return []
    if shared_spelling:
        first, second = sorted((a, b), key=lambda t: teams[t].first_season())
        spelt = min(shared_spelling)
        return [Candidate(first, second, "same_spelling", f"both spelt '{spelt}'")]
    succession = _succession(x, y, held) or _succession(y, x, held)
    if succession is None or not _alike(x, y):
        return []
    earlier, evidence = succession
    first, second = (a, b) if earlier is x else (b, a)
    return [Candidate(first, second, "successor", evidence)]


def _succession(
    x: TeamActivity, y: TeamActivity, held: dict[str, set[str]]
) -> tuple[TeamActivity, str] | None:
    """x's last season in a competition is followed by y's first, with no season of that
    competition held between (a season missing from the data does not part them)."""
    for competition in sorted({c for c, _ in x.played} & {c for c, _ in y.played}):
        last, first = x.seasons(competition)[-1], y.seasons(competition)[0]
        between = {s for s in held[competition] if last < s < first}
        if last < first and not between:
            return x, f"{competition}: {x.name} until {last}, {y.name} from {first}"
    return None


def _alike(x: TeamActivity, y: TeamActivity) -> bool:
    """Names that share a word of their own, or read as one name spelt otherwise once the
    common words are set aside ("Olympique Lillois" and "Olympique Lyonnais" do not)."""
    if x.words() & y.words():
        return True
    return any(similarity(p, q) >= ALIKE for p in x.distinct() for q in y.distinct())


def _without_league(teams: dict[int, TeamActivity], held: dict[str, set[str]]) -> list[Candidate]:
    top_league = {  # "ENG1" -> the seasons of England's first tier the store holds
        c[:3]: seasons for c, seasons in held.items() if c not in CONTINENTAL_CUPS and c[3:] == "1"
    }
    found = []
    for team_id, team in teams.items():
        if team.league_seasons() or team.country not in top_league:
            continue
        covered = sorted(
            s for c, s in team.played if c in CONTINENTAL_CUPS and s in top_league[team.country]
        )
        if covered:
            found.append(
                Candidate(
                    team_id,
                    None,
                    "no_league",
                    f"in Europe in {covered[0]} (its league is in the store), no league match",
                )
            )
    return found
