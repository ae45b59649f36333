"""Code tables of the schochastics football-data files."""

from __future__ import annotations

from matchfacts.sources.records import Competition

COMPETITIONS = {
    "UEFA CL": Competition.CHAMPIONS_LEAGUE,
    "UEFA EL": Competition.EUROPA_LEAGUE,  # Fairs Cup + UEFA Cup + Europa League
    "UEFA CW": Competition.CUP_WINNERS_CUP,
    "UEFA ITC": Competition.INTERTOTO,
    "UEFA SC": Competition.SUPER_CUP,
}

# full_time: how the match ended; gh/ga are the score at that point.
FULL_TIME = {"F": "normal", "E": "extra_time", "P": "penalties"}

# home_country/away_country (lower-case English names) -> UEFA association code.
COUNTRIES = {
    "albania": "ALB",
    "andorra": "AND",
    "armenia": "ARM",
    "austria": "AUT",
    "azerbaijan": "AZE",
    "belarus": "BLR",
    "belgium": "BEL",
    "bosnia-herzegovina": "BIH",
    "bulgaria": "BUL",
    "croatia": "CRO",
    "cyprus": "CYP",
    "czech-republic": "CZE",
    "denmark": "DEN",
    "england": "ENG",
    "estonia": "EST",
    "faroe-islands": "FRO",
    "finland": "FIN",
    "france": "FRA",
    "georgia": "GEO",
    "germany": "GER",
    "gibraltar": "GIB",
    "greece": "GRE",
    "hungary": "HUN",
    "iceland": "ISL",
    "ireland-republic": "IRL",
    "israel": "ISR",
    "italy": "ITA",
    "kazakhstan": "KAZ",
    "kosovo": "KOS",
    "latvia": "LVA",
    "liechtenstein": "LIE",
    "lithuania": "LTU",
    "luxembourg": "LUX",
    "macedonia-fyr": "MKD",
    "malta": "MLT",
    "moldova": "MDA",
    "montenegro": "MNE",
    "netherlands": "NED",
    "northern-ireland": "NIR",
    "norway": "NOR",
    "poland": "POL",
    "portugal": "POR",
    "romania": "ROU",
    "russia": "RUS",
    "san-marino": "SMR",
    "scotland": "SCO",
    "serbia": "SRB",
    "slovakia": "SVK",
    "slovenia": "SVN",
    "spain": "ESP",
    "sweden": "SWE",
    "switzerland": "SUI",
    "turkey": "TUR",
    "ukraine": "UKR",
    "wales": "WAL",
}
