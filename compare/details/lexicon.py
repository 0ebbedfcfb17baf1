"""General English news vocabulary the detail extractors lean on.

Everything here is lexicon data about how news reports are written (reporting verbs, ranks,
casualty words, weapons, organisation head words, well-known news agencies and organisations),
never phrases of a particular article. Extending a list is the way to teach the engine a new
domain word; the rules that use the lists live in the extractor modules.
"""

from __future__ import annotations

# --------------------------------------------------------------------------------------- reporting

# Verbs that introduce what someone said or reported (all inflections listed: no stemmer needed).
SPEECH_VERBS = frozenset(
    """
    say says said saying tell tells told telling write writes wrote writing add adds added adding
    assert asserts asserted asserting stated declare declares declared declaring
    claim claims claimed claiming argue argues argued arguing insist insists insisted insisting
    note notes noted noting warn warns warned warning lament laments lamented lamenting tweet tweets
    tweeted tweeting announce announces announced announcing vow vows vowed vowing reply replies
    replied replying explain explains explained explaining remark remarks remarked remarking
    report reports reported reporting confirm confirms confirmed confirming deny denies denied
    denying call calls called calling alleges alleging disclose discloses disclosed
    disclosing reveal reveals revealed revealing suggest suggests suggested suggesting conclude
    concludes concluded concluding acknowledge acknowledges acknowledged admit admits admitted
    quote quotes quoted cite cites cited accuse accuses accused accusing
    """.split()
)
# Verbs whose subject denies or contradicts the clause that follows ("denied reports that ...").
DENIAL_VERBS = frozenset("deny denies denied denying dismiss dismissed reject rejected refute refuted".split())
# Nouns that stand for an unnamed report or source when they are the agent ("reports that ...").
REPORT_NOUNS = frozenset("report reports statement statements sources source media comment reporting".split())
UNNAMED_REPORT = "unnamed reports"

# ------------------------------------------------------------------------------------------ people

# Ranks (military, police), with their abbreviations expanded; multi-word ranks first.
RANK_WORDS = {
    "lieutenant": "lieutenant", "lt": "lieutenant", "general": "general", "gen": "general",
    "major": "major", "maj": "major", "colonel": "colonel", "col": "colonel",
    "brigadier": "brigadier", "brig": "brigadier", "captain": "captain", "capt": "captain",
    "cpt": "captain", "sergeant": "sergeant", "sgt": "sergeant", "admiral": "admiral",
    "adm": "admiral", "vice": "vice", "rear": "rear", "marshal": "marshal", "corporal": "corporal",
    "cpl": "corporal", "private": "private", "pvt": "private", "commander": "commander",
    "cmdr": "commander", "first": "first", "staff": "staff", "field": "field",
    "commodore": "commodore", "cdre": "commodore", "superintendent": "superintendent",
    "supt": "superintendent", "inspector": "inspector", "insp": "inspector", "constable": "constable",
}
# A rank phrase must end on one of these (so "first" or "vice" alone is no rank).
RANK_HEADS = frozenset(
    """general colonel major captain sergeant admiral marshal corporal private lieutenant brigadier commander
    commodore superintendent inspector constable""".split()
)
# Words a title before a name is made of ("Deputy Foreign Minister", "Kremlin spokesman") ...
TITLE_WORDS = frozenset(
    """
    deputy foreign defense defence interior finance economy justice health energy prime vice first
    state national senior chief former acting press military state-run us u.s. cabinet executive
    general attorney secretary- minister president spokesman spokeswoman spokesperson secretary
    chancellor ambassador senator governor mayor premier king queen prince sheikh ayatollah pope
    envoy director head leader chairman chairwoman commissioner prosecutor judge mr mrs ms dr prof
    official officer adviser advisor aide correspondent analyst founder ceo editor commander
    additional assistant joint district divisional regional provincial magistrate coroner collector
    """.split()
)
# ... and the words such a title ends on, which say the next capitalised words are a person.
TITLE_HEADS = frozenset(
    """
    minister president spokesman spokeswoman spokesperson secretary chancellor ambassador senator
    governor mayor premier king queen prince sheikh ayatollah pope envoy director chief head leader
    chairman chairwoman commissioner prosecutor judge mr mrs ms dr prof official adviser advisor
    aide correspondent analyst founder ceo editor magistrate coroner collector
    """.split()
)
# Pronouns a quote's speaker may be given as, resolved to the last speaker or entity.
PERSON_PRONOUNS = frozenset("he she".split())
THING_PRONOUNS = frozenset("it they".split())

