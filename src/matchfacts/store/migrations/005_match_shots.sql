-- Shots and shots on target of each side, where a source counts them (football-data.co.uk's
-- HS, AS, HST, AST for the top five leagues since about 2000): the model reads an
-- expected-goals figure from them where FiveThirtyEight measured none. The parser checks
-- them (counts, on target <= shots); DuckDB cannot add a column with a CHECK.
ALTER TABLE match ADD COLUMN home_shots INTEGER;
ALTER TABLE match ADD COLUMN away_shots INTEGER;
ALTER TABLE match ADD COLUMN home_shots_on_target INTEGER;
ALTER TABLE match ADD COLUMN away_shots_on_target INTEGER;
