"""Turn OPP-115 into gold files the ``eval`` command reads (mapping: docs/gold-mapping.md).

    python bench/convert_opp115.py                        # ../shared/corpus/opp115
    python bench/convert_opp115.py --source DIR --out DIR

OPP-115 splits each website policy (``sanitized_policies/*.html``) into segments separated by ``|||`` and
annotates data practices per segment (``consolidation/threshold-0.75-overlap-similarity/*.csv``: category,
then attributes with a value and a selected text span). For each policy this writes ``<name>.txt`` (one
paragraph per segment, line breaks of the simplified HTML kept) and ``<name>.txt.gold.json``: a mapped item is
``addressed`` when a practice mapped to it is annotated anywhere, with the practice's spans as evidence, and
``missing`` otherwise (``"three_way": false``).
"""

from __future__ import annotations

import csv
import html
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

from gold_quotes import GoldBuilder, SourceError, Stats, converter_main, find_span, fresh_folder  # noqa: E402

from desktop.core.loading import load_policy  # noqa: E402
from desktop.core.normalise import normalise_line  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "opp115"
DEFAULT_OUT = BENCH / "gold" / "generated" / "opp115"
CONSOLIDATION = "consolidation/threshold-0.75-overlap-similarity"
LABELLER = "converted from OPP-115 (consolidated, threshold 0.75) by bench/convert_opp115.py"

WHOLE = ""  # evidence: every span of the practice, not one attribute's
STATED: frozenset[str] = frozenset()  # in a condition: any value but "Unspecified"
WAYS_OUT = frozenset(
    {
        "Opt-out link",
        "Opt-out via contacting company",
        "Browser/device privacy controls",
        "First-party privacy controls",
        "Third-party privacy controls",
        "Other",
    }
)
COLLECTION, SHARING, CHOICE = (
    "First Party Collection/Use",
    "Third Party Sharing/Collection",
    "User Choice/Control",
)
COOKIES = frozenset({"Cookies and tracking elements"})

Attributes = dict[str, dict[str, object]]


@dataclass(frozen=True)
class Rule:
    """A practice of ``category`` whose attributes take the values in ``when`` labels ``item``."""

    category: str
    when: dict[str, frozenset[str]]
    item: str
    evidence: str = WHOLE  # the attribute whose span is quoted


RULES = (
    Rule("Other", {"Other Type": frozenset({"Privacy contact information"})}, "identity.controller_contact"),
    Rule(COLLECTION, {"Purpose": STATED}, "processing.purposes", "Purpose"),
    Rule(
        COLLECTION,
        {"Personal Information Type": STATED},
        "processing.categories",
        "Personal Information Type",
    ),
    Rule(
        SHARING, {"Action Third Party": frozenset({"Receive/Shared with"})}, "sharing.third_party_recipients"
    ),
    Rule(
        COLLECTION, {"Purpose": frozenset({"Merger/Acquisition"})}, "sharing.corporate_transaction", "Purpose"
    ),
    Rule(SHARING, {"Purpose": frozenset({"Merger/Acquisition"})}, "sharing.corporate_transaction", "Purpose"),
    Rule(
        "Policy Change",
        {"Change Type": frozenset({"In case of merger or acquisition"})},
        "sharing.corporate_transaction",
    ),
    Rule("Data Retention", {}, "retention.period"),
    Rule("User Access, Edit and Deletion", {"Access Type": frozenset({"View"})}, "rights.access_copy"),
    Rule("User Access, Edit and Deletion", {"Access Type": frozenset({"Export"})}, "rights.portability"),
    Rule(
        "User Access, Edit and Deletion",
        {"Access Type": frozenset({"Edit information"})},
        "rights.rectification",
    ),
    *(
        Rule("User Access, Edit and Deletion", {"Access Type": frozenset({kind})}, item)
        for kind in ("Delete account (full)", "Delete account (partial)")
        for item in ("rights.account_deletion", "rights.erasure")
    ),
    Rule(
        CHOICE,
        {"Purpose": frozenset({"Marketing"}), "Choice Type": WAYS_OUT},
        "rights.object_direct_marketing",
    ),
    Rule(
        CHOICE,
        {"Purpose": frozenset({"Advertising", "Personalization/Customization"}), "Choice Type": WAYS_OUT},
        "adm.personalised_push_optout",
    ),
    *(
        Rule(
            category, {"Personal Information Type": COOKIES}, "tracking.cookies", "Personal Information Type"
        )
        for category in (COLLECTION, SHARING, CHOICE)
    ),
    Rule(
        "International and Specific Audiences",
        {"Audience Type": frozenset({"Children"})},
        "children.age_guardian_consent",
    ),
    Rule("Data Security", {}, "security.measures"),
    Rule("Policy Change", {}, "transparency.changes_versioning"),
)
ITEMS = tuple(dict.fromkeys(rule.item for rule in RULES))


