//! Normalization for matching.
//!
//! The text a reader sees is never changed: normalization builds *match
//! keys* and keeps, for every character of a key, the UTF-16 range of the
//! original character it came from. The stages run in this order, each one
//! character at a time:
//!
//! 1. **Format controls** are dropped: zero-width space and (non-)joiners
//!    (U+200B–U+200D), the directional marks and embeddings (U+200E–U+200F,
//!    U+202A–U+202E, U+2066–U+2069) and the byte-order mark (U+FEFF), so a
//!    name pasted with bidi controls inside still matches.
//! 2. **Diacritics** are dropped: harakat, tanwin, shadda, sukun and the
//!    other Arabic marks U+064B–U+065F, and the dagger alef U+0670.
//! 3. **Tatweel** (U+0640, the kashida that only stretches a word) is dropped.
//! 4. **Alef, ya and ta marbuta folding:** أ إ آ ٱ → ا, ى → ي, ة → ه.
//! 5. **Digits:** Arabic-Indic ٠–٩ and Persian ۰–۹ become ASCII 0–9.
//! 6. **Latin case:** letters are lowercased (one character to one).
//!
//! The same rules produce the keys of every data file in `data/`, so a key
//! written there is looked up as it is.

/// Whether `c` is a format control that normalization drops (stage 1).
#[inline]
pub fn is_format_control(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Whether `c` is an Arabic diacritic that normalization drops (stage 2).
#[inline]
pub fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// The tatweel (kashida), dropped by stage 3.
pub const TATWEEL: char = '\u{0640}';

/// Whether normalization drops `c` entirely (stages 1–3).
#[inline]
pub fn is_ignorable(c: char) -> bool {
    is_format_control(c) || is_diacritic(c) || c == TATWEEL
}

/// The folded form of one kept character (stages 4–6).
#[inline]
pub fn fold(c: char) -> char {
    // the Arabic letters that no stage changes, the bulk of a text
    if ('\u{0628}'..='\u{063A}').contains(&c) && c != 'ة' || ('\u{0641}'..='\u{064A}').contains(&c) && c != 'ى' {
        return c;
    }
    fold_other(c)
}

fn fold_other(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        'A'..='Z' => c.to_ascii_lowercase(),
        // Fast path: ASCII and the Arabic block have no other case to fold.
        '\0'..='\u{7F}' | '\u{0600}'..='\u{06FF}' => c,
        _ if c.is_uppercase() => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
        _ => c,
    }
}

/// The match key of `s`: every stage applied, nothing else changed.
///
/// ```
/// assert_eq!(kashif::text::normalize::key("الْمَكَلَّفُ"), "المكلف");
/// assert_eq!(kashif::text::normalize::key("إِلى ٢٠٢٥"), "الي 2025");
/// ```
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    super::tokenize::push_key(&mut out, s);
    out
}

/// A normalized text with the way back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The match key of the whole text.
    pub text: String,
    /// For each character of `text`, in order: the UTF-16 range
    /// `[start, end)` of the original character it came from.
    pub spans: Vec<(u32, u32)>,
}

