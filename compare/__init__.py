"""rashomon's engine: pure functions from article texts to sentences, details, alignments and
discrepancies. It imports no UI (textual, rich) and no database (sqlite3, sqlite_utils)."""

# Bump when a change to the engine changes its results: every event becomes stale.
ENGINE_VERSION = "7"  # 2: typed details and explained discrepancies; 3: aliases reach speakers and accusers; 4: accidents, datelines, rates, Kazakh spellings; 5: romanised names, counts of other groups, workforces, crushes, blame in other words; 6: sums of money, evacuees and rescues, counts of villages, status dates, q/k romanisations, speakers before an apposition, reworded remarks, why a dam gave way; 7: a broken rail against sabotage, sums paid to the families, parts of a casualty group, funeral days never in conflict, speakers before an office apposition and 'has said', counts of carriages, trains and flights cancelled
