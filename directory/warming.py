"""A server that builds the app once and forks its workers from it (gunicorn's
``preload_app``, see ``gunicorn.conf.py``): what to load before the fork, and what each
worker must not inherit.

Whatever the parent has loaded, a forked worker has at no cost (its memory is shared
until written), so the parent also loads what every worker's first results page would
otherwise load for itself, none of which opens a connection, an index or a thread: every
template compiled, the word lists a search's words are kept for insights by, and the
council's levels and places as the search form reads them. What a
worker must not share with its parent or its siblings is a database connection: the
parent's pools are emptied in each worker, which then opens its own. The search index,
the follower thread and the search notes' timer are opened or started by each process
when first needed (they check the process id), never by the parent.
"""

from __future__ import annotations

from flask import Flask

from directory import anonymous_words
from directory.extensions import db
from directory.finding import practitioner_words


def warm(app: Flask) -> None:
    """Load what each worker's first page would: templates, the insights word lists, the
    council's levels and places as a search form reads them."""
    for name in app.jinja_env.list_templates():
        app.jinja_env.get_template(name)
    anonymous_words.load_word_lists()
    practitioner_words.vocabulary(app.extensions["council"])


def forked(app: Flask) -> None:
    """In a worker just forked from the parent: forget the parent's database connections
    (closing them here would close the parent's too, so they are dropped, not closed)."""
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose(close=False)
