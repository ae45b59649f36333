"""Venue truth for the model: a match is neutral when the store says so, or when it was
played in a third country, away from the home side's ground (the 2020-21 Champions League
ties moved to Budapest, Bucharest and Seville; Israeli and Turkish clubs' home matches
played abroad under UEFA bans).

The store names a match's venue as "Ground, City". A club's city is the one it hosted most
of its matches in; a city's country is that of the clubs based there. A match is in a
third country when its city is the base of clubs and none of them is of the home side's
country. A move within the country (Lille at Lens, BATE at Minsk, a small club at the
national stadium) keeps the home crowd and stays a home match; a city no club is based in
says nothing and changes nothing.
"""

from __future__ import annotations

import dataclasses

import duckdb

# match ids played in a third country (a query, so it joins inside any other)
THIRD_COUNTRY_SQL = """
    WITH v AS (SELECT id, home_id, coalesce(neutral, false) AS neutral,
                      trim(regexp_extract(venue, ',([^,]*)$', 1)) AS city
               FROM match WHERE venue IS NOT NULL),
    hosted AS (SELECT home_id AS team_id, city, count(*) AS n FROM v
               WHERE NOT neutral AND city <> '' GROUP BY ALL),
    -- the club's city: where it hosted most, the same answer every time (ties by name)
    base AS (SELECT team_id, arg_max(city, n * 1000000 - rank) AS city FROM (
                 SELECT *, row_number() OVER (PARTITION BY team_id ORDER BY city) AS rank
                 FROM hosted) GROUP BY team_id),
    city_country AS (SELECT DISTINCT base.city, t.country FROM base
                     JOIN team t ON t.id = base.team_id WHERE t.country IS NOT NULL)
    SELECT v.id FROM v JOIN team h ON h.id = v.home_id
    WHERE NOT v.neutral AND h.country IS NOT NULL
      AND v.city IN (SELECT city FROM city_country)
      AND v.city NOT IN (SELECT city FROM city_country WHERE country = h.country)
"""


def neutral_sql(alias: str) -> str:
    """SQL for "match `alias` is neutral for the model" (store's flag or third country)."""
    return f"(coalesce({alias}.neutral, false) OR {alias}.id IN ({THIRD_COUNTRY_SQL}))"


def played_in_third_country(con: duckdb.DuckDBPyConnection, match_id: int) -> bool:
    row = con.execute(
        f"SELECT count(*) FROM ({THIRD_COUNTRY_SQL}) t WHERE t.id = ?", [match_id]
    ).fetchone()
    return bool(row and row[0])


def with_venue_truth(con: duckdb.DuckDBPyConnection, match):  # noqa: ANN001, ANN201 (a lookup.Match)
    """The match, neutral if it was played away from the home side's country."""
    if match.neutral or match.planned or not played_in_third_country(con, match.id):
        return match
    return dataclasses.replace(match, neutral=True)
