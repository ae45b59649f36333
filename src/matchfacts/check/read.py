"""Read: mentions and frames composed into claims of the fact algebra.

The subject is the nearest team or player before the event word, or carried from the
previous sentence for "they", "the hosts", "his side", "the Reds"; a ground names its
club's home; missing slots are filled from the fixture; when a claim cannot be completed,
the reason says which slot is missing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

import dateparser

from matchfacts.check.frames import WHEN, Frame, figures, frame, ordinal
from matchfacts.check.mentions import Mention
from matchfacts.check.results import aggregate, dates_in, results, season_of
from matchfacts.facts.lexicon import LEXICON
from matchfacts.facts.query import Context, FirstLeg, Query, Subject, Window

# What the data cannot speak to, and why: a claim about these is not checkable.
UNCHECKABLE = {
    r"\bhis\s+(?:last|past|previous)\b|\bhe has played\b": "the data has goals but not "
    "appearances: a player's own last matches cannot be counted",
    r"\bassists?\b|\bset up\b|\bprovided\b": "the open data has assists for few seasons only",
    r"\bappearances?\b|\bcaps?\b|\bstarts\b|\bdebut": "the data has goals but not appearances",
    r"\bpossession\b|\bshots?\b|\bxg\b|expected goals|\bpasses\b|\btackles\b|\bcorners\b|"
    r"\bsaves?\b": "the data has results and goals, not match events",
    r"\bbooked\b|\byellow cards?\b|\bred cards?\b|\bsent off\b|\bbookings?\b": "the data "
    "has no cards",
    r"\binjur|\bsuspen|\bfitness\b|\bsidelined\b": "the data has no team news",
    r"\bmanager\b|\bcoach\b|\bin charge\b|\bboss\b|\bmanaged\b|"
    r"\bunder\s+(?:[A-Z][\w'-]+\s)?[A-Z][\w'-]+(?:,|\s+(?:they|the|[A-Z]))": "the data has "
    "no managers",
    r"\bline-?ups?\b|\bstarting (?:xi|eleven)\b|\bsquad\b": "the data has no line-ups",
    r"\berrors?\b|\bwinning positions?\b|\blosing positions?\b|\bpoints dropped\b": "the "
    "data has results and goals, not the course of a match",
    r"\bevery minute\b|\bminutes played\b": "the data has no minutes played",
    r"\bhad a hand in\b|\bgoal involvements?\b": "the open data has assists for few "
    "seasons only",
    r"\battendance\b|\bcrowd\b": "the data has few attendances",
    r"\bfa cup\b|\bleague cup\b|\bcopa del rey\b|\bcoppa italia\b|\bdfb[- ]pokal\b|"
    r"\bcoupe de france\b|\bcarabao\b|\bcommunity shield\b|\bclub world cup\b": "the store "
    "has no domestic cups",
    r"\ball competitions\b|\bevery competition\b": "the store has no domestic cups: 'all "
    "competitions' cannot be counted",
    r"\bto play \d+\b|\bto play (?:his|her) \w+\b": "the data has goals but not appearances",
    r"\bpenalt(y|ies)\b|\bheaders?\b|\bfree[- ]kicks?\b": "the data does not say how goals "
    "were scored for most seasons",
}
SUBJECT_VERB = re.compile(
    r"^(?:'s?\s+\w+)?\s*(?:\([^)]*\)\s*)?(?:,[^,]{1,80},\s*)?(?:have|has|are|is|were|was|had|"
    r"could|would|will|can|won|lost|drew|beat|scored|kept|conceded|went|remain|remained|go|"
    r"progressed|reached|need|needs|came|come|host|hosted|head|haven't|hasn't|never|boast|"
    r"enjoy|sit|sat|also|only|still|last)\b",
    re.IGNORECASE,
)
OPPONENT_BEFORE = re.compile(
    r"(?:against|with|over|to|at|v\.?|vs\.?|versus|and|between|faced|face|beat|beaten by|by|"
    r"host|hosting|visit|visiting|meet|meeting|play|playing|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
PRONOUNS = re.compile(r"^\W*(they|their|them|he|his|the side|this side|it|that|this)\b", re.I)
# A pronoun after a lead-in ("However, they ...", "Across their last eight ... they"), or a
# fragment that goes on from the sentence before ("... scoring just two goals", "and they").
PRONOUN_LATER = re.compile(r"\b(they|their|them|he|his|the side)\b", re.IGNORECASE)
CONTINUATION = re.compile(r"^\s*(?:\.\.\.|…|and\b|but\b|while\b|although\b|among\b|with\b|[a-z])")
BOTH_SIDES = re.compile(
    r"\b(?:these|the)\s+(?:two\s+)?(?:sides|clubs|teams)\b|\bthe two\b|\bboth (?:sides|clubs)\b",
    re.IGNORECASE,
)
# A sentence that goes on from the one before: "They have never drawn", "Of the previous 15"
GOES_ON = re.compile(
    r"^\W*(?:they|their|of (?:the|those|these)\b|although|and|but|while|in those)\b", re.I
)
SINCE_WHEN = re.compile(r"\bsince\s+" + WHEN + r"\b(?![-/]\d)", re.IGNORECASE)  # not 1994-95
LAST_N = re.compile(r"\b(?:last|past|previous)\s+(\d+)\b", re.IGNORECASE)
IN_CITY = re.compile(r"\b(?:in|at)\s+([A-Z][a-zà-ÿ]+)\b")
THE_COUNTRY_SIDE = re.compile(r"\bthe\s+$", re.IGNORECASE)
CITY_CLUB = re.compile(r"\b[Tt]he\s+([A-Z][a-zà-ÿ]+)\s+(?:club|side|outfit|team)\b")
HOSTS = re.compile(r"\bthe (hosts|home side)\b", re.IGNORECASE)
VISITORS = re.compile(r"\bthe (visitors|away side|guests)\b", re.IGNORECASE)
SIDES_WORD = re.compile(
    r"\b(sides?|opposition|clubs?|teams?|opponents?|rivals?)\b", re.IGNORECASE
)
IN_COUNTRY = re.compile(r"\b(?:in|to)\s+(?:the\s+)?$", re.IGNORECASE)
FROM_COUNTRY = re.compile(
    r"\b(?:sides?|teams?|clubs?|opponents?|opposition)\s+from\s+(?:the\s+)?$", re.IGNORECASE
)
THIS_SEASON = re.compile(r"\bthis (season|term|campaign)\b", re.IGNORECASE)
FIRST_LEG = re.compile(
    r"\b(?:after|having|that|who|which|they|when)\s+(?P<verb>winning|losing|drawing|won|lost|drew|"
    r"drawn)\s+(?:the\s+)?(?:first|1st)[\s-]+legs?(?:\s+of\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?tie)?"
    r"(?:\s+(?P<score>\d+-\d+))?(?:\s+(?P<venue>at home|away))?"
    r"(?:\s+by\s+(?P<margin>\d+)\s+(?:clear\s+)?goals?(?P<more>\s+or\s+more)?)?",
    re.IGNORECASE,
)
MEETINGS = re.compile(
    r"\b(meetings?|clash(?:es)?|derby|derbies|clasicos?|cl[aá]sicos?|old firm|klassiekers?|"
    r"classiques?|"
    r"head[- ]to[- ]head|h2h|met|faced each other|encounters|between the (?:two|sides)|"
    r"this fixture|the fixture)\b",
    re.IGNORECASE,
)
KTH_SIDE = re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:side|team|club)s?\s+(?:ever\s+)?to\b", re.I)
SHARE = re.compile(r"\b\d+\s+of\s+[\w .'’-]+?(?:'s?|’s?)\s+(?:\d+\s+)?goals\b", re.I)
SPLIT_NOUN = re.compile(r"\b(defeats?|wins?|victories|draws?|goals?|losses)\b", re.I)
SPLIT_EVENTS = {"defeat": "loss", "losse": "loss", "win": "win", "victorie": "win",
                "draw": "draw", "goal": "goal"}  # fmt: skip
FORM = re.compile(r"\bform\b|\blast\s+\d+\b", re.IGNORECASE)
WON_BY = re.compile(r"\b(?:won by|gone|went)\s+(?P<team>[A-Z][\w' .-]+?)(?:'s?|’s?)?\s*(?:way)?\b", re.I)  # noqa: E501
LEVEL = re.compile(r"\b(?:level|drawn|draws?|all square|stalemates?)\b", re.IGNORECASE)
CONCEDED = re.compile(r"\b(?:let in|conceded|conceding|shipped|leaked|against)\b", re.I)
GOALS_COUNTED = re.compile(r"\b\d+\s+goals?\b", re.IGNORECASE)
OPTA_PREFIX = re.compile(r"^\s*\d+\s+[-–]\s+")  # Opta's "33 - A third of teams ..."
LEADING_NAME = re.compile(r"^\W*((?:[A-Z][\w'.-]+\s?)+)")
TOP_FLIGHT = re.compile(r"\btop[- ]flight\b", re.IGNORECASE)
THE_COMPETITION = re.compile(
    r"\b(?:the|this) (?:competition|tournament)(?: proper)?\b|\bin the competition\b", re.I
)
IN_FIRST_LEG = re.compile(r"\b(?:in|during) the (?:first|1st) leg\b", re.IGNORECASE)
VISIT_WORDS = {"visit", "visits", "trip", "trips"}
SINCE_SEASON = re.compile(r"\bsince\s+(?:the\s+)?(?:19|20)\d\d", re.IGNORECASE)
STAGE_BEFORE = re.compile(r"\b(?:the|reach|reached|reaching|into)\s+$", re.IGNORECASE)
SEASON = re.compile(r"\b(?P<start>(?:19|20)\d\d)[-/](?P<end>\d\d(?:\d\d)?)\b")
UNIT_AFTER_STAGE = re.compile(r"^\s*(meetings|matches|games|visits|ties|outings)", re.I)
STAGE_NUMBERS = {"last four", "last eight", "last 16", "last sixteen"}
MONTH_YEAR = re.compile(
    r"\b(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+(?:19|20)\d\d\b"
)
SEASONS_AGO = re.compile(r"\blast season\b|\b(\d+) (?:seasons|years) (?:ago|back)\b", re.I)
LINE_SCORE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\s+[A-Z]")  # "25/02/09 Chelsea 1 ..."
YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
LAST_FRAMES = ("last_was", "last_verb", "since_a")
LAST_EVENTS = {"win": "win", "victory": "win", "won": "win", "beat": "win", "defeat": "loss",
               "loss": "loss", "lost": "loss", "draw": "draw", "drew": "draw"}  # fmt: skip
NOUN_EVENTS = {"played"}  # "meetings", "games": the unit, an event only when nothing else is


@dataclass(frozen=True, slots=True)
class Fixture:
    """What a text is about: fills the slots a claim leaves out."""

    home: int
    away: int
    competition: str
    season: str
    european: bool
    same_country: bool
    first_leg: int | None = None  # the tie's first leg, for "in the first leg"


@dataclass(frozen=True, slots=True)
class Claim:
    query: Query
    stated: object
    relation: str
    frame: str
    also: tuple[Claim, ...] = ()  # more claims of the same words: "(W18 D1)" after a run
    scores: tuple[tuple[int, int], ...] = ()  # "includes": the results the text lists


@dataclass(frozen=True, slots=True)
class Unread:
    reason: str
    checkable: bool = True  # False: the data cannot speak to it (appearances ...)


@dataclass
class Reader:
    fixture: Fixture | None
    players: dict[str, tuple[int, int]] = field(default_factory=dict)  # surname -> ids
    subject: Subject | None = None  # carried from the previous sentence
    _era: str | None = None  # a competition name read that began a new era
    countries: dict[int, str] = field(default_factory=dict)  # the sides' countries
    names: dict[int, str] = field(default_factory=dict)  # the sides' names
    cities: dict[str, int] = field(default_factory=dict)  # "London" -> the side based there
    meetings: bool = False  # the sentence before spoke of the two sides' meetings

    def read(self, sentence: str, mentions: list[Mention]) -> Claim | Unread | None:
        """The claim a sentence states, why it cannot be read, or None (no claim)."""
        read = self._read(sentence, mentions)
        if isinstance(read, Claim):  # "They have never drawn" goes on about the meetings
            self.meetings = self._between_the_sides(read.query)
        else:
            self.meetings = MEETINGS.search(sentence) is not None
        return read

    def _between_the_sides(self, query: Query) -> bool:
        fx = self.fixture
        sides = {query.subject.team, query.context.opponent}
        return fx is not None and sides == {fx.home, fx.away}

    def _read(self, sentence: str, mentions: list[Mention]) -> Claim | Unread | None:
        self._era = None
        for pattern, reason in UNCHECKABLE.items():
            if re.search(pattern, sentence, re.IGNORECASE):
                return Unread(reason, checkable=False)
        sentence = OPTA_PREFIX.sub(lambda m: " " * len(m.group(0)), sentence)
        normalised = figures(sentence)
        found = frame(normalised)
        subject = self._subject(sentence, mentions)
        if found is not None and found.shape == "nth" and KTH_SIDE.search(normalised):
            subject = Subject(team=subject.team if subject else None, sides=True)
        if subject is not None:
            self.subject = subject
        if found is None:
            return self._results(sentence, normalised, mentions, subject)
        if found.name == "the_last_n" and self.fixture is not None:
            subject = self._last_n_subject(sentence, mentions) if subject is None else subject
            subject = self._won_by(sentence, mentions) or subject  # "gone Inter's way"
        if found.name == "no_side_has":  # "No Danish team has ever beaten Chelsea"
            beaten = [m for m in mentions if m.label == "TEAM" and m.start >= found.end]
            subject = Subject(team=int(beaten[0].id)) if beaten else subject
        if subject is None:
            subject = self._fixture_side_named(sentence)
        if subject is None:
            named = LEADING_NAME.match(sentence)
            if named and named.group(1).strip() not in ("The", "A", "An", "In", "On"):
                return Unread(f"no subject: {named.group(1).strip()!r} is no team or player "
                              "the store knows")  # fmt: skip
            return Unread("no subject: no team or player is named before the claim")
        clause = FIRST_LEG.search(sentence)
        if clause is not None:  # "lost the first leg" is the situation, not the event
            mentions = [m for m in mentions if not clause.start() <= m.start < clause.end()
                        or m.label in ("COMPETITION", "COMPETITION_SET")]  # fmt: skip
        scale = len(sentence) / max(len(normalised), 1)  # normalised offsets, roughly
        at = round(found.start * scale)  # the frame
        # a statbox's figures run on with commas ("11 wins, one defeat and one draw in ..."):
        # an aside starts after them
        edge = round((found.end if found.shape == "record" else found.start) * scale)
        mentions = _before_aside(sentence, mentions, edge, subject)
        event = self._event(_after_contrast(sentence, mentions, at), found, normalised, at)
        if found.name == "the_last_n" and LEVEL.search(sentence):
            event = "draw"
        elif found.name == "the_last_n" and WON_BY.search(sentence):
            event = "win"
        if found.name == "no_side_has":
            event = "loss"
        if found.name == "yet_to":
            event = "loss"
        if found.name == "won_title":
            event = "through"
        if found.name == "scorers":
            event = "goal"
            scorer = self._player_named(found.groups.get("player", ""))
            subject = scorer or subject  # "Scorers: Barcelona - Lionel Messi 14"
        if found.name in LAST_FRAMES:  # "their last win in Germany", "last met in 2002"
            word = found.groups.get("verb") or found.groups.get("noun", "")
            event = LAST_EVENTS.get(word.lower(), "played")
        if event is None and found.shape == "record":
            event = "played"
        if found.shape == "nth" and _seasonal(found.groups.get("noun", ""), event, normalised):
            event = event or "played"  # "a seventh semi-final": the season unit says which
        if event == "goal" and subject.player is None and found.shape != "count":
            event = "scored"  # a team "scored in each of": the match's event
        if event is None:
            return Unread("no event: the sentence says no result (won, unbeaten, scored ...)")
        if found.shape == "split":
            return self._split(sentence, normalised, mentions, subject, found)
        if found.name in LAST_FRAMES:  # "their last win in Germany came at Leverkusen"
            mentions = _before_the_result(sentence, mentions, at)
        ctx = self._context(sentence, normalised, mentions, subject, found.shape == "record")
        try:
            claim = self._claim(subject, event, ctx, found, normalised)
        except ValueError as error:
            return Unread(str(error))
        if found.name in LAST_FRAMES:  # "... was 3-1 away to Ajax": the result too
            listed = self._results(sentence, normalised, mentions, subject)
            if isinstance(listed, Claim):
                claim = replace(claim, also=(*claim.also, listed))
        return claim

    # -- slots -----------------------------------------------------------------------
    def _subject(self, sentence: str, mentions: list[Mention]) -> Subject | None:
        """The team or player the claim is about: the first one a verb follows (an
        apposition or a bracket between them set aside); else the nearest before the event
        word; else "the hosts", "the visitors", a pronoun carried from before."""
        named = self._named(sentence, mentions)
        for subject, end in named:
            if SUBJECT_VERB.match(sentence[end:]):
                return subject
        first_event = next((m.start for m in mentions if m.label == "EVENT"), len(sentence))
        before = [subject for subject, end in named if end <= first_event]
        if before:
            return before[0]
        if self.fixture and HOSTS.search(sentence[:first_event]):
            return Subject(team=self.fixture.home)
        if self.fixture and VISITORS.search(sentence[:first_event]):
            return Subject(team=self.fixture.away)
        by_country = self._side_by_country(sentence[:first_event])
        if by_country is not None:
            return by_country  # "the Scots", "the Spanish side"
        if PRONOUNS.search(sentence) and self.subject is not None:
            return self.subject
        city = CITY_CLUB.search(sentence[:first_event])
        if city and city.group(1) in self.cities:
            return Subject(team=self.cities[city.group(1)])  # "the London club"
        if self.fixture and BOTH_SIDES.search(sentence[:first_event]):
            return Subject(team=self.fixture.home)  # "these sides have met": the meetings
        if PRONOUN_LATER.search(sentence[:first_event]) or CONTINUATION.match(sentence):
            return self.subject
        if re.match(r"^\W*sides\b", sentence, re.IGNORECASE):
            return Subject(sides=True)
        if named and re.search(r"\b(between|of|for|record|played|wins?)\b", sentence, re.I):
            return named[0][0]  # "the fifth meeting between A and B", a statbox line
        return None

    def _title(self, subject: Subject, ctx: Context, g: dict) -> Claim:
        """'won the 1981 final', 'won the Europa League in 2010 and again in 2012', 'won
        the first Cup Winners' Cup, in 1960/61': finals won, in their seasons."""
        fx = self.fixture
        if ctx.competition in ("all", "league", "european") and fx is not None:
            ctx = replace(ctx, competition=fx.competition)
        ctx = replace(ctx, stage="final")
        first = g.get("year") or g.get("season")
        start = int(first[:4]) if "-" in first or "/" in first else int(first[:4]) - 1
        season = f"{start}-{(start + 1) % 100:02d}"  # a final is played in May
        if g.get("again"):
            since = Window(since=dt.date(start, 7, 1))
            query = Query(subject, "through", "tie", "k_of_n", replace(ctx, season=None), since)
            return Claim(query, (2, 2), "each_of", "won_title")
        query = Query(subject, "through", "tie", "k_of_n", replace(ctx, season=season))
        return Claim(query, (1, 1), "each_of", "won_title")

    def _player_named(self, name: str) -> Subject | None:
        """A player of the fixture's sides by his full name or surname."""
        for key in (name.strip(), name.strip().split()[-1] if name.strip() else ""):
            if key in self.players:
                player, team = self.players[key]
                return Subject(team=team, player=player)
        return None

    def _side_by_country(self, text: str) -> Subject | None:
        """'the Scots', 'the Spanish side': the fixture's side from that country (when
        the other is not from it too)."""
        fx = self.fixture
        if fx is None:
            return None
        for code, country in LEXICON.countries.items():
            words = [w for w in (country.people, f"{country.adjective} (?:side|club|team)") if w]
            if not re.search(rf"\bthe ({'|'.join(words)})\b", text):
                continue
            sides = [t for t in (fx.home, fx.away) if self.countries.get(t) == code]
            if len(sides) == 1:
                return Subject(team=sides[0])
        return None

    def _last_n_subject(self, sentence: str, mentions: list[Mention]) -> Subject:
        """'The last three derbies have all been won by West Ham' / '... finished level':
        the side named after the verb, else the hosts (a draw is both sides')."""
        teams = [m for m in mentions if m.label == "TEAM"]
        if teams:
            return Subject(team=int(teams[-1].id))
        return Subject(team=self.fixture.home)

    @staticmethod
    def _won_by(sentence: str, mentions: list[Mention]) -> Subject | None:
        """'The last three derbies have all gone Inter's way' / '... been won by Inter':
        the side named there is the subject."""
        found = WON_BY.search(sentence)
        if found is None:
            return None
        named = [m for m in mentions if m.label == "TEAM" and m.start >= found.start("team")]
        return Subject(team=int(named[0].id)) if named else None

    def _fixture_side_named(self, sentence: str) -> Subject | None:
        """A side named in a way the patterns miss ('Tottenham H.'), by its first word,
        among the fixture's two."""
        lead = LEADING_NAME.match(sentence)
        if lead is None or self.fixture is None:
            return None
        word = lead.group(1).split()[0].lower()
        for team, name in self.names.items():
            if name.split()[0].lower() == word and len(word) >= 4:
                return Subject(team=team)
        return None

    def _named(self, sentence: str, mentions: list[Mention]) -> list[tuple[Subject, int]]:
        """Teams and players named, in order, each with where its name ends."""
        found = []
        for surname, (player, team) in self.players.items():
            at = sentence.find(surname)
            if at >= 0:
                found.append((at, Subject(team=team, player=player), at + len(surname)))
        for m in mentions:
            if m.label == "TEAM" and not any(a <= m.start < e for a, _, e in found):
                found.append((m.start, Subject(team=int(m.id)), m.end))
        return [(subject, end) for _, subject, end in sorted(found, key=lambda f: f[0])]

    @staticmethod
    def _event(
        mentions: list[Mention], found: Frame, normalised: str, at: int = 0
    ) -> str | None:
        """The event word the claim's figure goes with: of the strong ones (not "games"),
        the nearest to the frame, one before it preferred."""
        events = [m for m in mentions if m.label == "EVENT"]
        if found.relation == "never" and re.search(r"\bnever (beaten|won|win)", normalised, re.I):
            return "win"
        strong = [m for m in events if m.id not in NOUN_EVENTS]
        if strong:
            return min(strong, key=lambda m: abs(m.start - at) + (0 if m.start <= at + 12 else 40)).id  # noqa: E501
        if events or any(m.text.lower() in VISIT_WORDS for m in mentions):
            return "played"
        return None

    def _context(
        self,
        sentence: str,
        normalised: str,
        mentions: list[Mention],
        subject: Subject,
        record: bool = False,
        part: bool = False,
    ) -> Context:
        fx = self.fixture
        changes: dict = {}
        for m in mentions:
            tail = sentence[m.end :]
            if m.label in ("COMPETITION", "COMPETITION_SET") and "competition" not in changes:
                changes["competition"] = m.id
                if m.label == "COMPETITION" and LEXICON.era_start(m.id, m.text):
                    self._era = LEXICON.era_start(m.id, m.text)  # "Premier League": since 1992
                if fx is not None and _league(m.id) and _league(fx.competition):
                    changes["competition"] = fx.competition  # "the Premiership" at Ibrox
            elif m.label == "STAGE" and "stage" not in changes:
                if m.text.lower() in STAGE_NUMBERS and not STAGE_BEFORE.search(
                    sentence[: m.start]
                ):
                    continue  # "their last four meetings" is a window, not a round
                changes["stage"] = m.id
            elif m.text.lower() in VISIT_WORDS:
                if "venue" not in changes and re.match(r"\s+to\s+(?!the\b)", tail):
                    changes["venue"] = "away"  # "visits to Liverpool"
            elif m.label == "VENUE" and "venue" not in changes and m.id in ("home", "away"):
                changes["venue"] = m.id
            elif m.label == "VENUE" and m.id == "neutral":
                changes["venue"] = "neutral"
            elif m.label == "COUNTRY" and self._the_other(subject, m, sentence) is not None:
                changes["opponent"] = self._the_other(subject, m, sentence)  # "the English side"
            elif m.label == "COUNTRY" and (
                SIDES_WORD.match(tail.strip()) or FROM_COUNTRY.search(sentence[: m.start])
            ):
                changes["opponent_country"] = m.id  # "Spanish sides", "a side from Spain"
            elif m.label == "COUNTRY" and (
                IN_COUNTRY.search(sentence[: m.start]) or re.match(r"\s+soil\b", tail)
            ):
                if m.id != self.countries.get(subject.team):
                    changes["opponent_country"] = m.id  # "matches in the Netherlands"
                    changes.setdefault("venue", "away")
            elif m.label == "TEAM" and int(m.id) != subject.team and "opponent" not in changes:
                if OPPONENT_BEFORE.search(sentence[: m.start]) or record:
                    changes["opponent"] = int(m.id)
            elif m.label == "GROUND":
                owners = [int(i) for i in m.id.split(",")]
                if subject.team in owners:
                    changes["venue"] = "home"
                else:
                    changes["opponent"] = owners[0]
                    changes["venue"] = "away"
        for city in IN_CITY.finditer(sentence):
            owner = self.cities.get(city.group(1))
            if owner is None or "venue" in changes or subject.team is None:
                continue
            if owner == subject.team:
                changes["venue"] = "home"
            else:
                changes["venue"] = "away"
                changes.setdefault("opponent", owner)
        if part:  # a split's part: only the filters it names
            return Context(**{k: v for k, v in changes.items() if k != "competition"})
        meetings = MEETINGS.search(sentence) or (self.meetings and GOES_ON.match(sentence))
        if fx is not None and "opponent" not in changes and meetings:
            other = fx.away if subject.team == fx.home else fx.home
            if subject.team in (fx.home, fx.away):
                changes["opponent"] = other  # "the last five meetings", "derbies"
        if THIS_SEASON.search(sentence) and fx is not None:
            changes["season"] = fx.season
        first_leg = _first_leg(normalised)
        if first_leg is not None:
            changes["first_leg"] = first_leg
            if first_leg.venue is not None and changes.get("venue") == first_leg.venue:
                del changes["venue"]  # "lost the first leg 3-1 away": the first leg's venue
        season = SEASON.search(sentence)
        since = re.search(r"\bsince\b", sentence[: season.start()]) if season else None
        if season and "season" not in changes and not SINCE_SEASON.search(sentence) and not since:
            start = int(season["start"])
            changes["season"] = f"{start}-{(start + 1) % 100:02d}"
        named = fx is not None and fx.competition != "all" and THE_COMPETITION.search(sentence)
        if named and "competition" not in changes:
            changes["competition"] = fx.competition
        if fx is not None and TOP_FLIGHT.search(sentence) and "competition" not in changes:
            changes["competition"] = fx.competition if _league(fx.competition) else "league"
        if fx is not None and fx.first_leg is not None and IN_FIRST_LEG.search(sentence):
            changes["match"] = fx.first_leg
            changes.setdefault("competition", fx.competition)
        if "competition" not in changes and fx is not None:
            changes["competition"] = self._default_competition(changes)
        return Context(**changes)

    def _the_other(self, subject: Subject, m: Mention, sentence: str) -> int | None:
        """'the English side' when the fixture's other side is the English one."""
        fx = self.fixture
        if fx is None or subject.team not in (fx.home, fx.away):
            return None
        if not THE_COUNTRY_SIDE.search(sentence[: m.start]):
            return None
        if not re.match(r"\s+(?:side|club|team|outfit|opposition)\b", sentence[m.end :]):
            return None
        other = fx.away if subject.team == fx.home else fx.home
        return other if self.countries.get(other) == m.id else None

    def _default_competition(self, changes: dict) -> str:
        """The slot a claim leaves out: meetings of sides from two countries are every
        meeting held; anything else is the fixture's competition."""
        fx = self.fixture
        if not fx.european and fx.competition != "all":
            return fx.competition  # a league match's preview speaks of its league
        if changes.get("opponent_country") is not None:
            return "european"  # sides from another country are met in Europe
        if changes.get("opponent") is not None and not fx.same_country:
            return "all"
        if changes.get("first_leg") is not None:
            return "european" if fx.european else fx.competition
        if changes.get("stage") is not None or changes.get("season") is not None:
            return fx.competition
        return "all"  # "their last six games": every match held (no domestic cups)

    def _split(
        self, sentence: str, normalised: str, mentions: list[Mention], subject: Subject,
        found: Frame,
    ) -> Claim | Unread:  # fmt: skip
        """'Five of Liverpool's 11 home defeats in the Champions League came against
        Spanish sides': the context before 'came', the part after it."""
        cut = re.search(r"\b(?:came|were|have come)\b", sentence)
        if cut is None:
            return Unread("no part: a split says where its part came")
        before = [m for m in mentions if m.end <= cut.start()]
        after = [m for m in mentions if m.start >= cut.end()]
        noun = SPLIT_NOUN.search(sentence[: cut.start()])
        if noun is None:
            return Unread("no event: five of their 11 what?")
        event = SPLIT_EVENTS[noun.group(1).lower().rstrip("s")]
        if subject.player is not None:
            event = "goal"
        ctx = self._context(sentence[: cut.start()], normalised, before, subject)
        part = self._context(sentence, "", after, subject, part=True)
        g = found.groups
        stated = (int(g["k"]), int(g["n"]))
        try:
            return Claim(Query(subject, event, "match", "split", ctx, part=part), stated, "equal", "split")  # noqa: E501
        except ValueError as error:
            return Unread(str(error))

    def _results(
        self, sentence: str, normalised: str, mentions: list[Mention], subject: Subject | None
    ) -> Claim | Unread | None:
        """The results a sentence lists ("Liverpool knocked Madrid out 5-0 on aggregate in
        the 2008/09 round of 16", a statbox's "25/02/09 Chelsea 1 Juventus 0"): a record
        in their context that includes each score, or whose goals are the aggregate."""
        subject = subject or self._fixture_side_named(sentence)
        fx = self.fixture
        teams = {int(m.id) for m in mentions if m.label == "TEAM"}
        if fx is not None and LINE_SCORE.search(sentence) and fx.home in teams:
            subject = Subject(team=fx.home)  # a statbox's line scores: told from the hosts
        if subject is None or subject.team is None:
            return None
        found = results(sentence, mentions, subject.team)
        if not found:
            return None
        team = Subject(team=subject.team)  # a player's "1-0 win" is his side's
        ctx = self._context(sentence, normalised, mentions, team, record=True)
        changes: dict = {}
        on_aggregate = aggregate(sentence)
        if len(found) > 1 and not on_aggregate:
            changes["venue"] = None  # "2-1 at home and 3-1 in Italy": each its own venue
        if ctx.season is None:
            changes["season"] = self._season_named(sentence, ctx)
        ctx = replace(ctx, **changes)
        if ctx.opponent is None and ctx.season is None and ctx.opponent_country is None:
            return Unread("no context: a result with no opponent and no season")
        gf = sum(r.goals_for for r in found)
        ga = sum(r.goals_against for r in found)
        query = Query(team, "played", "match", "record", ctx)
        if on_aggregate:
            return Claim(query, {"for": gf, "against": ga}, "equal", "aggregate")
        won = sum(r.goals_for > r.goals_against for r in found)
        lost = sum(r.goals_for < r.goals_against for r in found)
        stated = {"played": len(found), "won": won, "drawn": len(found) - won - lost,
                  "lost": lost, "for": gf, "against": ga}  # fmt: skip
        scores = tuple((r.goals_for, r.goals_against) for r in found)
        return Claim(query, stated, "includes", "results", scores=scores)

    def _season_named(self, sentence: str, ctx: Context) -> str | None:
        """The season a result's words place it in: a statbox's date, "in March 2009",
        "the 2018 final", "last season", "two seasons ago"."""
        days = dates_in(sentence)
        if days:
            return season_of(days[0])
        month = MONTH_YEAR.search(sentence)
        if month:
            when = dateparser.parse(month.group(0), settings={"PREFER_DAY_OF_MONTH": "first"})
            if when is not None:
                return season_of(when.date())
        fx = self.fixture
        ago = SEASONS_AGO.search(figures(sentence))
        if fx is not None and ago:
            back = 1 if ago.group(1) is None else int(ago.group(1))
            start = int(fx.season[:4]) - back
            return f"{start}-{(start + 1) % 100:02d}"
        year = YEAR.search(sentence)
        if year and ctx.stage == "final":  # finals are played in May: "the 2018 final"
            start = int(year.group(1)) - 1
            return f"{start}-{(start + 1) % 100:02d}"
        return None

    # -- the claim -------------------------------------------------------------------
    def _claim(
        self, subject: Subject, event: str, ctx: Context, found: Frame, normalised: str
    ) -> Claim:
        """The claim the frame states, and the record a bracket after it states with it:
        "unbeaten in their last 19 (W18 D1)" is a run of 19 and a record of W18 D1 L0."""
        main = self._frame_claim(subject, event, ctx, found, normalised)
        bracket = BRACKET_WDL.search(normalised)
        g = found.groups
        shape = found.shape
        unit = main.query.unit
        also: list[Claim] = []
        if bracket and shape in ("run", "k_of_n") and g.get("n") and found.relation != "never":
            n = int(g["n"])
            stated = _bracket_record(bracket.group(1), n, main.query.event, g.get("k"))
            query = Query(subject, "played", unit, "record", main.query.context, Window(last=n))
            also.append(Claim(query, stated, "equal", "bracket_record"))
        elif bracket and found.relation == "never" and main.query.event in NEVER_ZERO:
            letters = re.findall(r"([WDL])\s?(\d+)", bracket.group(1))
            stated = {RESULT_KEYS[r]: int(v) for r, v in letters}
            stated.setdefault(NEVER_ZERO[main.query.event], 0)  # "never won there (D1 L2)"
            if len(stated) == 3:
                stated["played"] = sum(stated.values())
            query = Query(subject, "played", unit, "record", main.query.context, main.query.window)
            also.append(Claim(query, stated, "equal", "bracket_record"))
        n = int(g["n"]) if g.get("n") else None
        window = main.query.window
        if window.everything and shape == "run" and n is not None:
            window = Window(last=n)  # the run's matches: "four of them", "with 12 goals"
        goals = GOALS_ALONG.search(normalised, found.end)
        if goals and shape in ("run", "k_of_n") and unit == "match" and subject.player is None:
            query = Query(subject, "scored", "goal", "count", main.query.context, window)
            also.append(Claim(query, int(goals.group(1)), "equal", "goals_along"))
        those = OF_THOSE.search(normalised, found.end)
        if those and n is not None and unit == "match":
            said = those.group("result").lower()
            event = next(e for word, e in THOSE_EVENTS.items() if word in said)
            query = Query(subject, event, unit, "k_of_n", main.query.context, window)
            also.append(Claim(query, (int(those.group("k")), n), "equal", "of_those"))
        return replace(main, also=(*main.also, *also)) if also else main

    def _frame_claim(
        self, subject: Subject, event: str, ctx: Context, found: Frame, normalised: str
    ) -> Claim:
        g = found.groups
        if found.name == "won_title":
            return self._title(subject, ctx, g)
        if found.relation == "each_of" and found.shape == "run" and not LAST_N.search(normalised):
            n = int(g["n"])  # "won all five of their games this season": five of five
            unit = "tie" if event in ("through", "out") or ctx.first_leg else "match"
            if unit == "tie" and event not in ("through", "out"):
                event = "through" if event == "win" else "out"
            return Claim(Query(subject, event, unit, "k_of_n", ctx), (n, n), "each_of", found.name)  # noqa: E501
        tie_words = event in ("through", "out") or ctx.first_leg is not None or subject.sides
        unit = "tie" if tie_words else "match"
        if unit == "tie" and event not in ("through", "out", "played"):
            event = "through" if event == "win" else ("out" if event == "loss" else event)
        if subject.player is not None and event in ("scored", "win"):
            event = "goal"
        shape = found.shape
        era = self._era if ctx.season is None else None  # a season is inside its era
        window = Window(since=dt.date.fromisoformat(era)) if era else Window()
        self._era = None
        since = SINCE_WHEN.search(normalised)
        if since and shape != "first_since":  # "unbeaten at home since October 2014"
            day = _named_day(since.group("since"))
            window = Window(since=day.date()) if day else window
        if shape == "record":
            keys = {"p": "played", "w": "won", "d": "drawn", "l": "lost", "gf": "for",
                    "ga": "against"}  # fmt: skip
            stated = {keys[k]: int(v) for k, v in g.items() if k in keys}
            last = LAST_N.search(normalised)
            if "p" not in g and last:  # "in the last five ... (W0 D2 L3)", "... in their last six"
                window = Window(last=int(last.group(1)))
                stated.setdefault("played", window.last)
                return Claim(Query(subject, "played", unit, "record", ctx, window), stated, "equal", found.name)  # noqa: E501
            if "p" in g and (found.name == "record_of_last" or FORM.search(normalised)):
                window = Window(last=int(g["p"]))  # "Form guide: P6 ...", "of the previous 15"
                query = Query(subject, "played", unit, "record", ctx, window)
                return Claim(query, stated, "equal", found.name)
            return Claim(Query(subject, "played", unit, "record", ctx, window), stated, "equal", found.name)  # noqa: E501
        if shape == "first_since":
            when = _named_day(g["since"])
            if when is None:
                raise ValueError(f"no date: cannot read {g['since']!r} as a date")
            stated = when.date()
            return Claim(Query(subject, event, unit, "first_since", ctx), stated, "equal", found.name)  # noqa: E501
        seasonal = _seasonal(g.get("noun", ""), event, normalised) if shape == "nth" else None
        if seasonal is not None:  # "a seventh CL semi-final", "their fifth European campaign"
            event, stage, qualifying = seasonal
            ctx = replace(ctx, stage=stage or ctx.stage, qualifying=qualifying or ctx.qualifying)
            unit = "tie" if event == "through" else "season"
            shape = "run" if unit == "season" and RUNNING.search(normalised) else "nth"
            return Claim(Query(subject, event, unit, shape, ctx, window), ordinal(g["nth"]), "equal", found.name)  # noqa: E501
        if shape == "nth":
            return Claim(Query(subject, "played" if event in NOUN_EVENTS else event, unit, "nth", ctx), ordinal(g["nth"]), "equal", found.name)  # noqa: E501
        if shape == "k_of_n":
            if found.relation == "never":
                return Claim(Query(subject, event, unit, "count", ctx, window), 0, "never", found.name)  # noqa: E501
            if g.get("last"):
                window = Window(last=int(g["n"]))
            stated = (int(g["k"]), int(g["n"]))
            if subject.player is not None and SHARE.search(normalised):
                return Claim(Query(subject, "goal", unit, "share", ctx), stated, "equal", "share")
            return Claim(Query(subject, event, unit, "k_of_n", ctx, window), stated, found.relation, found.name)  # noqa: E501
        if shape == "run":
            if event in NOUN_EVENTS:
                raise ValueError("no event: a run of what?")
            return Claim(Query(subject, event, unit, "run", ctx), int(g["n"]), found.relation, found.name)  # noqa: E501
        if shape == "count" and found.name == "scorers" and self.fixture is not None:
            ctx = replace(ctx, season=self.fixture.season)  # a statbox's scorers: this season
            if ctx.competition == "all":
                ctx = replace(ctx, competition=self.fixture.competition)
            return Claim(Query(subject, "goal", "match", "count", ctx), int(g["k"]), "equal", found.name)  # noqa: E501
        if shape == "count" and subject.player is None and GOALS_COUNTED.search(normalised):
            event = "conceded" if CONCEDED.search(normalised) else "scored"
            if g.get("n"):
                window = Window(last=int(g["n"]))
            query = Query(subject, event, "goal", "count", ctx, window)
            return Claim(query, int(g["k"]), "equal", "goals")
        if shape == "count":
            return Claim(Query(subject, event, unit, "count", ctx, window), int(g["k"]), "equal", found.name)  # noqa: E501
        raise ValueError(f"no reading for the frame {found.name}")


