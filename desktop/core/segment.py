"""Cut a policy into headings, paragraphs and sentences, each with offsets and the section it sits in.

A paragraph is one source block (an HTML ``<p>``, a DOCX paragraph, a Markdown list item) or, where the
source has no blocks, one line. Headings come from heading blocks where the format has them, and from the
text otherwise (numbering styles in :mod:`desktop.core.headings`). Text-derived candidates must also fit
their neighbours: a run of same-style numbered lines with nothing between them is a list or a table of
contents, a numbered line after "including:" is a list item, and an unnumbered short line only counts when
it stands alone.

Levels: heading blocks keep their relative rank (``h1`` above ``h2``); text numbering styles nest in the
order they first appear, so ``一、`` → ``（一）`` → ``1.`` works as well as ``1.`` → ``（一）``. The section
path of a paragraph is the chain of heading titles above it, its own title included when it is a heading.

Everything is one pass over the lines plus one regex pass per paragraph: linear in the text length.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.document import Block, BlockKind, Policy
from desktop.core.headings import (
    HeadingCandidate,
    display_width,
    heading_candidate,
    plausible_heading_block,
    starts_with_list_marker,
)
from desktop.core.segments import Heading, Paragraph, ParagraphKind, Segmentation, Sentence
from desktop.core.sentences import split_sentences

_FINISHED = frozenset("。．.!?！？；;…”\"'’）)】」』")  # a paragraph that ends with one of these is finished


@dataclass(slots=True)
class _Unit:
    """A paragraph-to-be: its span, what its source says it is, and its heading candidacy.

    ``source`` is the block kind it came from (``None`` for a plain line); ``text_headings`` says whether the
    text may still be recognised as a heading (not for table cells or one-line list items, whose short
    title-like texts are data, not structure).
    """

    start: int
    end: int
    source: BlockKind | None
    text_headings: bool
    level: int | None = None
    candidate: HeadingCandidate | None = None


@dataclass(frozen=True, slots=True)
class _Open:
    """A heading on the stack of open sections: ``rank`` for block/Markdown headings, else a text scheme."""

    scheme: str
    rank: int | None
    title: str
    weak: bool = False  # an unnumbered text heading: it never encloses a numbered section
    document_title: bool = False


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    while start < end:
        line_end = text.find("\n", start, end)
        if line_end < 0:
            line_end = end
        span = _strip_span(text, start, line_end)
        if span[0] < span[1]:
            spans.append(span)
        start = line_end + 1
    return spans


def _continues(text: str, previous: _Unit, start: int) -> bool:
    """Whether the line at ``start`` continues ``previous`` (a hard-wrapped English paragraph).

    The previous line must be long, unfinished and directly above; the new line must start in lower case.
    """
    if previous.source in {"heading", "table_cell"} or text.count("\n", previous.end, start) != 1:
        return False
    if text[previous.end - 1] in _FINISHED or text[previous.end - 1] in ":：" or not text[start].islower():
        return False
    if starts_with_list_marker(text[start : min(start + 8, len(text))]):
        return False
    line_start = max(previous.start, text.rfind("\n", 0, previous.end) + 1)
    return display_width(text[line_start : previous.end]) >= 40


def _add_line(text: str, units: list[_Unit], unit: _Unit) -> None:
    if units and unit.source is None and _continues(text, units[-1], unit.start):
        units[-1].end = unit.end
    else:
        units.append(unit)


def _block_units(text: str, block: Block, units: list[_Unit]) -> None:
    """A heading block is one unit; other blocks give one unit per line (``<br>``-separated sections)."""
    if block.kind == "heading":
        start, end = _strip_span(text, block.start, block.end)
        if start < end:
            units.append(_Unit(start, end, "heading", False, block.level))
        return
    spans = _line_spans(text, block.start, block.end)
    if len(spans) == 1:
        units.append(_Unit(*spans[0], block.kind, block.kind == "paragraph"))
    elif block.kind == "table_cell":
        units.extend(_Unit(start, end, "table_cell", False) for start, end in spans)
    else:
        units.append(_Unit(*spans[0], "list_item" if block.kind == "list_item" else None, True))
        for start, end in spans[1:]:
            _add_line(text, units, _Unit(start, end, None, True))


def _units(policy: Policy) -> list[_Unit]:
    """Units from the blocks, and one per non-blank line outside blocks (wrapped lines joined), in order."""
    text = policy.text
    blocks = sorted(policy.blocks, key=lambda block: block.start)
    units: list[_Unit] = []
    block_index = 0
    position = 0
    length = len(text)
    while position < length:
        line_end = text.find("\n", position)
        if line_end < 0:
            line_end = length
        while block_index < len(blocks) and blocks[block_index].end <= position:
            block_index += 1
        block = blocks[block_index] if block_index < len(blocks) else None
        if block is not None and block.start < line_end:
            _block_units(text, block, units)
            block_index += 1
            next_line = text.find("\n", max(block.end, position))
            position = length if next_line < 0 else next_line + 1
            continue
        start, end = _strip_span(text, position, line_end)
        if start < end:
            _add_line(text, units, _Unit(start, end, None, True))
        position = line_end + 1
    return units


def _in_numbered_run(candidate: HeadingCandidate, neighbour: HeadingCandidate | None, step: int) -> bool:
    """Whether ``neighbour`` continues ``candidate``'s numbering (``step`` = +1 after it, -1 before it)."""
    if neighbour is None or neighbour.scheme != candidate.scheme:
        return False
    if candidate.number is None or neighbour.number is None:
        return True
    return neighbour.number - candidate.number == step


