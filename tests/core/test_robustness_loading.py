"""Property tests: any text or bytes either load into a consistent policy or fail with PolicyLoadError.

"Consistent" means what every part of the product relies on: the text is normalised (no lone surrogates,
no carriage returns, nothing SQLite or XML cannot hold is introduced later), every block, heading,
paragraph and sentence is a non-empty span inside the text, paragraphs and sentences come in order without
overlapping, and each sentence lies inside its paragraph. Sizes are bounded so no example can take long.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.document import Policy
from desktop.core.errors import PolicyLoadError
from desktop.core.loading import SUPPORTED_SUFFIXES, load_policy, policy_from_text
from desktop.core.segment import segment

PROPERTY_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

# Characters real files and clipboards deliver that trip naive code: astral (emoji, CJK Ext-B), combining
# marks, bidi controls, NUL and other C0/C1 controls, every kind of line break, odd spaces, BOM, lone
# surrogates (a Python str can hold them; a clipboard or a file name with bad bytes can produce them).
NASTY = (
    "😀",
    "𠀀",
    "\u0301",
    "\u200f",
    "\u202e",
    "\x00",
    "\r",
    "\r\n",
    "\x0c",
    "\x0b",
    "\x85",
    "\u2028",
    "\u2029",
    "\u3000",
    "\u00a0",
    "\ufeff",
    "\ud800",
    "\udfff",
    "\ufffe",
    "\x1b",
    "\t",
)
WORDS = (
    "We collect your name.",
    "1. Who we are",
    "一、我们如何收集信息",
    "（二）",
    "第三条",
    "PRIVACY POLICY",
    "e.g.",
    "Inc.",
    "我们会删除。",
    "# Heading",
    "- item",
    "<p>",
    "</h2>",
    "&amp;",
    "【标题】",
    "①",
    "?",
    "。",
    ".",
    " ",
    "\n",
    "\n\n",
)
TEXT = st.lists(
    st.one_of(st.sampled_from(NASTY), st.sampled_from(WORDS), st.text(max_size=20)), max_size=60
).map("".join)


def assert_consistent(policy: Policy) -> None:
    text = policy.text
    assert text.strip()
    assert "\r" not in text
    assert not any("\ud800" <= char <= "\udfff" for char in text)
    text.encode("utf-8")  # what SQLite and the workbook need
    for block in policy.blocks:
        assert 0 <= block.start < block.end <= len(text)
    segmentation = segment(policy)
    previous = 0
    for paragraph in segmentation.paragraphs:
        assert previous <= paragraph.start < paragraph.end <= len(text)
        previous = paragraph.end
    previous = 0
    for sentence in segmentation.sentences:
        paragraph = segmentation.paragraphs[sentence.paragraph]
        assert previous <= sentence.start < sentence.end
        assert paragraph.start <= sentence.start and sentence.end <= paragraph.end
        assert text[sentence.start : sentence.end].strip()
        previous = sentence.end
    for heading in segmentation.headings:
        assert 0 <= heading.start < heading.end <= len(text)
        assert heading.title


def _load_or_refuse(load: Callable[[], Policy]) -> None:
    try:
        policy = load()
    except PolicyLoadError as error:
        assert str(error)
        return
    assert_consistent(policy)


@PROPERTY_SETTINGS
@given(TEXT)
def test_pasted_text_loads_consistently_or_is_refused(text: str) -> None:
    _load_or_refuse(lambda: policy_from_text(text))


@PROPERTY_SETTINGS
@given(TEXT, st.sampled_from(sorted(SUPPORTED_SUFFIXES)), st.sampled_from(["utf-8", "utf-16", "gb18030"]))
def test_text_written_as_any_format_loads_consistently_or_is_refused(
    text: str, suffix: str, encoding: str
) -> None:
    data = text.encode(encoding, "replace")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"政策 policy{suffix}"
        path.write_bytes(data)
        _load_or_refuse(lambda: load_policy(path))


@PROPERTY_SETTINGS
@given(st.binary(max_size=3000), st.sampled_from([*sorted(SUPPORTED_SUFFIXES), ".bin", ""]))
def test_arbitrary_bytes_load_consistently_or_are_refused(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"file{suffix}"
        path.write_bytes(data)
        _load_or_refuse(lambda: load_policy(path))


@PROPERTY_SETTINGS
@given(st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body><p>", b"\xef\xbb\xbf", b"\xff\xfe"]),
       st.binary(max_size=2000))  # fmt: skip
def test_bytes_behind_a_format_signature_load_or_are_refused(signature: bytes, rest: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.unknown"
        path.write_bytes(signature + rest)
        _load_or_refuse(lambda: load_policy(path))


def test_lone_surrogates_in_pasted_text_become_replacement_characters() -> None:
    policy = policy_from_text("We keep \ud800 data.\nA pair \ud83d\ude00 joins.")
    assert policy.text == "We keep \ufffd data.\nA pair 😀 joins."


def test_file_name_with_undecodable_bytes_gets_a_printable_source_name(tmp_path: Path) -> None:
    raw = bytes(tmp_path) + b"/policy-\xff\xfe.txt"
    Path(raw.decode("utf-8", "surrogateescape")).write_text("We collect your name.", encoding="utf-8")
    policy = load_policy(raw.decode("utf-8", "surrogateescape"))
    assert policy.source_name == "policy-\ufffd\ufffd.txt"


def test_markdown_with_a_stray_closing_tag_loads_its_text(tmp_path: Path) -> None:
    path = tmp_path / "policy.md"
    path.write_text("We collect your name.\n\n</h2>\n", encoding="utf-8")
    assert load_policy(path).text == "We collect your name."


def test_markdown_of_only_a_stray_tag_is_empty_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "policy.md"
    path.write_text("<html", encoding="utf-8")
    try:
        load_policy(path)
    except PolicyLoadError as error:
        assert error.title == "The policy is empty"
    else:
        raise AssertionError("a file without text loaded")


def test_web_page_with_two_xml_declarations_loads(tmp_path: Path) -> None:
    path = tmp_path / "policy.xhtml"
    declaration = "<?xml version='1.0' encoding='utf-8'?>"
    path.write_text(f"{declaration}\n{declaration}<p>我们收集您的姓名。</p>", encoding="utf-8")
    assert load_policy(path).text == "我们收集您的姓名。"