RESULT_CUT = re.compile(r"\s(?:was|came|being|were)\s|:\s|\s[-–—]\s")


def _before_the_result(sentence: str, mentions: list[Mention], at: int) -> list[Mention]:
    """The mentions that say which "last" it is ("their last win in Germany"), not those
    of the result it was ("came at Bayer Leverkusen, 2-1")."""
    cut = RESULT_CUT.search(sentence, at)
    if cut is None:
        return mentions
    return [m for m in mentions if m.start < cut.start()]


ASIDE = re.compile(r",\s|\s[-–—]\s|;|\(")


def _before_aside(
    sentence: str, mentions: list[Mention], at: int, subject: Subject
) -> list[Mention]:
    """The mentions of the claim itself: an aside after the figure ("..., the one defeat
    coming against Barcelona in the semi-finals") sets no filter."""
    cut = ASIDE.search(sentence, at)
    if cut is None:
        return mentions
    return [m for m in mentions if m.start < cut.start()]


CONTRAST = re.compile(r",?\s+but\s+|;\s+|,\s+while\s+|,\s+whereas\s+|,\s+yet\s+", re.I)


def _after_contrast(sentence: str, mentions: list[Mention], at: int) -> list[Mention]:
    """The mentions of the clause the figure is in, where a contrast opens it: in
    "unbeaten this season, but three of their last four have been draws" the event is the
    draw."""
    cuts = [m.end() for m in CONTRAST.finditer(sentence) if m.end() <= at]
    if not cuts:
        return mentions
    kept = [m for m in mentions if m.start >= cuts[-1]]
    return kept if any(m.label == "EVENT" for m in kept) else mentions


