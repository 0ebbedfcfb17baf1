"""rashomon's store: the SQLite file (through sqlite-utils), its schema, and typed repository
functions returning `compare.models`. It never imports the UI."""
