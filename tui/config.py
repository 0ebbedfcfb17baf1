"""The user's settings: `$XDG_CONFIG_HOME/rashomon/config.toml`.

    reviewer = "alice"            # who you are in the audit trail (else $USER)
    theme = "textual-dark"        # any Textual theme name

    [keys]                        # remap bindings by their id
    "compare.next" = "ctrl+n"

    [export]                      # defaults for `rashomon export` and the `x` key
    format = "md"                 # md or json (the command line)
    only = "all"                  # open, confirmed, dismissed, resolved or all
    dir = "~/briefs"              # where `x` proposes to write the note
    with_articles = false         # append the cleaned texts to the note

A broken file is reported and ignored, never fatal: the app must start.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Config:
    reviewer: str | None = None
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    export: dict[str, str] = field(default_factory=dict)
    problem: str | None = None  # why the file was not (fully) read
    path: Path | None = None


def config_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path("rashomon", appauthor=False) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    if not path.exists():
        return Config(path=path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Config(problem=f"{path}: not read ({exc})", path=path)

    def text(value: object) -> str | None:
        return value.strip() if isinstance(value, str) and value.strip() else None

    keys = data.get("keys") if isinstance(data.get("keys"), dict) else {}
    export = data.get("export") if isinstance(data.get("export"), dict) else {}
    return Config(
        reviewer=text(data.get("reviewer")),
        theme=text(data.get("theme")),
        keys={str(k): str(v) for k, v in keys.items() if isinstance(v, str)},
        export={str(k): str(v) for k, v in export.items() if isinstance(v, str | bool)},
        path=path,
    )
