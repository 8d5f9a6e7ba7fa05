"""``flask users ...``: make the first admin, who then invites everyone else from the site."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from directory.accounts.passwords import password_problem
from directory.accounts.users import AccountError, create_user
from directory.models import Role

users_cli = AppGroup("users", help="Staff accounts.")


@users_cli.command("create-admin")
@click.option("--email", prompt="Email address", help="The admin's email address.")
@click.option("--name", prompt="Full name", help="The admin's full name.")
@click.password_option(
    "--password",
    prompt="Password (10 characters or more; a few words together make a good one)",
    help="Asked for when not given (never pass it on a shared machine's command line).",
)
def create_admin_command(email: str, name: str, password: str) -> None:
    """Make an admin account. They set up their one-time codes when they first sign in."""
    council = current_app.extensions["council"]
    problem = password_problem(
        password, names=(council.name, council.area_name, council.service_name), email=email
    )
    if problem:
        raise click.ClickException(problem)
    if "@" not in email or not name.strip():
        raise click.ClickException("Give an email address and a name.")
    try:
        user = create_user(email, name, Role.ADMIN, password)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"Made the admin {user.email}. Sign in at /manage/sign-in and set up your "
        "authenticator app."
    )
