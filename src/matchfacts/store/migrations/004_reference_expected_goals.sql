-- FiveThirtyEight's expected goals of each played match it covered (the parser checks
-- 0 <= xG < 20): a model learns from them, for the matches after.
ALTER TABLE reference_forecast ADD COLUMN home_xg DOUBLE;
ALTER TABLE reference_forecast ADD COLUMN away_xg DOUBLE;
