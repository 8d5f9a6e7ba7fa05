"""Build the front-end assets into ``static/dist/``.

For every council file in ``councils/`` this compiles ``static/src/application.scss`` into
a stylesheet with the council's brand colour and system font stack; it bundles
``static/src/application.js`` with esbuild, keeping only the GOV.UK Frontend components it
imports; and it copies the images the CSS refers to and our favicon. Council sites must not
use the GDS Transport typeface or the crown, so no font files and no crown-branded images
are copied.

Every file is named after its content (``dudley.3f2a9c01d4.css``), so browsers may keep it
for a year: a changed file gets a new name. ``static/dist/assets.json`` maps each logical
name (``dudley.css``) to the file that holds it, for the ``asset_url`` template helper.

Run ``npm ci`` first; the build stops with a message when the npm packages are missing.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import brotli

from directory.council import Council, load_council

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "static" / "src"
DIST = ROOT / "static" / "dist"
NODE_MODULES = ROOT / "node_modules"
SASS = NODE_MODULES / ".bin" / "sass"
ESBUILD = NODE_MODULES / ".bin" / "esbuild"
GOVUK = NODE_MODULES / "govuk-frontend"
GOVUK_DIST = GOVUK / "dist" / "govuk"

# The Royal Arms: referenced by the GOV.UK footer's Crown copyright rule, which our own
# footer never uses, so the file is deliberately not shipped.
CROWN_BRANDED_IMAGES = frozenset({"govuk-crest.svg"})
GENERIC_FONT_KEYWORDS = frozenset(
    {
        "serif",
        "sans-serif",
        "monospace",
        "cursive",
        "fantasy",
        "system-ui",
        "ui-serif",
        "ui-sans-serif",
        "ui-monospace",
        "ui-rounded",
        "-apple-system",
        "blinkmacsystemfont",
    }
)
_FONT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-]*$")
_CSS_URL = re.compile(r"""url\(["']?([^"')]+)["']?\)""")
MINIMUM_CONTRAST = 4.5
MANIFEST = DIST / "assets.json"
HASH_LENGTH = 10


class BuildError(RuntimeError):
    """The build cannot go on; the message says what to do."""


def main() -> int:
    try:
        outputs = build()
    except BuildError as error:
        print(f"build_assets: {error}", file=sys.stderr)
        return 1
    for output in outputs:
        data = output.read_bytes()
        gzipped = output.with_name(output.name + ".gz").stat().st_size
        brotlied = output.with_name(output.name + ".br").stat().st_size
        print(
            f"{output.relative_to(ROOT)}: {len(data):,} bytes "
            f"({gzipped:,} gzipped, {brotlied:,} with brotli)"
        )
    return 0


def build() -> list[Path]:
    check_npm_packages()
    councils = [load_council(path) for path in sorted((ROOT / "councils").glob("*.toml"))]
    if not councils:
        raise BuildError("councils/ has no council files to build stylesheets for.")
    if DIST.exists():
        shutil.rmtree(DIST)
    (DIST / "images").mkdir(parents=True)
    stylesheets = [compile_stylesheet(council) for council in councils]
    images = copy_images_used_by(stylesheets)
    outputs = [*images, bundle_script()]
    for stylesheet in stylesheets:
        point_at_hashed_images(stylesheet, images)
    outputs = [name_by_content(path) for path in [*stylesheets, *outputs]]
    write_manifest(outputs)
    for output in outputs:
        precompress(output)
    return outputs


def check_npm_packages() -> None:
    """Fail unless the pinned packages from package.json are installed."""
    wanted = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    if not SASS.exists() or not ESBUILD.exists() or not (GOVUK / "package.json").exists():
        raise BuildError("the npm packages are not installed. Run `npm ci` first.")
    installed = json.loads((GOVUK / "package.json").read_text(encoding="utf-8"))["version"]
    if installed != wanted["govuk-frontend"]:
        raise BuildError(
            f"govuk-frontend {installed} is installed but package.json pins "
            f"{wanted['govuk-frontend']}. Run `npm ci`."
        )


def compile_stylesheet(council: Council) -> Path:
    check_contrast(council)
    entry = (
        '@use "application" with ('
        f"$brand-colour: {council.brand_colour}, "
        f"$font-family: {sass_font_list(council.font_family)});"
    )
    target = DIST / f"{council.code}.css"
    command = [
        str(SASS),
        "--stdin",
        f"--load-path={SOURCE}",
        "--pkg-importer=node",
        "--style=compressed",
        "--no-source-map",
        "--quiet-deps",
        str(target),
    ]
    result = subprocess.run(
        command, input=entry, text=True, capture_output=True, cwd=ROOT, check=False
    )
    if result.returncode != 0:
        raise BuildError(f"Sass failed for {council.code}:\n{result.stderr}")
    if result.stderr.strip():
        print(result.stderr, file=sys.stderr)
    return target


def sass_font_list(font_family: str) -> str:
    """The council's CSS font stack as a Sass list, refusing GDS Transport and odd names."""
    items: list[str] = []
    for raw in font_family.split(","):
        name = raw.strip().strip("\"'").strip()
        if name.lower() == "gds transport":
            raise BuildError(
                "font_family must not include GDS Transport: it is only for GOV.UK. "
                "Use the council's system font stack, like Arial, Helvetica, sans-serif."
            )
        if name.lower() in GENERIC_FONT_KEYWORDS:
            items.append(name)
        elif _FONT_NAME.match(name):
            items.append(f'"{name}"')
        else:
            raise BuildError(f"font_family has {raw.strip()!r}, which is not a font name.")
    return "(" + ", ".join(items) + ")"


