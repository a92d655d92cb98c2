"""Turn the bytes of a text file into a string, naming the encoding that was used.

Order of evidence, strongest first: a byte-order mark; BOM-less UTF-16 (NUL bytes in every other position,
or text that only makes sense as UTF-16); strict UTF-8; then the Chinese legacy encodings, which generic
detectors confuse on short texts; then charset-normalizer for everything else.

GB18030 and Big5 both accept most byte sequences of the other, so a strict decode proves little. Instead each
candidate is scored by how much of its non-ASCII output is *common* text in that encoding's own terms: for
GB18030, level-1 GB2312 hanzi (the 3,755 most frequent) and GB punctuation; for Big5, the 5,401 frequently
used hanzi and Big5 punctuation. Misreading one as the other yields rare characters, kana, Cyrillic or private
use code points, so the right reading wins by a wide margin even on a title-length text. GB18030 is the
decoder for anything GBK-like because it is the superset of GB2312 and GBK.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from desktop.core.errors import PolicyLoadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the UTF-16 LE BOM
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CJK_PUNCTUATION = set("，。、；：？！“”‘’（）《》〈〉【】「」『』—…·％＋－／：")
_HAN = re.compile("[\u4e00-\u9fff]")
_SPACED_HAN = re.compile("[\u4e00-\u9fff] (?=[\u4e00-\u9fff])")
_LEGACY_MIN_SCORE = 0.6
_MAX_BAD_SHARE = 0.05  # control characters / replacement characters tolerated in a decoded text file


def _common_gb(char: str) -> bool:
    if char in _CJK_PUNCTUATION:
        return True
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and 0xB0 <= encoded[0] <= 0xD7


def _common_big5(char: str) -> bool:
    if char in _CJK_PUNCTUATION:
        return True
    try:
        encoded = char.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and 0xA4 <= encoded[0] <= 0xC6


def _common_share(text: str, is_common: Callable[[str], bool], sample: int = 4000) -> float:
    """The share of the first ``sample`` non-ASCII characters of ``text`` that ``is_common`` accepts."""
    seen = common = 0
    for char in text:
        if char.isascii():
            continue
        seen += 1
        common += is_common(char)
        if seen >= sample:
            break
    return common / seen if seen else 0.0


def _plausible_utf16(text: str) -> bool:
    """Whether ``text`` (a UTF-16 reading) looks like real text: almost all ASCII, Han, or CJK punctuation."""
    sample = text[:4000]
    if not sample:
        return False
    good = sum(
        1
        for char in sample
        if (char.isascii() and (char.isprintable() or char in "\t\r\n"))
        or "\u4e00" <= char <= "\u9fff"
        or "\u3000" <= char <= "\u303f"
        or "\uff00" <= char <= "\uffef"
        or ("\u00a0" <= char <= "\u024f" and char.isprintable())
    )
    return good / len(sample) >= 0.95


def _spaced_like_korean(text: str) -> bool:
    """Whether Han characters are often separated by spaces, as EUC-KR Hangul is when read as GB18030.

    Chinese prose has no spaces between characters, while Korean separates words of about three syllables,
    and EUC-KR Hangul falls exactly on the byte rows of common GB2312 hanzi.
    """
    sample = text[:8000]
    han = len(_HAN.findall(sample))
    return han > 0 and len(_SPACED_HAN.findall(sample)) > 0.1 * han


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        text = _try(data, encoding)
        if text is not None and _plausible_utf16(text):
            return text, encoding
    return None


def _chinese_legacy(data: bytes) -> tuple[str, str] | None:
    candidates: list[tuple[float, int, str, str]] = []
    gb = _try(data, "gb18030")
    if gb is not None:
        candidates.append((_common_share(gb, _common_gb), 1, gb, "gb18030"))
    for big5_codec in ("big5", "cp950"):  # cp950 (Windows Big5) is the wider table; plain big5 is the name
        big5 = _try(data, big5_codec)
        if big5 is not None:
            candidates.append((_common_share(big5, _common_big5), 0, big5, big5_codec))
            break
    if not candidates:
        return None
    score, _, text, encoding = max(candidates)  # ties go to GB18030 (the tuple's second field)
    if score < _LEGACY_MIN_SCORE or _spaced_like_korean(text):
        return None
    return text, encoding


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    encoding = str(best.encoding)
    if encoding in {"gbk", "gb2312", "hz"}:
        encoding = "gb18030"
    text = _try(data, encoding)
    return None if text is None else (text, encoding)


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    bad = sum(1 for char in sample if char == "\ufffd" or (not char.isprintable() and char not in "\t\r\n\f"))
    return bad > _MAX_BAD_SHARE * len(sample)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text file's bytes; ``(text, encoding)``. Raises PolicyLoadError for binary or unknown data."""
    result: tuple[str, str] | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try(data, encoding)
            if text is None:
                label = encoding.removesuffix("-sig").upper()
                raise PolicyLoadError(
                    f"{name} starts with a {label} byte-order mark but is not valid {label} text. "
                    "The file may be damaged; re-save it as UTF-8 and try again."
                )
            result = text.removeprefix("\ufeff"), encoding.removesuffix("-sig")
            break
    if result is None and b"\x00" in data[:4000]:
        result = _utf16_without_bom(data)
    if result is None:
        text = _try(data, "utf-8")
        if text is not None:
            result = text, "utf-8"
    if result is None:
        result = _chinese_legacy(data) or _charset_normalizer(data)
    if result is None or _looks_binary(result[0]):
        raise PolicyLoadError(
            f"{name} does not look like a text file (it contains binary data or an unknown encoding). "
            "Open it in the program that made it and save it as UTF-8 text, Word (.docx) or PDF."
        )
    return result