# ----------------------------------------------------------------------------------- organisations

ORG_HEADS = frozenset(
    """
    ministry department agency agencies forces force army armies corps fleet observatory council
    committee party front brigade brigades guards guard office service services times news post
    journal kremlin pentagon coalition militia militias union organization organisation institute
    university bank company group government parliament duma commission court police navy command
    movement network press radio television tv embassy consulate staff intelligence administration
    cabinet regime caliphate battalion division regiment unit units board bureau authority
    authorities foundation observers mission mining corporation corp holdings industries ltd inc llc
    plc airlines railways shipping centre center society association federation crescent cross
    mechanism secretariat directorate inspectorate ombudsman
    """.split()
)
# Well-known news agencies (organisations by definition), matched on a lower-cased surface.
NEWS_AGENCIES = frozenset(
    """
    reuters ap afp tass interfax xinhua dpa anadolu bloomberg upi efe ansa kyodo yonhap pti irna
    sana ria ria novosti itar-tass sputnik al jazeera bbc cnn
    """.split()
)
# Built-in aliases of well-known organisations and countries: variant (lower case) -> canonical.
# Users extend this with `rashomon alias add`; theirs win.
DEFAULT_ALIASES: dict[str, dict[str, str]] = {
    "organization": {
        "islamic state": "Islamic State", "is": "Islamic State", "isis": "Islamic State",
        "isil": "Islamic State", "daesh": "Islamic State", "da'esh": "Islamic State",
        "islamic state of iraq and syria": "Islamic State",
        "islamic state of iraq and the levant": "Islamic State",
        "islamic state-isis": "Islamic State",
        "syrian democratic forces": "Syrian Democratic Forces", "sdf": "Syrian Democratic Forces",
        "defense ministry": "Defense Ministry", "defence ministry": "Defense Ministry",
        "ministry of defense": "Defense Ministry", "ministry of defence": "Defense Ministry",
        "mod": "Defense Ministry", "state department": "State Department",
        "department of state": "State Department", "ria": "RIA Novosti",
        "ria novosti": "RIA Novosti", "itar-tass": "TASS", "tass": "TASS",
        "associated press": "AP", "ap": "AP", "agence france-presse": "AFP", "afp": "AFP",
        "syrian observatory for human rights": "Syrian Observatory for Human Rights",
        "sohr": "Syrian Observatory for Human Rights",
        "hezbollah": "Hezbollah", "hizballah": "Hezbollah", "hizbollah": "Hezbollah",
        "hizbullah": "Hezbollah", "nato": "NATO", "north atlantic treaty organization": "NATO",
        "united nations": "United Nations", "un": "United Nations", "u.n.": "United Nations",
    },
    "place": {
        "united states": "United States", "u.s.": "United States", "us": "United States",
        "usa": "United States", "u.s.a.": "United States", "america": "United States",
        "united kingdom": "United Kingdom", "uk": "United Kingdom",
        "u.k.": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
        "russia": "Russia", "russian federation": "Russia",
    },
}
# Capitals that stand for their government when they act ("Moscow denies", "blamed Washington").
METONYMS = {"moscow": "Russia", "washington": "United States", "kremlin": "Russia",
            "pentagon": "United States", "white house": "United States", "damascus": "Syria",
            "ankara": "Turkey", "tehran": "Iran", "kiev": "Ukraine", "kyiv": "Ukraine",
            "beijing": "China", "london": "United Kingdom", "paris": "France"}
