"""Logs never hold a family's search words or postcode, nor anyone's email address.

Every log record, from any logger (the app's, werkzeug's, gunicorn's, SQLAlchemy's), is
scrubbed as it is made: query strings are cut from anything that looks like a URL, full
postcodes in any spelling and email addresses are replaced, and during a request every
value the request sent (its query string, and its form once read) is replaced wherever it
appears, word by word, in the message and in the traceback. Database errors never quote a
statement's values (``hide_parameters`` in ``Config.engine_options``), and the access logs
of ``flask run`` (``directory.insights``) and gunicorn (``gunicorn.conf.py``) keep paths
without queries.
A few form fields are never replaced: those the site itself fills in, and ``role``, whose
values are the staff roles' names (not personal, and needed to read a security event).
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Iterable
from typing import Any

from flask import has_request_context, request

REDACTED = "[redacted]"
_QUERY = re.compile(r"(?P<path>/[^\s?\"'#]*)\?[^\s\"'#]*")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?[\s_-]*\d[A-Z]{2}\b", re.IGNORECASE)
_EMAIL = re.compile(r"[^\s@\"'<>()\[\],;:]+@[^\s@\"'<>()\[\],;:]+")
"""Anything either side of an @ up to a space or a quote: every email address, and more."""
_WORD = re.compile(r"[^\W_]{2,}")
_NOT_SENT_BY_A_PERSON = {"csrf_token", "version", "action", "page", "role"}
_MARK = "_signpost_scrubs_logs"


def install() -> None:
    """Scrub every log record this process makes from now on (once per process)."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, _MARK, False):
        return

    def scrubbed_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        scrub_record(record)
        return record

    setattr(scrubbed_record, _MARK, True)
    logging.setLogRecordFactory(scrubbed_record)


def scrub_record(record: logging.LogRecord) -> None:
    sent = _request_words()
    try:
        message = record.getMessage()
    except (TypeError, ValueError):
        message = str(record.msg)
    record.msg, record.args = scrub(message, sent), None
    if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
        text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        record.exc_text = scrub(text, sent)


def scrub(text: str, sent: Iterable[str] = ()) -> str:
    """``text`` without query strings, postcodes, email addresses, or any of the words
    ``sent``."""
    text = _QUERY.sub(lambda match: f"{match['path']}?{REDACTED}", text)
    text = _POSTCODE.sub(REDACTED, text)
    text = _EMAIL.sub(REDACTED, text)
    words = sorted(
        {word for word in sent if len(word) >= 3 or any(c.isdigit() for c in word)},
        key=len,
        reverse=True,
    )
    if words:
        pattern = re.compile(
            r"(?<![^\W_])(?:" + "|".join(map(re.escape, words)) + r")(?![^\W_])", re.IGNORECASE
        )
        text = pattern.sub(REDACTED, text)
    return text


def _request_words() -> set[str]:
    """The words of every value the current request sent (none outside a request)."""
    if not has_request_context():
        return set()
    values: list[str] = []
    try:
        sources = [request.args]
        if "form" in request.__dict__:  # only a form already read: never read the body here
            sources.append(request.form)
        for source in sources:
            for name, value in source.items(multi=True):
                if name not in _NOT_SENT_BY_A_PERSON:
                    values.append(value)
    except Exception:  # a log call must never fail because of a malformed request
        return set()
    return {word for value in values for word in _WORD.findall(value)}
