"""The PySide6 desktop app over the headless engine: windows, models, dialogs, workers, settings."""
