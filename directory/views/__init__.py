"""Blueprints, one per front door, plus the error pages."""

from flask import Flask

from directory.views import errors, find, lists, manage, public, reports, site


def register(app: Flask) -> None:
    app.register_blueprint(public.blueprint)
    app.register_blueprint(site.blueprint)
    app.register_blueprint(find.blueprint)
    app.register_blueprint(reports.blueprint)
    app.register_blueprint(lists.blueprint)
    app.context_processor(lists.list_context)
    manage.register(app)
    errors.register(app)
