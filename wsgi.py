"""Entry point for WSGI servers (``gunicorn wsgi:app``) and the ``flask`` command."""

from directory import create_app
from directory.config import ConfigError
from directory.council import CouncilFileError

try:
    app = create_app()
except (ConfigError, CouncilFileError) as error:
    raise SystemExit(f"Signpost cannot start: {error}") from None