# Adjectives of nationality -> the country (for "anti-American", "Russian forces").
DEMONYMS = {
    "american": "United States", "americans": "United States", "russian": "Russia",
    "russians": "Russia", "syrian": "Syria", "syrians": "Syria", "ukrainian": "Ukraine",
    "turkish": "Turkey", "iranian": "Iran", "iranians": "Iran", "iraqi": "Iraq", "israeli": "Israel",
    "israelis": "Israel", "kurdish": "Kurds", "british": "United Kingdom", "french": "France",
    "german": "Germany", "chinese": "China", "afghan": "Afghanistan", "lebanese": "Lebanon",
    "saudi": "Saudi Arabia", "egyptian": "Egypt", "jordanian": "Jordan", "libyan": "Libya",
    "yemeni": "Yemen", "palestinian": "Palestine", "georgian": "Georgia", "polish": "Poland",
    "serbian": "Serbia", "croatian": "Croatia", "bosnian": "Bosnia", "romanian": "Romania",
    "bulgarian": "Bulgaria", "hungarian": "Hungary", "czech": "Czechia", "slovak": "Slovakia",
    "belarusian": "Belarus", "moldovan": "Moldova", "armenian": "Armenia", "azerbaijani": "Azerbaijan",
    "kazakh": "Kazakhstan", "uzbek": "Uzbekistan", "tajik": "Tajikistan", "kyrgyz": "Kyrgyzstan",
    "afghans": "Afghanistan", "pakistani": "Pakistan", "indian": "India", "japanese": "Japan",
    "korean": "Korea", "italian": "Italy", "spanish": "Spain", "greek": "Greece", "dutch": "Netherlands",
    "swedish": "Sweden", "norwegian": "Norway", "finnish": "Finland", "danish": "Denmark",
    "estonian": "Estonia", "latvian": "Latvia", "lithuanian": "Lithuania", "sudanese": "Sudan",
    "somali": "Somalia", "nigerian": "Nigeria", "malian": "Mali", "ethiopian": "Ethiopia",
    "kenyan": "Kenya", "libyans": "Libya", "qatari": "Qatar", "emirati": "United Arab Emirates",
    "bahraini": "Bahrain", "kuwaiti": "Kuwait", "omani": "Oman", "tunisian": "Tunisia",
    "algerian": "Algeria", "moroccan": "Morocco", "mexican": "Mexico", "brazilian": "Brazil",
    "venezuelan": "Venezuela", "colombian": "Colombia", "canadian": "Canada", "australian": "Australia",
    "chechen": "Chechnya", "crimean": "Crimea", "belgian": "Belgium", "austrian": "Austria", "swiss": "Switzerland",
}
# Countries and a few large regions: a capitalised word found here is a place.
COUNTRIES = frozenset(
    """
    afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain
    bangladesh belarus belgium bolivia bosnia brazil bulgaria burma cambodia cameroon canada chad
    chile china colombia congo croatia cuba cyprus czechia denmark egypt eritrea estonia ethiopia
    finland france gaza georgia germany ghana greece guatemala haiti honduras hungary india indonesia
    iran iraq ireland israel italy japan jordan kazakhstan kenya korea kosovo kuwait kyrgyzstan laos
    latvia lebanon libya lithuania mali mexico moldova mongolia montenegro morocco mozambique myanmar
    nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama peru philippines
    poland portugal qatar romania russia rwanda serbia slovakia slovenia somalia spain sudan sweden
    switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine
    uzbekistan venezuela vietnam yemen zambia zimbabwe crimea chechnya kurdistan donbas europe
    africa asia
    """.split()
)
PLACE_HEADS = frozenset(
    """
    city province region river mountain mountains sea valley district governorate gulf strait
    island islands border town village county state oblast republic desert plain plains lake bay
    peninsula heights airport airbase base square street
    """.split()
)
# Buildings and grounds named after someone, written with the generic word in lower case ("the
# Omar Khan stadium", "the Ibn Sina university hospital"): the name before it is a place.
FACILITY_NOUNS = frozenset(
    """
    hospital hospitals clinic stadium arena ground mosque church cathedral temple shrine market
    school college university prison jail airport station hotel camp
    """.split()
)
# Generic words a facility's name is written with or without, in English or in the language of the
# place ("Stade X" / "X stadium"): left out of the key so the two meet (and "Stade" is no name).
FACILITY_KEY_WORDS = frozenset("stadium stade estadio stadio stadion arena hospital hopital".split())
# Lower-case words that introduce a place ("near X", "the city of X").
PLACE_PREPOSITIONS = frozenset("in near at outside from into across toward towards around inside through between".split())

# ------------------------------------------------------------------------------------- casualties

