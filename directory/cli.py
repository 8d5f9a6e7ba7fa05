"""``flask`` commands for running a deployment."""

from flask import Flask


def register(app: Flask) -> None:
    from directory.accounts.commands import users_cli
    from directory.backup.commands import backup_cli
    from directory.demo.commands import demo_cli
    from directory.indexing.commands import search_cli
    from directory.indexing.explain import explain_command
    from directory.insights_commands import insights_cli
    from directory.jobs.commands import jobs_cli
    from directory.listings.commands import listings_cli
    from directory.listings.reminder_commands import reviews_cli
    from directory.postcodes.commands import postcodes_cli
    from directory.support_requests.commands import requests_cli

    app.cli.add_command(postcodes_cli)
    app.cli.add_command(demo_cli)
    search_cli.add_command(explain_command)
    app.cli.add_command(search_cli)
    app.cli.add_command(listings_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(backup_cli)
    app.cli.add_command(insights_cli)
    app.cli.add_command(jobs_cli)
    app.cli.add_command(reviews_cli)
    app.cli.add_command(requests_cli)
