"""Characters a regular expression cannot match without, so a text lacking all of them is skipped unscanned.

A rule's Chinese pattern ("十四周岁以下") run over an English policy still tries every position of the
text; most of the rule patterns' time on a 3 MB English policy went there. A one-character ``in`` test
gives the same answer at memchr speed. The analysis walks the parse tree of Python's own regex parser
(``re._parser``, the 3.11+ name of ``sre_parse``) and gives up, answering ``None`` (always scan), on
anything it is unsure about. Letters are never used: under ``re.IGNORECASE`` a letter also matches its
case variants.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

try:  # a private module; without it every pattern is simply scanned
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - CPython 3.11+ has it
    _parser = None

_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_MAX_CLASS = 32  # larger character classes ([0-9], ranges) are not worth testing one by one


def required_chars(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Characters of which every match of ``pattern`` contains at least one, or None when unknown."""
    if _parser is None:
        return None
    try:
        tree = _parser.parse(pattern, flags)
    except (re.error, RecursionError, TypeError, ValueError):
        return None
    return _sequence(tree)


def lower_case_only(pattern: str) -> bool:
    """True when no character the pattern names has an upper-case form to lose: run without ``re.IGNORECASE``
    over the text passed through :func:`desktop.core.matching.fold_case`, it matches as the term matcher does.

    That pays because Python's regex engine gives up its first-character scan under ``re.IGNORECASE`` for any
    pattern naming a letter, and tries the whole pattern at every position instead: folded, English patterns
    run about twice as fast.
    """
    if _parser is None:
        return False
    try:
        tree = _parser.parse(pattern, 0)
    except (re.error, RecursionError, TypeError, ValueError):
        return False
    return _all_lower(tree)


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
