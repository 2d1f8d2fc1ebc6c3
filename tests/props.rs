#![cfg(not(target_arch = "wasm32"))]
//! Property tests: for any text, the analysis never panics, every span is
//! in bounds (`0 <= start < end <= length` in UTF-16 units), never splits
//! a surrogate pair and slices exactly to its text, mentions are sorted
//! and never overlap, every mention names an existing group, and the same
//! input always gives the same output. `PROPTEST_CASES=N` runs more cases.

mod common;

use common::check_invariants;
use kashif::{Analyzer, EntityType, Options};
use proptest::prelude::*;
use std::sync::OnceLock;

fn default_analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::new(Options::default()).unwrap())
}

/// Pieces of news-like text and of the troubles pasted text brings.
const PIECES: &[&str] = &[
    // names and titles the lexicon knows, with clitics
    "ليبيا", "وتركيا", "بطرابلس", "لليبيا", "وللطرابلسي", "المملكة العربية السعودية", "وزير الداخلية", "التركي", "أنقرة",
    "الوفد", "استقبل", "نظيره", "في", "و", "ب", "لل", "ال", "ووووو", "الى", "إلى",
    // diacritics, tatweel, format controls
    "\u{064E}", "\u{0651}", "\u{0652}", "\u{0670}", "ـ", "ــــ", "\u{200D}", "\u{200C}", "\u{200F}", "\u{202B}", "\u{202C}", "\u{2067}", "\u{2069}", "\u{FEFF}", "\u{200B}",
    // emoji, flags, astral characters, variation selectors
    "👨‍👩‍👧", "🇱🇾", "🇹🇷", "👍🏽", "🏳️‍🌈", "𝕏", "𠀀", "❤️", "1️⃣", "\u{FE0F}", "\u{1F3FD}",
    // controls, NUL, lone replacement chars (what JS lone surrogates become)
    "\0", "\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\r\n", "\n", "\t", "\u{2028}", "\u{FFFD}",
    // digits of three sets, punctuation, markup, Latin
    "٢٠٢٥", "۱۴۰۳", "2025", "3.5", "٣٫٥", "١٬٠٠٠", "-", ".", "،", "؟", "!", "…", "«", "»", "\"", "(", ")", ":",
    "<script>", "</script>", "<b>", "&amp;", "Tripoli", "ÉTAT", "İ", "ß", "ﬁ", "d.",
    " ", " ", " ", "  ", "\u{A0}",
];

/// Texts assembled from the pieces above, with or without spaces.
fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

/// Arbitrary Arabic-block text: letters, marks, tatweel, Arabic digits and
/// punctuation, with spaces.
fn arabic() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![
        4 => prop::char::range('\u{0600}', '\u{06FF}'),
        1 => prop::char::range('\u{064B}', '\u{0670}'),
        1 => Just(' '),
        1 => Just('ـ'),
        1 => prop::char::range('\u{200B}', '\u{200F}'),
    ], 0..200).prop_map(|v| v.into_iter().collect())
}

/// Any Unicode scalar values at all, controls and astral planes included.
fn anything() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), prop::collection::vec(any::<char>(), 0..100).prop_map(|v| v.into_iter().collect())]
}

fn check(text: &str) {
    let a = default_analyzer().analyze(text).expect("short text is never too large");
    check_invariants(text, &a);
    let b = default_analyzer().analyze(text).unwrap();
    assert!(a == b, "the same input gave a different output");
    let fresh = Analyzer::new(Options::default()).unwrap().analyze(text).unwrap();
    assert!(a == fresh, "a fresh analyzer gave a different output");
}

proptest! {

    #[test]
    fn invariants_hold_on_newsy_text(text in newsy()) {
        check(&text);
    }

    #[test]
    fn invariants_hold_on_arabic_block_text(text in arabic()) {
        check(&text);
    }

    #[test]
    fn invariants_hold_on_any_text(text in anything()) {
        check(&text);
    }

    /// Lone surrogates from JS become U+FFFD one for one, so the UTF-16
    /// length (and every offset) still matches the JS string.
    #[test]
    fn lone_surrogates_keep_the_js_length(units in prop::collection::vec(prop_oneof![
        3 => prop::sample::select("ليبيا وتركيا 😀".encode_utf16().collect::<Vec<u16>>()),
        1 => 0xD800u16..0xE000,
    ], 0..80)) {
        let text = String::from_utf16_lossy(&units);
        let a = default_analyzer().analyze(&text).unwrap();
        check_invariants(&text, &a);
        prop_assert_eq!(a.stats.length as usize, units.len());
    }

    /// Options only filter: a type filter keeps exactly the mentions of those types.
    #[test]
    fn type_filter_keeps_a_subset(text in newsy(), keep in prop::sample::subsequence(EntityType::ALL.to_vec(), 1..4)) {
        let all = default_analyzer().analyze(&text).unwrap();
        let some = Analyzer::new(Options { types: keep.clone(), topics: false, ..Options::default() }).unwrap().analyze(&text).unwrap();
        check_invariants(&text, &some);
        let want: Vec<_> = all.entities.iter().filter(|m| keep.contains(&m.kind)).map(|m| (m.start, m.end, m.kind)).collect();
        let got: Vec<_> = some.entities.iter().map(|m| (m.start, m.end, m.kind)).collect();
        prop_assert_eq!(got, want);
    }
}
