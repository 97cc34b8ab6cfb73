"""Demo content, part 2: what each stakeholder group does and wants, its prouds and
sorries, and the eight mixed tables' pictures of the binnenstad in 2036."""

from __future__ import annotations

# group key -> kind -> [(trend key or "", text)]
STATEMENTS: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "bewoners": {
        "doing": (("melden", "We melden overlast via de app en bij het wijkpunt"),
                  ("wijkpunt", "Buren houden elkaar in de gaten via een buurtgroep"),
                  ("geluid", "We praten zelf met de horeca als het te laat te luid is")),
        "wanting": (("verlichting", "Een avondschouw met de gemeente langs donkere plekken"),
                    ("wonen", "Meer vaste bewoners, niet alleen kamerverhuur"),
                    ("melden", "Horen wat er met onze meldingen gebeurt")),
        "proud": (("", "Dat we zijn gebleven toen het moeilijk was"),
                  ("", "De buurtmaaltijd in de Klanderij"),
                  ("", "Onze bewonersvereniging is gegroeid naar 140 leden")),
        "sorry": (("", "Dat we lang alleen klaagden en weinig samen optrokken"),
                  ("", "Dat we nieuwe studenten weinig welkom heten")),
    },
    "ondernemers": {
        "doing": (("intimidatie", "We delen signalen in de veiligheidsapp"),
                  ("leegstand", "Centrummanagement zoekt tijdelijke huurders voor lege "
                                "panden"),
                  ("nacht", "Portiers en barpersoneel volgen samen een training")),
        "wanting": (("leegstand", "Samen met eigenaren een plan tegen leegstand"),
                    ("fietsen", "Laad- en lostijden die wél werken"),
                    ("samen", "Eén vast aanspreekpunt bij de gemeente")),
        "proud": (("", "Veel zaken hebben corona overleefd door elkaar te helpen"),
                  ("", "De terrassen op de Oude Markt trekken mensen uit de hele regio"),
                  ("", "Het horecaconvenant werkt al bijna twintig jaar")),
        "sorry": (("", "Dat we te weinig tijd vrijmaakten voor overleg"),
                  ("", "Dat we dealers soms gedoogden om gedoe te voorkomen")),
    },
    "politie": {
        "doing": (("wapens", "Gerichte controles op wapenbezit in het weekend"),
                  ("dealen", "Persoonsgerichte aanpak van de grootste overlastgevers"),
                  ("evenementen", "Samen met de brandweer draaiboeken voor evenementen")),
        "wanting": (("melden", "Meer meldingen, ook kleine: die geven ons beeld"),
                    ("wijkpunt", "Vaker te voet of op de fiets in de binnenstad"),
                    ("ondermijning", "Sneller informatie delen met gemeente en Belastingdienst")),
        "proud": (("", "De top 40 is teruggebracht naar 15"),
                  ("", "Korte lijnen met de horeca op uitgaansavonden"),
                  ("", "De brandweer kent elk pand met wonen boven winkels")),
        "sorry": (("", "Dat we soms te laat kwamen na een melding"),
                  ("", "Dat we weinig terugkoppelden aan melders")),
    },
    "gemeente": {
        "doing": (("wijkpunt", "Het wijkpunt aan de Heurne vijf dagen per week open"),
                  ("camera", "Cameratoezicht uitgebreid en geëvalueerd"),
                  ("leegstand", "Subsidie voor het omzetten van lege verdiepingen naar "
                                "woningen")),
        "wanting": (("woonvorm", "Passende woonvormen voor gebruikers en dak- en thuislozen"),
                    ("samen", "Eén integrale aanpak: persoon, groep en omgeving"),
                    ("verlichting", "Een lichtplan dat veiligheid én sfeer dient")),
        "proud": (("", "De caravan werd een vast wijkpunt"),
                  ("", "De verbindingsambtenaar als vast gezicht op straat"),
                  ("", "Dit stadsgesprek met zeventig mensen")),
        "sorry": (("", "Dat bewoners zich lang niet gehoord voelden"),
                  ("", "Dat we te vaak per afdeling werkten in plaats van samen"),
                  ("", "Dat beloftes uit eerdere plannen zijn blijven liggen")),
    },
    "maatschappelijke": {
        "doing": (("woonvorm", "Domijn bemiddelt bij huisvesting van kwetsbare huurders"),
                  ("kwetsbaar", "Maaltijden en een inloop voor wie alleen is"),
                  ("bovenwinkels", "Beheerafspraken voor wooncomplexen in het centrum")),
        "wanting": (("bovenwinkels", "Meer woningen boven winkels, met goed beheer"),
                    ("samen", "Een vaste plek aan de partnertafel"),
                    ("kwetsbaar", "Meer vrijwilligers, ook jongeren")),
        "proud": (("", "Niemand hoefde deze winter buiten te slapen"),
                  ("", "Samenwerking met Heel Bijzonder: werk voor mensen met afstand"),
                  ("", "De bibliotheek als warme, veilige plek")),
        "sorry": (("", "Dat we overlast van sommige huurders te lang lieten duren"),
                  ("", "Dat we onze eigen mensen te weinig vertellen wat hier gebeurt")),
    },
    "raad": {
        "doing": (("camera", "Jaarlijks debat over cameratoezicht en privacy"),
                  ("samen", "Raadsleden lopen mee met handhaving en straatwerk"),
                  ("leegstand", "Geld vrijgemaakt voor de binnenstadsagenda")),
        "wanting": (("onveilig", "Meten of mensen zich veiliger voelen, niet alleen cijfers"),
                    ("ondermijning", "Bestuurlijke aanpak van ondermijning versterken"),
                    ("samen", "Langjarige afspraken in plaats van projecten")),
        "proud": (("", "Raad en college kozen samen voor dit stadsgesprek"),
                  ("", "Het wijkpunt kreeg brede steun in de raad"),
                  ("", "Meer jongeren op de publieke tribune dan ooit")),
        "sorry": (("", "Dat we te veel op incidenten reageerden"),
                  ("", "Dat we besluiten namen zonder de straat te horen")),
    },
    "jongeren": {
        "doing": (("alcohol", "Jongerenwerk is op uitgaansavonden aanwezig"),
                  ("studenten", "De studentenraad spreekt nieuwe studenten aan op "
                                "burenoverlast"),
                  ("evenementen", "Vrijwilligers bij Koningsdag en de kermis")),
        "wanting": (("verlichting", "Veilige, verlichte fietsroutes naar huis"),
                    ("evenementen", "Een plek in de stad die van jongeren is"),
                    ("privacy", "Meebeslissen over camera's en apps")),
        "proud": (("", "Jong053 praat mee over beleid"),
                  ("", "Ons jongerenpanel is in een jaar gegroeid"),
                  ("", "Het studentenfeest zonder één melding")),
        "sorry": (("", "Dat we overlast van vrienden soms weglachen"),
                  ("", "Dat we weinig naar bijeenkomsten als deze kwamen")),
    },
    "zorg": {
        "doing": (("verward", "Straatwerk spreekt mensen met verward gedrag aan"),
                  ("woonvorm", "Tactus biedt opvang en begeleiding aan gebruikers"),
                  ("kwetsbaar", "RIBW begeleidt mensen in hun eigen woning")),
        "wanting": (("verward", "Een snelle route voor verward gedrag, 24 uur per dag"),
                    ("samen", "Casusoverleg met politie en gemeente, elke week"),
                    ("woonvorm", "Kleinschalige woonvormen in of bij de binnenstad")),
        "proud": (("", "Straatwerkers die iedereen bij naam kennen"),
                  ("", "Minder mensen op straat dan vijf jaar geleden"),
                  ("", "De GGD-monitor laat zien waar het schuurt")),
        "sorry": (("", "Dat we privacy te vaak als reden gebruikten om niets te delen"),
                  ("", "Dat wachtlijsten mensen op straat hielden"),
                  ("", "Dat we buurtbewoners weinig uitleg gaven")),
    },
}

