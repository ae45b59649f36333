"""The preview as Markdown: what a desk pastes into its CMS."""

from __future__ import annotations

from matchfacts.preview.compose import MARKS, Preview, preview_dict


def _pct(p: float) -> str:
    return f"{100 * p:.0f}%"


def render_markdown(p: Preview) -> str:
    d = preview_dict(p)
    hs, as_ = p.home.short_name, p.away.short_name
    lines = [f"# {d['headline']}", "", f"*{d['standfirst']}*", ""]
    lines += [f"> {notice}" for notice in d["notices"]] + ([""] if d["notices"] else [])
    tie = d["tie"]
    if tie:
        lines += ["## The tie", ""]
        if tie["first_leg"]:
            f = tie["first_leg"]
            lines.append(
                f"First leg, {f['date']}: {f['home']} {f['home_goals']}-"
                f"{f['away_goals']} {f['away']}."
            )
        lines += ["", tie["summary"], ""]
        if tie["extra_time"]:
            lines += [tie["extra_time"], ""]
        if tie["outcomes"]:
            lines += _grid(tie, hs, as_)
    fc = d["forecast"]
    lines += [
        "## The forecast",
        "",
        f"Expected goals: {hs} {fc['expected_goals']['home']:.2f}, "
        f"{as_} {fc['expected_goals']['away']:.2f}.",
        "",
        f"| {hs} win | draw | {as_} win |",
        "|---|---|---|",
        f"| {_pct(fc['match']['home'])} | {_pct(fc['match']['draw'])} | "
        f"{_pct(fc['match']['away'])} |",
        "",
    ]
    if "progress" in fc:
        pr = fc["progress"]
        lines += [
            "| to go through | in 90 minutes | in extra time | on penalties | in all |",
            "|---|---|---|---|---|",
        ]
        for side, name in (("home", hs), ("away", as_)):
            via = pr["via"]
            lines.append(
                f"| {name} | {_pct(via['normal_time'][side])} | "
                f"{_pct(via['extra_time'][side])} | {_pct(via['penalties'][side])} | "
                f"**{_pct(pr[side])}** |"
            )
        lines.append("")
    lines.append(
        "Most likely scores: "
        + ", ".join(
            f"{s['home_goals']}-{s['away_goals']} ({_pct(s['p'])})" for s in fc["scorelines"][:5]
        )
        + "."
    )
    lines.append("")
    if d["team_news"]:
        lines += ["## Team news", ""]
        for news in d["team_news"]:
            out = [a for a in news["absentees"] if a["status"] == "out"]
            doubtful = [a for a in news["absentees"] if a["status"] == "doubtful"]
            if out:
                lines.append(
                    f"**{news['team']}** are without "
                    + "; ".join(f"{a['player']} ({a['reason']})" for a in out)
                    + "."
                )
            if doubtful:
                lines.append(
                    "Doubtful: "
                    + "; ".join(f"{a['player']} ({a['reason']})" for a in doubtful)
                    + "."
                )
            if news["summary"]:
                lines.append(news["summary"])
            lines.append("")
    if d["fact_sheet"]:
        lines += ["## Fact sheet", ""]
        for line in d["fact_sheet"]:
            lines += [line["text"], ""]
            lines += _table(line["rows"])
    lines += ["## Match facts", ""]
    for fact in d["facts"]["facts"]:
        lines.append(f"- {fact['text']}")
        ev = fact["evidence"][-3:]
        proof = "; ".join(
            f"{e['date']} {e['home']} {e['home_goals']}-{e['away_goals']} {e['away']}" for e in ev
        )
        more = len(fact["evidence"]) - len(ev)
        lines.append(f"  <sub>{proof}{f' and {more} more' if more > 0 else ''}</sub>")
    lines += [
        "",
        f"*As of {d['facts']['as_of']}: matchfacts uses only matches played before the day.*",
        "",
    ]
    if d["sources"]:
        lines += ["Data: " + "; ".join(
            f"{s['title']} ({s['licence']}), {s['repository']}" for s in d["sources"]
        ) + ".", ""]  # fmt: skip
    return "\n".join(lines)


def _table(rows: list[dict]) -> list[str]:
    """A fact-sheet line's table in Markdown (its query is in the JSON)."""
    columns = [c for c in rows[0] if c != "query"] if rows else []
    if not columns:
        return []
    out = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    out += ["| " + " | ".join(str(r[c]) for c in columns) + " |" for r in rows]
    return [*out, ""]


def _grid(tie: dict, hs: str, as_: str) -> list[str]:
    cells = {(c["home_goals"], c["away_goals"]): c["result"] for c in tie["outcomes"]}
    bound = max(h for h, _ in cells)
    scores = "Second-leg scores" if tie["leg"] == 2 else "Scores after 90 minutes"
    won = "wins the trophy" if tie.get("round") == "F" else "through"  # a one-match final
    lines = [
        f"{scores} ({hs} goals down, {as_} across): H {hs} {won}, A {as_} {won}, "
        "ET extra time.",
        "",
        "| | " + " | ".join(str(a) for a in range(bound + 1)) + " |",
        "|---" * (bound + 2) + "|",
    ]
    for h in range(bound + 1):
        lines.append(
            f"| **{h}** | " + " | ".join(MARKS[cells[(h, a)]] for a in range(bound + 1)) + " |"
        )
    return [*lines, ""]
