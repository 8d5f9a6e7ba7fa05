"""The front-end build: council-branded CSS with no GDS fonts or crown, and our scripts."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import os
import re
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import brotli
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from directory.assets import AssetManifest, AssetsNotBuilt
from directory.config import DEFAULT_COUNCIL_FILE, PROJECT_ROOT
from directory.council import load_council


@pytest.fixture(scope="module")
def build_script() -> ModuleType:
    path = PROJECT_ROOT / "scripts" / "build_assets.py"
    spec = importlib.util.spec_from_file_location("build_assets", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _built(built_assets: Path, name: str) -> Path:
    manifest = json.loads((built_assets / "assets.json").read_text(encoding="utf-8"))
    return built_assets / manifest[name]


def test_council_stylesheet_has_its_brand_colour_and_fonts(built_assets: Path) -> None:
    css = _built(built_assets, "dudley.css").read_text(encoding="utf-8")

    assert "#005a5b" in css
    assert 'font-family:"Arial","Helvetica",sans-serif' in css
    assert "GDS Transport" not in css
    assert "@font-face" not in css
    assert "\n" not in css.strip(), "the stylesheet should be compressed"


def test_build_ships_scripts_and_favicon_but_no_fonts_or_crown(built_assets: Path) -> None:
    shipped = {path.relative_to(built_assets).as_posix() for path in built_assets.rglob("*")}

    manifest = json.loads((built_assets / "assets.json").read_text(encoding="utf-8"))
    assert {"application.js", "dudley.css", "doncaster.css", "images/favicon.svg"} == set(manifest)
    assert set(manifest.values()) <= shipped
    assert not any(
        re.search(r"\.(woff2?|ttf|otf)$|crest|govuk-icon|manifest", name) for name in shipped
    )


def test_every_built_file_is_named_after_its_content(built_assets: Path) -> None:
    manifest = json.loads((built_assets / "assets.json").read_text(encoding="utf-8"))
    for logical, hashed in manifest.items():
        data = (built_assets / hashed).read_bytes()
        stem, suffix = logical.rsplit(".", 1)
        digest = hashlib.sha256(data).hexdigest()[:10]
        assert hashed == f"{stem}.{digest}.{suffix}"


def test_every_built_file_has_brotli_and_gzip_copies_of_the_same_content(
    built_assets: Path,
) -> None:
    manifest = json.loads((built_assets / "assets.json").read_text(encoding="utf-8"))
    for hashed in manifest.values():
        data = (built_assets / hashed).read_bytes()
        assert brotli.decompress((built_assets / f"{hashed}.br").read_bytes()) == data
        assert gzip.decompress((built_assets / f"{hashed}.gz").read_bytes()) == data


def test_script_is_one_small_bundle_of_the_components_used(built_assets: Path) -> None:
    script = _built(built_assets, "application.js")
    code = script.read_text(encoding="utf-8")

    assert "import " not in code and "import(" not in code, "the bundle should stand alone"
    for used in ("govuk-exit-this-page", "govuk-checkboxes", "govuk-button", "govuk-skip-link"):
        assert used in code
    for unused in ("govuk-accordion", "govuk-tabs", "govuk-file-upload", "govuk-password-input"):
        assert unused not in code
    assert len((built_assets / f"{script.name}.gz").read_bytes()) <= 15 * 1024
    assert len((built_assets / f"{script.name}.br").read_bytes()) <= 15 * 1024


@pytest.mark.parametrize(
    ("font_family", "expected"),
    [
        ("Arial, Helvetica, sans-serif", '("Arial", "Helvetica", sans-serif)'),
        ("'Open Sans', system-ui", '("Open Sans", system-ui)'),
    ],
)
def test_font_stack_becomes_a_sass_list(
    build_script: ModuleType, font_family: str, expected: str
) -> None:
    assert build_script.sass_font_list(font_family) == expected


@pytest.mark.parametrize(
    "font_family", ['"GDS Transport", arial, sans-serif', "Arial); @import 'x'"]
)
def test_build_refuses_gds_transport_and_odd_font_names(
    build_script: ModuleType, font_family: str
) -> None:
    with pytest.raises(build_script.BuildError):
        build_script.sass_font_list(font_family)


@pytest.mark.parametrize("colour", ["#5694ca", "#ffdd00"])
def test_build_refuses_a_brand_colour_too_pale_for_white_text(
    build_script: ModuleType, colour: str
) -> None:
    council = replace(load_council(DEFAULT_COUNCIL_FILE), brand_colour=colour)

    with pytest.raises(build_script.BuildError, match="contrast"):
        build_script.check_contrast(council)


def test_build_accepts_govuk_blue(build_script: ModuleType) -> None:
    build_script.check_contrast(replace(load_council(DEFAULT_COUNCIL_FILE), brand_colour="#1d70b8"))


def test_build_stops_when_npm_packages_are_missing(
    build_script: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(build_script, "SASS", tmp_path / "missing" / "sass")

    with pytest.raises(build_script.BuildError, match="npm ci"):
        build_script.check_npm_packages()


def test_babel_config_extracts_template_text() -> None:
    with (PROJECT_ROOT / "babel.cfg").open(encoding="utf-8") as file:
        method_map, options_map = parse_mapping_cfg(file, "babel.cfg")

    messages = {
        message
        for _filename, _line, message, _comments, _context in extract_from_dir(
            str(PROJECT_ROOT), method_map, options_map
        )
    }

    assert "Page not found" in messages
    assert "Skip to main content" in messages
    assert "Run by %(council)s" in messages


@pytest.mark.parametrize("recheck", [False, True])
def test_the_manifest_is_read_once_unless_told_to_look_again(tmp_path: Path, recheck: bool) -> None:
    """A page links three assets: the manifest is read once per process, and read again
    after a build only where the app says so (a development server)."""
    path = tmp_path / "assets.json"
    path.write_text(json.dumps({"application.js": "application.1111.js"}), encoding="utf-8")
    manifest = AssetManifest(path, recheck=lambda: recheck)
    assert manifest.hashed("application.js") == "application.1111.js"
    path.write_text(json.dumps({"application.js": "application.2222.js"}), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    expected = "application.2222.js" if recheck else "application.1111.js"
    assert manifest.hashed("application.js") == expected
    assert manifest.is_hashed(expected)


def test_a_missing_manifest_is_looked_for_again(tmp_path: Path) -> None:
    manifest = AssetManifest(tmp_path / "assets.json", recheck=lambda: False)
    with pytest.raises(AssetsNotBuilt):
        manifest.hashed("application.js")
    (tmp_path / "assets.json").write_text('{"application.js": "a.1.js"}', encoding="utf-8")
    assert manifest.hashed("application.js") == "a.1.js"
