"""What the dataset converters share: turning an annotated span into a findable quote, and writing gold.

An annotated span is quoted as it is when it is long enough to mean something and occurs once in the policy;
otherwise it is widened to its sentence, or to its whole passage, so that the quote points at the place the
annotator meant (a company name or "your personal data" occurs all over a policy). Every quote is checked
against the text as the real loader extracts it.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.eval.locate import FoldedText  # noqa: E402

MIN_QUOTE = 10
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")

Span = tuple[int, int]


class SourceError(Exception):
    """A source file that cannot be converted (malformed data or an unexpected shape)."""


@dataclass
class Stats:
    converted: int = 0
    skipped: list[str] = field(default_factory=list)
    labels: int = 0
    found: int = 0
    quotes: int = 0
    widened: int = 0  # annotated spans widened to their sentence or passage
    unplaced: int = 0  # annotations with no quote that the loader's text contains (should stay 0)

    def summary(self) -> str:
        return (
            f"policies converted {self.converted}, skipped {len(self.skipped)}, labels {self.labels} "
            f"(found {self.found}, missing {self.labels - self.found}), quotes {self.quotes}, "
            f"widened {self.widened}, unplaced {self.unplaced}"
        )


def find_span(passage: str, needle: str, near: int = 0) -> Span | None:
    """Where ``needle`` (white space folded, case ignored) occurs in ``passage``, nearest to ``near``."""
    folded = " ".join(needle.split()).lower()
    if not folded:
        return None
    lowered = passage.lower()
    starts = [match.start() for match in re.finditer(re.escape(folded), lowered)]
    if not starts:
        return None
    start = min(starts, key=lambda candidate: abs(candidate - near))
    return start, start + len(folded)


def sentence_around(passage: str, start: int, end: int) -> str:
    """The sentence(s) of ``passage`` that contain ``[start, end)``."""
    bounds = [0] + [match.end() for match in _SENTENCE_END.finditer(passage)] + [len(passage) + 1]
    left = max(bound for bound in bounds if bound <= start)
    right = min(bound for bound in bounds if bound >= end)
    return passage[left:right].strip()


def quote_for(passage: str, span: Span | None, document: FoldedText) -> tuple[str, bool]:
    """A verbatim quote for an annotated span of ``passage``, and whether it had to be widened."""
    if span is None:
        return passage, True
    quote = passage[span[0] : span[1]].strip()
    if len(quote) >= MIN_QUOTE and len(document.find_all(quote)) == 1:
        return quote, False
    sentence = sentence_around(passage, *span)
    if len(document.find_all(sentence)) == 1:
        return sentence, True
    return passage, True


class GoldBuilder:
    """Collects the evidence of one policy, item by item, and writes its binary gold file."""

    def __init__(self, items: tuple[str, ...], policy_text: str, stats: Stats) -> None:
        self.evidence: dict[str, list[str]] = {item: [] for item in items}
        self.document = FoldedText(policy_text)
        self.stats = stats

    def add(self, item: str, passage: str, span: Span | None) -> None:
        quote, widened = quote_for(passage, span, self.document)
        if not self.document.find_all(quote):
            self.stats.unplaced += 1
            return
        self.stats.widened += widened
        if quote not in self.evidence[item]:
            self.evidence[item].append(quote)

    def write(self, path: Path, *, policy: str, source: str, labeller: str) -> None:
        labels = [
            {"item": item, "status": "addressed" if quotes else "missing", "evidence": quotes}
            for item, quotes in self.evidence.items()
        ]
        gold = {
            "policy": policy,
            "language": "en",
            "three_way": False,
            "labeller": labeller,
            "source": source,
            "labels": labels,
        }
        path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        self.stats.converted += 1
        self.stats.labels += len(labels)
        self.stats.found += sum(1 for quotes in self.evidence.values() if quotes)
        self.stats.quotes += sum(len(quotes) for quotes in self.evidence.values())


def fresh_folder(out: Path) -> None:
    """Empty ``out`` (it holds generated files only) and create it."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)


def converter_main(
    doc: str | None,
    convert: Callable[[Path, Path], Stats],
    default_source: Path,
    default_out: Path,
    argv: list[str] | None = None,
) -> int:
    """The command line every converter shares: ``--source`` and ``--out``, then a one-line summary."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0] if doc else None)
    parser.add_argument("--source", type=Path, default=default_source, help="the dataset folder")
    parser.add_argument("--out", type=Path, default=default_out, help="where to write policies and gold")
    args = parser.parse_args(argv)
    if not args.source.is_dir():
        print(f"error: {args.source} is not a folder", file=sys.stderr)
        return 2
    stats = convert(args.source, args.out)
    print(f"{args.out}: {stats.summary()}")
    return 0
