"""The audited fixtures: every decade since the 1950s, every competition the store holds
(European Cup/Champions League, Cup Winners' Cup, Fairs/UEFA Cup/Europa League, Conference
League, Intertoto, Super Cup, the leagues) and every country of its leagues. Each is a match
the raw files hold on that day (home, away as the store names them)."""

FIXTURES = [
    # 1950s
    ("Real Madrid", "Stade Reims", "1956-06-13"),  # first European Cup final, Paris
    ("Real Madrid", "Eintracht Frankfurt", "1960-05-18"),  # final, Glasgow
    ("Ajax", "Feyenoord", "1957-10-13"),  # NED1
    ("Real Madrid", "Barcelona", "1957-10-13"),  # ESP1
    ("Juventus", "Milan", "1956-05-06"),  # ITA1
    ("Manchester United", "Wolverhampton Wanderers", "1958-04-21"),  # ENG1
    # 1960s
    ("Fiorentina", "Rangers", "1961-05-27"),  # Cup Winners' Cup final, second leg
    ("Borussia Dortmund", "Liverpool", "1966-05-05"),  # Cup Winners' Cup final, Glasgow
    ("Barcelona", "Chelsea", "1966-05-25"),  # Fairs Cup semi-final play-off
    ("Celtic", "Fiorentina", "1970-03-04"),  # European Cup quarter-final
    ("Bayern Munich", "1860 Munchen", "1966-01-14"),  # GER1
    ("Stade Reims", "Monaco", "1962-11-25"),  # FRA1
    # 1970s
    ("Liverpool", "Borussia Mönchengladbach", "1977-05-25"),  # European Cup final, Rome
    ("Liverpool", "Club Brugge", "1976-04-28"),  # UEFA Cup final, first leg
    ("Milan", "Leeds United", "1973-05-16"),  # Cup Winners' Cup final, Salonika
    ("Liverpool", "Everton", "1977-10-22"),  # ENG1
    # 1980s
    ("Juventus", "Liverpool", "1985-05-29"),  # European Cup final
    ("Mechelen", "Ajax", "1988-05-11"),  # Cup Winners' Cup final
    ("Anderlecht", "Benfica", "1983-05-04"),  # UEFA Cup final, first leg
    ("Milan", "Real Madrid", "1989-04-19"),  # European Cup semi-final, second leg
    ("Napoli", "Stuttgart", "1989-05-03"),  # UEFA Cup final, first leg
    ("Ajax", "PSV", "1986-08-31"),  # NED1
    # 1990s
    ("Manchester United", "Bayern Munich", "1999-05-26"),  # Champions League final
    ("Real Zaragoza", "Arsenal", "1995-05-10"),  # Cup Winners' Cup final
    ("Celtic", "Rangers", "1996-11-14"),  # SCO1
    ("Benfica", "Porto", "1997-01-11"),  # POR1
    ("Galatasaray", "Fenerbahçe", "1998-02-15"),  # TUR1
    ("Olympiacos", "Panathinaikos", "1999-05-09"),  # GRE1
    ("Anderlecht", "Club Brugge", "1998-04-26"),  # BEL1
    # 2000s
    ("Milan", "Liverpool", "2005-05-25"),  # Champions League final
    ("Sporting CP", "CSKA Moscow", "2005-05-18"),  # UEFA Cup final at Sporting's ground
    ("Real Madrid", "Barcelona", "2009-05-02"),  # ESP1
    ("Aston Villa", "Basel", "2001-08-21"),  # Intertoto Cup final, second leg
    # 2010s
    ("Benfica", "Chelsea", "2013-05-15"),  # Europa League final
    ("Liverpool", "Barcelona", "2019-05-07"),  # Champions League semi-final
    ("Milan", "Inter", "2012-01-15"),  # ITA1, a shared ground
    ("Borussia Dortmund", "Bayern Munich", "2013-05-04"),  # GER1
    ("Paris Saint-Germain", "Marseille", "2015-10-04"),  # FRA1
    ("Real Madrid", "Sevilla", "2014-08-12"),  # Super Cup
    ("Porto", "Benfica", "2020-02-08"),  # POR1
    # 2020s
    ("Roma", "Feyenoord", "2022-05-25"),  # Conference League final
    ("Liverpool", "Real Madrid", "2021-04-14"),  # Champions League quarter-final
    ("Sevilla", "Roma", "2023-05-31"),  # Europa League final
    ("Olympiacos", "Fiorentina", "2024-05-29"),  # Conference League final
    ("Arsenal", "Chelsea", "2024-04-23"),  # ENG1
    ("Leeds United", "Sunderland", "2024-04-09"),  # ENG2
    ("Celtic", "Rangers", "2023-12-30"),  # SCO1
    ("Fenerbahçe", "Galatasaray", "2022-04-10"),  # TUR1
]
