"""Static files: content-hashed names that browsers keep for a year, sent precompressed.

``scripts/build_assets.py`` names each built file after its content and writes
``static/dist/assets.json`` (logical name -> hashed name). Templates ask for a logical name
with ``asset_url("dudley.css")`` and get the hashed address. Only those hashed files are
sent with ``Cache-Control: public, max-age=31536000, immutable``: a changed file has a new
name, so a kept copy is never stale. The build also writes brotli and gzip copies at their
best settings; the browser gets the best one it accepts. Anything else under ``static/``
is sent as Flask would, to be revalidated on each use.
"""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Callable
from pathlib import Path

from flask import Flask, Response, current_app, request, send_from_directory, url_for

from directory.config import PROJECT_ROOT

DIST = PROJECT_ROOT / "static" / "dist"
MANIFEST = DIST / "assets.json"
IMMUTABLE = "public, max-age=31536000, immutable"
# Content-Encoding -> the suffix of the precompressed copy, in order of preference.
PRECOMPRESSED = (("br", ".br"), ("gzip", ".gz"))


class AssetsNotBuilt(RuntimeError):
    """The built assets are missing or older than a template expects; run the build."""


class AssetManifest:
    """``static/dist/assets.json``, read once per process: a page links three assets, and
    the built names change only with a build, which a release follows with a restart.
    Where ``recheck()`` says so (a development server, ``app.debug``), the file's time is
    checked at each use and the manifest read again whenever the build rewrites it."""

    def __init__(self, path: Path, recheck: Callable[[], bool] = lambda: True) -> None:
        self.path = path
        self.recheck = recheck
        self._stamp: int | None = None
        self._names: dict[str, str] = {}
        self._hashed: frozenset[str] = frozenset()

    def _current(self) -> None:
        if self._stamp is not None and not self.recheck():
            return
        try:
            stamp = self.path.stat().st_mtime_ns
        except FileNotFoundError:
            raise AssetsNotBuilt(
                f"{self.path} is missing: build the assets with `make setup`."
            ) from None
        if stamp != self._stamp:
            self._names = json.loads(self.path.read_text(encoding="utf-8"))
            self._hashed = frozenset(self._names.values())
            self._stamp = stamp

    def hashed(self, name: str) -> str:
        """The content-hashed file (relative to ``static/dist``) holding ``name``."""
        self._current()
        try:
            return self._names[name]
        except KeyError:
            raise AssetsNotBuilt(
                f"{name} is not among the built assets in {self.path}: run `make setup`."
            ) from None

    def is_hashed(self, relative: str) -> bool:
        try:
            self._current()
        except AssetsNotBuilt:
            return False
        return relative in self._hashed


def install(app: Flask) -> None:
    manifest = AssetManifest(MANIFEST, recheck=lambda: app.debug)
    app.extensions["assets"] = manifest

    def asset_url(name: str) -> str:
        return url_for("static", filename=f"dist/{manifest.hashed(name)}")

    app.add_template_global(asset_url)
    app.view_functions["static"] = _send_static


def _send_static(filename: str) -> Response:
    manifest: AssetManifest = current_app.extensions["assets"]
    relative = filename.removeprefix("dist/")
    if relative == filename or not manifest.is_hashed(relative):
        return current_app.send_static_file(filename)
    response = _send_precompressed(relative)
    response.headers["Cache-Control"] = IMMUTABLE
    response.vary.add("Accept-Encoding")
    return response


def _send_precompressed(relative: str) -> Response:
    """The brotli or gzip copy when the browser takes it, else the file itself."""
    mimetype = mimetypes.guess_type(relative)[0] or "application/octet-stream"
    for encoding, suffix in PRECOMPRESSED:
        if request.accept_encodings[encoding] and (DIST / (relative + suffix)).is_file():
            response = send_from_directory(DIST, relative + suffix, mimetype=mimetype)
            response.headers["Content-Encoding"] = encoding
            return response
    return send_from_directory(DIST, relative, mimetype=mimetype)
