"""The fact algebra's types: what a fact or a claim asks of the data, with no SQL and no
English in it.

A `Query` is a subject's units (matches, ties, goals) in a context and a window, with an
event counted in a shape. The evaluator (facts/evaluate.py) says what it means in data, the
realiser (facts/realise.py) says it in English, and the reader (check/read.py) finds it in
other people's prose. Teams are store ids; a player is a store id and his team's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Any

EVENTS = (
    "win",
    "draw",
    "loss",
    "unbeaten",
    "winless",
    "scored",
    "conceded",
    "clean_sheet",
    "failed_to_score",
    "played",
    "through",
    "out",
    "goal",
    "reached",
)
# Events of a match (or a tie) told from one side; "goal" is a player's, "played" is any.
MATCH_EVENTS = EVENTS[:10]
TIE_EVENTS = ("through", "out")
GOAL_EVENTS = ("scored", "conceded")  # unit goal: a team's goals for and against
UNITS = ("match", "tie", "goal", "season")  # season: one a side took part in the context
SHAPES = (
    "count", "k_of_n", "share", "split", "run", "best_run", "first_since", "nth", "record", "need",
)  # fmt: skip
COMPETITION_SETS = ("all", "european", "league")  # beside a single competition id
STAGES = ("knockout", "final", "semi_final", "quarter_final", "round_of_16", "group")
VENUES = ("home", "away", "neutral")
RESULTS = ("win", "draw", "loss")


@dataclass(frozen=True, slots=True)
class Subject:
    """Whose units are counted: a team, a player (with his team), or every side that stood
    in the context's situation ("sides that lost the first leg 3-1 away")."""

    team: int | None = None
    player: int | None = None
    sides: bool = False

    @property
    def kind(self) -> str:
        if self.sides:
            return "sides"
        return "player" if self.player is not None else "team"


@dataclass(frozen=True, slots=True)
class FirstLeg:
    """The tie situation after the first leg, from the subject's side."""

    result: str  # win, draw, loss
    venue: str | None  # where the subject played the first leg: home, away; None: either
    margin: int | None = None  # goals; None: any margin
    or_more: bool = False  # "by two or more goals"
    score: tuple[int, int] | None = None  # the exact score, subject's goals first

    def __post_init__(self) -> None:
        if self.result not in RESULTS or self.venue not in ("home", "away", None):
            raise ValueError(f"first leg {self.result!r} {self.venue!r} is not a situation")


@dataclass(frozen=True, slots=True)
class Context:
    """Which of the subject's units count. Defaults: every competition held, every stage of
    it but the qualifying rounds, any venue, any opponent, any season."""

    competition: str = "all"  # all, european, league, or one competition id ("UCL")
    stage: str | None = None
    qualifying: bool = False  # qualifying rounds counted too
    venue: str | None = None  # home, away, neutral
    ground: str | None = None  # a ground's name: "at Anfield"
    opponent: int | None = None
    opponent_country: str | None = None  # "ESP"
    first_leg: FirstLeg | None = None
    season: str | None = None  # "2020-21"
    match: int | None = None  # one match ("in the first leg")

    def filters(self) -> tuple[str, ...]:
        """The filters set off their default, in field order."""
        default = Context()
        return tuple(
            f.name for f in fields(self) if getattr(self, f.name) != getattr(default, f.name)
        )


@dataclass(frozen=True, slots=True)
class Window:
    """Which of the context's units, newest first: the last n, those since a date, or all."""

    last: int | None = None
    since: dt.date | None = None

    @property
    def everything(self) -> bool:
        return self.last is None and self.since is None


EVER = Window()


