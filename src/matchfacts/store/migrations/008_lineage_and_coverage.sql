-- Club lineage (store/lineage.py, lineage.csv): the names a club carried before its
-- current one and when, so prose can write "Feijenoord, as they were then". A former name
-- holds from valid_from (NULL: from before the data) until the day before valid_until.
CREATE TABLE team_name_history (
    team_id     INTEGER NOT NULL REFERENCES team (id),
    name        TEXT NOT NULL,
    country     TEXT NOT NULL,
    valid_from  DATE,
    valid_until DATE,
    citation    TEXT NOT NULL,
    CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from < valid_until)
);

-- What the rules of store/lineage_rules.py flag as maybe one club under two ids, and what
-- lineage.csv says of it, with the reason: 'not_same' (two clubs), 'unverified' (left apart
-- until checked) or 'no_league' (why it has no league match); 'open' where nobody has looked.
CREATE TABLE lineage_candidate (
    team_id       INTEGER NOT NULL REFERENCES team (id),
    other_team_id INTEGER REFERENCES team (id),
    rule          TEXT NOT NULL CHECK (rule IN ('same_spelling', 'successor', 'no_league')),
    evidence      TEXT NOT NULL,
    verdict       TEXT NOT NULL CHECK (verdict IN ('open', 'not_same', 'unverified', 'no_league')),
    reason        TEXT
);

-- Coverage (store/coverage.py): the matches each source gives for each competition and
-- season, and their first and last dates. A season of a competition with no row is one
-- the store does not hold.
CREATE TABLE coverage (
    competition_id TEXT NOT NULL REFERENCES competition (id),
    season         TEXT NOT NULL,
    source         TEXT NOT NULL,
    matches        INTEGER NOT NULL CHECK (matches > 0),
    first_date     DATE NOT NULL,
    last_date      DATE NOT NULL,
    PRIMARY KEY (competition_id, season, source)
);
