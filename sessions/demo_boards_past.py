"""Demo content, part 1: the timelines and the trends map of "Veilige en leefbare binnenstad".

Plain data (fictional, Enschede-like); ``sessions.demo_boards`` turns it into records.
Group keys are the first word of the stakeholder group's name, lower case.
"""

from __future__ import annotations

# (lane, year, decade_only, group key or "", text)
TIMELINE: tuple[tuple[str, int, bool, str, str], ...] = (
    # personal: what people in the room lived through
    ("personal", 1996, False, "bewoners", "Op kamers in de Walstraat, boven de bakker"),
    ("personal", 1998, False, "ondernemers", "Eerste bijbaan achter de bar op de Oude Markt"),
    ("personal", 2000, False, "bewoners", "Vuurwerkramp: ons huis in Roombeek verloren"),
    ("personal", 2000, True, "zorg", "Begonnen als straatwerker bij het station"),
    ("personal", 2003, False, "politie", "Begonnen als agent in het uitgaansgebied"),
    ("personal", 2006, False, "ondernemers", "Eigen boekwinkel geopend in de Haverstraatpassage"),
    ("personal", 2009, False, "gemeente", "Bij de gemeente begonnen, team openbare ruimte"),
    ("personal", 2011, False, "bewoners", "Kinderen geboren; de binnenstad voelde toen nog veilig"),
    ("personal", 2013, False, "jongeren", "Eerste keer zelf naar Koningsdag in de stad"),
    ("personal", 2015, False, "maatschappelijke", "Mijn moeder verhuisde naar een "
                                                   "seniorenflat in het centrum"),
    ("personal", 2017, False, "jongeren", "Studie aan Saxion begonnen, kamer boven een winkel"),
    ("personal", 2018, False, "raad", "Gekozen in de gemeenteraad"),
    ("personal", 2019, False, "zorg", "Een cliënt van ons werd op straat beroofd"),
    ("personal", 2020, False, "ondernemers", "Zaak maanden dicht door corona; "
                                             "bijna failliet"),
    ("personal", 2020, False, "bewoners", "Durfde 's avonds niet meer langs de "
                                          "Irenepromenade"),
    ("personal", 2021, False, "gemeente", "Verbindingsambtenaar veiligheid binnenstad "
                                          "geworden"),
    ("personal", 2022, False, "politie", "Wijkagent centrum: elke dag bij de caravan"),
    ("personal", 2023, False, "maatschappelijke", "Vrijwilliger bij het wijkpunt aan de Heurne"),
    ("personal", 2024, False, "jongeren", "Met vrienden een jongerenpanel opgericht"),
    ("personal", 2025, False, "raad", "Woordvoerder veiligheid in de raad"),
    # world: what happened outside the city
    ("world", 1997, False, "", "Internet komt thuis: inbellen met een modem"),
    ("world", 1999, False, "", "Millenniumangst en de eerste mobiele telefoons voor iedereen"),
    ("world", 2001, False, "", "Aanslagen van 11 september: veiligheid wordt een thema"),
    ("world", 2002, False, "", "De euro is er; moord op Pim Fortuyn"),
    ("world", 2004, False, "", "Moord op Theo van Gogh: polarisatie"),
    ("world", 2007, False, "", "De smartphone: iedereen altijd online"),
    ("world", 2008, False, "", "Kredietcrisis; rookverbod in de horeca"),
    ("world", 2010, True, "", "Sociale media: alles wordt gefilmd en gedeeld"),
    ("world", 2013, False, "", "Eerste Koningsdag"),
    ("world", 2014, False, "", "Alcohol pas vanaf 18 jaar"),
    ("world", 2015, False, "", "Decentralisaties: jeugdzorg en Wmo naar de gemeenten"),
    ("world", 2015, False, "", "Vluchtelingen uit Syrië vinden een plek in Nederland"),
    ("world", 2016, False, "", "Webwinkels groeien hard; grote winkelketens failliet"),
    ("world", 2019, False, "", "Ondermijning en drugscriminaliteit landelijk op de agenda"),
    ("world", 2020, False, "", "Coronapandemie: lockdowns, avondklok, lege straten"),
    ("world", 2021, False, "", "Rellen tegen de avondklok in meerdere steden"),
    ("world", 2022, False, "", "Oorlog in Oekraïne; energiecrisis en hoge prijzen"),
    ("world", 2023, False, "", "Woningcrisis: jongeren vinden geen betaalbaar huis"),
    ("world", 2024, False, "", "AI en deepfakes: wat is nog echt?"),
    ("world", 2025, False, "", "Personeelstekort in zorg, politie en horeca"),
    # topic: the city centre itself
    ("topic", 1998, False, "", "Oude Markt opnieuw ingericht: terrassen rond de kerk"),
    ("topic", 2000, False, "", "Vuurwerkramp raakt de hele stad; wederopbouw Roombeek"),
    ("topic", 2002, False, "", "Eerste camera's in het uitgaansgebied"),
    ("topic", 2005, False, "", "Horecaconvenant: portiers, collectieve ontzegging"),
    ("topic", 2008, False, "", "Muziekkwartier en nieuwe uitgaansplekken rond de Van "
                               "Heekplein"),
    ("topic", 2011, False, "", "Fietsenstalling bij het station vol; fietsen overal op de "
                               "stoep"),
    ("topic", 2014, False, "", "Nieuw lichtplan: binnenstad 's avonds sfeervoller"),
    ("topic", 2016, False, "", "Warenhuis sluit; eerste grote leegstand in de "
                               "winkelstraten"),
    ("topic", 2017, False, "", "Studentenhuizen boven winkels in de Walstraat"),
    ("topic", 2019, False, "", "Meldingen over dealen bij de Irenepromenade nemen toe"),
    ("topic", 2020, False, "", "Steekincidenten; bewoners en ondernemers voelen zich "
                               "onveilig"),
    ("topic", 2020, False, "", "Top 40 overlastgevers: persoonsgerichte aanpak"),
    ("topic", 2021, False, "", "Caravan als mobiel wijkpunt in de binnenstad"),
    ("topic", 2021, False, "", "Extra cameratoezicht en zichtbare handhaving"),
    ("topic", 2022, False, "", "Veiligheidsapp van ondernemers en politie loopt vol"),
    ("topic", 2022, False, "", "Eerste stadsgesprek over veiligheid: 70 mensen, 3 dagen"),
    ("topic", 2023, False, "", "Vast wijkpunt aan de Heurne"),
    ("topic", 2024, False, "", "Top 40 teruggebracht tot 15 overlastgevers"),
    ("topic", 2025, False, "", "Koningsdag zonder grote incidenten, wel veel afval"),
    ("topic", 2026, False, "", "Nieuwe omgevingsvisie binnenstad in de maak"),
)

