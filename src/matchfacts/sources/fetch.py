"""Fetching source files: from a local mirror, or downloaded with pooch into the cache.

The fetcher is injected into `SourceFiles` (as httpx injects transports), so tests read
the mirror and never touch the network, and a user can point a closed-licence source at
files they hold themselves.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

import pooch

from matchfacts import config
from matchfacts.errors import FetchError

if TYPE_CHECKING:
    from matchfacts.sources.registry import FileSpec, SourceSpec


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Fetcher:
    """Resolves a registry file to a local path.

    Order: an explicit local folder for the source (`local_dirs`), then the mirror
    (`MATCHFACTS_DATA_MIRROR`, layout <source>/<path>), then a pooch download, which is
    only allowed for openly licensed sources.
    """

    def __init__(
        self,
        mirror: Path | None = None,
        cache: Path | None = None,
        local_dirs: dict[str, Path] | None = None,
        verify: bool = True,
    ) -> None:
        self.mirror = mirror if mirror is not None else config.data_mirror()
        self.cache = cache or config.cache_dir()
        self.local_dirs = local_dirs or {}
        self.verify = verify

    def resolve(self, spec: SourceSpec) -> SourceSpec:
        """The version of the source this fetcher reads: the pinned one (LatestFetcher
        reads a moving source's newest)."""
        return spec

    def fetch(self, spec: SourceSpec, file: FileSpec) -> Path:
        local = self.local_dirs.get(spec.name)
        if local is not None:
            return self._checked(local / file.path, file)
        if self.mirror is not None:
            return self._checked(self.mirror / spec.name / file.path, file)
        if not spec.open_licence:
            raise FetchError(
                f"{spec.name} has no open licence ({spec.licence}), so matchfacts does not "
                f"download it; pass --local {spec.name}=DIR with your own copy of {file.path}"
            )
        try:
            fetched = pooch.retrieve(
                url=file.url,
                known_hash=f"sha256:{file.sha256}",
                path=self.cache / spec.name,
                fname=file.path.replace("/", "__"),
                progressbar=False,
            )
        except Exception as exc:  # pooch raises requests' and its own errors
            raise FetchError(f"cannot download {file.url}: {exc}") from exc
        return Path(fetched)

    def _checked(self, path: Path, file: FileSpec) -> Path:
        if not path.is_file():
            raise FetchError(f"missing source file {path}")
        if self.verify:
            actual = file_sha256(path)
            if actual != file.sha256:
                raise FetchError(
                    f"{path}: SHA-256 {actual} differs from the pinned {file.sha256}; "
                    "the file is not the published version the parser was written for"
                )
        return path
