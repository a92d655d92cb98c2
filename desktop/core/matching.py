"""Find many keywords in a long text in one pass.

The prefill looks for a few thousand terms in policies of up to several megabytes. Running a regular
expression per term per sentence would be quadratic in practice; an Aho-Corasick automaton finds every
occurrence of every term (overlaps included) in a single scan, and word-boundary checks are then applied only
to the candidates it reports, and only for terms that start or end with a Latin letter or digit.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence

import ahocorasick

from desktop.core.regex_literals import lower_case_only, required_chars

Match = tuple[int, int, int]
"""``(start, end, term)``: ``text[start:end]`` is the surface form, ``term`` indexes the matcher's list."""

_WORD = frozenset(string.ascii_letters + string.digits + "_")


def fold_case(text: str) -> str:
    """Lower-case ``text`` without changing its length, so offsets stay valid for the original.

    A handful of characters (e.g. "İ") lower-case to two code points; those are left as they are.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(low := ch.lower()) != 1 else low for ch in text)


class TermMatcher:
    """Every occurrence of a fixed list of terms, case-insensitively, in one scan of the text.

    A term whose first (last) character is an ASCII letter or digit must start (end) on a word boundary, so
    "use" does not match inside "user"; Chinese terms match anywhere. A trailing ``*`` lifts the end boundary
    and extends the match to the end of the word (``retain*`` finds "retained").
    """

    def __init__(self, terms: Sequence[str]) -> None:
        self.terms = tuple(terms)
        self._automaton: ahocorasick.Automaton | None = None
        keyed: dict[str, list[tuple[int, bool]]] = {}
        for index, term in enumerate(self.terms):
            key = fold_case(term.rstrip("*"))
            if key:
                keyed.setdefault(key, []).append((index, term.endswith("*")))
        if keyed:
            automaton = ahocorasick.Automaton()
            for key, variants in keyed.items():
                check_start = key[0] in _WORD
                check_end = key[-1] in _WORD
                automaton.add_word(key, (len(key), check_start, check_end, tuple(variants)))
            automaton.make_automaton()
            self._automaton = automaton

    def find(self, folded: str) -> list[Match]:
        """Matches in ``folded`` (already passed through :func:`fold_case`), ordered by end offset."""
        if self._automaton is None:
            return []
        found: list[Match] = []
        append = found.append
        size = len(folded)
        word = _WORD
        for last, (length, check_start, check_end, variants) in self._automaton.iter(folded):
            start = last - length + 1
            if check_start and start > 0 and folded[start - 1] in word:
                continue
            end = last + 1
            for index, prefix in variants:
                if prefix:
                    stop = end
                    while stop < size and folded[stop] in word:
                        stop += 1
                    append((start, stop, index))
                elif not (check_end and end < size and folded[end] in word):
                    append((start, end, index))
        return found


class PatternMatcher:
    """Regular expressions, each compiled once and run once over the whole text, case-insensitively.

    A pattern written in lower case runs over the case-folded text without ``re.IGNORECASE`` (about twice as
    fast, see :func:`lower_case_only`); one naming an upper-case letter keeps the flag.
    """

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        self._on_folded = tuple(lower_case_only(pattern) for pattern in self.patterns)
        self._compiled = tuple(
            re.compile(pattern, 0 if folded else re.IGNORECASE)
            for pattern, folded in zip(self.patterns, self._on_folded, strict=True)
        )
        self._required = tuple(required_chars(pattern) for pattern in self.patterns)

    def find(self, text: str, folded: str | None = None) -> list[Match]:
        """Matches of every pattern; one that needs a character the text lacks is not run at all.

        ``folded`` is ``fold_case(text)`` when the caller has it already.
        """
        found: list[Match] = []
        for index, (compiled, required, on_folded) in enumerate(
            zip(self._compiled, self._required, self._on_folded, strict=True)
        ):
            if required is not None and not any(char in text for char in required):
                continue
            if on_folded and folded is None:
                folded = fold_case(text)
            subject = folded if on_folded and folded is not None else text
            found.extend(
                (m.start(), m.end(), index) for m in compiled.finditer(subject) if m.end() > m.start()
            )
        return found