def _confirm_headings(text: str, units: list[_Unit]) -> None:
    """Drop text-derived candidates that their neighbours show to be list items, contents lines or labels.

    A numbered candidate next to the previous or next number of the same style, with no body text between,
    is a list or a table-of-contents line (the contents' last line is followed by a *restart* at 1, so the
    first real heading survives). An unnumbered candidate (a short title-like line) must stand alone between
    a finished sentence (or the start of the text) and body text; short lines next to each other are table
    cells, addresses or lists written out as text, and a line after "the following:" is a list item.
    """
    raw = [unit.candidate for unit in units]
    for index, unit in enumerate(units):
        candidate = raw[index]
        if candidate is None or candidate.scheme in {"block", "markdown"}:
            continue
        previous = raw[index - 1] if index else None
        following = raw[index + 1] if index + 1 < len(units) else None
        if candidate.numbered:
            if _in_numbered_run(candidate, previous, -1) or _in_numbered_run(candidate, following, 1):
                unit.candidate = None
        elif not _stands_alone(text, units, raw, index):
            unit.candidate = None


def _stands_alone(text: str, units: list[_Unit], raw: list[HeadingCandidate | None], index: int) -> bool:
    """Whether an unnumbered candidate is set off like a heading (see :func:`_confirm_headings`).

    Short lines directly above or below each other are a list or a table written out as text. Two short
    lines separated by a blank line may be a heading and its sub-heading ("Information we collect" /
    "Information you give us"), but only two, and only when body text follows.
    """
    return (
        index + 1 < len(units)
        and _set_off_above(text, units, raw, index)
        and _set_off_below(text, units, raw, index)
    )


def _set_off_above(text: str, units: list[_Unit], raw: list[HeadingCandidate | None], index: int) -> bool:
    if index == 0:
        return True
    previous = raw[index - 1]
    if previous is None:
        return text[units[index - 1].end - 1] in _FINISHED
    if previous.numbered:
        return True
    earlier = raw[index - 2] if index > 1 else None
    return (
        not _adjacent(text, units[index - 1], units[index])
        and units[index - 1].candidate is not None
        and (earlier is None or earlier.numbered)
    )


def _set_off_below(text: str, units: list[_Unit], raw: list[HeadingCandidate | None], index: int) -> bool:
    following, body = raw[index + 1], units[index + 1]
    if following is None:
        return index == 0 or display_width(text[body.start : body.end]) >= 30
    if following.numbered:
        return True
    after = index + 2
    return (
        not _adjacent(text, units[index], body)
        and after < len(units)
        and raw[after] is None
        and display_width(text[units[after].start : units[after].end]) >= 30
    )


def _adjacent(text: str, upper: _Unit, lower: _Unit) -> bool:
    return text.count("\n", upper.end, lower.start) <= 1


def _classify(text: str, units: list[_Unit]) -> None:
    for unit in units:
        if unit.source == "heading":
            title = " ".join(text[unit.start : unit.end].split())
            if plausible_heading_block(title):
                unit.candidate = HeadingCandidate("block", title, True, unit.level or 1)
                continue
        if unit.source == "heading" or unit.text_headings:
            unit.candidate = heading_candidate(text[unit.start : unit.end])
    _confirm_headings(text, units)


def _place(stack: list[_Open], candidate: HeadingCandidate, *, first: bool) -> None:
    """Put a heading on the stack of open sections, closing the sections it ends.

    Unnumbered text headings are weak: they close other weak headings but never a numbered or block one, and
    a numbered heading closes trailing weak ones instead of nesting under them. A weak first heading is the
    document's title and stays open above everything.
    """
    if candidate.scheme in {"block", "markdown"}:
        rank = candidate.level or 1
        cut = next((i for i, entry in enumerate(stack) if entry.rank is not None), 0)
        for i in range(len(stack) - 1, -1, -1):
            entry_rank = stack[i].rank
            if entry_rank is not None and entry_rank < rank:
                cut = i + 1
                break
        del stack[cut:]
        stack.append(_Open("ranked", rank, candidate.title))
        return
    same_scheme = next(
        (i for i, entry in enumerate(stack) if entry.rank is None and entry.scheme == candidate.scheme), None
    )
    if candidate.numbered and same_scheme is not None:
        del stack[same_scheme:]
    else:
        while stack and stack[-1].weak and not stack[-1].document_title:
            stack.pop()
    stack.append(
        _Open(candidate.scheme, None, candidate.title, weak=not candidate.numbered, document_title=first)
    )


def _paragraph_kind(text: str, unit: _Unit) -> ParagraphKind:
    if unit.source == "list_item" or starts_with_list_marker(text[unit.start : unit.end]):
        return "list_item"
    return "paragraph"


def segment(policy: Policy) -> Segmentation:
    """Headings, paragraphs and sentences of ``policy`` (see the module docstring for the rules)."""
    text = policy.text
    units = _units(policy)
    _classify(text, units)
    headings: list[Heading] = []
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    stack: list[_Open] = []
    path: tuple[str, ...] = ()
    for unit in units:
        candidate = unit.candidate
        if candidate is not None:
            _place(stack, candidate, first=not headings)
            path = tuple(entry.title for entry in stack)
            headings.append(Heading(unit.start, unit.end, len(stack), candidate.title))
            kind: ParagraphKind = "heading"
        else:
            kind = _paragraph_kind(text, unit)
        index = len(paragraphs)
        paragraphs.append(Paragraph(unit.start, unit.end, kind, path))
        spans = [(unit.start, unit.end)] if kind == "heading" else split_sentences(text, unit.start, unit.end)
        sentences.extend(Sentence(start, end, index, path) for start, end in spans)
    return Segmentation(tuple(headings), tuple(paragraphs), tuple(sentences))