impl Normalized {
    /// Normalizes `original`, keeping the map back to UTF-16 offsets.
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut spans = Vec::with_capacity(original.len());
        let mut pos = 0u32;
        for c in original.chars() {
            let width = c.len_utf16() as u32;
            if !is_ignorable(c) {
                text.push(fold(c));
                spans.push((pos, pos + width));
            }
            pos += width;
        }
        Normalized { text, spans }
    }

    /// The UTF-16 range in the original text of the normalized characters
    /// `[from, to)` (character indices into `text`), or `None` when the
    /// range is empty or out of bounds.
    pub fn original_range(&self, from: usize, to: usize) -> Option<(u32, u32)> {
        if from >= to || to > self.spans.len() {
            return None;
        }
        Some((self.spans[from].0, self.spans[to - 1].1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, input, expected key)
    const KEYS: &[(&str, &str, &str)] = &[
        ("harakat and shadda", "المكلّف", "المكلف"),
        ("tanwin", "جهوداً", "جهودا"),
        ("full vocalization", "وَزِيرُ الدَّاخِلِيَّةِ", "وزير الداخليه"),
        ("dagger alef", "هٰذا", "هذا"),
        ("tatweel", "الــ41", "ال41"),
        ("hamza alefs", "أنقرة إلى آفاق ٱلله", "انقره الي افاق الله"),
        ("alef maqsura", "على مستوى", "علي مستوي"),
        ("ta marbuta", "حكومة الوحدة الوطنية", "حكومه الوحده الوطنيه"),
        ("arabic-indic digits", "٢٠٢٥-١١-٢٤", "2025-11-24"),
        ("persian digits", "۱۴۰۳", "1403"),
        ("latin case", "Tripoli ÉTAT", "tripoli état"),
        ("bidi controls inside a name", "عماد\u{200F} ال\u{200D}طرابلسي", "عماد الطرابلسي"),
        ("byte order mark", "\u{FEFF}ليبيا", "ليبيا"),
        ("emoji kept", "ليبيا 🇱🇾", "ليبيا 🇱🇾"),
        ("only diacritics", "ًٌٍَُِّْ", ""),
        ("empty", "", ""),
    ];

    #[test]
    fn keys() {
        for (name, input, want) in KEYS {
            assert_eq!(key(input), *want, "case {name:?}: key({input:?}) should fold to {want:?}; check the stage that handles it");
        }
    }

    #[test]
    fn key_equals_the_stages_char_by_char() {
        // key() copies runs of unchanged characters and decodes the Arabic
        // block inline: it must equal the stages applied one character at a time.
        let reference = |s: &str| s.chars().filter(|&c| !is_ignorable(c)).map(fold).collect::<String>();
        let mut every: Vec<char> = (0u32..0x3000).chain(0xFB50..0xFF00).chain([0x1F1F1, 0x1F600, 0x1D400, 0xE0041]).filter_map(char::from_u32).collect();
        let all: String = every.iter().collect();
        every.reverse();
        let reversed: String = every.iter().collect();
        let cases: &[(&str, &str)] = &[
            ("every character of the BMP up to U+3000, presentation forms, some astral", &all),
            ("the same, reversed", &reversed),
            ("words with marks, folds and controls", "وَزِيرُ الدَّاخِلِيَّةِ أنقرة إلى مستوى\u{200F}حكومة ABC ٢٠٢٥ ـــ"),
        ];
        for (name, input) in cases {
            assert_eq!(key(input), reference(input), "case {name:?}: tokenize::push_key disagrees with is_ignorable/fold");
        }
    }

    #[test]
    fn normalized_text_equals_key() {
        for (name, input, _) in KEYS {
            assert_eq!(Normalized::new(input).text, key(input), "case {name:?}: Normalized::new and key() disagree");
        }
    }

    /// (name, input, normalized char range, expected UTF-16 range)
    const MAPS: &[(&str, &str, (usize, usize), (u32, u32))] = &[
        ("plain", "ليبيا", (0, 5), (0, 5)),
        ("diacritic inside is covered", "المكلّف", (3, 6), (3, 7)),
        ("emoji before shifts by two units", "😀 تركيا", (2, 7), (3, 8)),
        ("astral flag is two chars of two units", "🇱🇾ليبيا", (2, 7), (4, 9)),
        ("lone diacritic at start skipped", "َعماد", (0, 4), (1, 5)),
        ("tatweel skipped", "بـتأمين", (1, 6), (2, 7)),
    ];

    #[test]
    fn offset_map() {
        for (name, input, (from, to), want) in MAPS {
            let n = Normalized::new(input);
            assert_eq!(n.original_range(*from, *to), Some(*want), "case {name:?}: normalized [{from},{to}) of {input:?} should map to UTF-16 {want:?}");
        }
    }

    #[test]
    fn empty_range_is_none() {
        let n = Normalized::new("ليبيا");
        assert_eq!(n.original_range(2, 2), None);
        assert_eq!(n.original_range(0, 9), None);
    }
}
