"""README's key tables against the bindings the app declares.

What the README must hold: a `## Keys` section with Markdown tables whose rows read

    | key(s) | what it does | binding id(s) |
    | `j` / `k` (↓ / ↑) | next / previous row | `compare.down` / `compare.up` (`compare.down_alt` / `compare.up_alt`) |

(any number of tables, e.g. one per screen; header and `|---|` rows are skipped; `—` where a key
has no id). Ids are written in backticks. Keys may be
in backticks or plain, separated by spaces, `/`, `,` or "or"; each written as Textual names it or
as the character it types, in any case for named keys (`Enter`, `Esc`, `PgDn`, `ctrl+f`, `?`, `/`,
`[`, `space`, `↓`); a single letter is case-sensitive (`R` is shift+r); `super+c` twins of
`ctrl+c` may be left out. A row may document several ids: each id's keys must all be in its row.

What is checked, over every binding with an id in `tui.app` and the modules of `tui.screens` and
`tui.widgets` (each class's own BINDINGS, as Textual merges them):
- every id appears in a row of those tables whose key cell names each of its keys (the failure
  lists the missing rows, ready to paste);
- every id the tables name exists in the code (no stale rows);
- no id is declared twice (a `[keys]` entry in config.toml remaps exactly one binding).

Until README has a `## Keys` section the two README tests are skipped with that reason.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import key_to_character

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
ALIASES = {"esc": "escape", "return": "enter", "pgdn": "pagedown", "pgup": "pageup", "⏎": "enter",
           "↑": "up", "↓": "down", "←": "left", "→": "right", "del": "delete", "ctrl": "ctrl"}
_ROW = re.compile(r"^\|(?P<keys>[^|]*)\|(?P<does>[^|]*)\|(?P<ids>[^|]*)\|\s*$")
_TICKED = re.compile(r"`([^`]+)`")
_ID = re.compile(r"^[a-z_]+\.[a-z_.]+$")
NAMED_CHARACTERS = {"slash": "/", "backslash": "\\"}  # names key_to_character does not know
_WORDS = {"or", "and", "then", "key", "keys"}


def readme_name(key: str) -> str:
    """How the README writes a Textual key: the character it types when there is one, else its name."""
    key = key.strip()
    character = NAMED_CHARACTERS.get(key) or key_to_character(key)
    if character is not None and len(character) == 1 and character.isprintable() and not character.isspace():
        return character
    return key


def normalise(token: str) -> str:
    """A key as the README writes it -> the form `readme_name` gives (named keys in any case)."""
    token = token.strip()
    if len(token) == 1:
        return ALIASES.get(token, token)
    parts = token.split("+")
    parts = [p.lower() for p in parts[:-1]] + [ALIASES.get(parts[-1].lower(), parts[-1].lower())
                                               if len(parts[-1]) > 1 else parts[-1]]
    return readme_name("+".join(parts))


def key_tokens(cell: str) -> set[str]:
    """Every key a README key cell names: backticked ones as written, the rest split on / , and spaces."""
    ticked = _TICKED.findall(cell)
    rest = _TICKED.sub(" ", cell).replace("(", " ").replace(")", " ")
    plain = [t for t in re.split(r"[\s/,]+", rest) if t and t.lower() not in _WORDS]
    return {normalise(t) for t in ticked + plain}


def id_tokens(cell: str) -> list[str]:
    return [t.strip() for t in _TICKED.findall(cell) if _ID.match(t.strip())]


def declared_bindings() -> dict[str, list[tuple[str, Binding]]]:
    """binding id -> [(class name, binding)] for every binding with an id the app declares."""
    import tui.app
    import tui.screens
    import tui.widgets

    modules = [tui.app] + [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for package in (tui.screens, tui.widgets)
        for info in pkgutil.iter_modules(package.__path__)
    ]
    found: dict[str, list[tuple[str, Binding]]] = {}
    for module in modules:
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, DOMNode):
                continue
            for binding in cls.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.id:
                    found.setdefault(binding.id, []).append((name, binding))
    return found


def readme_rows() -> list[tuple[set[str], str, list[str]]]:
    """(keys, does, ids) of every table row in README's `## Keys` section."""
    if "\n## Keys" not in README:
        pytest.skip("README has no '## Keys' section yet (the lead writes it from the engineers' reports); "
                    "this test checks it once it is there")
    section = README.split("\n## Keys", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        match = _ROW.match(line.strip())
        if not match or set(match["keys"].strip()) <= set("-: "):
            continue  # not a row, or the |---| row
        ids = id_tokens(match["ids"])
        if ids:  # the header row and rows of keys without an id have none
            rows.append((key_tokens(match["keys"]), match["does"].strip(), ids))
    return rows


def test_every_binding_id_is_in_the_readme_with_its_keys():
    rows = readme_rows()
    documented: dict[str, set[str]] = {}
    for keys, _does, ids in rows:
        for binding_id in ids:
            documented.setdefault(binding_id, set()).update(keys)
    missing, wrong = [], []
    for binding_id, uses in sorted(declared_bindings().items()):
        _cls, binding = uses[0]
        keys = [readme_name(k) for k in binding.key.split(",") if not k.strip().startswith("super+")]
        if binding_id not in documented:
            shown = " ".join(f"`{k}`" for k in keys)
            missing.append(f"| {shown} | {binding.tooltip or binding.description} | `{binding_id}` |")
        elif not set(keys) <= documented[binding_id]:
            wrong.append(f"{binding_id}: README says {sorted(documented[binding_id])}, the code binds {keys}")
    problems = []
    if missing:
        problems.append("README's key tables (## Keys) lack rows for these ids:\n" + "\n".join(missing))
    if wrong:
        problems.append("README's rows name other keys than the code binds:\n" + "\n".join(wrong))
    assert not problems, "\n\n".join(problems)


def test_every_id_in_the_readme_exists():
    declared = declared_bindings()
    stale = sorted({i for _keys, _does, ids in readme_rows() for i in ids if i not in declared})
    assert not stale, f"README documents binding ids the app does not declare: {stale}"


def test_every_binding_id_is_declared_once():
    shared = {i: [name for name, _ in uses] for i, uses in declared_bindings().items() if len(uses) > 1}
    assert not shared, f"ids declared by several bindings (a [keys] entry would remap them all): {shared}"


def test_the_parser_reads_the_documented_row_format():
    assert readme_name("question_mark") == "?" and readme_name("ctrl+f") == "ctrl+f" and readme_name("R") == "R"
    assert readme_name("enter") == "enter" and readme_name("space") == "space"
    assert readme_name("left_square_bracket") == "["
    assert normalise("Esc") == "escape" and normalise("?") == "?" and normalise("↓") == "down"
    assert normalise("ctrl+PgUp") == "ctrl+pageup" and normalise("R") == "R" and normalise("Enter") == "enter"
    match = _ROW.match("| `j` / `k` (↓ / ↑) | next / previous row | `compare.down` / `compare.up` (`compare.down_alt`) |")
    assert match is not None
    assert key_tokens(match["keys"]) == {"j", "k", "down", "up"}
    assert id_tokens(match["ids"]) == ["compare.down", "compare.up", "compare.down_alt"]
    assert key_tokens("PgDn or space / PgUp") == {"pagedown", "space", "pageup"}
    assert key_tokens("`/`") == {"/"} and key_tokens("ctrl+c") == {"ctrl+c"}
    assert id_tokens("—") == [] and id_tokens("id") == []
