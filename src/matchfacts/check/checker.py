"""Checking a text: split it into sentences, keep those that carry a claim, read each into a
fact form by the first pattern that matches it, and verify it as of the date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from matchfacts.check import tie_claims
from matchfacts.check.grammar import ClaimPattern
from matchfacts.check.judge import judge
from matchfacts.check.mentions import MentionFinder
from matchfacts.check.names import Linker, NameNotLinked
from matchfacts.check.read import Claim, Fixture, Reader
from matchfacts.check.spot import Sentence, is_claim, sentences
from matchfacts.check.verdict import Context, Verdict, not_checkable
from matchfacts.errors import MatchfactsError, NotFoundError
from matchfacts.facts.evaluate import Evaluator
from matchfacts.facts.lexicon import LEXICON
from matchfacts.sources.records import season_of
from matchfacts.store.lookup import MatchRow, TeamRef, fixture, team_by_id, tie_legs
from matchfacts.store.planned import home_ground

MAX_BYTES = 1_000_000  # a preview is a few kilobytes; a megabyte is a book

# Claims about this tie (what a score means, what a side needs) go to the tie engine;
# every other claim is read into the fact algebra (check/read.py).
PATTERNS: list[ClaimPattern] = tie_claims.PATTERNS
TIE_WORDS = re.compile(
    r"\bneeds?\b|\bmust\b|\bto progress\b|\bextra time\b|\baway goals?\b|"
    r"\bgo(?:es)? through (?:with|if)\b|"
    r"\bwould (?:send|put|be enough|mean)\b|\bmeans?\b|\blead\b|\btrail",
    re.IGNORECASE,
)
_FINDERS: dict[int, MentionFinder] = {}

class CheckInputError(MatchfactsError):
    """A file the checker cannot read as text."""


@dataclass(frozen=True, slots=True)
class CheckedClaim:
    text: str
    start: int
    end: int
    form: str | None
    verdict: Verdict
    notes: tuple[str, ...] = ()
    also: tuple[CheckedClaim, ...] = ()  # more claims in the same words ("(W18 D1)")

    def as_dict(self) -> dict:
        v = self.verdict
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "form": self.form,
            "verdict": v.verdict,
            "stated": _plain(v.stated),
            "actual": _plain(v.actual),
            "reason": v.reason,
            "parsed": {k: _plain(x) for k, x in v.parsed.items()},
            "notes": list(self.notes),
            "evidence": [e.as_dict() for e in v.evidence],
        }


@dataclass
class CheckReport:
    as_of: dt.date
    fixture: str | None
    claims: list[CheckedClaim] = field(default_factory=list)
    sentences: int = 0

    def counts(self) -> dict[str, int]:
        tally = {"supported": 0, "refuted": 0, "imprecise": 0, "not_checkable": 0}
        for claim in self.claims:
            tally[claim.verdict.verdict] += 1
        return tally

    def as_dict(self) -> dict:
        return {
            "as_of": self.as_of.isoformat(),
            "fixture": self.fixture,
            "sentences": self.sentences,
            "counts": self.counts(),
            "claims": [c.as_dict() for c in self.claims],
        }


def segments(text: str, report: CheckReport) -> list[dict]:
    """The text cut into plain runs and claims (in order, never overlapping)."""
    pieces, at = [], 0
    for number, claim in enumerate(sorted(report.claims, key=lambda c: c.start), start=1):
        if claim.start < at:
            continue
        if claim.start > at:
            pieces.append({"text": text[at : claim.start]})
        pieces.append(
            {"text": text[claim.start : claim.end], "verdict": claim.verdict.verdict, "n": number}
        )
        at = claim.end
    if at < len(text):
        pieces.append({"text": text[at:]})
    return pieces


def read_text(path: Path | str, data: bytes | None = None) -> str:
    """A file's text, or a clear error: too big, binary, or not UTF-8 (Latin-1 is tried)."""
    name = str(path)
    if data is None:
        try:
            size = Path(path).stat().st_size
        except OSError as error:
            raise CheckInputError(f"cannot read {name}: {error.strerror}") from error
        if size > MAX_BYTES:
            raise CheckInputError(
                f"{name} is {size / 1e6:.1f} MB; the checker reads texts up to "
                f"{MAX_BYTES / 1e6:.0f} MB (a preview is a few kilobytes)"
            )
        data = Path(path).read_bytes()
    elif len(data) > MAX_BYTES:
        raise CheckInputError(f"{name} is over {MAX_BYTES / 1e6:.0f} MB")
    if b"\x00" in data[:8192]:
        raise CheckInputError(f"{name} is a binary file, not a text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def check_text(
    con: duckdb.DuckDBPyConnection,
    text: str,
    as_of: dt.date,
    home: TeamRef | None = None,
    away: TeamRef | None = None,
) -> CheckReport:
    """Every claim in `text`, verified as of `as_of` (nothing on or after the day counts).

    The fixture fills the slots a claim leaves out and gives tie claims their tie; without
    --home and --away it is the match on that day whose two sides the text names.
    """
    match = None
    if home is not None and away is not None:
        try:
            match = fixture(con, home, away, as_of)
        except NotFoundError:  # a match the store does not hold: its sides still fill slots
            match = None
    else:
        match, home, away = _fixture_named_in(con, text, as_of)
    linker = Linker(con, as_of, tuple(t for t in (home, away) if t is not None))
    ctx = Context(con, as_of, linker, match, home, away)
    report = CheckReport(as_of, _describe(match, home, away))
    reading = Reading(ctx, _reader(con, match, home, away, as_of), Evaluator(con, as_of))
    found = sentences(text)
    report.sentences = len(found)
    for sentence in found:
        report.claims.extend(check_sentence(reading, sentence))
    return report


