-- Which matchfacts built the store, and when. Also the mark of a store whose clubs and
-- references were placed by the rules of this version: the ids of a club in Europe and in
-- its league joined (aliases.csv), odds placed on matches with extra time, a match listed
-- before it was played given its played status. A store built before lacks this migration
-- and is rebuilt by the main job (other commands ask for `matchfacts ingest`).
CREATE TABLE store_build (
    built_at TIMESTAMP NOT NULL,
    matchfacts_version TEXT NOT NULL
);
