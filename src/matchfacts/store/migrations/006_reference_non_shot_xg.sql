-- FiveThirtyEight's non-shot expected goals of each played match it covered: goals
-- expected from a side's possessions (passes, tackles, entries into the box) whatever its
-- shots. The model blends them with its shot xG.
ALTER TABLE reference_forecast ADD COLUMN home_nsxg DOUBLE;
ALTER TABLE reference_forecast ADD COLUMN away_nsxg DOUBLE;