BRACKET_WDL = re.compile(r"\(\s*((?:[WDL]\s?\d+[,\s]*){1,3})\)?")
RESULT_KEYS = {"W": "won", "D": "drawn", "L": "lost"}
EVENT_KEYS = {"win": "won", "draw": "drawn", "loss": "lost"}
NEVER_ZERO = {"win": "won", "loss": "lost", "unbeaten": "lost", "draw": "drawn"}
# A second claim after the first: "..., netting 12 goals in the process", "with 29 goals"
GOALS_ALONG = re.compile(
    r"\b(?:netting|scoring|with|having scored|hitting)\s+(\d+)\s+goals\b", re.IGNORECASE
)
# "..., and two of those ended in defeat"
OF_THOSE = re.compile(
    r"\b(?P<k>\d+)\s+of\s+(?:those|them|these)\s+(?:\w+\s+){0,2}?(?P<result>ended in defeat|"
    r"ended in (?:a\s+)?draws?|were lost|were drawn|were won|drawn|lost|won|defeats?)",
    re.IGNORECASE,
)
THOSE_EVENTS = {"defeat": "loss", "lost": "loss", "draw": "draw", "drawn": "draw", "won": "win"}
RUN_FILLS = {"unbeaten": ("lost", 0), "winless": ("won", 0)}


