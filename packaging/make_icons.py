"""Draws the app icon and writes it in every format the installers need (needs Pillow; run by hand).

The outputs (icons/app.png, app.ico, app.icns) are committed so that builds need no image library.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent / "icons"
SIZE = 1024


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((64, 64, SIZE - 64, SIZE - 64), radius=190, fill=(28, 63, 110, 255))
    # A page with text lines: the policy under review.
    pen.rounded_rectangle((250, 170, 700, 800), radius=40, fill=(247, 248, 250, 255))
    for row, width in enumerate((330, 290, 330, 240, 310)):
        top = 260 + row * 90
        pen.rounded_rectangle((310, top, 310 + width, top + 34), radius=17, fill=(150, 164, 184, 255))
    # A green check badge: the checklist item confirmed.
    pen.ellipse((520, 520, 880, 880), fill=(46, 160, 90, 255), outline=(255, 255, 255, 255), width=28)
    pen.line([(600, 705), (675, 780), (800, 630)], fill=(255, 255, 255, 255), width=52, joint="curve")
    return image


def main() -> None:
    HERE.mkdir(exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.Resampling.LANCZOS).save(HERE / "app.png")
    image.save(
        HERE / "app.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
    )
    image.save(HERE / "app.icns")


if __name__ == "__main__":
    main()
