"""UEFA's club competitions as the store names them: id -> (name, kind). The leagues are
named by country and tier instead (ENG1, ESP1, ...), one per league in the sources."""

CONTINENTAL_CUPS = {
    "UCL": ("European Cup / UEFA Champions League", "continental_cup"),
    "UEL": ("Inter-Cities Fairs Cup / UEFA Cup / UEFA Europa League", "continental_cup"),
    "UCWC": ("European Cup Winners' Cup", "continental_cup"),
    "UECL": ("UEFA Europa Conference League", "continental_cup"),
    "UIC": ("UEFA Intertoto Cup", "continental_cup"),
    "USC": ("UEFA Super Cup", "continental_cup"),
}

# The rounds by the codes the store uses, as a desk writes them.
ROUND_NAMES = {
    "PRE": "preliminary round",
    "Q1": "first qualifying round",
    "Q2": "second qualifying round",
    "Q3": "third qualifying round",
    "Q4": "fourth qualifying round",
    "Q5": "fifth qualifying round",
    "PO": "play-off round",
    "R1": "first round",
    "R2": "second round",
    "R3": "third round",
    "R4": "fourth round",
    "R5": "fifth round",
    "R6": "sixth round",
    "KPO": "knockout round play-off",
    "R32": "round of 32",
    "R16": "round of 16",
    "QF": "quarter-final",
    "SF": "semi-final",
    "F": "final",
    "GROUP": "group stage",
    "GROUP2": "second group stage",
    "LEAGUE_PHASE": "league phase",
}
