"""The web app's own small pages: the find form and the error page."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

FIND_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>matchfacts: find a fixture</title>
<style>body{{font:16px system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}}
label{{display:block;margin:.6rem 0 .2rem}}input{{font:inherit;padding:.3rem;width:100%}}
button{{font:inherit;margin-top:1rem;padding:.4rem 1rem}}</style></head><body>
<h1>matchfacts</h1><p>Football previews from open data, every word proven.</p>
<form action="/preview" method="get" id="find">
<label for="home">Home side</label><input id="home" name="home" value="{home}" required>
<label for="away">Visitors</label><input id="away" name="away" value="{away}" required>
<label for="date">Match day</label><input id="date" name="date" type="date" value="{date}" required>
<label for="competition">Competition (optional)</label>
<select id="competition" name="competition"><option value="">any</option>
<option value="UCL">European Cup / Champions League</option>
<option value="UEL">Fairs Cup / UEFA Cup / Europa League</option>
<option value="UCWC">Cup Winners' Cup</option><option value="UECL">Conference League</option>
<option value="ENG1">English top flight</option><option value="ESP1">LaLiga</option>
<option value="GER1">Bundesliga</option><option value="ITA1">Serie A</option>
<option value="FRA1">Ligue 1</option></select>
<button type="submit">Preview</button></form>
<p><a href="/check">Check a written preview</a> · <a href="/docs">JSON API</a></p>
</body></html>"""


def find_page(home: str, away: str, date: str) -> str:
    return FIND_PAGE.format(home=escape(home[:80]), away=escape(away[:80]), date=escape(date[:10]))


def error_page(title: str, message: str, items: Iterable[str] = ()) -> str:
    listed = "".join(f"<li>{escape(item)}</li>" for item in items)
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}"
        f"</title></head><body><h1>{escape(message)}</h1>{f'<ul>{listed}</ul>' if listed else ''}"
        "<p><a href='/'>Find a fixture</a></p></body></html>"
    )
