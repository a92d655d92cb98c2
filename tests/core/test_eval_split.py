"""The held-out third is fixed by the policy's file name alone."""

from __future__ import annotations

import hashlib

from desktop.eval.split import in_split, split_of


def test_known_names_fall_on_fixed_sides() -> None:
    assert split_of("harbour-notes.txt") == "holdout"
    assert split_of("晴天日记.txt") == "tune"


def test_the_rule_is_the_first_sha256_byte_mod_three() -> None:
    for name in ("a.txt", "b.txt", "KFC.txt", "潮汐表.txt"):
        expected = "holdout" if hashlib.sha256(name.encode()).digest()[0] % 3 == 0 else "tune"
        assert split_of(name) == expected


def test_about_a_third_is_held_out() -> None:
    held = sum(split_of(f"policy-{index}.txt") == "holdout" for index in range(900))
    assert 240 < held < 360


def test_all_takes_both_sides() -> None:
    assert in_split("harbour-notes.txt", "all") and in_split("晴天日记.txt", "all")
    assert not in_split("harbour-notes.txt", "tune")
