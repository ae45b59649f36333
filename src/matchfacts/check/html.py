"""The checker's report as a web page: the text with each claim marked by its verdict,
then every claim with its reason, the right figure and the matches behind it."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from matchfacts.check.checker import CheckReport, segments

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
