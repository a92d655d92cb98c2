"""Guess whether a policy is English, Chinese or bilingual from its script mix.

An English rendering of a Chinese policy has about three Latin letters per Han character of the original,
so one Han character is weighed against :data:`LETTERS_PER_HAN` letters. With
``share`` = Han / (Han + letters / 3):

- ``share >= 0.7`` → ``"zh"``: a Chinese policy that quotes English terms (SDK, Cookie, Android ID, e-mail
  addresses, company names) stays far above this;
- ``share <= 0.3`` → ``"en"``: an English policy that names a Chinese company or quotes a Chinese term;
- otherwise ``"mixed"``: a policy with full parallel English and Chinese text lands near 0.5.

A text with neither script (digits only) counts as English, the neutral default of the checklist rules.
"""

from __future__ import annotations

import re

from desktop.core.document import Language

LETTERS_PER_HAN = 3.0
ZH_THRESHOLD = 0.7
EN_THRESHOLD = 0.3


_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af]")
_LATIN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


def script_counts(text: str) -> tuple[int, int]:
    """``(han, latin)``: Han characters and Latin letters (ASCII and accented) in ``text``."""
    return sum(1 for _ in _HAN.finditer(text)), sum(1 for _ in _LATIN.finditer(text))


def detect_language(text: str) -> Language:
    """``"en"``, ``"zh"`` or ``"mixed"`` by the weighted share of Han characters (thresholds above)."""
    han, latin = script_counts(text)
    weighted = han + latin / LETTERS_PER_HAN
    if weighted == 0:
        return "en"
    share = han / weighted
    if share >= ZH_THRESHOLD:
        return "zh"
    if share <= EN_THRESHOLD:
        return "en"
    return "mixed"
