"""A fixed held-out third of the gold policies, so tuning the heuristics cannot quietly overfit all of them.

The split depends only on the policy file's name (not its folder, not the order of files), so it is the same
on every machine and stays put when gold files are added.
"""

from __future__ import annotations

import hashlib
from typing import Literal

SplitName = Literal["tune", "holdout"]
SplitFilter = Literal["all", "tune", "holdout"]


def split_of(policy_name: str) -> SplitName:
    """``holdout`` for about one policy in three (first byte of SHA-256 of the name, mod 3 == 0)."""
    first_byte = hashlib.sha256(policy_name.encode("utf-8")).digest()[0]
    return "holdout" if first_byte % 3 == 0 else "tune"


def in_split(policy_name: str, wanted: SplitFilter) -> bool:
    return wanted == "all" or split_of(policy_name) == wanted