# table -> (title, narrative, key features)
SCENARIOS: dict[int, tuple[str, str, tuple[str, ...]]] = {
    1: ("De binnenstad als huiskamer",
        "Het is 2036. Op de Oude Markt drinken bewoners, studenten en bezoekers koffie op "
        "het terras. Het wijkpunt is een ontmoetingsplek geworden waar je ook je melding "
        "kwijt kunt. Mensen kennen elkaar, en dat maakt de straat veilig.",
        ("Wijkpunt als huiskamer", "Bewoners en ondernemers kennen elkaar", "Groene pleinen",
         "Meldingen krijgen binnen een week antwoord")),
    2: ("Licht, groen en levendig",
        "Wie in 2036 's avonds door de binnenstad loopt, ziet verlichte stegen, bloeiende "
        "bomen en open ramen boven de winkels. Er wonen meer mensen, dus er is altijd "
        "iemand die het ziet.",
        ("Lichtplan uitgevoerd", "Wonen boven alle winkels", "Geen donkere plekken",
         "Groen op elk plein")),
    3: ("Samen sterk tegen ondermijning",
        "Politie, gemeente, Belastingdienst en ondernemers delen in 2036 informatie via vaste "
        "lijnen. Panden worden niet meer gebruikt om geld wit te wassen. Dealers hebben de "
        "binnenstad verlaten.",
        ("Integraal informatieknooppunt", "Panden met een verhaal", "Vertrouwen tussen "
         "partners", "Geen straathandel meer")),
    4: ("Iedereen een thuis",
        "In 2036 heeft iedere gebruiker en dakloze een passende plek: kleinschalig, begeleid "
        "en dichtbij. De buurt is betrokken bij het beheer. Verward gedrag krijgt binnen een "
        "uur hulp.",
        ("Kleinschalige woonvormen", "Hulp binnen een uur", "Buurt denkt mee over beheer",
         "Niemand slaapt buiten")),
    5: ("Uitgaan zonder zorgen",
        "Op zaterdagnacht in 2036 lopen gastvrouwen en -heren door het uitgaansgebied. "
        "Portiers, politie en jongerenwerk werken als één team. Messen zijn uit het "
        "straatbeeld verdwenen.",
        ("Nachtburgemeester", "Gastheren en -vrouwen", "Veilige route naar huis",
         "Wapenvrije zone")),
    6: ("Een stad die meet en leert",
        "Studenten van Saxion en de universiteit meten elk half jaar hoe veilig mensen zich "
        "voelen. De raad bespreekt de cijfers met de straat. Beleid verandert als de straat "
        "verandert.",
        ("Veiligheidsmonitor met studenten", "Open data", "Jaarlijks stadsgesprek",
         "Leren van fouten")),
    7: ("Jong en gehoord",
        "In 2036 heeft de binnenstad een jongerenplek met een eigen budget. Jongeren zitten "
        "aan elke tafel waar over hun stad beslist wordt, en ze organiseren Koningsdag mee.",
        ("Jongerenplek met budget", "Jongeren aan tafel", "Koningsdag samen georganiseerd",
         "Verlichte fietsroutes")),
    8: ("Korte lijnen, lange adem",
        "Wie in 2036 iets ziet, weet wie hij moet bellen. De partnertafel komt elke maand "
        "bij elkaar, ook als er niets aan de hand is. Nieuwe mensen in de organisaties horen "
        "het verhaal van dit stadsgesprek bij hun start.",
        ("Vaste partnertafel", "Eén telefoonnummer", "Inwerken met het verhaal",
         "Afspraken voor tien jaar")),
}