# (lane, table, stories, implications)
READINGS: tuple[tuple[str, int, str, str], ...] = (
    ("personal", 1, "Veel mensen wonen of werken hier al twintig jaar of langer. De "
                    "binnenstad is voor hen thuis, niet alleen een winkelgebied.",
     "Bewoners zijn een bron van kennis: vraag ze eerder en vaker."),
    ("personal", 4, "Rond 2020 kantelt het verhaal: van 'gezellig' naar 'ik loop om'. "
                    "Corona en de overlast vielen samen.",
     "Herstel van vertrouwen kost tijd; kleine zichtbare successen helpen."),
    ("world", 2, "Crisis na crisis: krediet, corona, energie. Elke keer raakte het de "
                 "horeca en de kleine winkels het eerst.",
     "Plannen moeten tegen een stootje kunnen; ondernemers hebben weinig lucht."),
    ("world", 5, "Alles wordt gefilmd en gedeeld; een incident is binnen een uur in de hele "
                 "stad bekend, ook als het buiten de stad gebeurde.",
     "Snelle, eerlijke informatie van gemeente en politie voorkomt geruchten."),
    ("world", 7, "Zorg en welzijn zijn naar de gemeente gekomen, maar het personeel is schaars.",
     "Samenwerken over organisaties heen is geen luxe maar noodzaak."),
    ("topic", 3, "Steeds meer camera's en toezicht, maar het gevoel van veiligheid kwam pas "
                 "terug toen er mensen op straat kwamen: de caravan, het wijkpunt.",
     "Dichtbij zijn werkt beter dan alleen techniek."),
    ("topic", 6, "Leegstand en wonen boven winkels veranderen wie de binnenstad 's avonds "
                 "gebruikt: minder winkelend publiek, meer studenten.",
     "Wonen, uitgaan en winkelen samen plannen, niet los van elkaar."),
    ("topic", 8, "De aanpak van de top 40 laat zien dat het kan als partijen samen "
                 "optrekken; de vraag is hoe we dat vasthouden.",
     "Afspraken borgen: wie blijft trekken als mensen wisselen?"),
)

