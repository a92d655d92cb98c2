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

from desktop.core.regex_literals import PatternFacts, pattern_facts

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
    """Regular expressions, each compiled once and run over the text, case-insensitively.

    A pattern written in lower case runs over the case-folded text without ``re.IGNORECASE`` (about twice as
    fast, see :func:`lower_case_only`). If it also stays on one line and needs one of a few words, it runs
    only over the lines holding one of them: most lines of a long policy hold none. The matches are the
    same as one ``finditer`` over the whole text.
    """

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        self._plans = tuple(_plan(pattern) for pattern in self.patterns)

    def find(self, text: str, folded: str | None = None) -> list[Match]:
        """Matches of every pattern; one that needs a character the text lacks is not run at all.

        ``folded`` is ``fold_case(text)`` when the caller has it already.
        """
        found: list[Match] = []
        for index, (compiled, facts) in enumerate(self._plans):
            required = facts.required_chars
            if required is not None and not any(char in text for char in required):
                continue
            subject = text
            if facts.lower_case_only:
                subject = folded = fold_case(text) if folded is None else folded
            spans = _lines_with(subject, facts.line_words) if facts.line_words else None
            for start, end in spans if spans is not None else ((0, len(subject)),):
                found.extend(
                    (m.start(), m.end(), index)
                    for m in compiled.finditer(subject, start, end)
                    if m.end() > m.start()
                )
        return found


def _plan(pattern: str) -> tuple[re.Pattern[str], PatternFacts]:
    facts = pattern_facts(pattern)
    return re.compile(pattern, 0 if facts.lower_case_only else re.IGNORECASE), facts


def _lines_with(text: str, words: Iterable[str]) -> list[tuple[int, int]] | None:
    """The lines of ``text`` holding any of ``words``, as merged ``(start, end)`` spans in text order; None
    when they cover so much of the text that one scan of all of it is cheaper."""
    lines: list[tuple[int, int]] = []
    budget = len(text) // 2
    for word in words:
        at = text.find(word)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at + len(word))
            end = len(text) if end < 0 else end
            lines.append((start, end))
            budget -= end - start
            if budget < 0:
                return None
            at = text.find(word, end)
    lines.sort()
    merged: list[tuple[int, int]] = []
    for start, end in lines:
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
