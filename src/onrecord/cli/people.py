"""People commands: list people, show one, and the user's merge/split/alias decisions."""

from __future__ import annotations

from typing import Annotated

import typer

from onrecord.cli.common import DbOption, Fmt, FormatOption, app, fail, open_store_for
from onrecord.errors import OnrecordError
from onrecord.output import print_rows

people_app = typer.Typer(
    help="People, organisations and groups quoted across the store, and decisions about them.",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(people_app, name="people")

PEOPLE_TABLE = ("name", "kind", "statements", "outlets", "first_said", "last_said", "aliases", "id")


@people_app.callback()
def people(
    ctx: typer.Context,
    search: Annotated[
        str | None, typer.Option(help="Only people whose name, an alias or a role contains this.")
    ] = None,
    fmt: FormatOption = Fmt.table,
    db: DbOption = None,
) -> None:
    """List people (and organisations and groups): names, aliases, roles, how often quoted."""
    if ctx.invoked_subcommand is not None:
        return
    from onrecord.views.people import list_people

    try:
        with open_store_for(db) as store:
            rows = list_people(store, search)
    except OnrecordError as error:
        fail(error)
    if fmt is Fmt.table:
        rows = [{**r, "roles": [x["role"] for x in r["roles"]]} for r in rows]
    print_rows(rows, fmt.value, PEOPLE_TABLE, title="People", widths={"aliases": 50})


@app.command()
def person(
    name_or_id: Annotated[str, typer.Argument(help="A person's name, alias or id.")],
    fmt: FormatOption = Fmt.table,
    db: DbOption = None,
) -> None:
    """Show one person: aliases, roles with dates, and everything they were quoted saying."""
    from onrecord.output import to_json
    from onrecord.views.people import person_profile

    try:
        with open_store_for(db) as store:
            profile = person_profile(store, name_or_id)
    except OnrecordError as error:
        fail(error)
    if fmt is Fmt.json:
        typer.echo(to_json([profile])[1:-1].strip())
        return
    quotes = profile.pop("quotes")
    if fmt is Fmt.csv:
        print_rows(
            [{**q, "person_id": profile["id"], "person": profile["name"]} for q in quotes],
            "csv",
            (),
        )
        return
    typer.echo(f"{profile['name']} ({profile['kind']}, {profile['id']})")
    if profile["aliases"]:
        typer.echo("aliases: " + ", ".join(profile["aliases"]))
    for role in profile["roles"]:
        seen = " to ".join(dict.fromkeys(d for d in (role["first_seen"], role["last_seen"]) if d))
        typer.echo(f"role: {role['role']}" + (f" ({seen})" if seen else ""))
    typer.echo(f"{profile['statements']} statements in {profile['outlets']} outlets")
    print_rows(quotes, "table", ("said_on", "outlet", "kind", "text"), widths={"text": 80})


@people_app.command()
def merge(
    keep: Annotated[str, typer.Argument(help="The person to keep (name, alias or id).")],
    other: Annotated[str, typer.Argument(help="The person that is the same (name, alias or id).")],
    db: DbOption = None,
) -> None:
    """Decide that two people are one (kept across re-ingest and rebuilds)."""
    from onrecord.people import merge_people

    _decide(db, lambda store: merge_people(store, keep, other), f"merged {other!r} into {keep!r}")


@people_app.command()
def split(
    name_or_id: Annotated[str, typer.Argument(help="The person to split (name, alias or id).")],
    alias: Annotated[
        list[str],
        typer.Option("--alias", help="A name to move out into a new person (repeatable)."),
    ],
    db: DbOption = None,
) -> None:
    """Move mentions written with the given names out of a person into a new one."""
    from onrecord.people import split_person

    _decide(
        db,
        lambda store: split_person(store, name_or_id, alias),
        f"split {alias} out of {name_or_id!r}",
    )


@people_app.command("alias")
def alias_command(
    name: Annotated[str, typer.Argument(help="The person (name, alias or id).")],
    alias: Annotated[str, typer.Argument(help="Another way the person is written.")],
    db: DbOption = None,
) -> None:
    """Decide that mentions written as ALIAS are NAME."""
    from onrecord.people import alias_person

    _decide(db, lambda store: alias_person(store, name, alias), f"{alias!r} is now {name!r}")


@people_app.command()
def apply(
    path: Annotated[
        str, typer.Argument(help="A people.toml file of merge, split and alias decisions.")
    ],
    db: DbOption = None,
) -> None:
    """Record the decisions of a people.toml file and update people."""
    from onrecord.people import apply_people_file

    _decide(db, lambda store: apply_people_file(store, path), f"applied {path}")


@people_app.command()
def rebuild(db: DbOption = None) -> None:
    """Recompute every person from scratch (decisions are kept and replayed)."""
    from onrecord.people import resolve_people

    _decide(db, resolve_people, "rebuilt people")


def _decide(db: str | None, action, message: str) -> None:
    try:
        with open_store_for(db, create=True) as store:
            action(store)
    except OnrecordError as error:
        fail(error)
    typer.echo(f"onrecord: {message}")
