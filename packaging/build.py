"""Builds the onedir bundle, runs its self-test, and on Windows/macOS wraps it in the installer.

    python packaging/build.py              # bundle + self-test (any OS)
    python packaging/build.py --installer  # also the NSIS installer (Windows) or the .dmg (macOS)

Prints the bundle's size and the self-test's wall time (start-up included), for the README.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import appinfo  # noqa: E402


def bundle_dir() -> Path:
    if sys.platform == "darwin":
        return ROOT / "dist" / f"{appinfo.APP_NAME}.app"
    return ROOT / "dist" / appinfo.EXE_NAME


def executable() -> Path:
    if sys.platform == "darwin":
        return bundle_dir() / "Contents" / "MacOS" / appinfo.EXE_NAME
    suffix = ".exe" if sys.platform == "win32" else ""
    return bundle_dir() / f"{appinfo.EXE_NAME}{suffix}"


def build_bundle() -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            "--distpath",
            str(ROOT / "dist"),
            str(HERE / "privacy-review-desk.spec"),
        ],
        check=True,
        cwd=ROOT,
    )


def size_mb(path: Path) -> float:
    total = sum(
        entry.stat().st_size for entry in path.rglob("*") if entry.is_file() and not entry.is_symlink()
    )
    return total / 1e6


def self_test() -> float:
    """Runs the frozen app's ``--self-test`` offscreen in a throwaway profile; returns its wall time."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    result = subprocess.run(
        [str(executable()), "--self-test"], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    elapsed = time.perf_counter() - started
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        raise SystemExit(f"self-test failed with exit code {result.returncode}")
    return elapsed


def build_installer() -> Path:
    if sys.platform == "win32":
        makensis = shutil.which("makensis") or r"C:\Program Files (x86)\NSIS\makensis.exe"
        target = ROOT / "dist" / f"{appinfo.EXE_NAME}-{appinfo.VERSION}-setup.exe"
        subprocess.run(
            [
                makensis,
                f"/DVERSION={'.'.join(map(str, appinfo.numeric_version()[:3]))}",
                f"/DSOURCE_DIR={bundle_dir()}",
                f"/DOUTFILE={target}",
                str(HERE / "windows" / "installer.nsi"),
            ],
            check=True,
        )
        return target
    if sys.platform == "darwin":
        subprocess.run(["bash", str(HERE / "macos" / "make_dmg.sh")], check=True, cwd=ROOT)
        return ROOT / "dist" / f"{appinfo.EXE_NAME}-{appinfo.VERSION}-macos.dmg"
    raise SystemExit("installers are built on Windows (NSIS) and macOS (dmg) only")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--installer", action="store_true", help="also build the platform installer")
    parser.add_argument("--skip-build", action="store_true", help="reuse dist/ and only run the checks")
    args = parser.parse_args()
    if not args.skip_build:
        build_bundle()
    print(f"bundle: {bundle_dir()}  size: {size_mb(bundle_dir()):.0f} MB")
    print(f"self-test passed in {self_test():.1f} s (start-up, prefill and export included)")
    if args.installer:
        print(f"installer: {build_installer()}")


if __name__ == "__main__":
    main()
