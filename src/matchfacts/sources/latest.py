"""The newest published version of a source: its moving branch, resolved to a commit.

The registry pins each file to a commit and a SHA-256, so a build is reproducible. Some
sources go on publishing (openfootball adds each matchday, football-datasets each week);
`matchfacts update --latest` reads those at the head of their branch instead. The head is
resolved to a commit first and the files are read at that commit, so what was read is
named exactly (commit and SHA-256 of each file) and recorded in the store.

With a mirror (`MATCHFACTS_DATA_MIRROR`), the mirror plays the branch head: its files
are read as they are and its SOURCE.txt names the commit (the tests build a newer mirror
this way). Sources without a moving branch resolve to their pinned version.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pooch

from matchfacts.errors import FetchError
from matchfacts.sources.fetch import Fetcher, file_sha256
from matchfacts.sources.registry import FileSpec, SourceSpec

# Sources whose repositories are still published to, and the branch they publish on.
# The others are archives (FiveThirtyEight stopped in 2023, the UEFA dump in 2022).
BRANCHES: dict[str, str] = {
    "openfootball-champions-league": "master",
    "football-datasets": "main",
    "schochastics-football-data": "master",
    "engsoccerdata": "master",
}
_COMMIT_LINE = re.compile(r"^commit:\s*([0-9a-zA-Z]+)\s*$", re.MULTILINE)
_GITHUB = re.compile(r"https://github\.com/([^/]+)/([^/]+?)/?$")


class LatestFetcher(Fetcher):
    """A fetcher that reads each moving source at the head of its branch.

    `resolve(spec)` gives the source's spec at that head (commit, addresses, and the
    SHA-256 of each file as fetched); `fetch` then serves those files.
    """

    def __init__(
        self,
        mirror: Path | None = None,
        cache: Path | None = None,
        local_dirs: dict[str, Path] | None = None,
    ) -> None:
        super().__init__(mirror, cache, local_dirs)
        self._resolved: dict[str, SourceSpec] = {}
        self._paths: dict[tuple[str, str], Path] = {}

    def resolve(self, spec: SourceSpec) -> SourceSpec:
        if spec.name not in BRANCHES or spec.name in self.local_dirs:
            return spec  # an archive, or the user's own copy: as pinned
        if spec.name not in self._resolved:
            self._resolved[spec.name] = self._at_head(spec)
        return self._resolved[spec.name]

    def fetch(self, spec: SourceSpec, file: FileSpec) -> Path:
        path = self._paths.get((spec.name, file.path))
        return path if path is not None else super().fetch(spec, file)

    def _at_head(self, spec: SourceSpec) -> SourceSpec:
        commit = self._head_commit(spec)
        files = []
        for file in spec.files:
            url = file.url.replace(spec.commit, commit)
            path = self._download(spec, file, url, commit)
            self._paths[(spec.name, file.path)] = path
            files.append(FileSpec(path=file.path, url=url, sha256=file_sha256(path)))
        return replace(spec, commit=commit, files=tuple(files))

    def _head_commit(self, spec: SourceSpec) -> str:
        if self.mirror is not None:
            about = self.mirror / spec.name / "SOURCE.txt"
            found = _COMMIT_LINE.search(about.read_text("utf-8")) if about.is_file() else None
            if found is None:
                raise FetchError(f"{about}: no 'commit:' line naming the mirror's version")
            return found.group(1)
        return github_head(spec.repository, BRANCHES[spec.name])

    def _download(self, spec: SourceSpec, file: FileSpec, url: str, commit: str) -> Path:
        if self.mirror is not None:
            path = self.mirror / spec.name / file.path
            if not path.is_file():
                raise FetchError(f"missing source file {path} (the newer version lacks it)")
            return path
        try:  # no known hash: this version is newer than the pin; its hash is recorded
            fetched = pooch.retrieve(
                url=url,
                known_hash=None,
                path=self.cache / spec.name / commit,  # a commit's files never change
                fname=file.path.replace("/", "__"),
                progressbar=False,
            )
        except Exception as exc:  # pooch raises requests' and its own errors
            raise FetchError(f"cannot download {url}: {exc}") from exc
        return Path(fetched)


def github_head(repository: str, branch: str) -> str:
    """The commit at the head of a GitHub repository's branch (GitHub's REST API)."""
    import requests  # pooch's own dependency

    found = _GITHUB.match(repository)
    if found is None:
        raise FetchError(f"{repository} is not a GitHub repository: no branch head to read")
    owner, name = found.groups()
    url = f"https://api.github.com/repos/{owner}/{name}/commits/{branch}"
    try:
        reply = requests.get(url, headers={"Accept": "application/vnd.github.sha"}, timeout=30)
        reply.raise_for_status()
    except Exception as exc:
        raise FetchError(f"cannot read the head of {repository}@{branch}: {exc}") from exc
    commit = reply.text.strip()
    if not re.fullmatch(r"[0-9a-f]{40}", commit):
        raise FetchError(f"{url} answered {commit[:60]!r}, not a commit")
    return commit
