"""The held-out third is fixed by the policy's file name alone."""

from __future__ import annotations

import hashlib

from desktop.eval.split import in_split, split_of


def test_known_names_fall_on_fixed_sides() -> None:
    assert split_of("harbour-notes.txt") == "holdout"
    assert split_of("晴天日记.txt") == "tune"


def test_the_rule_is_the_first_sha256_byte_of_the_stem_mod_three() -> None:
    for stem in ("a", "b", "KFC", "潮汐表", "gov.tide.app"):
        expected = "holdout" if hashlib.sha256(stem.encode()).digest()[0] % 3 == 0 else "tune"
        assert split_of(f"{stem}.txt") == expected


def test_a_converted_copy_falls_with_its_original() -> None:
    for stem in (f"{index}_site.example" for index in range(30)):
        assert split_of(f"{stem}.html") == split_of(f"{stem}.txt")


def test_about_a_third_is_held_out() -> None:
    held = sum(split_of(f"policy-{index}.txt") == "holdout" for index in range(900))
    assert 240 < held < 360


def test_all_takes_both_sides() -> None:
    assert in_split("harbour-notes.txt", "all") and in_split("晴天日记.txt", "all")
    assert not in_split("harbour-notes.txt", "tune")