# Casualty words -> the role a count or a date in their clause is about.
CASUALTY_ROLES = {
    "killed": "killed", "kill": "killed", "kills": "killed", "killing": "killed", "died": "killed",
    "die": "killed", "dies": "killed", "dead": "killed", "death": "killed", "deaths": "killed",
    "deadliest": "killed", "bodies": "killed", "lives": "killed", "fatalities": "killed",
    "slain": "killed", "perished": "killed", "executed": "killed", "lost": "killed",
    "drowned": "killed", "drowning": "killed", "murdered": "killed", "beheaded": "killed",
    "casualties": "casualties", "casualty": "casualties", "wounded": "wounded",
    "injured": "wounded", "injuring": "wounded", "injuries": "wounded", "wounding": "wounded",
    "hurt": "wounded", "missing": "missing", "captured": "captured", "kidnapped": "captured",
    "abducted": "captured", "arrested": "arrested", "detained": "arrested", "unaccounted": "missing",
}
# What else befell people counted in a disaster, besides death and wounds: each its own role, so a
# count of evacuees or of people rescued never joins the toll ("4,000 people were evacuated").
FATE_ROLES = {
    "evacuated": "evacuated", "evacuees": "evacuated", "evacuation": "evacuated", "displaced": "evacuated",
    "homeless": "evacuated", "relocated": "evacuated", "rehoused": "evacuated",
    "rescued": "rescued", "rescue": "rescued", "rescuing": "rescued", "saved": "rescued", "plucked": "rescued",
    "airlifted": "rescued", "winched": "rescued",
    # Those who lived through it: a count of its own, never the toll nor the group's total.
    "survived": "survived", "survive": "survived", "survivors": "survived", "survivor": "survived",
    "alive": "survived",
}
# Words before "alive" that make it a manner of death ("burned alive", "buried alive").
DEATH_BEFORE_ALIVE = frozenset("burned burnt buried".split())
# "lost their livestock", "lost most of his sheep": a loss of property, not of life ("lost their lives" is).
LOSS_OBJECTS = frozenset("their his her its our my all most everything contact power the a an".split())
# Words after a count saying those people were driven out: "forced 3,000 people from their homes".
DWELLING_NOUNS = frozenset("homes houses home villages".split())
# Words making a count a workforce, before it ("employs 900", "a workforce of 900", "a staff of
# 40") or after it ("900 people employed there", "900 employees"): not a crowd, never a toll.
EMPLOYMENT_WORDS = frozenset("employ employs employed employing employer workforce staff payroll hires".split())
EMPLOYED_AFTER = frozenset("employed employees staff workforce".split())
# A rate ("each year", "a day", "annually"): counts in its sentence are statistics of many
# events, not this event's toll.
RATE_WORDS = frozenset("annually yearly monthly weekly daily".split())
RATE_UNITS = frozenset("year month week day".split())
# Verbs whose object is people hurt: "her staff treated more than 150" counts the wounded.
TREATMENT_VERBS = frozenset("treated treating hospitalised hospitalized".split())
# "mortally wounded" is a death.
MORTAL_WORDS = frozenset("mortally fatally".split())
# Roles a date may be about, besides casualties.
DATE_ROLE_WORDS = {
    # a day of a legal step is when something was said in court, never the incident ("On Friday
    # prosecutors charged the owner with causing death through negligence")
    "charged": "statement", "indicted": "statement", "convicted": "statement", "sentenced": "statement",
    "funeral": "funeral", "buried": "funeral", "burial": "funeral", "attack": "attack",
    "attacked": "attack", "strike": "attack", "struck": "attack", "airstrike": "attack",
    "airstrikes": "attack", "shelling": "attack", "explosion": "attack", "blast": "attack",
    "meeting": "meeting", "met": "meeting", "talks": "meeting", "election": "election",
    "captured": "capture", "capture": "capture", "seized": "capture", "took": "capture",
    "arrived": "arrival", "visit": "visit", "visited": "visit", "signed": "signing",
    # Accidents date the incident as attacks do.
    "sank": "attack", "sunk": "attack", "capsized": "attack", "collided": "attack", "collision": "attack",
    "crashed": "attack", "crash": "attack", "derailed": "attack", "exploded": "attack", "collapsed": "attack",
    "caved": "attack", "crush": "attack", "stampede": "attack",
    # The ground or a building shaking dates the incident as a blast does.
    "shook": "attack",
    # A dam, a bridge or a levee failing dates the incident too ("gave way" is read as a pair).
    "burst": "attack", "breached": "attack", "collapse": "attack",
    "funerals": "funeral", "burials": "funeral", "mourning": "funeral",
}
# Date roles of the incident itself (an attack, an accident, a death or a wounding).
INCIDENT_DATE_ROLES = frozenset({"attack", "death", "wounded"})
# Verbs of an incident happening that no date role names (the roles' own words are above): a day or
# an hour next to them is the incident's, never another action's.
INCIDENT_VERBS = frozenset(
    """began begun started erupted exploded collapsed capsized sank overturned derailed crashed collided
    ignited leaked leaking escaped escaping burst caved flooded stormed opened ambushed detonated raided
    overran hit hits struck fired fire fires firing shelled bombed bombing targeted targeting landed slammed
    dropped launched attacked killed happened occurred destroyed damaged wrecked flattened razed gutted
    trapped drowned""".split())