def check_contrast(council: Council) -> None:
    """The header shows white text on the brand colour: it must meet WCAG AA (4.5:1)."""
    ratio = (1.0 + 0.05) / (relative_luminance(council.brand_colour) + 0.05)
    if ratio < MINIMUM_CONTRAST:
        raise BuildError(
            f"{council.code}: white text on brand_colour {council.brand_colour} has a contrast "
            f"of {ratio:.2f}:1; WCAG AA needs {MINIMUM_CONTRAST}:1. Choose a darker colour."
        )


def relative_luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of a ``#rrggbb`` colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def copy_images_used_by(stylesheets: list[Path]) -> list[Path]:
    wanted: set[str] = set()
    for stylesheet in stylesheets:
        wanted.update(_CSS_URL.findall(stylesheet.read_text(encoding="utf-8")))
    outputs = []
    for reference in sorted(wanted):
        if reference.startswith("data:"):
            continue
        if not reference.startswith("images/"):
            raise BuildError(f"the CSS refers to {reference}, which is not an image to ship.")
        name = reference.removeprefix("images/")
        if name in CROWN_BRANDED_IMAGES:
            continue
        source = GOVUK_DIST / "assets" / "images" / name
        if not source.exists():
            raise BuildError(f"the CSS refers to {reference}, which GOV.UK Frontend lacks.")
        outputs.append(Path(shutil.copy2(source, DIST / "images" / name)))
    favicon = shutil.copy2(SOURCE / "images" / "favicon.svg", DIST / "images" / "favicon.svg")
    return [*outputs, Path(favicon)]


def bundle_script() -> Path:
    """``application.js`` and the parts of GOV.UK Frontend it imports, as one small module."""
    target = DIST / "application.js"
    command = [
        str(ESBUILD),
        str(SOURCE / "application.js"),
        "--bundle",
        "--format=esm",
        "--minify",
        "--legal-comments=none",
        "--log-level=warning",
        f"--outfile={target}",
    ]
    result = subprocess.run(command, text=True, capture_output=True, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise BuildError(f"esbuild failed:\n{result.stderr}")
    return target


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:HASH_LENGTH]


def hashed_name(path: Path, data: bytes) -> str:
    """``dudley.css`` -> ``dudley.<hash of its content>.css``."""
    return f"{path.stem}.{content_hash(data)}{path.suffix}"


def name_by_content(path: Path) -> Path:
    hashed = path.with_name(hashed_name(path, path.read_bytes()))
    path.rename(hashed)
    return hashed


def point_at_hashed_images(stylesheet: Path, images: list[Path]) -> None:
    """Refer to each image the stylesheet uses by its content-hashed name."""
    names = {
        f"images/{image.name}": f"images/{hashed_name(image, image.read_bytes())}"
        for image in images
    }
    css = stylesheet.read_text(encoding="utf-8")
    stylesheet.write_text(
        _CSS_URL.sub(
            lambda match: match.group(0).replace(
                match.group(1), names.get(match.group(1), match.group(1))
            ),
            css,
        ),
        encoding="utf-8",
    )


def precompress(path: Path) -> None:
    """Brotli and gzip copies at their best settings, for browsers that accept them.

    The app sends these instead of compressing each time; built once, they are smaller
    than compression on the fly can afford to be.
    """
    data = path.read_bytes()
    path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def write_manifest(outputs: list[Path]) -> None:
    """``assets.json``: logical name -> content-hashed name, both relative to ``DIST``."""
    entries = {}
    for output in outputs:
        hashed = output.relative_to(DIST).as_posix()
        stem, digest, suffix = output.name.rsplit(".", 2)
        assert len(digest) == HASH_LENGTH, output
        entries[hashed.replace(output.name, f"{stem}.{suffix}")] = hashed
    MANIFEST.write_text(json.dumps(entries, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
