"""Sums of money ("2 billion dinars", "about $1.5 million", "€3m") as numbers with their full value.

A sum is a count whose counted noun is its currency: "5 billion Iraqi dinars" is 5,000,000,000
dinars, never 5 of anything, and never a count of people, so it stays out of every casualty
cluster. The counts reader (numbers.py) skips the spans read here. What the money is for
(aid, compensation, a fine, a reward, a ransom, a cost) is the nearest purpose word in the
sentence, or compensation when the sum goes to the families of the dead with no purpose word
("1 million rupees for the family of each person killed", also when a purpose word is only in
another clause: "Rs 25 lakh to the family of each worker killed and would bear the cost of ...").
South Asian sums are read too: "Rs 25 lakh" (a lakh is 100,000), "₹5 crore" (a crore is
10,000,000), "INR 3 million". Who pays is not read: a state's and a company's payments to the same
families share one cluster. Two accounts' sums for the same purpose in the same currency are compared as counts
are, sums of different currencies or with no purpose never (a conversion is not a conflict).
"""

from __future__ import annotations

import re

from compare.details.found import Found
from compare.details.numbers import UNITS, _bounds, _qualifier, _read_number
from compare.details.text import Doc, Token, joined
from compare.models import NumberValue

CURRENCY_SYMBOLS = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "₹": "rupees"}
# Currency words -> one plural name ("pound" is a weight too often: only after its symbol).
CURRENCY_WORDS = {
    word: name
    for name, words in {
        "dollars": "dollar dollars usd", "euros": "euro euros eur", "dinars": "dinar dinars",
        "rials": "rial rials riyal riyals", "dirhams": "dirham dirhams", "lira": "lira lire liras",
        "rupees": "rupee rupees", "roubles": "ruble rubles rouble roubles", "yuan": "yuan renminbi",
        "yen": "yen", "taka": "taka", "tenge": "tenge", "naira": "naira", "shillings": "shilling shillings",
        "rand": "rand", "francs": "franc francs", "pesos": "peso pesos", "hryvnias": "hryvnia hryvnias",
        "afghanis": "afghani afghanis",
        # the rest of the world's currencies, by the words newsrooms write (plural forms as used)
        "leva": "lev leva", "lari": "lari laris", "zlotys": "zloty zlotys zloties", "forints": "forint forints",
        "korunas": "koruna korunas", "lei": "leu lei", "kronor": "krona kronor kronur", "kroner": "krone kroner",
        "reais": "real reais", "won": "won", "baht": "baht", "ringgit": "ringgit", "rupiah": "rupiah",
        "dong": "dong", "kyat": "kyat kyats", "riel": "riel riels", "som": "som soms", "manat": "manat manats",
        "drams": "dram drams", "leke": "lek leke", "denars": "denar denars", "marks": "mark marks",
        "cedis": "cedi cedis", "kwacha": "kwacha", "birr": "birr", "shekels": "shekel shekels sheqel sheqels",
        "kwanzas": "kwanza kwanzas", "leones": "leone leones", "pula": "pula", "meticais": "metical meticais",
        "quetzales": "quetzal quetzales", "soles": "sol soles", "bolivares": "bolivar bolivares",
        "guaranies": "guarani guaranies", "lempiras": "lempira lempiras", "cordobas": "cordoba cordobas",
        "gourdes": "gourde gourdes", "kuna": "kuna kune",
    }.items()
    for word in words.split()
}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "m": 1_000_000,
          "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000,
          # South Asian notation: a lakh is 100,000, a crore 10,000,000 ("Rs 25 lakh", "₹5 crore").
          "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000}
# Currency abbreviations written before the number ("Rs 25 lakh", "Rs. 50,000", "INR 3 million").
CURRENCY_PREFIXES = {"rs": "rupees", "inr": "rupees", "shs": "shillings", "ksh": "shillings", "ush": "shillings", "tsh": "shillings"}
# What a sum is for: purpose word -> purpose.
PURPOSES = {
    word: purpose
    for purpose, words in {
        "aid": "aid relief assistance help support donation donations grant grants",
        "compensation": "compensation compensate compensated payout payouts damages",
        "fine": "fine fined fines penalty penalties",
        "reward": "reward bounty",
        "ransom": "ransom",
        "cost": "cost costs losses",
        "wages": "wages salaries arrears",
    }.items()
    for word in words.split()
}
# A sum paid to the bereaved is compensation even when no purpose word is said: "1 million rupees
# for the family of each person killed", "paid to the families", "each family of the dead will receive".
FAMILY_WORDS = frozenset("family families relatives kin heirs dependants dependents".split())
TO_FAMILY_WORDS = frozenset("for to each per every the".split())
RECEIVING_WORDS = frozenset("receive receives received get gets paid given awarded".split())
FAMILY_WINDOW = 6
_PREFIX_STARTS = frozenset({"us", *CURRENCY_PREFIXES})
_DIGITS_SCALE = re.compile(r"(\d+(?:\.\d+)?)(m|mn|bn|k)$")


def _amount(tokens: list[Token], i: int) -> tuple[int, float | None]:
    """(index past, value) of a number in digits with an optional scale ("1.5 million", "3m"), else (i, None)."""
    tok = tokens[i]
    low = tok.lower.replace(",", "")
    m = _DIGITS_SCALE.fullmatch(low)
    if m:
        return i + 1, float(m.group(1)) * SCALES[m.group(2)]
    if not tok.is_number:
        if tok.lower in UNITS:  # "one million dinars", "two billion dollars"
            j, count, _ = _read_number(tokens, i)
            return (j, float(count)) if count is not None and j > i else (i, None)
        return i, None
    try:
        value = float(low)
    except ValueError:
        return i, None
    j = i + 1
    if j < len(tokens) and tokens[j].lower in SCALES and (tokens[j].lower not in ("m", "k", "mn", "bn") or joined(tok, tokens[j])):
        value *= SCALES[tokens[j].lower]
        j += 1
    return j, value


