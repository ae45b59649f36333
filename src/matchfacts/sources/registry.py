"""The registry of known sources: address pinned to a commit, SHA-256, licence, parser.

The data lives in `registry.toml` (written by scripts/make_registry.py); this module
reads it and gives each parser a `SourceFiles` through which it opens its files,
so parsers never know whether a file came from a mirror, the cache or a local path.
"""

from __future__ import annotations

import fnmatch
import importlib
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files as package_files
from pathlib import Path
from typing import Protocol

from matchfacts.errors import SourceError
from matchfacts.sources.fetch import Fetcher
from matchfacts.sources.records import (
    GoalRecord,
    MatchRecord,
    ReferenceForecast,
    ShootoutKick,
)


@dataclass(frozen=True, slots=True)
class FileSpec:
    path: str  # relative to the source's folder, as in the mirror
    url: str
    sha256: str


@dataclass(frozen=True, slots=True)
class SourceSpec:
    name: str
    title: str
    repository: str
    commit: str
    licence: str
    open_licence: bool  # sources without one are never downloaded: the user points at files
    parser: str  # module name in matchfacts.sources
    coverage: str
    files: tuple[FileSpec, ...]


@dataclass(slots=True)
class ParsedSource:
    """Everything one source yields, in canonical records."""

    matches: list[MatchRecord]
    goals: list[GoalRecord]
    kicks: list[ShootoutKick]
    references: list[ReferenceForecast] = field(default_factory=list)


class SourceFiles:
    """The files of one source, fetched on first use through the injected fetcher."""

    def __init__(self, spec: SourceSpec, fetcher: Fetcher) -> None:
        self.spec = spec
        self._fetcher = fetcher

    @property
    def name(self) -> str:
        return self.spec.name

    def names(self, pattern: str = "*") -> list[str]:
        """Registry paths matching a glob pattern, sorted."""
        return sorted(f.path for f in self.spec.files if fnmatch.fnmatch(f.path, pattern))

    def path(self, name: str) -> Path:
        """A local path to the file, fetching and checking it if needed."""
        for file in self.spec.files:
            if file.path == name:
                return self._fetcher.fetch(self.spec, file)
        raise SourceError(f"{self.spec.name} has no file {name!r} in the registry")


class Parser(Protocol):
    def __call__(self, files: SourceFiles) -> ParsedSource: ...


@cache
def registry() -> dict[str, SourceSpec]:
    raw = tomllib.loads(
        package_files("matchfacts.sources").joinpath("registry.toml").read_text("utf-8")
    )
    specs = {}
    for name, entry in raw["sources"].items():
        files = tuple(FileSpec(**f) for f in entry.pop("files"))
        specs[name] = SourceSpec(name=name, files=files, **entry)
    return specs


def source(name: str) -> SourceSpec:
    specs = registry()
    if name not in specs:
        raise SourceError(f"Unknown source {name!r}; known sources: {', '.join(specs)}")
    return specs[name]


def parser_for(spec: SourceSpec) -> Parser:
    module = importlib.import_module(f"matchfacts.sources.{spec.parser}")
    return module.parse  # type: ignore[no-any-return]
