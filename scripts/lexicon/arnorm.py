"""Python twin of kashif::text::normalize::key (the normalization contract in DESIGN.md).

remove U+064B..U+065F, U+0670, U+0640; fold أ إ آ ٱ -> ا ; ى -> ي ; ة -> ه ;
Arabic-Indic and Persian digits -> ASCII; drop zero-width/bidi format chars; lowercase Latin.
"""
import re

_DROP = re.compile('[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]')
_FOLD = str.maketrans({'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه',
                       **{chr(0x0660 + i): str(i) for i in range(10)},
                       **{chr(0x06F0 + i): str(i) for i in range(10)}})


def key(s: str) -> str:
    """Normalized lookup key of `s` (whitespace collapsed to single spaces)."""
    s = _DROP.sub('', s).translate(_FOLD).lower()
    return ' '.join(s.split())


ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u065F\u0670\u0640 ]+$")


def is_arabic(s: str) -> bool:
    """True when `s` is written only with Arabic (not Persian/Urdu) letters, marks and spaces."""
    # Kurdish/Uyghur spellings start words with ئا; Arabic words never start with ئ
    return bool(ARABIC_ONLY.match(s)) and not any(w.startswith('ئ') for w in s.split())
