"""Privacy Review Desk: review a privacy policy against a PIPL / GDPR checklist, offline."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("privacy-review-desk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
