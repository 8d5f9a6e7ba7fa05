"""Reading the QR codes pages draw, as a phone would: from pixels, with zxing-cpp.

Pages draw them as segno's SVG (a ``data:`` URL): one path of horizontal runs a module
high. The runs are painted into a pixel image here, so zxing-cpp reads what a camera
would see rather than the address the test already knows.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

import numpy
import zxingcpp

_IMAGE = re.compile(r'src="(data:image/svg\+xml[^"]+)"')
_STEP = re.compile(r"([Mmh])(-?[\d.]+)(?:\s+(-?[\d.]+))?")
PIXELS_PER_MODULE = 4


def qr_codes_in(page: str) -> list[str]:
    """The text of every QR code image on ``page``."""
    return [decode_svg(unquote(html.unescape(src))) for src in _IMAGE.findall(page)]


def decode_svg(svg: str) -> str:
    width = int(float(re.search(r"width=['\"]([\d.]+)", svg).group(1)))  # type: ignore[union-attr]
    scale = float(re.search(r"scale\(([\d.]+)\)", svg).group(1))  # type: ignore[union-attr]
    modules = round(width / scale)
    grid = numpy.full((modules, modules), 255, dtype=numpy.uint8)
    path = re.search(r" d=['\"]([^'\"]+)", svg).group(1)  # type: ignore[union-attr]
    x = y = 0.0
    for command, first, second in _STEP.findall(path):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            row, start = int(y), int(x)
            grid[row, start : start + int(float(first))] = 0
            x += float(first)
    image = numpy.kron(grid, numpy.ones((PIXELS_PER_MODULE, PIXELS_PER_MODULE), numpy.uint8))
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1, f"{len(found)} QR codes read from one image"
    return found[0].text
