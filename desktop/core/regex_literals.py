"""What a regular expression's parse tree says about where its matches can be, so most of a text is skipped.

Python's regex engine tries a pattern at every position of the text; over a 3 MB policy the rule patterns
took most of the prefill's time. Read from the parse tree of Python's own parser (``re._parser``, the 3.11+
name of ``sre_parse``), these facts let the matcher skip work without changing a single match:

- :func:`required_chars`: characters every match contains (no letters: under ``re.IGNORECASE`` a letter
  also matches its case variants); a text lacking all of them is not scanned at all;
- :func:`lower_case_only`: the pattern can run over case-folded text without ``re.IGNORECASE``;
- :func:`stays_on_one_line` and :func:`required_words`: the pattern can run over just the lines holding
  one of a few literal words.

Each answers conservatively (``None`` or ``False``) on anything it is unsure about.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

try:  # a private module; without it every pattern is simply scanned
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - CPython 3.11+ has it
    _parser = None

_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_MAX_CLASS = 32  # larger character classes ([0-9], ranges) are not worth testing one by one


def _parse(pattern: str, flags: int = 0) -> Any | None:
    """The parse tree; None without a parser or for a pattern that does not parse (the compiler says why)."""
    if _parser is None:
        return None
    try:
        return _parser.parse(pattern, flags)
    except (re.error, RecursionError, TypeError, ValueError):
        return None


@dataclass(frozen=True)
class PatternFacts:
    """All the matcher needs to know of one pattern, read from a single parse."""

    required_chars: frozenset[str] | None  # see required_chars()
    lower_case_only: bool  # see lower_case_only()
    line_words: frozenset[str] | None  # required_words() of a lower-case pattern that stays on one line


def pattern_facts(pattern: str) -> PatternFacts:
    tree = _parse(pattern)
    if tree is None:
        return PatternFacts(None, False, None)
    lower = _all_lower(tree)
    line_words = _words(tree) if lower and not _may_take_newline(tree) else None
    return PatternFacts(_sequence(tree), lower, line_words)


def required_chars(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Characters of which every match of ``pattern`` contains at least one, or None when unknown."""
    tree = _parse(pattern, flags)
    return None if tree is None else _sequence(tree)


def lower_case_only(pattern: str) -> bool:
    """True when no character the pattern names has an upper-case form to lose: run without ``re.IGNORECASE``
    over the text passed through :func:`desktop.core.matching.fold_case`, it matches as the term matcher does.

    That pays because Python's regex engine gives up its first-character scan under ``re.IGNORECASE`` for any
    pattern naming a letter, and tries the whole pattern at every position instead: folded, English patterns
    run about twice as fast.
    """
    tree = _parse(pattern)
    return tree is not None and _all_lower(tree)


def _all_lower(items: Iterable[tuple[Any, Any]]) -> bool:
    return all(_lower_element(op.name, value) for op, value in items)


def _lower_element(name: str, value: Any) -> bool:
    if name in ("LITERAL", "NOT_LITERAL"):
        return bool(chr(value).lower() == chr(value))
    if name == "RANGE":
        return all(chr(code).lower() == chr(code) for code in range(value[0], value[1] + 1))
    parts = _parts(name, value)
    return parts is not None and all(_all_lower(part) for part in parts)


_LEAVES = frozenset({"AT", "ANY", "CATEGORY", "NEGATE", "GROUPREF"})
_INNER: dict[str, Any] = {
    "IN": lambda value: [value],
    "ATOMIC_GROUP": lambda value: [value],
    "BRANCH": lambda value: list(value[1]),
    "MAX_REPEAT": lambda value: [value[2]],
    "MIN_REPEAT": lambda value: [value[2]],
    "POSSESSIVE_REPEAT": lambda value: [value[2]],
    # A group that switches case-insensitivity off, (?-i:...), must see the text unfolded.
    "SUBPATTERN": lambda value: None if value[2] & re.IGNORECASE else [value[-1]],
    "ASSERT": lambda value: [value[1]],
    "ASSERT_NOT": lambda value: [value[1]],
}


def _parts(name: str, value: Any) -> list[Any] | None:
    """The sequences inside a compound element ([] for leaves that name no character), None if unforeseen."""
    if name in _LEAVES:
        return []
    inner = _INNER.get(name)
    return None if inner is None else inner(value)