def _currency_after(tokens: list[Token], j: int) -> tuple[str | None, int]:
    """The currency word after a number, past up to two adjectives ("Iraqi dinars", "US dollars")."""
    for k in range(j, min(j + 3, len(tokens))):
        name = CURRENCY_WORDS.get(tokens[k].lower)
        if name is not None:
            return name, k + 1
        if not (tokens[k].is_cap and tokens[k].is_word):
            break
    return None, j


def _paid_to_families(tokens: list[Token], lo: int, hi: int) -> bool:
    """"... for the family of each person killed", "... to their families" just after the sum, or
    "each family of the dead will receive ..." just before it."""
    for k in range(hi, min(hi + FAMILY_WINDOW, len(tokens))):
        if tokens[k].lower in FAMILY_WORDS:
            return k > hi and tokens[k - 1].lower in TO_FAMILY_WORDS | {"their", "his", "her", "victims", "victim"}
        if not tokens[k].is_word:
            break
    before = [t.lower for t in tokens[max(0, lo - 2 * FAMILY_WINDOW) : lo]]
    families = [m for m, w in enumerate(before) if w in FAMILY_WORDS]
    return bool(families) and any(w in RECEIVING_WORDS for w in before[families[-1] + 1 :])


def _family_just_after(tokens: list[Token], hi: int) -> bool:
    """"Rs 25 lakh to the family of each worker killed": the family named just after the sum."""
    for k in range(hi, min(hi + FAMILY_WINDOW, len(tokens))):
        if tokens[k].lower in FAMILY_WORDS:
            return k > hi and tokens[k - 1].lower in TO_FAMILY_WORDS | {"their", "his", "her", "victims", "victim"}
        if not tokens[k].is_word:
            break
    return False


def _purpose(tokens: list[Token], lo: int, hi: int) -> str:
    if _paid_to_families(tokens, lo, hi) and not any(PURPOSES.get(t.lower) for t in tokens):
        return "compensation"
    if _family_just_after(tokens, hi) and not any(PURPOSES.get(t.lower) for t in tokens[max(0, lo - FAMILY_WINDOW) : hi + FAMILY_WINDOW]):
        # A purpose word elsewhere in the sentence ("... and would bear the cost of treating the
        # injured") is another clause's: the sum going straight to the families is compensation.
        return "compensation"
    best: tuple[int, str] | None = None
    for m, tok in enumerate(tokens):
        purpose = PURPOSES.get(tok.lower)
        if purpose is None or lo <= m < hi:
            continue
        dist = lo - m if m < lo else m - hi + 1
        if best is None or dist < best[0]:
            best = (dist, purpose)
    return best[1] if best else "-"


def read_sum(tokens: list[Token], i: int) -> tuple[int, int, float, str] | None:
    """(start, index past, value, currency) of a sum starting at token i, else None."""
    tok = tokens[i]
    if tok.text in CURRENCY_SYMBOLS and i + 1 < len(tokens) and joined(tok, tokens[i + 1]):
        j, value = _amount(tokens, i + 1)
        if value is not None:
            return i, j, value, CURRENCY_SYMBOLS[tok.text]
        return None
    if tok.lower in CURRENCY_PREFIXES and i + 1 < len(tokens):
        k = i + 2 if tokens[i + 1].text == "." and joined(tok, tokens[i + 1]) else i + 1
        if k < len(tokens) and tokens[k].is_number:
            j, value = _amount(tokens, k)
            if value is not None:
                return i, j, value, CURRENCY_PREFIXES[tok.lower]
        return None
    if tok.lower == "us" and i + 2 < len(tokens) and tokens[i + 1].text == "$" and joined(tok, tokens[i + 1]):
        found = read_sum(tokens, i + 1)
        return (i, *found[1:]) if found else None
    if not (tok.is_number or tok.lower in UNITS) or (i > 0 and tokens[i - 1].text in CURRENCY_SYMBOLS and joined(tokens[i - 1], tok)):
        return None
    j, value = _amount(tokens, i)
    if value is None:
        return None
    currency, end = _currency_after(tokens, j)
    if currency is None:
        return None
    return i, end, value, currency


def extract_money(doc: Doc) -> list[Found]:
    """Every sum of money in the article, keyed by purpose and currency ("money|aid:dinars")."""
    out: list[Found] = []
    for s_idx, tokens in enumerate(doc.tokens):
        i = 0
        while i < len(tokens):
            found = read_sum(tokens, i) if tokens[i].is_number or tokens[i].text in CURRENCY_SYMBOLS or tokens[i].lower in _PREFIX_STARTS | UNITS.keys() else None
            if found is None:
                i += 1
                continue
            start_i, end_i, value, currency = found
            qualifier, qstart = _qualifier(tokens, start_i)
            lo, hi = _bounds(round(value), qualifier)
            purpose = _purpose(tokens, qstart, end_i)
            group = f"{purpose}:{currency}"
            start, end = tokens[qstart].start, tokens[end_i - 1].end
            out.append(Found("number", doc.article.id, s_idx, start, end, doc.body[start:end],
                             NumberValue(lo, hi, qualifier, currency), f"money|{group}", role="money",
                             data={"group": group, "noun": currency, "purpose": purpose,
                                   "number_text": doc.body[tokens[start_i].start : tokens[end_i - 1].end].lower()}))
            i = end_i
    return out

