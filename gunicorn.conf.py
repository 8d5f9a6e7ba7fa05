"""gunicorn's settings, read from the working directory: access logs without query strings,
and workers forked from an app built once.

``%(U)s`` is the path alone, so a family's postcode and search words (in the query
string) never reach a log file. No user agent or referrer is logged either, and
``AccessLog`` (``directory.access_log``) makes only the fields this format writes.

``preload_app``: the master builds the app (``wsgi:app``) and loads what every worker's
first page would (:func:`directory.warming.warm`) before it forks the workers, so a new
worker (at start, or replacing one that died) serves at once instead of building the app
itself, and the workers share the memory the app was built in. Each worker drops the
master's database connections (:func:`directory.warming.forked`). New code needs a
restart of the master (or ``kill -USR2``): ``kill -HUP`` forks new workers from the app
the master already holds.
"""

import gc
import sys

accesslog = "-"
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
logger_class = "directory.access_log.AccessLog"
preload_app = True


def when_ready(server):
    """In the master, the app built, before the first worker forks."""
    built = sys.modules.get("wsgi")
    if built is None:  # not preloaded (``--no-preload`` or another app)
        return
    from directory.warming import warm

    warm(built.app)
    gc.freeze()  # the collector leaves the app's objects alone: their pages stay shared


def post_fork(server, worker):
    """In each worker, just forked from the master."""
    built = sys.modules.get("wsgi")
    if built is not None:
        from directory.warming import forked

        forked(built.app)
