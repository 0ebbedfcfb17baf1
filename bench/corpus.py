"""A synthetic news corpus of any size, with the generator's truth: which article reports which event.

It imitates the seeds' domain on purpose, because that is where grouping is hard: many incidents
(officers killed by shelling, air strikes on towns, ambushed convoys, drone attacks on bases,
denials of casualties, downed helicopters) told by several outlets each in their own words,
with spelling variants of places, numbers that disagree, late follow-ups, near-duplicate wire
copies, short garbled wire items, and neighbouring incidents of the same kind in the same
province days apart that share every keyword (Russian deaths in Syria, mortar fire, the Defense
Ministry, TASS). Weekly round-ups that touch several incidents are events of their own.

Usage: `generate(625, seed=1)` -> Corpus; `corpus.write(folder)` writes one .txt per article
(headline, date line, body, outlet furniture) and returns the truth keyed by file path.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

FIRST = ("Valery Sergei Alexei Dmitry Ivan Nikolai Andrei Mikhail Oleg Yuri Pavel Roman Viktor "
         "Igor Artyom Denis Maxim Ruslan Vladimir Gennady Konstantin Anatoly Boris Fyodor").split()
ROOTS = ("Asap Volk Koles Gatau Sedl Orl Bely Krasn Zhur Tikhon Smirn Petr Laz Kuzn Morozh Gorb "
         "Shest Yerm Sokol Drozd Kulik Rybak Zuev Panin Vlas Makar Frol Guse Sorok Lebed Bobr "
         "Yastreb Klim Tarak Dorof Chern Babk Shuv Fedot Ignat Rodion Sav Kotl").split()
ENDS = ("ov ev in ikov enko sky yonok avin ulin").split()
RANKS = (("Lieutenant General", "Lt. Gen."), ("Major General", "Maj. Gen."), ("Colonel", "Col."),
         ("Major", "Maj."), ("Captain", "Capt."), ("Lieutenant Colonel", "Lt. Col."))
# (province, [(town spellings...)]): spellings of one town are variants a reader knows as one.
PROVINCES = [
    ("Deir ez-Zor", [("Deir ez-Zor", "Deir Ezzor", "Deir al-Zor", "Dayr az-Zawr"), ("Mayadin", "al-Mayadeen", "Mayadeen"),
                     ("Albu Kamal", "Abu Kamal", "Bukamal"), ("Khasham",), ("Tabiyah", "al-Tabiya")]),
    ("Hama", [("Mhardeh", "Mhardah"), ("Kafr Nabudah", "Kafr Nabouda", "Kafr Nbuda"), ("Suqaylabiyah", "Skeilbiyeh"),
              ("Latamneh", "al-Lataminah"), ("Morek", "Murak")]),
    ("Idlib", [("Saraqib", "Saraqeb"), ("Maarat al-Numan", "Maarat al-Nu'man", "Maaret al-Numan"), ("Jisr al-Shughur", "Jisr ash-Shughur"),
               ("Khan Sheikhoun", "Khan Shaykhun"), ("Ariha",)]),
    ("Latakia", [("Hmeimim", "Khmeimim", "Hmeymim"), ("Kabani", "Kabbani"), ("Jableh", "Jablah"), ("Salma", "Slinfah")]),
    ("Homs", [("Palmyra", "Tadmur", "Tadmor"), ("Qaryatayn", "al-Qaryatain"), ("Talbiseh", "Talbisah"), ("Rastan", "al-Rastan")]),
    ("Aleppo", [("Manbij", "Menbij"), ("al-Bab", "Al Bab"), ("Tal Rifaat", "Tell Rifaat"), ("Kuweires", "Kweires")]),
    ("Raqqa", [("Tabqa", "al-Thawrah"), ("Resafa", "Rusafa"), ("Maadan", "Ma'dan")]),
    ("Daraa", [("Nawa",), ("Busra al-Harir", "Bosra al-Harir"), ("Tafas",), ("Sanamayn", "al-Sanamayn")]),
]
OUTLETS = ["Reuters", "TASS", "Interfax", "RIA Novosti", "The Moscow Times", "RFE/RL", "Al-Monitor", "DEBKA",
           "Associated Press", "Agence France-Presse", "Kommersant", "Meduza", "Novaya Gazeta", "Asharq Al-Awsat",
           "The National", "Middle East Eye", "Syrian Observer", "Enab Baladi", "Anadolu", "Sputnik"]
FURNITURE = {
    "The Moscow Times": ("Support The Moscow Times!", "Sign up for our free weekly newsletter"),
    "Meduza": ("Support Meduza!", "Subscribe to our daily newsletter"),
    "Novaya Gazeta": ("Support Novaya Gazeta Europe!", "Read more"),
    "Middle East Eye": (None, "Sign up for our free weekly newsletter"),
}
BACKGROUND = [
    "Russia has been conducting air strikes in Syria since September 2015 in support of President Bashar al-Assad, and "
    "has deployed military advisers, special forces and military police to the country.",
    "Moscow rarely discloses its military casualties in Syria, and independent counts by journalists and monitoring "
    "groups have often exceeded the figures given by the Defense Ministry.",
    "The Syrian Observatory for Human Rights, a Britain-based monitor, relies on a network of sources on the ground and "
    "has documented thousands of deaths caused by air strikes since the start of the conflict.",
    "Islamic State, also known as ISIS, is a terrorist organization banned in Russia. The group has lost most of the "
    "territory it once held but still carries out attacks in the desert.",
    "The Kremlin has repeatedly accused Washington of supporting militant groups in eastern Syria, a charge the United "
    "States denies.",
    "Russian forces operate from the Hmeimim air base near Latakia and the naval facility at Tartus, Russia's only "
    "military outpost on the Mediterranean.",
    "Turkey and Russia back opposing sides in the war but have brokered a series of ceasefires in the northwest, most "
    "of which have broken down within weeks.",
    "Hayat Tahrir al-Sham, formerly known as the Nusra Front, controls much of the Idlib region and is designated a "
    "terrorist group by the United Nations.",
    "More than 350,000 people have been killed in Syria's civil war since it began in 2011 with protests against the "
    "government, and millions more have been forced from their homes.",
    "Officials in Moscow have described the Syrian campaign as a counter-terrorism operation, while rights groups say "
    "air strikes by Russian and Syrian government aircraft have repeatedly hit hospitals, schools and markets.",
    "The United States leads a coalition against Islamic State and supports the Kurdish-led Syrian Democratic Forces "
    "east of the Euphrates, a few kilometres from areas where Russian units operate.",
    "Independent verification of casualty figures is difficult because access for journalists to the front lines is "
    "restricted by all sides in the conflict.",
]
KINDS = ("officer", "airstrike", "convoy", "drone", "denial", "helicopter")


@dataclass
class Incident:
    key: str
    kind: str
    day: date
    province: str
    town: tuple[str, ...]
    victim: tuple[str, str, tuple[str, str]]  # first, last, rank
    dead: int
    wounded: int
    extra: int  # colonels with the general, children among civilians, drones shot down...
    spokesman: str
    blamed: str


@dataclass
class Corpus:
    files: list[tuple[str, str]] = field(default_factory=list)  # (relative path, text)
    truth: dict[str, str] = field(default_factory=dict)  # relative path -> event key
    meta: dict[str, dict[str, str]] = field(default_factory=dict)  # relative path -> outlet, published

    def write(self, folder: Path) -> dict[str, str]:
        """Write every article under `folder`, with a manifest.toml per sub-folder giving the
        outlet and date of most articles (never the event); returns the truth by absolute path."""
        truth = {}
        manifests: dict[Path, list[str]] = {}
        for rel, text in self.files:
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            truth[str(path)] = self.truth[rel]
            if rel in self.meta:
                entry = "".join(f'{k} = "{v}"\n' for k, v in self.meta[rel].items())
                manifests.setdefault(path.parent, []).append(f'[files."{path.name}"]\n{entry}')
        for parent, entries in manifests.items():
            (parent / "manifest.toml").write_text("\n".join(entries), encoding="utf-8")
        return truth


def _person(rng: random.Random, used: set[str]) -> tuple[str, str]:
    while True:
        last = rng.choice(ROOTS) + rng.choice(ENDS)
        first = rng.choice(FIRST)
        if f"{first} {last}" not in used:
            used.add(f"{first} {last}")
            return first, last


def _incidents(rng: random.Random, count: int, span: int, start: date) -> list[Incident]:
    used: set[str] = set()
    made: list[Incident] = []
    for n in range(count):
        if made and rng.random() < 0.45:  # a neighbour: same kind, same province, days apart
            near = rng.choice(made[-20:])
            kind, province = near.kind, near.province
            day = near.day + timedelta(days=rng.choice([-9, -7, -6, -5, -4, 3, 4, 5, 6, 7, 8]))
        else:
            kind, province = rng.choice(KINDS), rng.choice(PROVINCES)[0]
            day = start + timedelta(days=rng.randrange(span))
        towns = dict(PROVINCES)[province]
        first, last = _person(rng, used)
        made.append(Incident(
            key=f"e{n:05d}", kind=kind, day=day, province=province, town=rng.choice(towns),
            victim=(first, last, rng.choice(RANKS)), dead=rng.choice([1, 2, 2, 3, 4, 5, 7, 9, 12, 16, 23, 37]),
            wounded=rng.choice([0, 1, 2, 3, 5, 8, 11]), extra=rng.choice([2, 3, 4, 6]),
            spokesman=" ".join(_person(rng, used)), blamed=rng.choice(
                ["Islamic State", "Hayat Tahrir al-Sham", "the Turkistan Islamic Party", "rebels", "Kurdish-led fighters"]),
        ))
    return made


WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
         11: "eleven", 12: "12", 16: "16", 23: "23", 37: "37"}
WEEKDAY = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def _num(rng: random.Random, n: int) -> str:
    return WORDS.get(n, str(n)) if rng.random() < 0.6 else str(n)


def _facts(rng: random.Random, inc: Incident, told: date) -> tuple[str, list[str]]:
    """A headline and the sentences one account tells, in its own words."""
    first, last, (rank, short) = inc.victim
    town = rng.choice(inc.town)
    when = rng.choice([f"on {WEEKDAY[inc.day.weekday()]}", f"on {inc.day:%B} {inc.day.day}", "this week" if (told - inc.day).days < 3 else "last week"])
    dead = inc.dead + (rng.choice([0, 0, 0, 1, 2]) if rng.random() < 0.3 else 0)  # accounts disagree
    who = rng.choice([f"{rank} {first} {last}", f"{short} {last}", f"{first} {last}, a {rank.lower()}"])
    quoted = rng.choice([f"ministry spokesman {inc.spokesman}", f"{inc.spokesman}, a spokesman for the ministry", "the ministry"])
    src = rng.choice(["the Defense Ministry said", "Russia's Defense Ministry said in a statement", "the ministry told TASS",
                      "the Interfax news agency reported, citing the Defense Ministry"])
    place = rng.choice([f"near {town} in {inc.province} province", f"outside {town}", f"in the {inc.province} region, near {town}"])
    if inc.kind == "officer":
        head = rng.choice([f"Russian {rank} Killed in Syria", f"{last} Death Confirmed by Moscow", f"Russian Officer Dies in Mortar Attack Near {town}"])
        lines = [f"{who} was killed by mortar fire {place} {when}, {src}.",
                 f"{_num(rng, inc.extra).capitalize()} colonels were wounded alongside {last} when shells hit the command post.",
                 f"{last} had been advising Syrian commanders on the offensive against {inc.blamed}, {quoted} said.",
                 f"The officer was {rng.choice([48, 51, 53, 44])} years old and will be posthumously decorated, according to the ministry."]
    elif inc.kind == "airstrike":
        head = rng.choice([f"Air Strikes Kill {dead} Civilians in {town}", f"Civilians Killed in Raids on {town}", f"Monitor Says Strikes Killed {dead} in {inc.province}"])
        lines = [f"Air strikes killed {_num(rng, dead)} civilians, including {_num(rng, inc.extra)} children, {place} {when}, the Syrian Observatory for Human Rights said.",
                 f"The monitor said Russian jets carried out the raids on a market in {town}; the Defense Ministry denied that its aircraft struck the area.",
                 f"Rescue workers said {_num(rng, inc.wounded)} people were pulled from the rubble alive.",
                 f"Residents blamed the strikes for the deaths of a family of {_num(rng, inc.extra + 2)} in the town's eastern district."]
    elif inc.kind == "convoy":
        head = rng.choice([f"{dead} Russian Soldiers Killed in Ambush", f"Convoy Ambushed Near {town}", f"Roadside Bomb Hits Russian Convoy in {inc.province}"])
        lines = [f"{_num(rng, dead).capitalize()} Russian servicemen were killed when a roadside bomb hit their convoy {place} {when}, {src}.",
                 f"The convoy was escorting {_num(rng, inc.extra)} trucks of aid, and {_num(rng, inc.wounded)} soldiers were wounded, {quoted} said.",
                 f"The ministry blamed {inc.blamed} for the attack and said the convoy commander, {who}, was among the dead.",
                 "Militants then opened fire on the column with machine guns before withdrawing."]
    elif inc.kind == "drone":
        head = rng.choice([f"Drones Attack Russian Base Near {town}", f"Russia Says It Downed {inc.extra} Drones", f"Drone Swarm Targets Russian Forces in {inc.province}"])
        lines = [f"Russian air defences shot down {_num(rng, inc.extra)} drones launched at its forces {place} {when}, {src}.",
                 f"{_num(rng, dead).capitalize()} servicemen were killed and {_num(rng, inc.wounded)} wounded when one drone got through, {quoted} said.",
                 f"The ministry said the drones were launched by {inc.blamed} from territory about 50 kilometres away.",
                 f"{who} was named among the dead."]
    elif inc.kind == "denial":
        head = rng.choice([f"Moscow Denies {dead} Russians Died Near {town}", "Defense Ministry Denies Casualty Reports", f"Russia Rejects Reports of Deaths in {inc.province}"])
        lines = [f"Russia's Defense Ministry {when} denied reports that {_num(rng, dead)} Russian servicemen had been killed {place}.",
                 f"\"There have been no casualties among Russian personnel,\" {quoted} told TASS.",
                 f"Opposition activists had said the soldiers died when {inc.blamed} shelled their position, and named one of them as {who}.",
                 f"A relative of {last} told a local news site that the family had been informed of his death."]
    else:
        head = rng.choice([f"Russian Helicopter Shot Down Over {inc.province}", f"{dead} Crew Killed as Helicopter Downed Near {town}", "Mi-8 Helicopter Lost in Syria"])
        lines = [f"A Russian Mi-8 helicopter was shot down {place} {when}, killing all {_num(rng, dead)} people on board, {src}.",
                 f"The helicopter was returning from delivering aid when it was hit by fire from {inc.blamed}, {quoted} said.",
                 f"Its pilot, {who}, tried to land the burning aircraft in a field.",
                 "Video posted online showed the wreckage burning and fighters standing around it."]
    lines += [
        f"The {rng.choice(['attack', 'incident', 'strike'])} took place {rng.choice(['at dawn', 'shortly after midday', 'late in the evening', 'overnight'])}, "
        f"{rng.choice(['a local source', 'a military source', 'an opposition activist'])} told {rng.choice(['Reuters', 'AFP', 'the outlet'])}.",
        f"{rng.choice(['The Defense Ministry', 'The ministry', 'Moscow'])} said {inc.blamed} {rng.choice(['had been behind', 'carried out', 'was responsible for'])} "
        f"the {rng.choice(['attack', 'shelling', 'strike'])} {place}.",
        f"{inc.spokesman.split()[-1]} {rng.choice(['added', 'said', 'told reporters'])} that {_num(rng, inc.wounded)} people "
        f"{rng.choice(['were wounded', 'needed treatment', 'were taken to hospital'])} in {town}.",
    ]
    rng.shuffle(lines)
    return head, lines[: rng.randint(3, 6)]


def _account(rng: random.Random, inc: Incident, outlet: str, told: date, others: list[Incident]) -> str:
    head, lines = _facts(rng, inc, told)
    paragraphs = list(lines)
    for extra in rng.sample(BACKGROUND, rng.randint(2, 4)):
        paragraphs.insert(rng.randint(1, len(paragraphs)), extra)
    near = [o for o in others if o.province == inc.province and o is not inc and abs((o.day - inc.day).days) <= 10]
    if near and rng.random() < 0.3:  # a reference to a neighbouring incident
        o = rng.choice(near)
        paragraphs.append(f"It was the latest in a series of attacks in {inc.province}. Earlier, {o.victim[2][1]} {o.victim[1]} "
                          f"was reported killed near {o.town[0]}.")
    banner, footer = FURNITURE.get(outlet, (None, None))
    parts = ([banner] if banner else []) + [head, f"{told:%B} {told.day}, {told.year}"] + paragraphs + ([footer] if footer else [])
    return "\n\n".join(parts) + "\n"


def _garble(rng: random.Random, inc: Incident, told: date) -> str:
    """A short wire flash: capitals, abbreviations, typos."""
    first, last, (_rank, short) = inc.victim
    town = rng.choice(inc.town)
    what = {"officer": f"RUS {short.upper()} {last.upper()} KILD BY MORTAR FIRE NR {town.upper()}",
            "airstrike": f"{inc.dead} CIVS KILLED IN AIRSTRKES ON {town.upper()}, SOHR SAYS",
            "convoy": f"{inc.dead} RUS SOLDIERS KILLD IN CONVOY AMBUSH NR {town.upper()}",
            "drone": f"RUS AIR DEFENCE DOWNS {inc.extra} DRONES NR {town.upper()}, {inc.dead} DEAD",
            "denial": f"MOD DENIES {inc.dead} RUS DEATHS NR {town.upper()}",
            "helicopter": f"RUS MI-8 DOWNED NR {town.upper()}, {inc.dead} CREW DEAD"}[inc.kind]
    return f"URGENT - {inc.province.upper()}, {told:%b} {told.day} - {what} - MoD via TASS. more follows\n"


def _roundup(rng: random.Random, incidents: list[Incident], told: date) -> str:
    picked = rng.sample(incidents, min(3, len(incidents)))
    lines = [f"{i.kind.capitalize()} near {i.town[0]}: {i.victim[2][1]} {i.victim[1]} among {i.dead} reported dead." for i in picked]
    return "\n\n".join(["The Week in Syria", f"{told:%B} {told.day}, {told.year}", *lines, rng.choice(BACKGROUND)]) + "\n"


def generate(articles: int, seed: int = 1, start: date = date(2017, 1, 2)) -> Corpus:
    """Exactly `articles` articles on about articles/5.5 incidents (1 to 15 accounts each)."""
    rng = random.Random(seed)
    count = max(2, round(articles / 5.5))
    span = max(30, int(60 * (articles / 625) ** 0.5))  # denser news as the corpus grows
    incidents = _incidents(rng, count, span, start)
    by_day = sorted(incidents, key=lambda i: i.day)
    wanted = [min(15, 1 + int(rng.expovariate(1 / 4.5))) for _ in incidents]
    items: list[tuple[str, str, str, date]] = []  # (text, truth key, outlet, published)
    for inc, accounts in zip(incidents, wanted, strict=True):
        told_texts: list[str] = []
        for _ in range(accounts):
            told = inc.day + timedelta(days=rng.choice([0, 0, 0, 1, 1, 2, 3, 6]))
            roll = rng.random()
            outlet = rng.choice(OUTLETS)
            if roll < 0.07:
                text, outlet = _garble(rng, inc, told), "Wire flash"
            elif roll < 0.2 and told_texts:
                text = _wire_copy(rng, rng.choice(told_texts))
            else:
                text = _account(rng, inc, outlet, told, by_day)
                told_texts.append(text)
            items.append((text, inc.key, outlet, told))
    for n in range(max(1, articles // 50)):  # round-ups: events of their own
        told = rng.choice(by_day).day + timedelta(days=rng.randrange(7))
        window = [i for i in by_day if 0 <= (told - i.day).days <= 7] or by_day[:3]
        items.append((_roundup(rng, window, told), f"roundup-{n}", "The Syria Weekly", told))
    rng.shuffle(items)
    items = items[:articles]
    while len(items) < articles:  # top up with more accounts of random incidents
        inc, outlet = rng.choice(incidents), rng.choice(OUTLETS)
        told = inc.day + timedelta(days=1)
        items.append((_account(rng, inc, outlet, told, by_day), inc.key, outlet, told))
    corpus = Corpus()
    for n, (text, key, outlet, told) in enumerate(items):
        rel = f"batch{n % 16:02d}/{n:06d}.txt"
        corpus.files.append((rel, text))
        corpus.truth[rel] = key
        if rng.random() < 0.9:  # a tenth of the articles come without metadata
            corpus.meta[rel] = {"outlet": outlet, "published": told.isoformat()}
    return corpus


def _wire_copy(rng: random.Random, text: str) -> str:
    """A re-published copy: one paragraph dropped or a credit line added."""
    paragraphs = text.strip().split("\n\n")
    if len(paragraphs) > 4 and rng.random() < 0.5:
        paragraphs.pop(rng.randrange(3, len(paragraphs)))
    else:
        paragraphs.append(rng.choice(["(Reporting by wire staff; editing by the desk)", "Copyright wire services. All rights reserved."]))
    return "\n\n".join(paragraphs) + "\n"
