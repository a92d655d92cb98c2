"""Time the engine stage by stage on synthetic policies of growing size, or on the development corpus.

    python bench/bench_engine.py                 # 30 KB, 300 KB, 3 MB in English and Chinese
    python bench/bench_engine.py --sizes 30k     # one size
    python bench/bench_engine.py --corpus        # every policy the corpus README lists
    python bench/bench_engine.py --profile --languages zh --sizes 3m   # where prefill spends its time

Each size runs in its own process so that its peak memory (``ru_maxrss``) is its own; the tracemalloc peak
is measured in a separate pass, since tracing slows the code it measures. Times are the best of N runs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

STAGES = ("load_txt", "load_html", "segment", "prefill", "store", "export")
TARGETS = (
    "prefill of a 30 KB policy < 50 ms",
    "prefill of a 3 MB policy < 2 s",
    "time grows linearly with size (ratio ~ size ratio)",
    "peak memory < 300 MB",
)
PREFILL_30K_MS, PREFILL_3M_MS, PEAK_MB = 50.0, 2000.0, 300.0


def parse_size(text: str) -> int:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([km]?)b?", text.strip().lower())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 30k or 3m")
    number, unit = float(match.group(1)), match.group(2)
    return int(number * {"": 1, "k": 1_000, "m": 1_000_000}[unit])


def label(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1_000} KB"


def best_of(runs: int, action: Callable[[], Any]) -> tuple[float, Any]:
    """Fastest wall time in milliseconds over ``runs`` calls, and the last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        best = min(best, (time.perf_counter() - started) * 1000)
    return best, result


# -- one size, in a worker process ------------------------------------------------------------------------
def worker(language: str, size: int, runs: int) -> dict[str, Any]:
    import resource

    import generate

    from desktop.core.checklist import default_checklist
    from desktop.core.loading import load_policy, policy_from_text
    from desktop.core.prefill import prefill
    from desktop.core.segment import segment
    from desktop.export import write_workbook
    from desktop.store import ReviewStore

    started = time.perf_counter()
    checklist = default_checklist()
    prefill(policy_from_text("warm-up text"), checklist)  # parses the checklist, builds the matcher
    warm_up_ms = (time.perf_counter() - started) * 1000

    with tempfile.TemporaryDirectory(prefix="prd-bench-") as folder:
        work = Path(folder)
        txt, html = work / f"policy-{language}.txt", work / f"policy-{language}.html"
        txt.write_text(generate.as_text(language, size), encoding="utf-8")
        html.write_text(generate.as_html(language, size), encoding="utf-8")
        review, book = work / "bench.prdreview", work / "bench.xlsx"
        times: dict[str, float] = {}
        times["load_txt"], policy = best_of(runs, lambda: load_policy(txt))
        times["load_html"], _ = best_of(runs, lambda: load_policy(html))
        times["segment"], segmentation = best_of(runs, lambda: segment(policy))
        times["prefill"], suggestions = best_of(
            runs, lambda: prefill(policy, checklist, segmentation=segmentation)
        )

        def store() -> None:
            ReviewStore.create(
                review,
                policy=policy,
                checklist=checklist,
                frameworks=("pipl", "gdpr"),
                suggestions=suggestions,
                reviewer="bench",
                overwrite=True,
            ).close()

        times["store"], _ = best_of(runs, store)
        with ReviewStore.open(review, read_only=True) as opened:
            snapshot = opened.snapshot()
        # export segments the policy again, as the command line and the window do
        times["export"], _ = best_of(runs, lambda: write_workbook(snapshot, book))
        statuses = [s.status for s in suggestions.values()]
        size_bytes = txt.stat().st_size
        maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # before tracemalloc adds its own

        tracemalloc.start()
        loaded = load_policy(txt)
        parts = segment(loaded)
        prefill(loaded, checklist, segmentation=parts)
        write_workbook(snapshot, book)
        traced_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()

    return {
        "language": language,
        "size": size,
        "bytes": size_bytes,
        "chars": len(policy.text),
        "paragraphs": len(segmentation.paragraphs),
        "sentences": len(segmentation.sentences),
        "runs": runs,
        "times_ms": times,
        "warm_up_ms": warm_up_ms,
        "traced_peak_mb": traced_peak / 1e6,
        "maxrss_mb": maxrss_kb / 1024 if sys.platform != "darwin" else maxrss_kb / 1024 / 1024,
        "suggested": {status: statuses.count(status) for status in ("addressed", "partial", "not_found")},
    }


def run_sizes(languages: list[str], sizes: list[int], runs: int | None) -> list[dict[str, Any]]:
    results = []
    for language in languages:
        for size in sizes:
            repeat = runs if runs is not None else (5 if size <= 50_000 else 3 if size <= 500_000 else 2)
            command = [sys.executable, __file__, "--worker", language, str(size), str(repeat)]
            print(
                f"… {language} {label(size)} ({repeat} run{'s' * (repeat > 1)})", file=sys.stderr, flush=True
            )
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                raise SystemExit(f"the {language} {label(size)} worker failed")
            results.append(json.loads(done.stdout.splitlines()[-1]))
    return results


