"""Facts about the app that every packaging script shares, read from the installed package."""

from __future__ import annotations

from importlib.metadata import version

DIST_NAME = "privacy-review-desk"
APP_NAME = "Privacy Review Desk"
EXE_NAME = "PrivacyReviewDesk"
PUBLISHER = "Privacy Review Desk developers"
BUNDLE_ID = "org.privacyreviewdesk.app"
REVIEW_EXTENSION = "prdreview"
REVIEW_UTI = f"{BUNDLE_ID}.review"
VERSION = version(DIST_NAME)


def numeric_version() -> tuple[int, int, int, int]:
    """``0.1.0`` -> ``(0, 1, 0, 0)``: Windows version resources take four integers only."""
    numbers = [int(part) for part in VERSION.split("+")[0].split(".")[:4] if part.isdigit()]
    padded = [*numbers, 0, 0, 0, 0][:4]
    return (padded[0], padded[1], padded[2], padded[3])


def macos_info_plist() -> dict[str, object]:
    """Declares the review file type so Finder opens ``.prdreview`` files with the app."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleShortVersionString": VERSION,
        "CFBundleVersion": VERSION,
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "LSMinimumSystemVersion": "11.0",
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Privacy Review",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [REVIEW_UTI],
                "CFBundleTypeIconFile": "app.icns",
            }
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": REVIEW_UTI,
                "UTTypeDescription": "Privacy Review Desk review",
                "UTTypeConformsTo": ["public.data", "public.database"],
                "UTTypeTagSpecification": {"public.filename-extension": [REVIEW_EXTENSION]},
            }
        ],
    }


def windows_version_info():  # type: ignore[no-untyped-def]  # PyInstaller's classes are untyped
    """The VERSIONINFO resource shown in the file's Properties > Details on Windows."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = numeric_version()
    strings = [
        vi.StringStruct("CompanyName", PUBLISHER),
        vi.StringStruct("FileDescription", APP_NAME),
        vi.StringStruct("FileVersion", VERSION),
        vi.StringStruct("InternalName", EXE_NAME),
        vi.StringStruct("OriginalFilename", f"{EXE_NAME}.exe"),
        vi.StringStruct("ProductName", APP_NAME),
        vi.StringStruct("ProductVersion", VERSION),
    ]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            vi.StringFileInfo([vi.StringTable("040904B0", strings)]),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0409, 1200])]),
        ],
    )


if __name__ == "__main__":  # lets shell scripts ask: python packaging/appinfo.py VERSION
    import sys

    print(globals()[sys.argv[1]])
