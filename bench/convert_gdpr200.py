"""Turn GDPR-Transparency-200 into gold files the ``eval`` command reads (mapping: docs/gold-mapping.md).

    python bench/convert_gdpr200.py                       # ../shared/corpus/gdpr-transparency-200
    python bench/convert_gdpr200.py --source DIR --out DIR

Each source file is a JSON list of passages with span annotations of 21 GDPR Art. 13/14 requirements. Our
loader cannot read that JSON, so for each policy this writes ``<name>.txt`` (the passages, one paragraph
each) and ``<name>.txt.gold.json`` beside it. A mapped item is ``addressed`` when one of its requirements is
annotated anywhere in the policy, with the annotated spans as evidence, and ``missing`` otherwise; the
dataset says nothing about completeness, so the file is marked ``"three_way": false``. Every quote is
checked against the text as the real loader extracts it. Malformed source files are skipped with a warning.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

from gold_quotes import GoldBuilder, SourceError, Span, Stats, converter_main, fresh_folder  # noqa: E402

from desktop.core.loading import load_policy  # noqa: E402
from desktop.core.normalise import normalise_line  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "gdpr-transparency-200"
DEFAULT_OUT = BENCH / "gold" / "generated" / "gdpr200"
LABELLER = "converted from GDPR-Transparency-200 by bench/convert_gdpr200.py"

REQUIREMENT_ITEMS: dict[str, str] = {
    "Controller Name": "identity.controller_contact",
    "Controller Contact": "identity.controller_contact",
    "DPO Contact": "identity.pio_dpo_contact",
    "Processing Purpose": "processing.purposes",
    "Legal Basis for Processing": "processing.legal_basis",
    "Legitimate Interests for Processing": "processing.legitimate_interests",
    "Data Categories": "processing.categories",
    "Source of Data": "processing.source",
    "Data Recipients": "sharing.third_party_recipients",
    "Third-country Transfers": "xborder.transfer_disclosed",
    "Data Retention Period": "retention.period",
    "Automated Decision-Making": "adm.transparency_logic",
    "Right to Access": "rights.access_copy",
    "Right to Rectification": "rights.rectification",
    "Right to Erasure": "rights.erasure",
    "Right to Restrict": "rights.restrict_object",
    "Right to Object": "rights.restrict_object",
    "Right to Portability": "rights.portability",
    "Right to Withdraw Consent": "consent.withdrawal",
    "Right to Lodge Complaint": "rights.complaint_authority",
}
ITEMS = tuple(dict.fromkeys(REQUIREMENT_ITEMS.values()))  # each once, in the order above
# "Mandatory Data Disclosure" is not mapped: its annotations mostly mark disclosures the law compels ("we may
# be required to disclose your data to a court") and age limits, not Art. 13(2)(e) (must the person provide
# the data, and what if they do not), so they cannot score processing.mandatory_optional.

# Annotators shortened spans with "[...]" and masked words with "PLACEHOLDER": neither is in the text.
_GAP = re.compile(r"\s*(?:\[\s*\.\.\.\s*\]|\bPLACEHOLDER\b|…)\s*")


def read_passages(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """``(passage, [(requirement, value), ...])`` in document order; spaces folded, empty ones dropped."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(f"not valid JSON ({exc})") from None
    if not isinstance(data, list):
        raise SourceError("not a list of passages")
    passages = []
    for entry in data:
        if not isinstance(entry, dict) or not isinstance(entry.get("passage"), str):
            raise SourceError("a passage without text")
        annotations = entry.get("annotations") or []
        if not isinstance(annotations, list):
            raise SourceError("annotations are not a list")
        pairs = [
            (str(note["requirement"]), str(note["value"]))
            for note in annotations
            if isinstance(note, dict) and "requirement" in note and "value" in note
        ]
        text = " ".join(normalise_line(" ".join(entry["passage"].splitlines())).split())
        if text:
            passages.append((text, pairs))
    return passages


def annotation_span(passage: str, value: str) -> Span | None:
    """Where the annotated value lies in ``passage``: from its first to its last surviving fragment."""
    fragments = [part for part in _GAP.split(value) if part.strip()]
    lowered = passage.lower()
    position, first = 0, -1
    for fragment in fragments:
        needle = " ".join(fragment.split()).lower()
        start = lowered.find(needle, position)
        if start < 0:
            return None
        first = start if first < 0 else first
        position = start + len(needle)
    return (first, position) if first >= 0 else None


def convert_policy(source: Path, out: Path, stats: Stats) -> None:
    passages = read_passages(source)
    if not passages:
        raise SourceError("no passages")
    name = f"{source.stem}.txt"
    policy_path = out / name
    policy_path.write_text("\n\n".join(text for text, _ in passages) + "\n", encoding="utf-8")
    gold = GoldBuilder(ITEMS, load_policy(policy_path).text, stats)
    for passage, pairs in passages:
        for requirement, value in pairs:
            item = REQUIREMENT_ITEMS.get(requirement)
            if item is not None:
                gold.add(item, passage, annotation_span(passage, value))
    gold.write(
        out / f"{name}.gold.json",
        policy=name,
        source=f"gdpr-transparency-200/{source.name}",
        labeller=LABELLER,
    )


def convert(source: Path, out: Path) -> Stats:
    """Convert every ``*.json`` in ``source`` into ``out`` (emptied first: it holds generated files only)."""
    fresh_folder(out)
    stats = Stats()
    for path in sorted(source.glob("*.json")):
        try:
            convert_policy(path, out, stats)
        except SourceError as exc:
            print(f"warning: skipped {path.name}: {exc}", file=sys.stderr)
            stats.skipped.append(path.name)
    return stats


def main(argv: list[str] | None = None) -> int:
    return converter_main(__doc__, convert, DEFAULT_SOURCE, DEFAULT_OUT, argv)


if __name__ == "__main__":
    sys.exit(main())
