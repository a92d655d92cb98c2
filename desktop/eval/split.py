"""A fixed held-out third of the gold policies, so tuning the heuristics cannot quietly overfit all of them.

The split depends only on the policy file's name without its format extension (not its folder, not the order
of files), so it is the same on every machine, stays put when gold files are added, and a policy converted
from a dataset (``x.com.txt``) falls on the same side as its original (``x.com.html``) labelled by hand.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath
from typing import Literal

SplitName = Literal["tune", "holdout"]
SplitFilter = Literal["all", "tune", "holdout"]


def split_of(policy_name: str) -> SplitName:
    """``holdout`` for about one policy in three: first byte of SHA-256 of the name's stem, mod 3 == 0."""
    first_byte = hashlib.sha256(PurePath(policy_name).stem.encode("utf-8")).digest()[0]
    return "holdout" if first_byte % 3 == 0 else "tune"


def in_split(policy_name: str, wanted: SplitFilter) -> bool:
    return wanted == "all" or split_of(policy_name) == wanted
