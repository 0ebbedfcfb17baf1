"""Typed details found in sentences, and their comparison across an event's accounts.

Per article (compare.details.extract runs them in order):
  text          tokens with body offsets; the per-article view (sentences, paragraphs, publication day)
  entities      places, people, organisations and ranks
  dates         explicit and relative dates resolved against the publication day
  attribution   reporting frames: who says or relays what, and the source of any span
  quotes        quotations and their speakers
  numbers       counts with qualifier, counted noun and role
  causes        the means and the attacker of a casualty
  claims        accusations: accuser and target
Across accounts (compare.discrepancies runs them):
  event         the event's resolved facts and the stable-id sink for details and discrepancies
  compare_names, compare_values, compare_quotes, compare_claims, rules
Shared: lexicon (general news vocabulary, never an article's phrases), found (the extractors' record).
"""
