"""Error class (audit, issue 15): a league match two sources date days apart was stored
twice (Milan v Fiorentina, 17 May 2001 in one file, 20 May in the other; Ligue 1's
rearranged rounds of 1993-94 and 1999-2000), and every count over it counted it twice:
"Milan have won 1259 of their 2628 league and European matches" held one match too many."""

from __future__ import annotations


def test_no_league_pair_meets_twice_at_one_ground_within_two_weeks(store):
    # each match's sources as a list first: a correlated NOT EXISTS over provenance joined
    # to itself on the source blows up to billions of rows (and fills the disk)
    twice = store.execute("""
        WITH sources AS (
            SELECT row_id, list(DISTINCT source) AS names FROM provenance
            WHERE table_name = 'match' GROUP BY row_id)
        SELECT a.competition_id, a.season, a.home_id, a.away_id, a.date, b.date
        FROM match a JOIN match b
          ON a.competition_id = b.competition_id AND a.season = b.season
         AND a.home_id = b.home_id AND a.away_id = b.away_id AND a.id < b.id
        JOIN competition c ON c.id = a.competition_id
        JOIN sources sa ON sa.row_id = a.id
        JOIN sources sb ON sb.row_id = b.id
        WHERE c.kind = 'league' AND abs(a.date - b.date) <= 14
          AND a.home_goals = b.home_goals AND a.away_goals = b.away_goals
          -- two reports no source shares: one source does not list a match twice (Scotland's
          -- leagues, from one source, meet twice at one ground a season, days apart at times)
          AND NOT list_has_any(sa.names, sb.names)
    """).fetchall()
    assert twice == []
