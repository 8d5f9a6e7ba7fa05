"""Build the front-end assets into ``static/dist/``.

For every council file in ``councils/`` this compiles ``static/src/application.scss`` into
``static/dist/<council code>.css`` with the council's brand colour and system font stack,
then copies GOV.UK Frontend's JavaScript, our own ``application.js``, the images the CSS
refers to and our favicon. Council sites must not use the GDS Transport typeface or the
crown, so no font files and no crown-branded images are copied.

Run ``npm ci`` first; the build stops with a message when the npm packages are missing.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from directory.council import Council, load_council

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "static" / "src"
DIST = ROOT / "static" / "dist"
NODE_MODULES = ROOT / "node_modules"
SASS = NODE_MODULES / ".bin" / "sass"
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
        gzipped = len(gzip.compress(data, compresslevel=9))
        print(f"{output.relative_to(ROOT)}: {len(data):,} bytes ({gzipped:,} gzipped)")
    return 0


def build() -> list[Path]:
    check_npm_packages()
    councils = [load_council(path) for path in sorted((ROOT / "councils").glob("*.toml"))]
    if not councils:
        raise BuildError("councils/ has no council files to build stylesheets for.")
    if DIST.exists():
        shutil.rmtree(DIST)
    (DIST / "images").mkdir(parents=True)
    outputs = [compile_stylesheet(council) for council in councils]
    outputs += copy_images_used_by(outputs)
    outputs += copy_scripts()
    return outputs


def check_npm_packages() -> None:
    """Fail unless the pinned packages from package.json are installed."""
    wanted = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    if not SASS.exists() or not (GOVUK / "package.json").exists():
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


def copy_scripts() -> list[Path]:
    sources = (GOVUK_DIST / "govuk-frontend.min.js", SOURCE / "application.js")
    return [Path(shutil.copy2(source, DIST / source.name)) for source in sources]


if __name__ == "__main__":
    sys.exit(main())
