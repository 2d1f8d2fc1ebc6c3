//! Fuzz target: any bytes, read as UTF-8 (lossily, the way a lone
//! surrogate from JS becomes U+FFFD) and as UTF-16 code units, must give an
//! analysis that keeps every invariant, and the same analysis twice.
//!   cargo fuzz run analyze fuzz/corpus/analyze   (see fuzz/README.md)
#![no_main]

use kashif::{Analysis, Analyzer, Options};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::new(Options::default()).unwrap())
}

fn check(text: &str, a: &Analysis) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let len = units.len() as u32;
    assert_eq!(a.stats.length, len, "stats.length is the UTF-16 length");
    let span_ok = |start: u32, end: u32, s: &str| {
        assert!(start < end && end <= len, "span [{start}, {end}) out of bounds ({len})");
        // Slicing inside a surrogate pair would not decode.
        assert_eq!(String::from_utf16(&units[start as usize..end as usize]).ok().as_deref(), Some(s), "span [{start}, {end}) does not slice to its text");
    };
    let mut prev = 0;
    for m in &a.entities {
        span_ok(m.start, m.end, &m.text);
        assert!(m.start >= prev, "mentions sorted and not overlapping");
        prev = m.end;
        assert!(a.groups.iter().any(|g| g.id == m.entity), "mention names an existing group");
    }
    for s in a.themes.iter().flat_map(|t| &t.evidence).chain(a.keyphrases.iter().flat_map(|k| &k.occurrences)).chain(a.meetings.iter().map(|m| &m.evidence)) {
        span_ok(s.start, s.end, &s.text);
    }
}

fuzz_target!(|data: &[u8]| {
    let utf8 = String::from_utf8_lossy(data);
    let units: Vec<u16> = data.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    for text in [utf8.as_ref(), &String::from_utf16_lossy(&units)] {
        let a = analyzer().analyze(text).expect("fuzz inputs are small");
        check(text, &a);
        assert!(a == analyzer().analyze(text).unwrap(), "same input, same output");
    }
});