def print_sizes(results: list[dict[str, Any]]) -> None:
    print("Targets: " + "; ".join(TARGETS))
    cores = os.cpu_count() or 1
    load = os.getloadavg()[0]
    print(f"Machine: {cores} cores, load average {load:.1f} (above {cores}, the figures are inflated)")
    print()
    header = f"{'lang':<5}{'size':>7}{'chars':>10}{'paras':>7}{'sents':>8}"
    header += "".join(f"{stage:>11}" for stage in STAGES) + f"{'seg+pref':>10}{'traced':>9}{'maxrss':>9}"
    print(header + "   (times in ms, best of N; memory in MB)")
    for r in results:
        t = r["times_ms"]
        line = f"{r['language']:<5}{label(r['size']):>7}{r['chars']:>10,}"
        line += f"{r['paragraphs']:>7,}{r['sentences']:>8,}"
        line += "".join(f"{t[stage]:>11.1f}" for stage in STAGES)
        line += f"{t['segment'] + t['prefill']:>10.1f}{r['traced_peak_mb']:>9.1f}{r['maxrss_mb']:>9.1f}"
        print(line)
    print()
    print(
        "Checklist parse + matcher build (first prefill of a session): "
        + ", ".join(
            f"{r['language']} {r['warm_up_ms']:.0f} ms" for r in results[:: max(1, len(results) // 2)]
        )
    )
    print()
    print("Scaling (time ratio between consecutive sizes; linear growth = the size ratio):")
    for language in dict.fromkeys(r["language"] for r in results):
        rows = [r for r in results if r["language"] == language]
        for small, large in itertools.pairwise(rows):
            size_ratio = large["chars"] / small["chars"]
            ratios = "  ".join(
                f"{stage} {large['times_ms'][stage] / max(small['times_ms'][stage], 1e-6):.1f}x"
                for stage in STAGES
            )
            sizes = f"{label(small['size'])} -> {label(large['size'])}"
            print(f"  {language} {sizes} (size {size_ratio:.1f}x): {ratios}")
    print()
    print("Against the targets:")
    for r in results:
        prefill_ms = r["times_ms"]["segment"] + r["times_ms"]["prefill"]
        limit = PREFILL_30K_MS if r["size"] <= 50_000 else PREFILL_3M_MS if r["size"] >= 2_000_000 else None
        verdict = (
            "" if limit is None else (" OK" if prefill_ms < limit else f" MISSED (limit {limit:.0f} ms)")
        )
        memory = "OK" if r["maxrss_mb"] < PEAK_MB else f"MISSED (limit {PEAK_MB:.0f} MB)"
        print(
            f"  {r['language']} {label(r['size'])}: segment+prefill {prefill_ms:.1f} ms{verdict}; "
            f"peak RSS {r['maxrss_mb']:.0f} MB {memory}"
        )


# -- the corpus -----------------------------------------------------------------------------------------
def corpus_files(corpus: Path) -> list[Path]:
    """The single policies named in the corpus README, then CAPP-130's texts and OPP-115's pages."""
    readme = (corpus / "README.md").read_text(encoding="utf-8")
    singles = [corpus / name for name in re.findall(r"^\| `([^`/]+)` \|", readme, flags=re.MULTILINE)]
    files = [path for path in singles if path.is_file()]
    files += sorted((corpus / "capp130" / "Original_policies").glob("*.txt"))
    files += sorted((corpus / "opp115" / "sanitized_policies").glob("*.html"))
    return files


CORPUS_STAGES = ("load", "segment", "prefill", "store", "export")


def run_corpus(corpus: Path, slowest: int) -> int:
    """Every listed policy through load, segment, prefill, store and export; failures are collected."""
    from desktop.core.checklist import default_checklist
    from desktop.core.errors import ReviewDeskError

    files = corpus_files(corpus)
    if not files:
        print(f"no policies found under {corpus}", file=sys.stderr)
        return 1
    checklist = default_checklist()
    timings: list[tuple[Path, int, dict[str, float]]] = []
    failures: list[tuple[Path, str]] = []
    with tempfile.TemporaryDirectory(prefix="prd-corpus-") as folder:
        for path in files:
            stage_ms: dict[str, float] = {}
            try:
                chars = _one_policy(path, checklist, Path(folder), stage_ms)
            except ReviewDeskError as error:
                failures.append((path, f"{_failed_stage(stage_ms)}: refused: {error.title}: {error.detail}"))
            except Exception as error:  # a bug: report it and go on through the corpus
                failures.append((path, f"{_failed_stage(stage_ms)}: CRASH {type(error).__name__}: {error}"))
            else:
                timings.append((path, chars, stage_ms))
    _print_corpus(corpus, len(files), timings, failures, slowest)
    return 1 if any("CRASH" in reason for _, reason in failures) else 0


def _one_policy(path: Path, checklist: Any, folder: Path, stage_ms: dict[str, float]) -> int:
    """Run one file through every stage, recording each stage's time as it completes."""
    from desktop.core.loading import load_policy
    from desktop.core.prefill import prefill
    from desktop.core.segment import segment
    from desktop.export import write_workbook
    from desktop.store import ReviewStore

    started = time.perf_counter()
    policy = load_policy(path)
    started = _record(stage_ms, "load", started)
    segmentation = segment(policy)
    started = _record(stage_ms, "segment", started)
    suggestions = prefill(policy, checklist, segmentation=segmentation)
    started = _record(stage_ms, "prefill", started)
    with ReviewStore.create(
        folder / "corpus.prdreview",
        policy=policy,
        checklist=checklist,
        frameworks=("pipl", "gdpr"),
        suggestions=suggestions,
        reviewer="bench",
        overwrite=True,
    ) as store:
        snapshot = store.snapshot()
    started = _record(stage_ms, "store", started)
    write_workbook(snapshot, folder / "corpus.xlsx", segmentation=segmentation)
    _record(stage_ms, "export", started)
    return len(policy.text)


def profile_prefill(language: str, size: int, top: int) -> None:
    """cProfile of one prefill (segmentation done beforehand), heaviest functions by cumulative time."""
    import cProfile
    import pstats

    import generate

    from desktop.core.checklist import default_checklist
    from desktop.core.loading import policy_from_text
    from desktop.core.prefill import prefill
    from desktop.core.segment import segment

    checklist = default_checklist()
    prefill(policy_from_text("warm-up text"), checklist)
    policy = policy_from_text(generate.as_text(language, size))
    segmentation = segment(policy)
    profiler = cProfile.Profile()
    profiler.runcall(prefill, policy, checklist, segmentation=segmentation)
    print(f"Profile of prefill, {language} {label(size)} ({len(policy.text):,} characters):")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(top)


def _record(stage_ms: dict[str, float], stage: str, started: float) -> float:
    now = time.perf_counter()
    stage_ms[stage] = (now - started) * 1000
    return now


def _failed_stage(stage_ms: dict[str, float]) -> str:
    return CORPUS_STAGES[len(stage_ms)]


def _print_corpus(
    corpus: Path,
    count: int,
    timings: list[tuple[Path, int, dict[str, float]]],
    failures: list[tuple[Path, str]],
    slowest: int,
) -> None:
    import resource

    print(f"Corpus: {count} policies under {corpus}; {len(timings)} went through, {len(failures)} failed.")
    per_stage = {stage: sum(entry[2][stage] for entry in timings) / 1000 for stage in CORPUS_STAGES}
    print(
        f"Total {sum(per_stage.values()):.1f} s; per stage: "
        + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in per_stage.items())
    )
    print(f"Peak RSS of the whole run: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"\nSlowest {slowest} (ms):")
    print("  " + "".join(f"{name:>9}" for name in ("total", *CORPUS_STAGES, "chars")) + "  file")
    ranked = sorted(timings, key=lambda entry: sum(entry[2].values()), reverse=True)
    for path, chars, stage_ms in ranked[:slowest]:
        figures = [sum(stage_ms.values()), *(stage_ms[stage] for stage in CORPUS_STAGES)]
        print("  " + "".join(f"{ms:>9.0f}" for ms in figures) + f"{chars:>9,}  {path.relative_to(corpus)}")
    if failures:
        print("\nFailures:")
        for path, reason in failures:
            print(f"  {path.relative_to(corpus)}: {reason}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="30k,300k,3m", help="comma-separated sizes (default: 30k,300k,3m)")
    parser.add_argument("--languages", default="en,zh", help="comma-separated: en, zh (default: both)")
    parser.add_argument("--runs", type=int, help="runs per stage (default: 5 / 3 / 2 by size)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--corpus", action="store_true", help="run every corpus policy instead")
    parser.add_argument("--corpus-dir", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--slowest", type=int, default=10, help="how many slow corpus files to list")
    parser.add_argument(
        "--profile", action="store_true", help="profile prefill on the first language and largest size"
    )
    parser.add_argument("--worker", nargs=3, metavar=("LANG", "SIZE", "RUNS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        language, size, runs = args.worker
        print(json.dumps(worker(language, int(size), int(runs))))
        return 0
    if args.corpus:
        return run_corpus(args.corpus_dir, args.slowest)
    sizes = [parse_size(part) for part in args.sizes.split(",")]
    languages = [part.strip() for part in args.languages.split(",") if part.strip()]
    if args.profile:
        profile_prefill(languages[0], max(sizes), top=25)
        return 0
    results = run_sizes(languages, sizes, args.runs)
    print_sizes(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
