"""Draw the integration's brand icons (brand/icon.png 256 px, icon@2x.png 512 px).

A mortarboard on a rounded blue square, drawn with plain shapes so the result is the same on
every machine (no fonts). Run: .venv/bin/python scripts/make_brand_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

BRAND = Path(__file__).resolve().parents[1] / "custom_components" / "librus" / "brand"
BLUE = (13, 92, 168, 255)
WHITE = (255, 255, 255, 255)
GOLD = (246, 190, 0, 255)


def draw(size: int) -> Image.Image:
    scale = size / 256
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)

    def box(*xy: float) -> list[float]:
        return [v * scale for v in xy]

    pen.rounded_rectangle(box(8, 8, 248, 248), radius=48 * scale, fill=BLUE)
    # The cap's board (a rhombus seen from the front) and its crown below.
    pen.polygon(box(128, 52, 224, 100, 128, 148, 32, 100), fill=WHITE)
    pen.polygon(box(72, 124, 184, 124, 184, 176, 128, 200, 72, 176), fill=WHITE)
    pen.polygon(box(72, 118, 128, 146, 184, 118, 184, 130, 128, 158, 72, 130), fill=BLUE)
    # The tassel.
    pen.line(box(200, 112, 200, 170), fill=GOLD, width=round(8 * scale))
    pen.ellipse(box(190, 166, 210, 190), fill=GOLD)
    return image


def main() -> None:
    BRAND.mkdir(exist_ok=True)
    draw(256).save(BRAND / "icon.png", optimize=True)
    draw(512).save(BRAND / "icon@2x.png", optimize=True)


if __name__ == "__main__":
    main()
