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
