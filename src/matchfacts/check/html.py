"""The checker's report as a web page: the text with each claim marked by its verdict,
then every claim with its reason, the right figure and the matches behind it."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from matchfacts.check.checker import CheckReport

LABELS = {
    "supported": "supported",
    "refuted": "refuted",
    "imprecise": "imprecise",
    "not_checkable": "not checkable",
}

_env = Environment(
    loader=PackageLoader("matchfacts.check", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
)


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


def render_check_page(
    text: str = "",
    report: CheckReport | None = None,
    form: dict | None = None,
    error: str | None = None,
) -> str:
    """The page: the form, and the report when there is one."""
    return _env.get_template("check.html.j2").render(
        text=text,
        form=form or {},
        error=error,
        report=report.as_dict() if report else None,
        segments=segments(text, report) if report else [],
        labels=LABELS,
    )
