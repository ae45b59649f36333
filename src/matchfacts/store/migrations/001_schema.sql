-- The canonical schema (DESIGN.md). Every row knows its sources through `provenance`.
-- Goals in home_goals/away_goals are after 90 minutes; extra time and shoot-out apart.
-- Columns naming a match (tie legs, goal.match_id) carry no FOREIGN KEY: DuckDB cannot
-- update a referenced row, and the tie engine fills match.decided_by after the insert.
-- tests/store/test_store.py checks those references instead.

CREATE TABLE source (
    name        TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    licence     TEXT NOT NULL,
    repository  TEXT NOT NULL,
    commit_sha  TEXT NOT NULL,
    coverage    TEXT NOT NULL,
    ingested_at TIMESTAMP NOT NULL,
    matches     INTEGER NOT NULL CHECK (matches >= 0),
    goals       INTEGER NOT NULL CHECK (goals >= 0)
);

CREATE TABLE competition (
    id      TEXT PRIMARY KEY,           -- UCL, UEL, UCWC, UECL, UIC, USC, or ENG1, ESP2 ...
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('league', 'cup', 'continental_cup')),
    country TEXT,
    level   INTEGER CHECK (level IS NULL OR level >= 1)
);

CREATE TABLE team (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    country TEXT
);

CREATE TABLE team_alias (
    alias    TEXT NOT NULL,
    country  TEXT,
    team_id  INTEGER NOT NULL REFERENCES team (id),
    source   TEXT NOT NULL,             -- a source name, 'curated' or 'user'
    method   TEXT NOT NULL CHECK (method IN ('source_id', 'match_link', 'name', 'fuzzy', 'curated', 'user', 'new')),
    UNIQUE (alias, country, source)
);

CREATE TABLE player (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE player_alias (
    alias     TEXT NOT NULL,
    player_id INTEGER NOT NULL REFERENCES player (id),
    source    TEXT NOT NULL,
    PRIMARY KEY (alias, player_id, source)
);

CREATE TABLE match (
    id                  INTEGER PRIMARY KEY,
    competition_id      TEXT NOT NULL REFERENCES competition (id),
    season              TEXT NOT NULL CHECK (regexp_full_match(season, '\d{4}-\d{2}')),
    stage               TEXT NOT NULL CHECK (stage IN ('qualifying', 'group', 'knockout', 'final', 'league', 'unknown')),
    round               TEXT,
    leg                 INTEGER CHECK (leg IS NULL OR leg IN (1, 2, 3)),
    tie_id              INTEGER,
    date                DATE NOT NULL,
    kickoff_utc         TIMESTAMPTZ,
    home_id             INTEGER NOT NULL REFERENCES team (id),
    away_id             INTEGER NOT NULL REFERENCES team (id),
    status              TEXT NOT NULL CHECK (status IN ('played', 'scheduled', 'abandoned', 'cancelled')),
    home_goals          INTEGER CHECK (home_goals >= 0),
    away_goals          INTEGER CHECK (away_goals >= 0),
    home_goals_ht       INTEGER CHECK (home_goals_ht >= 0),
    away_goals_ht       INTEGER CHECK (away_goals_ht >= 0),
    home_goals_et       INTEGER CHECK (home_goals_et >= 0),
    away_goals_et       INTEGER CHECK (away_goals_et >= 0),
    home_pens           INTEGER CHECK (home_pens >= 0),
    away_pens           INTEGER CHECK (away_pens >= 0),
    went_to_extra_time  BOOLEAN,
    went_to_penalties   BOOLEAN,
    decided_by          TEXT CHECK (decided_by IN ('normal', 'extra_time', 'penalties', 'away_goals', 'replay', 'coin_toss')),
    neutral             BOOLEAN,
    attendance          INTEGER CHECK (attendance >= 0),
    behind_closed_doors BOOLEAN,
    venue               TEXT,
    tier                INTEGER,
    CHECK (home_id <> away_id),
    CHECK ((home_goals IS NULL) = (away_goals IS NULL)),
    CHECK ((home_goals_et IS NULL) = (away_goals_et IS NULL)),
    CHECK ((home_pens IS NULL) = (away_pens IS NULL)),
    CHECK (status <> 'played' OR home_goals IS NOT NULL OR home_goals_et IS NOT NULL)
);

CREATE TABLE tie (
    id                  INTEGER PRIMARY KEY,
    competition_id      TEXT NOT NULL REFERENCES competition (id),
    season              TEXT NOT NULL,
    round               TEXT,
    team_a_id           INTEGER NOT NULL REFERENCES team (id),  -- at home in the first leg
    team_b_id           INTEGER NOT NULL REFERENCES team (id),
    first_leg_id        INTEGER NOT NULL /* match */,
    second_leg_id       INTEGER /* match */,
    replay_id           INTEGER /* match */,
    winner_id           INTEGER REFERENCES team (id),            -- derived by the tie engine
    decided_by          TEXT,
    undetermined_reason TEXT,
    source_winner_id    INTEGER REFERENCES team (id),            -- a source's own claim, to compare
    source_winner_from  TEXT
);

CREATE TABLE goal (
    id               INTEGER PRIMARY KEY,
    match_id         INTEGER NOT NULL /* match */,
    team_id          INTEGER NOT NULL REFERENCES team (id),
    player_id        INTEGER REFERENCES player (id),
    minute           INTEGER CHECK (minute IS NULL OR minute BETWEEN 0 AND 130),
    added_minute     INTEGER CHECK (added_minute IS NULL OR added_minute >= 0),
    kind             TEXT NOT NULL CHECK (kind IN ('open', 'penalty', 'own_goal')),
    assist_player_id INTEGER REFERENCES player (id)
);

CREATE TABLE shootout_kick (
    id        INTEGER PRIMARY KEY,
    match_id  INTEGER NOT NULL /* match */,
    team_id   INTEGER NOT NULL REFERENCES team (id),
    player_id INTEGER REFERENCES player (id),
    scored    BOOLEAN NOT NULL
);

CREATE TABLE provenance (
    table_name TEXT NOT NULL CHECK (table_name IN ('match', 'goal', 'shootout_kick', 'team', 'player')),
    row_id     INTEGER NOT NULL,
    source     TEXT NOT NULL,
    file       TEXT NOT NULL,
    line       INTEGER NOT NULL
);

CREATE TABLE conflict (
    id         INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    row_id     INTEGER NOT NULL,
    field      TEXT NOT NULL,
    kept_value TEXT,
    kept_source TEXT NOT NULL,
    kept_ref   TEXT NOT NULL,
    other_value TEXT,
    other_source TEXT NOT NULL,
    other_ref  TEXT NOT NULL
);

-- What could not be placed: a name with no team, a record with no date, a goal with no match.
CREATE TABLE unresolved (
    kind   TEXT NOT NULL,
    value  TEXT NOT NULL,
    source TEXT NOT NULL,
    file   TEXT NOT NULL,
    line   INTEGER NOT NULL,
    reason TEXT NOT NULL
);

-- Point in time: every read goes through these and sees nothing on or after `as_of`.
CREATE MACRO matches_before(as_of) AS TABLE
    SELECT * FROM match WHERE date < as_of;
CREATE MACRO goals_before(as_of) AS TABLE
    SELECT g.* FROM goal g JOIN match m ON m.id = g.match_id WHERE m.date < as_of;
CREATE MACRO ties_before(as_of) AS TABLE
    SELECT t.* FROM tie t JOIN match m ON m.id = t.first_leg_id WHERE m.date < as_of;