# Two-word event phrases dating an incident: (first, second) -> role.
DATE_ROLE_BIGRAMS = {("gave", "way"): "attack", ("caved", "in"): "attack"}
# Nouns of counted people, grouped so "servicemen", "troops" and "marines" meet.
NOUN_GROUPS = {
    "soldier": """soldier soldiers troop troops serviceman servicemen servicewoman servicemembers
        servicemember marine marines personnel paratrooper paratroopers sailor sailors airman airmen
        pilot pilots military militaryman guardsmen guardsman reservist reservists
        conscript conscripts commando commandos""",
    "officer": """officer officers general generals colonel colonels major majors captain captains
        lieutenant lieutenants commander commanders adviser advisers advisor advisors instructor
        instructors admiral admirals sergeant sergeants""",
    "fighter": """fighter fighters militant militants rebel rebels insurgent insurgents guerrilla
        guerrillas jihadist jihadists gunman gunmen combatant combatants militiaman militiamen
        volunteer volunteers attacker attackers assailant assailants raider raiders""",
    "civilian": """civilian civilians woman women resident residents villager villagers refugee
        refugees worker workers student students journalist journalists passenger passengers
        patient patients doctor doctors nurse nurses medic medics miner miners fisherman fishermen
        pilgrim pilgrims tourist tourists climber climbers""",
    "child": "child children minor minors boy boys girl girls infant infants baby babies toddler toddlers",
    "contractor": "contractor contractors mercenary mercenaries",
    # Those who work a vehicle (a plane's, a ship's, a tank's crew) are a group of their own, never
    # the soldiers or searchers counted beside them ("three crew" against "150 soldiers").
    "crew": "crew crews crewmen crewman crewmembers",
    "policeman": "policeman policemen police trooper",
    "person": """person persons people man men russians americans syrians ukrainians iranians
        turks kurds israelis palestinians others individuals members""",
}
NOUN_GROUP_OF = {word: group for group, words in NOUN_GROUPS.items() for word in words.split()}
# Groups that stand in for any other (a count of "people" may be of soldiers).
GENERIC_GROUPS = frozenset({"person"})
# Groups counted as a part of another ("12 civilians, including three children").
SUBSET_GROUPS = {"child": "civilian"}
# Units of measure and money: a count of them is a distance, weight or sum, never of people.
MEASURE_UNITS = frozenset(
    """metre metres meter meters kilometre kilometres kilometer kilometers km mile miles foot feet yard
    yards inch inches centimetres centimeters tonne tonnes ton tons kilogram kilograms kilo kilos kg
    pound pounds litre litres liter liters gallon gallons hectare hectares acre acres degree degrees
    knot knots dollar dollars euro euros ruble rubles rouble roubles rupee rupees yuan taka percent""".split()
)
# Things counted near a casualty word that are never its victims ("14 lorries", "three of the trucks").
THING_NOUNS = frozenset(
    """truck trucks lorry lorries vehicle vehicles car cars bus buses van vans tank tanks boat boats
    house houses home homes building buildings shop shops school schools tent tents village villages
    road roads bridge bridges shell shells rocket rockets round rounds bullet bullets mortar mortars
    head cattle livestock goats camels block blocks flat flats apartment apartments tower towers""".split()
)
# Settlements counted ("24 villages", "two dozen towns"): a count of places, kept so two accounts
# writing one count differently are a variant; never a conflict (villages flooded, evacuated, cut off).
SETTLEMENT_NOUNS = {"villages": "village", "towns": "town", "hamlets": "village", "settlements": "village"}
# The parts of a train counted ("16 coaches", "sixteen carriages"): kept, like settlements, only
# so one count written two ways is a variant; never a conflict (coaches derailed, overturned,
# burnt differ without contradicting) and never an omission.
ROLLING_STOCK_NOUNS = {"coaches": "carriage", "carriages": "carriage", "wagons": "wagon", "railcars": "carriage",
                       "bogies": "carriage"}