@dataclass
class Reading:
    """What one text is read and judged with."""

    ctx: Context
    reader: Reader
    evaluator: Evaluator

    @property
    def finder(self) -> MentionFinder:
        con = self.ctx.con
        if id(con) not in _FINDERS:
            _FINDERS.clear()
            _FINDERS[id(con)] = MentionFinder.for_store(con)
        return _FINDERS[id(con)]


def _reader(
    con, match: MatchRow | None, home: TeamRef | None, away: TeamRef | None, as_of: dt.date
) -> Reader:
    if home is None or away is None:
        return Reader(None)
    same = home.country is not None and home.country == away.country
    if match is None:  # not in the store: every competition, the season of the day
        countries = {t.id: t.country for t in (home, away) if t.country}
        fx = Fixture(home.id, away.id, "all", season_of(as_of), False, same)
        return Reader(fx, countries=countries, names={t.id: t.short_name for t in (home, away)})
    european = match.competition_id in LEXICON.european
    first_leg = None
    legs = tie_legs(con, match)
    if match.leg == 2 and legs is not None:
        first_leg = legs[0]
    fx = Fixture(home.id, away.id, match.competition_id, match.season, european,
                 home.country is not None and home.country == away.country, first_leg)  # fmt: skip
    countries = {t.id: t.country for t in (home, away) if t.country}
    names = {t.id: t.short_name for t in (home, away)}
    scorers = _scorers(con, match, (home.id, away.id))
    cities = _cities(con, home, away, as_of)
    return Reader(fx, scorers, countries=countries, names=names, cities=cities)


def _cities(con, home: TeamRef, away: TeamRef, as_of: dt.date) -> dict[str, int]:  # noqa: ANN001
    """Each side's city, from its ground as the sources name it ("Stamford Bridge,
    London"), for "the London club"; a city both sides share names neither."""
    found: dict[str, list[int]] = {}
    for team in (home, away):
        ground = home_ground(con, team.id, as_of)
        if ground and "," in ground:
            found.setdefault(ground.rsplit(",", 1)[1].strip(), []).append(team.id)
    return {city: ids[0] for city, ids in found.items() if len(ids) == 1}


