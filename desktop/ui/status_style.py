"""How statuses, suggestions and severities look: labels, keys, colours for light and dark palettes, icons.

Colours are chosen per palette (a lighter tone on a dark window), never a fixed light-only value, and every
status also has a distinct icon shape so it does not rely on colour alone.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

from desktop.core.review import ReviewStatus
from desktop.core.suggestion import SuggestedStatus

# The one-keystroke status keys, in the order the item pane shows its buttons.
STATUS_KEYS: dict[ReviewStatus, str] = {
    "addressed": "1",
    "partial": "2",
    "missing": "3",
    "not_applicable": "4",
    "unreviewed": "5",
}

SUGGESTION_LABELS: dict[SuggestedStatus, str] = {
    "addressed": "Addressed",
    "partial": "Partial",
    "not_found": "Not found",
}

# What accepting a suggestion sets the decision to.
SUGGESTION_TO_STATUS: dict[SuggestedStatus, ReviewStatus] = {
    "addressed": "addressed",
    "partial": "partial",
    "not_found": "missing",
}

SEVERITY_LABELS = {"high": "High", "medium": "Medium", "low": "Low"}

_LIGHT: dict[str, str] = {
    "unreviewed": "#6b7280",
    "addressed": "#15803d",
    "partial": "#b45309",
    "missing": "#b91c1c",
    "not_applicable": "#4b5563",
    "high": "#b91c1c",
    "medium": "#b45309",
    "low": "#4b5563",
}
_DARK: dict[str, str] = {
    "unreviewed": "#9ca3af",
    "addressed": "#4ade80",
    "partial": "#fbbf24",
    "missing": "#f87171",
    "not_applicable": "#cbd5e1",
    "high": "#f87171",
    "medium": "#fbbf24",
    "low": "#cbd5e1",
}


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def tone(name: str, palette: QPalette | None = None) -> QColor:
    """The colour for a status or severity name that reads well on the current window colour."""
    return QColor((_DARK if is_dark(palette) else _LIGHT)[name])


def blend(base: QColor, over: QColor, amount: float) -> QColor:
    """``over`` laid on ``base`` at ``amount`` (0..1) opacity, as an opaque colour."""
    amount = max(0.0, min(1.0, amount))
    return QColor(
        round(base.red() + (over.red() - base.red()) * amount),
        round(base.green() + (over.green() - base.green()) * amount),
        round(base.blue() + (over.blue() - base.blue()) * amount),
    )


@cache
def _status_icon(status: ReviewStatus, dark: bool) -> QIcon:
    icon = QIcon()
    colour = QColor((_DARK if dark else _LIGHT)[status])
    for size in (16, 32, 64):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _paint_status(painter, status, colour, size)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def status_icon(status: ReviewStatus) -> QIcon:
    return _status_icon(status, is_dark())


def _paint_status(painter: QPainter, status: ReviewStatus, colour: QColor, size: int) -> None:
    pen_width = max(1.5, size / 9)
    box = QRectF(pen_width, pen_width, size - 2 * pen_width, size - 2 * pen_width)
    pen = QPen(colour, pen_width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    if status == "unreviewed":  # an empty ring
        painter.drawEllipse(box)
    elif status == "addressed":  # a filled disc with a check mark cut out
        painter.setBrush(colour)
        painter.drawEllipse(box)
        path = QPainterPath(QPointF(size * 0.28, size * 0.52))
        path.lineTo(size * 0.44, size * 0.68)
        path.lineTo(size * 0.73, size * 0.35)
        painter.setPen(QPen(Qt.GlobalColor.white, pen_width * 1.1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    elif status == "partial":  # a ring, half filled
        painter.drawEllipse(box)
        painter.setBrush(colour)
        painter.drawPie(box, 90 * 16, 180 * 16)
    elif status == "missing":  # a filled disc with a cross
        painter.setBrush(colour)
        painter.drawEllipse(box)
        painter.setPen(QPen(Qt.GlobalColor.white, pen_width * 1.1))
        inset = size * 0.33
        painter.drawLine(QPointF(inset, inset), QPointF(size - inset, size - inset))
        painter.drawLine(QPointF(size - inset, inset), QPointF(inset, size - inset))
    else:  # not applicable: a ring with a dash
        painter.drawEllipse(box)
        painter.drawLine(QPointF(size * 0.3, size * 0.5), QPointF(size * 0.7, size * 0.5))
