"""Blueprints, one per front door, plus the error pages."""

from flask import Flask

from directory.views import errors, find, manage, public, reports, site


def register(app: Flask) -> None:
    app.register_blueprint(public.blueprint)
    app.register_blueprint(site.blueprint)
    app.register_blueprint(find.blueprint)
    app.register_blueprint(reports.blueprint)
    manage.register(app)
    errors.register(app)
