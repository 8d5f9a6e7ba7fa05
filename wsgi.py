"""Entry point for WSGI servers: ``gunicorn wsgi:app``."""

from directory import create_app

app = create_app()
