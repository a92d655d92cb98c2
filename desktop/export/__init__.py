"""The Excel audit workbook: a review snapshot plus :class:`ExportOptions` in, an ``.xlsx`` file out."""

from desktop.export.options import ExportOptions
from desktop.export.workbook import build_workbook, write_workbook

__all__ = ["ExportOptions", "build_workbook", "write_workbook"]
