-- Published pre-match forecasts to compare ours with (FiveThirtyEight, bookmakers), each
-- placed on the store's match it forecast. Probabilities for the match's home side first.
CREATE TABLE reference_forecast (
    match_id  INTEGER NOT NULL,
    provider  TEXT NOT NULL,               -- fivethirtyeight | bet365
    source    TEXT NOT NULL,
    file      TEXT NOT NULL,
    line      INTEGER NOT NULL,
    p_home    DOUBLE NOT NULL CHECK (p_home BETWEEN 0 AND 1),
    p_draw    DOUBLE NOT NULL CHECK (p_draw BETWEEN 0 AND 1),
    p_away    DOUBLE NOT NULL CHECK (p_away BETWEEN 0 AND 1),
    odds_home DOUBLE,
    odds_draw DOUBLE,
    odds_away DOUBLE,
    CHECK (abs(p_home + p_draw + p_away - 1) < 1e-6)
);
