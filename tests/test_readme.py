"""README is the front door: its command table and key tables must match the program."""

from __future__ import annotations

import re
from pathlib import Path

import click

from tui.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _command_paths(group: click.Group, prefix: str = "") -> list[str]:
    paths = []
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        if isinstance(command, click.Group):
            paths.extend(_command_paths(command, full + " "))
        else:
            paths.append(full)
    return paths


def test_every_command_is_in_the_readme_command_table():
    table = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    missing = [p for p in _command_paths(cli) if f"`rashomon {p}" not in table and f"alias `{p}`" not in table]
    assert missing == []


def test_the_two_set_up_commands_come_first():
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert "pip install ." in blocks[0] and "rashomon" in blocks[0]
    assert "pip install -e '.[test]'" in blocks[1] and "python -m pytest" in blocks[1]
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1].strip() in ci


def test_every_command_has_help_with_an_example():
    for path in _command_paths(cli):
        command = cli
        for part in path.split():
            command = command.commands[part]  # type: ignore[union-attr]
        assert command.help, path
        assert "Example" in command.help or path in ("analyze",), path