# Transport services stopped by an incident ("27 trains were delayed or cancelled", "cancelled 40
# flights"): a consequence some accounts count and others leave out, an omission; counts taken at
# different hours differ without contradicting, so never a conflict.
SERVICE_NOUNS = {"trains": "train", "flights": "flight", "ferries": "ferry", "services": "service", "sailings": "ferry"}
# Vehicles sent to fight a fire or carry the hurt ("14 fire tenders", "20 fire engines", "a dozen
# ambulances"): a count of the response, one account's detail; counts at different hours differ, so
# an omission, never a conflict. Tenders, engines, trucks and appliances only after "fire".
RESPONSE_VEHICLE_NOUNS = {"ambulances": "ambulance", "tenders": "fire engine", "engines": "fire engine",
                          "trucks": "fire engine", "appliances": "fire engine"}
FIRE_VEHICLE_NOUNS = frozenset("tenders engines trucks appliances".split())
DISRUPTION_WORDS = frozenset("delayed cancelled canceled diverted suspended grounded rerouted halted stranded".split())
# Counts of people sent in ("1,500 police had been deployed"), and groups whose counts "on duty"
# are a deployment, not a shift at work: the response, an omission, never a conflict.
DEPLOYMENT_WORDS = frozenset("deployed dispatched mobilised mobilized stationed sent posted drafted".split())
SECURITY_GROUPS = frozenset({"policeman", "officer", "soldier"})
# Time units: a count of them is a duration, never a casualty figure.
TIME_UNITS = {"hour": 1 / 24, "hours": 1 / 24, "day": 1, "days": 1, "week": 7, "weeks": 7,
              "month": 30, "months": 30, "year": 365, "years": 365, "minute": 0, "minutes": 0, "second": 0, "seconds": 0,
              "decade": 3650, "decades": 3650, "century": 36500, "centuries": 36500}

# ------------------------------------------------------------------------------------- the means
# The means words live in compare.details.means_words; re-exported here for the extractors.
from compare.details.means_words import (  # noqa: E402,F401
    ACCOMPANYING_FAMILIES,
    MANNER_FAMILIES,
    MEANS_BIGRAMS,
    MEANS_COMPATIBLE,
    MEANS_FAMILIES,
    MEANS_FAMILY_OF,
    MEANS_PARENT,
)

# Words that make an accusation background rather than a claim about the event.
HABITUAL_MARKERS = frozenset("previously repeatedly often long frequently routinely past".split())
# What an accusation "for the ..." is about, when it is about the event's attack.
ATTACK_NOUNS = frozenset("attack attacks strike strikes raid raids bombing shelling killing killings deaths death massacre blast".split())


# Nouns an attacking agent is named with ("Islamic State fighters", "rebel forces").
AGENT_NOUNS = frozenset("fighters forces militants rebels troops units gunmen militia militias jets planes crew".split())
# Common nouns that name an agent by themselves ("rebel forces", "insurgents").
COMMON_AGENTS = {
    "rebel": "rebels", "rebels": "rebels", "insurgent": "insurgents", "insurgents": "insurgents",
    "opposition": "rebels", "jihadist": "jihadists", "jihadists": "jihadists",
    "militant": "militants", "militants": "militants", "terrorist": "terrorists",
    "terrorists": "terrorists", "extremist": "extremists", "extremists": "extremists",
    "government": "government forces", "regime": "government forces", "coalition": "coalition",
    "militia": "militia", "militias": "militia", "militiamen": "militia",
}