def _scorers(con, match: MatchRow, teams: tuple[int, int]) -> dict[str, tuple[int, int]]:
    """The two sides' scorers of the last five seasons, by surname (and full name): the
    players a preview of this match names."""
    rows = con.execute(
        """SELECT p.name, g.player_id, g.team_id, count(*) AS goals FROM goal g
           JOIN match m ON m.id = g.match_id JOIN player p ON p.id = g.player_id
           WHERE g.team_id IN (SELECT unnest(?::INTEGER[])) AND m.date < ?
             AND m.date >= ? - INTERVAL 5 YEAR AND g.kind <> 'own_goal'
           GROUP BY ALL ORDER BY goals DESC""",
        [list(teams), match.date, match.date],
    ).fetchall()
    found: dict[str, tuple[int, int]] = {}
    for name, player, team, _ in rows:
        for key in (name, name.split()[-1]):
            if len(key) >= 4:
                found.setdefault(key, (player, team))
    return found


def check_sentence(reading: Reading, sentence: Sentence) -> list[CheckedClaim]:
    """The verdicts on one sentence: a tie claim by the tie engine's patterns (one for
    each clause when they read them all: "A 2-0 win would do, while 3-1 would mean extra
    time"); any other claim read into the fact algebra and judged by the shared evaluator,
    the whole sentence or, failing that, each clause; a sentence that states a figure but
    cannot be read is not checkable, with the slot that is missing."""
    if TIE_WORDS.search(sentence.text):
        found = _tie_claims(reading.ctx, sentence)
        if found:
            return found
    whole = _algebra(reading, sentence)
    if isinstance(whole, CheckedClaim) and whole.form is not None:
        return [whole, *whole.also]
    parts = [_algebra(reading, c) for c in _clauses(sentence)]
    read = [p for p in parts if isinstance(p, CheckedClaim) and p.form is not None]
    if read and len(parts) > 1:
        return [claim for p in read for claim in (p, *p.also)]
    if isinstance(whole, CheckedClaim):
        return [whole]
    if not is_claim(sentence.text):
        return []
    found = _pattern_for(sentence)
    if found is not None:
        return [_verdict(reading.ctx, sentence, found)]
    return []


def _tie_claims(ctx: Context, sentence: Sentence) -> list[CheckedClaim]:
    clauses = [(c, _pattern_for(c)) for c in _clauses(sentence) if is_claim(c.text)]
    read = [(c, found) for c, found in clauses if found is not None]
    if len(clauses) > 1 and len(read) == len(clauses):  # two claims in one sentence
        return [_verdict(ctx, c, found) for c, found in read]
    whole = _pattern_for(sentence)
    if whole is not None:
        return [_verdict(ctx, sentence, whole)]
    return [_verdict(ctx, c, found) for c, found in read]


def _algebra(reading: Reading, where: Sentence) -> CheckedClaim | None:
    """The sentence read into the algebra and judged; None when it states no claim."""
    doc = reading.finder.doc(where.text)
    read = reading.reader.read(where.text, MentionFinder.mentions(doc[:]))
    if isinstance(read, Claim):
        also = tuple(
            CheckedClaim(where.text, where.start, where.end, c.query.shape,
                         judge(reading.evaluator, c))
            for c in read.also
        )  # fmt: skip
        verdict = judge(reading.evaluator, read)
        return CheckedClaim(where.text, where.start, where.end, read.query.shape, verdict, (), also)
    if read is None:
        return None
    reason = read.reason if not read.checkable else f"cannot read the claim: {read.reason}"
    return CheckedClaim(where.text, where.start, where.end, None, not_checkable(reason))


def _pattern_for(where: Sentence) -> tuple[ClaimPattern, re.Match] | None:
    """The first pattern that reads the text, and its match."""
    body = _plain_text(where.text)
    for claim in PATTERNS:
        matched = claim.regex.match(body)
        if matched is not None:
            return claim, matched
    return None


def _verdict(ctx: Context, where: Sentence, found: tuple[ClaimPattern, re.Match]) -> CheckedClaim:
    """Verify a claim read by a pattern; a name it cannot place makes it not checkable."""
    claim, matched = found
    ctx.linker.notes.clear()
    try:
        verdict = claim.handler(ctx, matched)
    except NameNotLinked as error:
        verdict = not_checkable(str(error))
    except ValueError as error:  # a team that is not in the tie, a number unread
        verdict = not_checkable(str(error))
    return CheckedClaim(
        where.text, where.start, where.end, claim.form, verdict, tuple(ctx.linker.notes)
    )


