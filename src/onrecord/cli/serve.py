"""The `serve` command: the HTTP API and the search page over a store."""

from __future__ import annotations

from typing import Annotated

import typer

from onrecord.cli.common import DbOption, app, fail, open_store_for
from onrecord.errors import OnrecordError


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port (0: any free port).")] = 8000,
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option(help="Do not log each request.")] = False,
) -> None:
    """Serve the HTTP API (/api/...) and the search page (/) until interrupted."""
    from onrecord.api import make_server

    try:
        open_store_for(db).close()  # a missing store is an error, not a new empty one
        server = make_server(db, host, port, quiet=quiet)
    except OnrecordError as error:
        fail(error)
    except OSError as error:
        typer.echo(f"onrecord: error: cannot listen on {host}:{port} ({error.strerror})", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"Serving {server.location} on {server.url} (Ctrl-C to stop)", err=True)
    with server:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            typer.echo("onrecord: stopped", err=True)