def _holds(rule: Rule, category: str, values: dict[str, str]) -> bool:
    if rule.category != category:
        return False
    for name, allowed in rule.when.items():
        value = values.get(name, "Unspecified")
        if value in ("", "Unspecified") or (allowed and value not in allowed):
            return False
    return True


def practice_items(category: str, attributes: Attributes) -> Iterator[tuple[str, str]]:
    """``(item, attribute)`` pairs a practice labels; the attribute's span is the evidence (WHOLE: all)."""
    values = {name: str(attribute.get("value", "")) for name, attribute in attributes.items()}
    for rule in RULES:
        if _holds(rule, category, values):
            yield rule.item, rule.evidence


_BREAK = re.compile(r"<br\s*/?>|</?(?:li|ul|ol|p|blockquote|div)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def segment_lines(segment: str) -> list[str]:
    """The visible lines of one simplified-HTML segment (list items and ``<br>`` break lines)."""
    text = html.unescape(_TAG.sub("", _BREAK.sub("\n", segment)))
    return [line for line in (normalise_line(" ".join(raw.split())) for raw in text.splitlines()) if line]


def spans_of(attributes: Attributes, attribute: str) -> Iterator[tuple[str, int]]:
    """``(selected text, start in segment)`` of one attribute, or of all (WHOLE); tool debris skipped."""
    for name, data in attributes.items():
        text, start = data.get("selectedText"), data.get("startIndexInSegment", 0)
        if attribute not in (WHOLE, name) or not isinstance(text, str):
            continue
        if text.strip() and text != "Not selected" and isinstance(start, int) and start >= 0:
            yield " ".join(segment_lines(text)), start


def read_practices(path: Path) -> Iterator[tuple[int, str, Attributes]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            try:
                segment, category, attributes = int(row[4]), row[5], json.loads(row[6])
            except (IndexError, ValueError) as exc:
                raise SourceError(f"{path.name}: unreadable row ({exc})") from None
            if isinstance(attributes, dict):
                yield segment, category, attributes


def convert_policy(policy_html: Path, annotations: Path, out: Path, stats: Stats) -> None:
    segments = [segment_lines(raw) for raw in policy_html.read_text(encoding="utf-8").split("|||")]
    name = f"{policy_html.stem}.txt"
    policy_path = out / name
    policy_path.write_text(
        "\n\n".join("\n".join(lines) for lines in segments if lines) + "\n", encoding="utf-8"
    )
    passages = [" ".join(lines) for lines in segments]
    gold = GoldBuilder(ITEMS, load_policy(policy_path).text, stats)
    for segment, category, attributes in read_practices(annotations):
        if not 0 <= segment < len(passages) or not passages[segment]:
            raise SourceError(f"{annotations.name}: segment {segment} is not in the policy")
        passage = passages[segment]
        for item, attribute in practice_items(category, attributes):
            spans = [find_span(passage, text, near) for text, near in spans_of(attributes, attribute)]
            for span in spans or [None]:
                gold.add(item, passage, span)
    gold.write(out / f"{name}.gold.json", policy=name, source=f"opp115/{policy_html.name}", labeller=LABELLER)


def convert(source: Path, out: Path) -> Stats:
    """Convert every annotated policy in ``source`` into ``out`` (emptied first: generated files only)."""
    fresh_folder(out)
    stats = Stats()
    for policy_html in sorted((source / "sanitized_policies").glob("*.html")):
        annotations = source / CONSOLIDATION / f"{policy_html.stem}.csv"
        try:
            if not annotations.is_file():
                raise SourceError("no consolidated annotations")
            convert_policy(policy_html, annotations, out, stats)
        except SourceError as exc:
            print(f"warning: skipped {policy_html.name}: {exc}", file=sys.stderr)
            stats.skipped.append(policy_html.name)
    return stats


def main(argv: list[str] | None = None) -> int:
    return converter_main(__doc__, convert, DEFAULT_SOURCE, DEFAULT_OUT, argv)


if __name__ == "__main__":
    sys.exit(main())
