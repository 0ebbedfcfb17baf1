"""`rashomon alias add|list|remove`: the user's table of names that are the same thing."""

from __future__ import annotations

import click

from tui.commands import db_option, emit_json, fail, notice, open_store, reviewer_name, reviewer_option, safe

KINDS = ["place", "person", "organization", "outlet"]


@click.group("alias")
def alias_group() -> None:
    """Names that are the same place, person, organisation or outlet.

    Spelling variants that share a transliteration key (Deir Ezzor, Deir al-Zor, Deir ez-Zour;
    Valery, Valeriy) and a built-in table of well-known names (Islamic State, IS, ISIS, Daesh)
    need no alias. Adding or removing one re-analyses the events whose articles mention either
    name; discrepancies it does not touch keep their ids and reviews.
    """


@alias_group.command("add")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("variant")
@click.argument("canonical")
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout: the alias and the events re-analysed.")
@reviewer_option
@db_option
def alias_add(kind: str, variant: str, canonical: str, as_json: bool, reviewer: str | None) -> None:
    """Record that VARIANT names the same KIND as CANONICAL, and re-score the events it touches.

    \b
    Examples:
      rashomon alias add place "Nikolaev" "Mykolaiv"
      rashomon alias add organization "Hayat Tahrir al-Sham" "HTS"
    """
    from store.aliases import add_alias
    from store.db import StoreError, retrying

    db = open_store()
    try:
        change = retrying(lambda: add_alias(db, kind, variant, canonical, reviewer_name(reviewer)))
    except StoreError as exc:
        fail(str(exc))
    if as_json:
        emit_json(change.to_json())
        return
    if change.action == "unchanged":
        notice(f"{kind} alias {safe(change.alias.variant)} -> {safe(change.alias.canonical)} already recorded")
        return
    notice(
        f"{change.action} {kind} alias {safe(change.alias.variant)} -> {safe(change.alias.canonical)}; "
        f"re-analysed {len(change.analysed)} of {len(change.events)} event(s) mentioning them"
    )


@alias_group.command("list")
@click.option("--kind", type=click.Choice(KINDS), help="Only this kind.")
@click.option("--builtin", is_flag=True, help="Also list the built-in table of well-known names.")
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout.")
@db_option
def alias_list(kind: str | None, builtin: bool, as_json: bool) -> None:
    """List the aliases: kind, variant, canonical name.

    \b
    Example:
      rashomon alias list --json | jq '.[] | select(.kind == "place")'
    """
    from store.aliases import builtin_aliases, list_aliases

    db = open_store()
    rows = [dict(r, origin="user") for r in list_aliases(db, kind)]
    if builtin:
        rows += [dict(r, origin="builtin", created_at=None) for r in builtin_aliases() if kind in (None, r["kind"])]
    if as_json:
        emit_json(rows)
        return
    if not rows:
        notice("no aliases yet; add one with `rashomon alias add KIND VARIANT CANONICAL`")
        return
    for r in rows:
        origin = " (built-in)" if r["origin"] == "builtin" else ""
        click.echo(f"{r['kind']:<13} {safe(r['variant'])} -> {safe(r['canonical'])}{origin}")


@alias_group.command("remove")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("variant")
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout: the alias removed and the events re-analysed.")
@reviewer_option
@db_option
def alias_remove(kind: str, variant: str, as_json: bool, reviewer: str | None) -> None:
    """Forget the alias of VARIANT (any spelling with the same key), and re-score its events.

    \b
    Example:
      rashomon alias remove place "Nikolaev"
    """
    from store.aliases import remove_alias
    from store.common import NotFound
    from store.db import StoreError, retrying

    db = open_store()
    try:
        change = retrying(lambda: remove_alias(db, kind, variant, reviewer_name(reviewer)))
    except (NotFound, StoreError) as exc:
        fail(str(exc))
    if as_json:
        emit_json(change.to_json())
        return
    notice(
        f"removed {kind} alias {safe(change.alias.variant)} -> {safe(change.alias.canonical)}; "
        f"re-analysed {len(change.analysed)} of {len(change.events)} event(s) mentioning them"
    )