# The people an accident is blamed on, by the role they had ("held the master responsible",
# "blamed the ferry's owners for overloading it") -> one name per role (a ship's master is its captain).
RESPONSIBLE_ROLES = {
    "captain": "captain", "captains": "captain", "master": "captain", "skipper": "captain", "helmsman": "captain",
    "pilot": "pilot", "pilots": "pilot", "co-pilot": "pilot", "driver": "driver", "drivers": "driver",
    "owner": "owners", "owners": "owners", "operator": "owners", "operators": "owners", "proprietor": "owners",
    "proprietors": "owners", "management": "owners", "contractor": "contractor", "contractors": "contractor",
    "builder": "contractor", "builders": "contractor", "engineer": "engineers", "engineers": "engineers",
    "signalman": "signalman", "dispatcher": "dispatcher", "controllers": "controllers", "controller": "controllers",
}
# What a blame "for ..." is about when it names the cause of an accident: an act ("for overloading
# the vessel") or the accident itself.
ACCIDENT_NOUNS = frozenset("accident crash collision sinking capsizing derailment collapse disaster tragedy fire explosion".split())

# --------------------------------------------------------------------------------------- claims

# Words of accusing and blaming: a claim whose target and accuser can be compared across accounts.
ACCUSATION_WORDS = frozenset(
    """
    accuse accuses accused accusing accusation accusations accusatory blame blames blamed blaming
    blamable culprit culprits
    """.split()
)

# ------------------------------------------------------------------------------------ stop words

STOP_WORDS = frozenset(
    """
    a an the and or but if of to in on at by for with from as is are was were be been being that
    this these those it its their there here which who whom whose what when where why how not no
    nor so than too very can could will would shall should may might must do does did done has
    have had having he she they we you i me him her them us our your my his also just only even
    into over under about after before between while during some any all each other such own same
    more most many much few one two three then now out up down off again further once said says
    say saying
    """.split()
)
# Capitalised words that start sentences or name no entity by themselves.
NOT_NAMES = frozenset(
    """
    the a an and but or if in on at by for with from as it its this that these those there their
    they he she we you his her our who what when where why how meanwhile however although though
    while after before since until during just only also some many most more one two three four
    five six seven eight nine ten first last next earlier later amid among according speaking
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov
    dec both neither either each every whoever whatever clearly simply hence if then so yet not no
    read sign support subscribers our your
    """.split()
)


# English verbs whose past tense does not end in -ed (grammar, not any domain's vocabulary)
IRREGULAR_PAST = frozenset(
    """arose awoke began bent bit blew broke brought built burnt burned caught chose came cut dealt dug drew
    drove fell fled flew fought forbade found froze gave got grew hid hit held hung kept knew laid led
    left lent let lit lost made meant met paid put quit ran rang rose sank sent set shook shot shut
    slid sold sought spent split spread sprang stole stood struck swept swore swam took taught tore
    threw told understood undertook upheld woke wore won wound withdrew wrote""".split())


def past_tense(word: str) -> bool:
    """Whether a lower-case word reads as a verb's past tense: an irregular one or a long -ed word."""
    return word in IRREGULAR_PAST or len(word) > 4 and word.endswith("ed")


# Words no person's name holds: the heads of organisations' and places' names, and a few more
# that head rescue and relief bodies' names ("Syrian Civil Defence", "Red Cross")
NOT_IN_PERSON_NAMES = ORG_HEADS | PLACE_HEADS | frozenset("defence defense cross rescue relief helmets".split())


def reads_as_name(words: str) -> bool:
    """Two to four capitalised words, none the head of an organisation's or a place's name nor a
    demonym: words that read as a person's name ("Fausto Cardenas", not "Red Cross")."""
    parts = words.split()
    return (2 <= len(parts) <= 4 and all(p[:1].isupper() and p[1:].islower() and p.isalpha() for p in parts)
            and not any(p.lower() in NOT_IN_PERSON_NAMES or p.lower() in DEMONYMS for p in parts))


# Weekdays and months, which no name runs on into after "on" ("the Defense Ministry on Wednesday")
DAY_AND_MONTH_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