@dataclass(frozen=True, slots=True)
class Query:
    subject: Subject
    event: str
    unit: str = "match"
    shape: str = "k_of_n"
    context: Context = field(default_factory=Context)
    window: Window = EVER
    part: Context | None = None  # split: the part of the event's units ("against Spanish sides")

    def __post_init__(self) -> None:
        if self.event not in EVENTS:
            raise ValueError(f"unknown event {self.event!r}")
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit {self.unit!r}")
        if self.shape not in SHAPES:
            raise ValueError(f"unknown shape {self.shape!r}")
        if self.unit == "tie" and self.event not in (*TIE_EVENTS, "played"):
            raise ValueError(f"a tie is not a {self.event!r}")
        if (self.shape == "split") != (self.part is not None):
            raise ValueError("a split, and only a split, names its part")
        if self.unit == "goal" and (self.event not in GOAL_EVENTS or self.shape != "count"):
            raise ValueError("goals are counted: scored or conceded, in a count")
        if self.subject.sides and self.unit != "tie":
            raise ValueError("every side in a situation is counted in ties")
        if self.event == "reached" and self.unit != "season":
            raise ValueError("a stage is reached in a season")
        if self.unit == "season" and (self.event not in ("played", "reached") or self.shape
                                      not in ("count", "nth", "run")):  # fmt: skip
            raise ValueError("seasons are counted: played in or reached, as a count, n-th or run")

    def with_context(self, **changes: Any) -> Query:
        return replace(self, context=replace(self.context, **changes))

    def with_window(self, window: Window) -> Query:
        return replace(self, window=window)

    def as_dict(self, name: Any = None) -> dict:
        """The query as plain data (JSON), ids kept; `name(team_id)` adds the names."""
        context = _context_dict(self.context)
        subject = {k: v for k, v in _plain(self.subject).items() if v not in (None, False)}
        out = {
            "subject": subject,
            "event": self.event,
            "unit": self.unit,
            "shape": self.shape,
            "context": context,
            "window": _plain(self.window) if not self.window.everything else "all",
        }
        if self.part is not None:
            out["part"] = _context_dict(self.part)
        if name is not None:
            if self.subject.team is not None:
                out["subject"]["team_name"] = name(self.subject.team)
            if self.context.opponent is not None:
                out["context"]["opponent_name"] = name(self.context.opponent)
        return out

    @staticmethod
    def from_dict(data: dict) -> Query:
        """The inverse of `as_dict` (names ignored, ids read)."""
        subject = {k: v for k, v in data["subject"].items() if k in ("team", "player", "sides")}
        context = _context_of(data.get("context", {}))
        part = _context_of(data["part"]) if data.get("part") is not None else None
        window = data.get("window", "all")
        if window == "all":
            window = EVER
        else:
            since = window.get("since")
            window = Window(window.get("last"), dt.date.fromisoformat(since) if since else None)
        return Query(
            Subject(**subject),
            data["event"],
            data.get("unit", "match"),
            data.get("shape", "k_of_n"),
            context,
            window,
            part,
        )


def _context_dict(ctx: Context) -> dict:
    """The filters off their default, as plain data."""
    out = {f.name: _plain(getattr(ctx, f.name)) for f in fields(ctx)}
    return {k: v for k, v in out.items() if v != _plain(getattr(Context(), k))}


def _context_of(data: dict) -> Context:
    context = {k: v for k, v in data.items() if k in Context.__slots__}
    if context.get("first_leg"):
        first = dict(context["first_leg"])
        if first.get("score") is not None:
            first["score"] = tuple(first["score"])
        context["first_leg"] = FirstLeg(**first)
    return Context(**context)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value


@dataclass(frozen=True, slots=True)
class Answer:
    """What the data says to a query: the value in the query's shape, the units it counted
    (match ids, oldest first) and, for a run or a record, how it was bounded."""

    value: Any  # int; (k, n); a date; a Record; None when the data holds no unit
    evidence: tuple[int, ...] = ()
    n: int = 0  # units in the context and window
    breaker: int | None = None  # the unit that ended the run before (run, first_since)
    rate: float | None = None  # how often the event held in the context before (ranking)
    first_season: str | None = None  # the subject's earliest season in the context
    partial: bool = False  # the data for one of the context's competitions starts late


@dataclass(frozen=True, slots=True)
class Record:
    """A statbox line: played, won, drawn, lost, goals for and against."""

    played: int
    won: int
    drawn: int
    lost: int
    goals_for: int
    goals_against: int