def _bracket_record(letters: str, n: int, event: str, k: str | None) -> dict[str, int]:
    """The record a claim and its bracket state together: "lost just three of their last
    16 (W9 D4)" is P16 W9 D4 L3; "unbeaten in 19 (W18 D1)" is P19 W18 D1 L0."""
    record = {RESULT_KEYS[r]: int(v) for r, v in re.findall(r"([WDL])\s?(\d+)", letters)}
    if k is not None and event in EVENT_KEYS:
        record.setdefault(EVENT_KEYS[event], int(k))
    elif k is None and event in EVENT_KEYS:
        record.setdefault(EVENT_KEYS[event], n)  # "won their last five (W5)"
    if event in RUN_FILLS:
        record.setdefault(*RUN_FILLS[event])
    missing = [key for key in ("won", "drawn", "lost") if key not in record]
    if len(missing) == 1:
        record[missing[0]] = n - sum(record.values())
    return {"played": n, **record}


STAGE_NOUNS = {"final": "final", "semi-final": "semi_final", "quarter-final": "quarter_final"}
RUNNING = re.compile(r"\b(?:straight|running|in a row|successive|consecutive)\b", re.IGNORECASE)
IN_IT = re.compile(r"\b(?:are|is|be)\s+(?:back\s+)?in\s+the\b", re.IGNORECASE)


