-- A short name for prose ("Liverpool", not "Liverpool FC"): the shortest spelling any source
-- uses that names the same club (same name key), filled by the ingest.
ALTER TABLE team ADD COLUMN short_name TEXT;
-- A source's own account of how a tie was decided (e.g. WIN_ON_AWAY_GOAL, 'coin toss'),
-- kept verbatim to compare with the tie engine's derivation.
ALTER TABLE tie ADD COLUMN source_decided_by TEXT;