# trend key -> (parent key or "", text)
TRENDS: dict[str, tuple[str, str]] = {
    "drugs": ("", "Drugsoverlast en straathandel"),
    "dealen": ("drugs", "Openlijk dealen bij de Irenepromenade en de supermarkt"),
    "woonvorm": ("drugs", "Gebruikers zonder passende woonvorm"),
    "ondermijning": ("drugs", "Ondermijning: witwassen via panden"),
    "onveilig": ("", "Gevoel van onveiligheid"),
    "intimidatie": ("onveilig", "Straatintimidatie door groepen"),
    "verlichting": ("onveilig", "Donkere stegen en slechte verlichting"),
    "melden": ("onveilig", "Mensen melden niet meer: vertrouwen daalt"),
    "nacht": ("", "Uitgaansgebied 's nachts"),
    "wapens": ("nacht", "Messen en steekincidenten"),
    "alcohol": ("nacht", "Alcohol en drugs bij jongeren"),
    "leegstand": ("", "Leegstand in de winkelstraten"),
    "online": ("leegstand", "Online winkelen"),
    "bovenwinkels": ("leegstand", "Wonen boven winkels"),
    "wonen": ("", "Meer mensen wonen in de binnenstad"),
    "studenten": ("wonen", "Studenten en kamerverhuur"),
    "geluid": ("wonen", "Geluidsoverlast tussen horeca en bewoners"),
    "toezicht": ("", "Toezicht en technologie"),
    "camera": ("toezicht", "Meer cameratoezicht"),
    "privacy": ("toezicht", "Zorg om privacy"),
    "kwetsbaar": ("", "Kwetsbare mensen op straat"),
    "verward": ("kwetsbaar", "Verward gedrag en wachtlijsten in de ggz"),
    "samen": ("", "Korte lijnen en noaberschap"),
    "wijkpunt": ("samen", "Dichtbij zijn: een wijkpunt op straat"),
    "fietsen": ("", "Fietsparkeren en bezorgers"),
    "evenementen": ("", "Evenementen: Koningsdag, kermis, voetbal"),
}

LINKS: tuple[tuple[str, str], ...] = (
    ("dealen", "intimidatie"), ("verlichting", "leegstand"), ("woonvorm", "kwetsbaar"),
    ("alcohol", "evenementen"), ("camera", "melden"), ("bovenwinkels", "studenten"),
    ("wijkpunt", "melden"), ("geluid", "nacht"), ("verward", "intimidatie"),
)

# group key -> the trends it puts its five dots on (a trend may get several)
DOTS: dict[str, tuple[str, ...]] = {
    "bewoners": ("dealen", "dealen", "verlichting", "geluid", "wijkpunt"),
    "ondernemers": ("leegstand", "leegstand", "intimidatie", "fietsen", "online"),
    "politie": ("wapens", "wapens", "ondermijning", "alcohol", "melden"),
    "gemeente": ("woonvorm", "wijkpunt", "leegstand", "camera", "samen"),
    "maatschappelijke": ("woonvorm", "woonvorm", "kwetsbaar", "bovenwinkels", "samen"),
    "raad": ("onveilig", "camera", "privacy", "ondermijning", "wijkpunt"),
    "jongeren": ("studenten", "alcohol", "privacy", "evenementen", "verlichting"),
    "zorg": ("verward", "verward", "woonvorm", "kwetsbaar", "samen"),
}