# Where a sentence divides into claims, and the openings a desk puts before one.
_CLAUSE_BREAK = re.compile(r"[:;]\s+|,\s+(?:and|but|while|whereas|so)\s+|\s+-\s+")
_OPENING = re.compile(
    r"^(?:(?:For|In|At|On|Meanwhile|However|And|But|Still|Yet|Indeed|What is more|Worse)"
    r"\b[^,]*,\s+|(?:And|But|Yet|So)\s+)"
)
_ASIDE = re.compile(r",\s+(?:though|however|meanwhile|too|in turn),\s+")


def _clauses(sentence: Sentence) -> list[Sentence]:
    parts, at = [], 0
    text = sentence.text
    for brk in [*_CLAUSE_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        piece = text[at:end]
        opening = _OPENING.match(piece)
        skip = opening.end() if opening else 0
        body = piece[skip:].strip()
        if body:
            start = sentence.start + at + skip + (len(piece[skip:]) - len(piece[skip:].lstrip()))
            parts.append(Sentence(body, start, start + len(body)))
        at = brk.end() if brk else at
    return parts


def _plain_text(sentence: str) -> str:
    """The sentence as the patterns read it: no list marker, emphasis, curly quotes or
    final full stop."""
    text = sentence.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    text = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", text)
    text = re.sub(r"[*_]{1,2}([^*_]+)[*_]{1,2}", r"\1", text)
    text = _ASIDE.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(".!?:; ")


def _fixture_named_in(
    con: duckdb.DuckDBPyConnection, text: str, as_of: dt.date
) -> tuple[MatchRow | None, TeamRef | None, TeamRef | None]:
    """The match on that day (or a day either side) both of whose sides the text names."""
    rows = con.execute(
        """SELECT m.home_id, m.away_id FROM match m
           WHERE m.date BETWEEN $d - INTERVAL 1 DAY AND $d + INTERVAL 1 DAY
           ORDER BY m.competition_id IN ('UCL', 'UEL', 'UCWC', 'UECL') DESC, m.id""",
        {"d": as_of},
    ).fetchall()
    spellings: dict[int, set[str]] = {}
    for team_id, alias in con.execute(
        """SELECT team_id, alias FROM team_alias WHERE team_id IN (SELECT unnest($ids))
           UNION SELECT id, short_name FROM team WHERE id IN (SELECT unnest($ids))
           UNION SELECT id, name FROM team WHERE id IN (SELECT unnest($ids))""",
        {"ids": [i for row in rows for i in row]},
    ).fetchall():
        spellings.setdefault(team_id, set()).add(alias)
    # Full spellings first; then a name's first word ("Bayern" for Bayern München).
    for shorten in (False, True):
        for home_id, away_id in rows:
            home_names, away_names = spellings.get(home_id, set()), spellings.get(away_id, set())
            if shorten:
                home_names, away_names = _first_words(home_names), _first_words(away_names)
            if _named(home_names, text) and _named(away_names, text):
                home, away = team_by_id(con, home_id), team_by_id(con, away_id)
                return fixture(con, home, away, as_of), home, away
    return None, None, None


def _first_words(spellings: set[str]) -> set[str]:
    """The spellings and the first word of each, when that is long enough to be a name
    on its own."""
    return spellings | {n.split()[0] for n in spellings if n.split() and len(n.split()[0]) >= 5}


def _named(spellings: set[str], text: str) -> bool:
    """Whether the text names a team by one of its spellings (four letters or more)."""
    return any(len(name) >= 4 and re.search(rf"\b{re.escape(name)}\b", text) for name in spellings)


def _describe(match: MatchRow | None, home: TeamRef | None, away: TeamRef | None) -> str | None:
    if match is None or home is None or away is None:
        return None
    return f"{home.short_name} v {away.short_name}, {match.date} ({match.competition_id})"


def _plain(value: object) -> object:
    """JSON-ready: tuples as lists, anything else as it is or as text."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