def _seasonal(noun: str, event: str | None, text: str) -> tuple[str, str | None, bool] | None:
    """An ordinal of seasons: (event, stage, qualifying counted) for "a seventh
    semi-final" (reached), "their fifth European campaign" (played, qualifying counted),
    "in the Champions League for the 11th time", "their 13th title" (ties won at the final);
    None for an ordinal of matches or ties ("their third visit")."""
    noun = noun.lower()
    if noun == "title":
        return "through", "final", False
    if noun in STAGE_NOUNS and event in (None, "played", "through", "reached"):
        return "reached", STAGE_NOUNS[noun], False
    if noun in ("campaign", "season"):
        return "played", None, noun == "campaign"
    if noun == "time" and event in (None, "played") and IN_IT.search(text):
        return "played", None, False
    return None


def _league(competition: str) -> bool:
    """A league's id (ENG1, SCO1 ...), not a cup's nor a set's."""
    return competition[-1:].isdigit()


def _first_leg(text: str) -> FirstLeg | None:
    m = FIRST_LEG.search(text)
    if m is None:
        return None
    verb = m["verb"].lower()
    result = "win" if verb.startswith("w") else ("loss" if verb.startswith("l") else "draw")
    venue = {"at home": "home", "away": "away"}.get((m["venue"] or "").lower())
    if m["score"]:
        a, b = (int(x) for x in m["score"].split("-"))
        high, low = max(a, b), min(a, b)
        score = (high, low) if result == "win" else (low, high)
        return FirstLeg(result, venue, score=score)
    margin = int(m["margin"]) if m["margin"] else None
    return FirstLeg(result, venue, margin, or_more=bool(m["more"]))


def _named_day(text: str) -> dt.datetime | None:
    """The day a text names; a bare year is its first day (the judge then asks the
    year only)."""
    if re.fullmatch(r"\s*(?:19|20)\d\d\s*", text):
        return dt.datetime(int(text), 1, 1)
    return dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})


def as_of_date(text: str) -> dt.date | None:
    found = dateparser.parse(text)
    return found.date() if found else None
