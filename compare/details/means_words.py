"""The means of a casualty: weapon, accident and manner words, grouped in families that an account
may give for what killed or wounded people (compare.details.causes reads them, and
compare.details.compare_claims decides which families contradict each other). Kept apart from
compare.details.lexicon, which re-exports every name here, so the means can grow without crowding
the other word lists."""

from __future__ import annotations

# Weapon and means words -> their family. A family with a parent ("jet" < "air") is compatible
# with its parent ("an air raid" fits jets and helicopters) but not with its siblings (jets vs a
# helicopter); families without a common line contradict each other (mortar fire vs an airstrike).
MEANS_FAMILIES = {
    "indirect fire": "shell shells shelling shelled barrage bombardment",
    "mortar": "mortar mortars",
    "tube artillery": "artillery howitzer howitzers cannon",
    "rocket": "rocket rockets grad katyusha mlrs",
    "air": "airstrike airstrikes air-strike raid bombing bombed bombardment aircraft",
    "jet": "jet jets warplane warplanes plane planes bomber bombers",
    "helicopter": "helicopter helicopters gunship gunships",
    "drone": "drone drones uav uavs",
    "gunfire": "gunfire sniper snipers shooting gunshot gunshots bullets machine-gun rifle rifles",
    # ("mine" alone is left out: a coal mine is a place far more often than a landmine is a weapon)
    "ground explosive": "ied landmine landmines explosive explosives car-bomb",
    "missile": "missile missiles",
    # Accidents: what sank, derailed or brought down a vessel, train or building.
    "collision": "collision collisions collided rammed ramming",
    "weather": "storm storms gale gales cyclone typhoon hurricane gusts squall",
    "gas explosion": "methane firedamp",
    "collapse": "rockburst cave-in landslide landslip mudslide",
    # The manner of death an account may give instead of a weapon: in a crowd, a fire, by electricity.
    # (Not "crushed" alone: by a crowd, a wall or a lorry; not drowning: the manner of death in a
    # sinking, which holds with a collision and a storm alike.)
    "crush": "stampede stampedes trampled trampling",
    "fire": "blaze blazes inferno flames",
    "suffocation": "suffocated suffocation asphyxiated asphyxiation",
    "electrocution": "electrocuted electrocution",
    # Crowd control: fired alongside any other means (before a stampede, with baton charges or live
    # rounds), so compatible with every family; an account denying it contradicts one asserting it.
    "tear gas": "teargas",
    # Toxic substances a leak, a spill or a chemical attack released: each its own family, so one
    # account's chlorine is not another's ammonia (two-word names are in MEANS_BIGRAMS).
    "chlorine": "chlorine",
    "ammonia": "ammonia",
    "phosgene": "phosgene",
    "sarin": "sarin",
    "cyanide": "cyanide",
}
TOXIC_FAMILIES = ("chlorine", "ammonia", "phosgene", "sarin", "cyanide", "carbon monoxide", "hydrogen sulphide",
                  "sulphur dioxide")
MEANS_PARENT = {"jet": "air", "helicopter": "air", "drone": "air", "mortar": "indirect fire",
               "tube artillery": "indirect fire", "rocket": "indirect fire"}
MANNER_FAMILIES = frozenset({"crush", "fire", "suffocation", "electrocution"})
# Families compatible with every other family (see "tear gas" above).
ACCOMPANYING_FAMILIES = frozenset({"tear gas"})
# Families without a common line that still hold together: a fire after a blast or a crash,
# suffocating in a crush, a fire or a collapse, a stampede away from a fire, a storm's power lines.
_FIRE_STARTERS = ("gas explosion", "ground explosive", "air", "jet", "helicopter", "drone", "missile", "rocket",
                  "indirect fire", "mortar", "tube artillery", "collision")
MEANS_COMPATIBLE = frozenset(
    [frozenset({"fire", other}) for other in _FIRE_STARTERS]
    + [frozenset({"suffocation", other}) for other in ("crush", "fire", "collapse", "gas explosion")]
    + [frozenset({"crush", "fire"}), frozenset({"electrocution", "weather"})]
    # a toxic release chokes (suffocation) and may follow or feed a fire or a blast
    + [frozenset({toxic, other}) for toxic in TOXIC_FAMILIES for other in ("suffocation", "fire", "gas explosion")]
)
# Two-word means: (first, second) -> family.
MEANS_BIGRAMS = {("air", "strike"): "air", ("air", "strikes"): "air", ("air", "raid"): "air",
                 ("air", "raids"): "air", ("barrel", "bomb"): "helicopter", ("barrel", "bombs"): "helicopter",
                 ("car", "bomb"): "ground explosive", ("roadside", "bomb"): "ground explosive",
                 ("suicide", "bomber"): "ground explosive", ("cruise", "missile"): "missile",
                 ("rocket", "artillery"): "rocket", ("rock", "burst"): "collapse", ("rock", "bursts"): "collapse",
                 ("gas", "explosion"): "gas explosion", ("land", "mine"): "ground explosive",
                 ("anti-tank", "mine"): "ground explosive", ("naval", "mine"): "ground explosive",
                 ("burned", "alive"): "fire", ("burnt", "alive"): "fire", ("burned", "to"): "fire",
                 ("burnt", "to"): "fire", ("smoke", "inhalation"): "suffocation", ("crowd", "crush"): "crush",
                 ("shot", "dead"): "gunfire", ("gunned", "down"): "gunfire", ("tear", "gas"): "tear gas",
                 ("carbon", "monoxide"): "carbon monoxide", ("hydrogen", "sulphide"): "hydrogen sulphide",
                 ("hydrogen", "sulfide"): "hydrogen sulphide", ("sulphur", "dioxide"): "sulphur dioxide",
                 ("sulfur", "dioxide"): "sulphur dioxide"}
MEANS_FAMILY_OF = {w: fam for fam, words in MEANS_FAMILIES.items() for w in words.split()}
