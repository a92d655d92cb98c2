"""Keep ``None``, ``True`` and ``False`` alive despite a reference leak in PySide6 6.12 on CPython 3.11.

On Python < 3.12, where these singletons are not immortal, PySide6 6.12.0 drops one reference to ``None``
on every call of a C++ method that returns ``void`` (and to ``True``/``False`` for some calls). Walking the
checklist makes a few hundred such calls per item, so after about a hundred items ``None``'s count reaches
zero and the interpreter aborts with "Fatal Python error: none_dealloc" — a crash a reviewer cannot avoid.
The guard raises their reference counts back on a timer (through the CPython object header, so the extra
references are never released: releasing them at exit would hit the same abort). On Python 3.12+ the
singletons are immortal and the guard does nothing.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer

FLOOR = 200_000  # top up when a count falls below this: far more than one burst of calls can drain
TARGET = 400_000
TOP_UP_INTERVAL_MS = 1000


def needed() -> bool:
    return sys.version_info < (3, 12)


def top_up() -> None:
    """Raise the reference counts of None, True and False back to TARGET if any fell below FLOOR."""
    if not needed():
        return
    for singleton in (None, True, False):
        if sys.getrefcount(singleton) < FLOOR:
            # ob_refcnt is the first field of every CPython object; the GIL is held here.
            ctypes.c_ssize_t.from_address(id(singleton)).value = TARGET


def install(parent: QObject) -> QTimer:
    """Top up now and then every second, on a timer owned by ``parent`` (the application)."""
    top_up()
    timer = QTimer(parent)
    timer.setObjectName("referenceGuard")
    timer.setInterval(TOP_UP_INTERVAL_MS)
    timer.timeout.connect(top_up)
    if needed():
        timer.start()
    return timer
