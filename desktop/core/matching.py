"""Find many keywords in a long text in one pass.

The prefill looks for a few thousand terms in policies of up to several megabytes. Running a regular
expression per term per sentence would be quadratic in practice; an Aho-Corasick automaton finds every
occurrence of every term (overlaps included) in a single scan, and word-boundary checks are then applied only
to the few candidates it reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence: ``text[start:end]`` is the surface form, ``term`` indexes the matcher's term list."""

    start: int
    end: int
    term: int


def fold_case(text: str) -> str:
    """Lower-case ``text`` without changing its length, so offsets stay valid for the original.

    A handful of characters (e.g. "İ") lower-case to two code points; those are left as they are.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(low := ch.lower()) != 1 else low for ch in text)


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


class TermMatcher:
    """Every occurrence of a fixed list of terms, case-insensitively, in one scan of the text.

    A term whose first (last) character is an ASCII letter or digit must start (end) on a word boundary, so
    "use" does not match inside "user"; Chinese terms match anywhere. A trailing ``*`` lifts the end boundary
    and extends the match to the end of the word (``retain*`` finds "retained").
    """

    def __init__(self, terms: Sequence[str]) -> None:
        self.terms = tuple(terms)
        self._automaton: ahocorasick.Automaton | None = None
        keyed: dict[str, list[int]] = {}
        self._prefix: list[bool] = []
        for index, term in enumerate(self.terms):
            key = fold_case(term.rstrip("*"))
            self._prefix.append(term.endswith("*"))
            if key:
                keyed.setdefault(key, []).append(index)
        if keyed:
            automaton = ahocorasick.Automaton()
            for key, indices in keyed.items():
                automaton.add_word(key, (len(key), tuple(indices)))
            automaton.make_automaton()
            self._automaton = automaton

    def find(self, folded: str) -> list[Match]:
        """Matches in ``folded`` (already passed through :func:`fold_case`), ordered by end offset."""
        if self._automaton is None:
            return []
        found: list[Match] = []
        size = len(folded)
        for last, (length, indices) in self._automaton.iter(folded):
            start = last - length + 1
            end = last + 1
            if _is_word_char(folded[start]) and start > 0 and _is_word_char(folded[start - 1]):
                continue
            for index in indices:
                if self._prefix[index]:
                    stop = end
                    while stop < size and _is_word_char(folded[stop]):
                        stop += 1
                    found.append(Match(start, stop, index))
                elif not (_is_word_char(folded[last]) and end < size and _is_word_char(folded[end])):
                    found.append(Match(start, end, index))
        return found


class PatternMatcher:
    """Regular expressions, each compiled once and run once over the whole text (case-insensitive)."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        self._compiled = tuple(re.compile(pattern, re.IGNORECASE) for pattern in self.patterns)

    def find(self, text: str) -> list[Match]:
        found: list[Match] = []
        for index, compiled in enumerate(self._compiled):
            found.extend(
                Match(m.start(), m.end(), index) for m in compiled.finditer(text) if m.end() > m.start()
            )
        return found
