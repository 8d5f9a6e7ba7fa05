"""Which links may be shown as links: http, https, tel and mailto, never script or data;
and which paths may be gone back to after a step (this site's own)."""

from __future__ import annotations

from urllib.parse import urlsplit

SAFE_LINK_SCHEMES = frozenset({"http", "https", "tel", "mailto"})


def safe_link(value: str | None) -> bool:
    """Whether ``value`` is a link with a safe scheme (and a host, for web addresses)."""
    if not value:
        return False
    parts = urlsplit(value.strip())
    scheme = parts.scheme.lower()
    if scheme not in SAFE_LINK_SCHEMES:
        return False
    return scheme in {"tel", "mailto"} or bool(parts.netloc)


def shown_link(value: str | None) -> str | None:
    """``value`` if it is safe to put in an ``href``; None (show no link) if it is not.

    The write path refuses unsafe links, but rows written before it, or by hand, may
    still hold one, so pages check again when they draw the link.
    """
    return value.strip() if value and safe_link(value) else None


def safe_local_path(target: str | None) -> str:
    """``target`` if it is a path on this site, otherwise the home page.

    Browsers read ``//host``, ``/\\host`` and paths with tabs or newlines in them as
    addresses on other sites, so anything but a plain local path is refused.
    """
    if (
        not target
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
        or any(ord(character) < 32 or ord(character) == 127 for character in target)
    ):
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return "/"
    return target
