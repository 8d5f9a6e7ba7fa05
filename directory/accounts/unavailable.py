"""Staff sign-in cannot work now: the session store or the shared rate-limit counters are
failing. Staff pages say so (503, "try again later"); the family site carries on."""

from __future__ import annotations

from werkzeug.exceptions import HTTPException


class SignInUnavailable(HTTPException):
    code = 503
    description = "Staff sign-in is unavailable."


class SessionStoreUnavailable(SignInUnavailable):
    """A page that needs a session could not read or write it."""

    description = "The session store is not answering."


class RateLimitStoreUnavailable(SignInUnavailable):
    """Sign-in attempts cannot be counted where every worker sees them, so none are taken."""

    description = "The rate-limit store is not answering."