def _sequence(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """Every element of a sequence is consumed, so any element's set will do; the smallest is the sharpest."""
    best: frozenset[str] | None = None
    for op, value in items:
        found = _element(op.name, value)
        if found is not None and (best is None or len(found) < len(best)):
            best = found
    return best


def _element(name: str, value: Any) -> frozenset[str] | None:
    if name == "LITERAL":
        return _caseless(chr(value))
    if name == "IN":
        return _character_class(value)
    if name == "BRANCH":
        return _branch(value[1])
    if name in _REPEATS:
        low, _high, body = value
        return _sequence(body) if low >= 1 else None
    if name in ("SUBPATTERN", "ATOMIC_GROUP"):
        return _sequence(value[-1] if name == "SUBPATTERN" else value)
    return None  # assertions, anchors, '.', back-references, negated literals


def _branch(alternatives: list[Any]) -> frozenset[str] | None:
    """Each alternative needs one of its own characters: the union, unless one alternative needs none."""
    chars: set[str] = set()
    for alternative in alternatives:
        found = _sequence(alternative)
        if found is None:
            return None
        chars |= found
    return frozenset(chars)


def _character_class(members: list[tuple[Any, Any]]) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, value in members:
        if op.name == "LITERAL":
            found = _caseless(chr(value))
            if found is None:
                return None
            chars |= found
        elif op.name == "RANGE" and value[1] - value[0] < _MAX_CLASS:
            for code in range(value[0], value[1] + 1):
                found = _caseless(chr(code))
                if found is None:
                    return None
                chars |= found
        else:
            return None  # a category (\w, \d), a negation or a wide range
    return frozenset(chars) if len(chars) <= _MAX_CLASS else None


def _caseless(char: str) -> frozenset[str] | None:
    """The character itself when case cannot change it; None for letters with case variants."""
    if char.lower() == char.upper() == char.casefold() and char.swapcase() == char:
        return frozenset(char)
    return None


MIN_WORD = 3


def required_words(pattern: str) -> frozenset[str] | None:
    """Literal strings (as written, so lower case for a :func:`lower_case_only` pattern) of which every match
    contains one; None when the pattern has no such strings of at least :data:`MIN_WORD` characters."""
    tree = _parse(pattern)
    return None if tree is None else _words(tree)


def _words(tree: Any) -> frozenset[str] | None:
    words = _sequence_words(tree)
    return words if words is not None and min(map(len, words)) >= MIN_WORD else None


def _sequence_words(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """The sharpest of a sequence's choices: each run of literals, and each element's own words."""
    choices: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in items:
        if op.name == "LITERAL":
            run.append(chr(value))
            continue
        if run:
            choices.append(frozenset({"".join(run)}))
            run = []
        words = _element_words(op.name, value)
        if words is not None:
            choices.append(words)
    if run:
        choices.append(frozenset({"".join(run)}))
    return max(choices, key=lambda words: (min(map(len, words)), -len(words)), default=None)


def _element_words(name: str, value: Any) -> frozenset[str] | None:
    if name == "SUBPATTERN":
        return _sequence_words(value[-1])
    if name == "ATOMIC_GROUP":
        return _sequence_words(value)
    if name in _REPEATS:
        return _sequence_words(value[2]) if value[0] >= 1 else None
    if name == "BRANCH":
        union: set[str] = set()
        for alternative in value[1]:
            words = _sequence_words(alternative)
            if words is None:
                return None
            union |= words
        return frozenset(union)
    return None


_NEWLINE = ord("\n")
_CATEGORIES_WITH_NEWLINE = frozenset({"CATEGORY_SPACE", "CATEGORY_NOT_DIGIT", "CATEGORY_NOT_WORD"})


def stays_on_one_line(pattern: str) -> bool:
    """True when no match, nor any look-around of one, can take in a line break, and nothing depends on where
    the text starts or ends: the pattern then finds the same matches line by line as in the whole text."""
    tree = _parse(pattern)
    return tree is not None and not _may_take_newline(tree)


def _may_take_newline(items: Iterable[tuple[Any, Any]]) -> bool:
    return any(_element_takes_newline(op.name, value) for op, value in items)


def _element_takes_newline(name: str, value: Any) -> bool:
    test = _TAKES_NEWLINE.get(name)
    if test is not None:
        return bool(test(value))
    parts = _INNER.get(name)
    if parts is None:
        return True  # back-references and anything unforeseen
    return any(_may_take_newline(part) for part in parts(value))


def _class_takes_newline(members: list[tuple[Any, Any]]) -> bool:
    negated = bool(members) and members[0][0].name == "NEGATE"
    named = any(
        (op.name == "LITERAL" and value == _NEWLINE)
        or (op.name == "RANGE" and value[0] <= _NEWLINE <= value[1])
        or (op.name == "CATEGORY" and str(value) in _CATEGORIES_WITH_NEWLINE)
        for op, value in members
    )
    return named != negated


_TAKES_NEWLINE: dict[str, Any] = {
    "LITERAL": lambda value: value == _NEWLINE,
    "NOT_LITERAL": lambda value: value != _NEWLINE,
    "ANY": lambda value: False,  # '.' stops at a line break without re.DOTALL
    "CATEGORY": lambda value: str(value) in _CATEGORIES_WITH_NEWLINE,
    # ^, $, \A and \Z see where the scanned text starts and ends; \b and \B only the characters beside them.
    "AT": lambda value: str(value) not in ("AT_BOUNDARY", "AT_NON_BOUNDARY"),
    "IN": _class_takes_newline,
    "SUBPATTERN": lambda value: bool(value[1] & re.DOTALL) or _may_take_newline(value[-1]),
}
