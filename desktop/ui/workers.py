"""Long work (load + prefill, export) off the UI thread, with results delivered back on the UI thread.

A :class:`Task` runs one function in the global QThreadPool. The function never touches widgets; its result,
its failure and its progress come back as queued signals, so slots run on the thread that owns the receiver.
Edits to the review file are not sent here: each is one small SQLite transaction made on the UI thread,
which keeps their order identical to the undo stack's and makes a crash lose at most the edit in flight.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

ProgressCallback = Callable[[str, float], None]


class _TaskSignals(QObject):
    progress = Signal(str, float)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class Task(QRunnable):
    """One background job: ``job(progress)`` returns a result or raises; ``finished`` always fires last."""

    def __init__(self, job: Callable[[ProgressCallback], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Python side owns it until ``finished``; see run_task
        self._job = job
        self.signals = _TaskSignals()

    def run(self) -> None:
        try:
            result = self._job(self.signals.progress.emit)
        except Exception as error:  # delivered to the failure slot, which tells expected errors from bugs
            log.info("background task failed: %r", error)
            self.signals.failed.emit(error)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


class _Relay(QObject):
    """Lives on the UI thread, so the queued signals from the pool run these slots (and callbacks) there."""

    def __init__(
        self,
        task: Task,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        on_progress: ProgressCallback | None,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.task = task  # kept alive until finished: the pool does not own it (autoDelete is off)
        self._on_success, self._on_failure, self._on_progress = on_success, on_failure, on_progress
        task.signals.progress.connect(self._progress)
        task.signals.succeeded.connect(self._succeeded)
        task.signals.failed.connect(self._failed)
        task.signals.finished.connect(self._finished)

    @Slot(str, float)
    def _progress(self, message: str, fraction: float) -> None:
        if self._on_progress is not None:
            self._on_progress(message, fraction)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._on_success(result)

    @Slot(object)
    def _failed(self, error: object) -> None:
        assert isinstance(error, BaseException)
        self._on_failure(error)

    @Slot()
    def _finished(self) -> None:
        self.deleteLater()


def run_task(
    job: Callable[[ProgressCallback], Any],
    *,
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    on_progress: ProgressCallback | None = None,
    receiver: QObject,
) -> Task:
    """Start ``job`` in the pool; the callbacks run on the UI thread, while ``receiver`` is alive."""
    task = Task(job)
    _Relay(task, on_success, on_failure, on_progress, receiver)
    QThreadPool.globalInstance().start(task)
    return task
