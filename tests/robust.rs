#![cfg(not(target_arch = "wasm32"))]
//! Robustness: hostile inputs, each a named case, and the linear-time
//! promise. Every analysis must keep the invariants of
//! `common::check_invariants` (spans in bounds, never splitting a
//! surrogate pair, slicing to their text, sorted and non-overlapping,
//! naming existing groups) and be the same when run again.
//! The property tests are in tests/props.rs; the browser side of these
//! cases is tests/e2e/hostile.test.mjs.

// Table-driven tests spell out their case tuples.
#![allow(clippy::type_complexity)]

mod common;

use common::check_invariants;
use kashif::{Analysis, Analyzer, Error, Options, MAX_INPUT_BYTES};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::{Duration, Instant};

/// Counts the bytes this thread allocates, to check that work grows
/// linearly without relying on the clock alone.
struct Counting;

thread_local! {
    static ALLOCATED: Cell<u64> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.with(|a| a.set(a.get() + layout.size() as u64));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATED.with(|a| a.set(a.get() + new_size as u64));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Held by the tests that are heavy or that time things, so that the
/// timing is not disturbed by the 10 MB test running beside it.
static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn heavy() -> std::sync::MutexGuard<'static, ()> {
    HEAVY.lock().unwrap_or_else(|e| e.into_inner())
}

fn allocated() -> u64 {
    ALLOCATED.with(|a| a.get())
}

fn seeds_text() -> String {
    common::seeds().into_iter().map(|(_, t, _)| t).collect::<Vec<_>>().join("\n\n")
}

/// `unit` repeated until the text has at least `bytes` bytes.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len().max(1)).max(1))
}

/// The seeds without any whitespace.
fn no_spaces(bytes: usize) -> String {
    let s: String = seeds_text().chars().filter(|c| !c.is_whitespace()).collect();
    repeat_to(&s, bytes)
}

fn analyzer() -> Analyzer {
    Analyzer::new(Options::default()).unwrap()
}

/// Analyzes, checks the invariants and that a second run (and a fresh
/// analyzer) gives the same result.
fn analyze_checked(name: &str, text: &str) -> Analysis {
    let a = analyzer().analyze(text).unwrap_or_else(|e| panic!("case {name:?}: analysis failed: {e}"));
    check_invariants(text, &a);
    let again = analyzer().analyze(text).unwrap();
    assert!(a == again, "case {name:?}: the same input gave a different output the second time");
    a
}

fn entities(a: &Analysis) -> Vec<(&'static str, &str)> {
    a.entities.iter().map(|m| (m.kind.tag(), m.text.as_str())).collect()
}

/// What JS hands to wasm for a string with lone surrogates: each one
/// becomes U+FFFD, one code unit for one.
fn from_js(units: &[u16]) -> String {
    String::from_utf16_lossy(units)
}

// ---- hostile inputs, one named test each ---------------------------------

#[test]
fn hostile_empty() {
    let a = analyze_checked("empty", "");
    assert!(a.entities.is_empty() && a.groups.is_empty(), "empty text has no entities: {a:?}");
    assert_eq!((a.stats.length, a.stats.tokens, a.stats.sentences), (0, 0, 0));
}

#[test]
fn hostile_whitespace_only() {
    for (name, text) in [("spaces", "     "), ("mixed whitespace", " \t\n\r\u{A0}\u{2003}\u{3000}\u{2028}\u{2029}\n"), ("newlines", &"\n".repeat(10_000))] {
        let a = analyze_checked(name, text);
        assert!(a.entities.is_empty(), "case {name:?}: whitespace has no entities");
        assert_eq!(a.stats.tokens, 0, "case {name:?}: whitespace has no tokens");
    }
}

#[test]
fn hostile_latin_only() {
    let text = "The Libyan interior minister met his Turkish counterpart in Tripoli on Monday. ÉTAT ß İstanbul ﬁ";
    let a = analyze_checked("latin only", text);
    assert!(a.stats.tokens > 10, "latin words are tokens");
}

#[test]
fn hostile_only_diacritics() {
    let text = "ًٌٍَُِّْٰ".repeat(100);
    let a = analyze_checked("only diacritics", &text);
    assert!(a.entities.is_empty());
    assert_eq!(a.stats.tokens, 0, "marks without letters make no token");
}

#[test]
fn hostile_only_tatweel() {
    let text = "ـ".repeat(1000) + " ـــ ـ";
    let a = analyze_checked("only tatweel", &text);
    assert!(a.entities.is_empty());
    assert_eq!(a.stats.tokens, 0, "tatweel without letters makes no token");
}

#[test]
fn hostile_bidi_controls_and_zero_width_joiners_inside_names() {
    let cases: &[(&str, &str, &[(&str, &str)])] = &[
        ("zwj inside a country", "زار الوفد ليب\u{200D}يا أمس", &[("GPE", "ليب\u{200D}يا"), ("DATE", "أمس")]),
        ("rlm inside a city", "في طرا\u{200F}بلس", &[("GPE", "طرا\u{200F}بلس")]),
        ("embedding around a name", "\u{202B}ليبيا\u{202C} و\u{2067}تركيا\u{2069}", &[("GPE", "ليبيا"), ("GPE", "تركيا")]),
        ("zwnj and bom inside", "ترك\u{200C}\u{FEFF}يا", &[("GPE", "ترك\u{200C}\u{FEFF}يا")]),
        ("only controls", "\u{200E}\u{200F}\u{202A}\u{202E}\u{2066}\u{2069}\u{200B}", &[]),
    ];
    for (name, text, want) in cases {
        let a = analyze_checked(name, text);
        assert_eq!(entities(&a), *want, "case {name:?}: format controls inside a name must not hide it, and the span keeps them");
    }
}

#[test]
fn hostile_emoji_sequences_and_astral_characters() {
    let text = "👨‍👩‍👧‍👦 زار 🇱🇾 ليبيا 👍🏽 و𝕋𝕣𝕚𝕡𝕠𝕝𝕚 تركيا 🏳️‍🌈 𠀀𠀁 ❤️ 1️⃣";
    let a = analyze_checked("emoji and astral", text);
    assert_eq!(entities(&a), [("GPE", "ليبيا"), ("GPE", "تركيا")], "names between emoji keep exact UTF-16 spans");
    let a = analyze_checked("emoji glued to a name", "🇱🇾ليبيا🇹🇷تركيا😀");
    assert_eq!(entities(&a), [("GPE", "ليبيا"), ("GPE", "تركيا")]);
}

#[test]
fn hostile_lone_surrogates_as_js_sends_them() {
    // "\uD800ليبيا \uDFFF تركيا \uD83D" in JS: lone high, lone low and a trailing high surrogate.
    let mut units: Vec<u16> = vec![0xD800];
    units.extend("ليبيا ".encode_utf16());
    units.push(0xDFFF);
    units.extend(" تركيا ".encode_utf16());
    units.push(0xD83D);
    let text = from_js(&units);
    let a = analyze_checked("lone surrogates", &text);
    assert_eq!(a.stats.length as usize, units.len(), "every lone surrogate stays one code unit, so offsets match the JS string");
    assert_eq!(entities(&a), [("GPE", "ليبيا"), ("GPE", "تركيا")]);
    for m in &a.entities {
        assert_eq!(String::from_utf16(&units[m.start as usize..m.end as usize]).unwrap(), m.text, "offsets index the original JS string");
    }
}

#[test]
fn hostile_nul_and_control_characters() {
    let text = "\0ليبيا\0تركيا\u{1}\u{7}\u{8}\u{1B}[31mطرابلس\u{7F}\u{85}\u{9F}\r\n\u{C}\u{B}";
    let a = analyze_checked("nul and controls", text);
    assert_eq!(entities(&a), [("GPE", "ليبيا"), ("GPE", "تركيا"), ("GPE", "طرابلس")], "controls separate words");
    analyze_checked("only nul", &"\0".repeat(1000));
}

#[test]
fn hostile_html_and_script_tags() {
    let text = "<script>alert('x');document.write(\"<img src=x onerror=alert(1)>\")</script><b>ليبيا</b> &lt;تركيا&gt; <!-- طرابلس --> <style>*{}</style>";
    let a = analyze_checked("html and script", text);
    let found = entities(&a);
    assert!(found.contains(&("GPE", "ليبيا")) && found.contains(&("GPE", "طرابلس")), "names inside markup are found as text: {found:?}");
    for m in &a.entities {
        assert!(!m.text.contains('<') && !m.text.contains('>'), "a mention never swallows markup: {m:?}");
    }
}

#[test]
fn hostile_mixed_digit_sets() {
    let text = "في ٢٠٢٥-١١-٢٤ و2025/11/24 و۱۴۰۳ و٢0۲5 و3.5 و٣٫٥ و١٬٠٠٠ ليبيا 12٣۴ ٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠";
    let a = analyze_checked("mixed digits", text);
    assert!(entities(&a).contains(&("GPE", "ليبيا")));
    assert!(a.stats.tokens >= 15, "numbers of every digit set are tokens");
}

#[test]
fn hostile_runs_of_clitics() {
    for (name, text) in [
        ("waw run", "ووووو".to_string()),
        ("waw run before a name", "وووووووووو ليبيا وووليبيا".to_string()),
        ("lam run", "للللللللل".to_string()),
        ("every proclitic", "وبالللليبيا فبالل وكال".to_string()),
        ("long waw run", "و".repeat(50_000)),
    ] {
        let a = analyze_checked(name, &text);
        for m in &a.entities {
            assert!(!m.text.is_empty());
        }
    }
}

#[test]
fn hostile_one_200000_character_token() {
    for (name, unit) in [("arabic", "ليبيا"), ("latin", "abcde"), ("digits", "12345"), ("diacritized", "لَيْبِيَا")] {
        let _heavy = heavy();
        let text = unit.repeat(200_000usize.div_ceil(unit.chars().count()));
        assert!(text.chars().count() >= 200_000);
        let a = analyze_checked(name, &text);
        assert_eq!(a.stats.tokens, 1, "case {name:?}: one token");
        assert!(a.entities.len() <= 1, "case {name:?}: one token makes at most one mention");
    }
}

#[test]
fn hostile_text_without_spaces() {
    let _heavy = heavy();
    let text = no_spaces(100_000);
    let a = analyze_checked("no spaces", &text);
    assert!(a.stats.tokens > 1000, "punctuation still splits the text");
}

#[test]
fn hostile_ten_megabytes() {
    let _heavy = heavy();
    let text = repeat_to(&(seeds_text() + "\n\n"), 10_000_000);
    assert!(text.len() >= 10_000_000 && text.len() < MAX_INPUT_BYTES);
    let a = analyzer().analyze(&text).expect("10 MB is under the limit");
    check_invariants(&text, &a);
    assert!(a.entities.len() > 10_000, "10 MB of news has many entities, got {}", a.entities.len());
}

#[test]
fn hostile_over_the_size_limit_is_a_clear_error() {
    let _heavy = heavy();
    let text = "ا".repeat(MAX_INPUT_BYTES / 2 + 1); // 2 bytes a letter
    let err = analyzer().analyze(&text).expect_err("over MAX_INPUT_BYTES must be an error");
    assert_eq!(err, Error::InputTooLarge { bytes: MAX_INPUT_BYTES + 2, limit: MAX_INPUT_BYTES });
    let msg = err.to_string();
    assert!(msg.contains("too large") && msg.contains(&MAX_INPUT_BYTES.to_string()), "the message names the limit: {msg}");
    // Exactly at the limit is accepted.
    let at = "a".repeat(MAX_INPUT_BYTES);
    assert!(analyzer().analyze(&at).is_ok(), "a text of exactly MAX_INPUT_BYTES is accepted");
    // A lower limit of the options applies the same way.
    let small = Analyzer::new(Options { max_input_bytes: 10, ..Options::default() }).unwrap();
    assert!(matches!(small.analyze("ليبيا ليبيا"), Err(Error::InputTooLarge { bytes: 21, limit: 10 })));
    // The convenience function gives an empty analysis with the right length instead.
    let a = kashif::analyze(&text);
    assert!(a.entities.is_empty());
    assert_eq!(a.stats.length as usize, MAX_INPUT_BYTES / 2 + 1);
}

#[test]
fn invalid_options_are_errors() {
    for (name, options) in [
        ("zero limit", Options { max_input_bytes: 0, ..Options::default() }),
        ("limit over the maximum", Options { max_input_bytes: MAX_INPUT_BYTES + 1, ..Options::default() }),
    ] {
        let err = Analyzer::new(options).expect_err(name);
        assert!(err.to_string().contains("maxInputBytes"), "case {name:?}: the message names the option: {err}");
    }
}

// ---- linear time -----------------------------------------------------------

/// The hostile texts whose cost must grow linearly, as functions of a size in bytes.
fn linear_cases() -> Vec<(&'static str, Box<dyn Fn(usize) -> String>)> {
    vec![
        ("news", Box::new(|n| repeat_to(&(seeds_text() + "\n\n"), n))),
        ("one token", Box::new(|n| repeat_to("ليبيا", n))),
        ("no spaces", Box::new(no_spaces)),
        ("clitic run", Box::new(|n| repeat_to("و", n))),
        ("one name repeated", Box::new(|n| repeat_to("وزير الداخلية التركي في طرابلس، ", n))),
        ("emoji", Box::new(|n| repeat_to("👨‍👩‍👧🇱🇾 ", n))),
        ("diacritics", Box::new(|n| repeat_to("ًٌٍَُِّْ", n))),
        ("controls", Box::new(|n| repeat_to("\0\u{200F}\u{1}", n))),
        ("one sentence", Box::new(|n| repeat_to("ليبيا وتركيا ", n))),
    ]
}

/// Fastest of a few runs and the bytes allocated by one.
fn cost(analyzer: &Analyzer, text: &str) -> (Duration, u64) {
    let before = allocated();
    analyzer.analyze(text).unwrap();
    let bytes = allocated() - before;
    let time = (0..3).map(|_| {
        let t = Instant::now();
        analyzer.analyze(text).unwrap();
        t.elapsed()
    }).min().unwrap();
    (time, bytes)
}

/// Going from n to 4n bytes must cost about 4 times as much: allocations
/// are counted exactly (ratio at most 5), time is measured loosely (ratio
/// under 10, where a quadratic step would give 16) and measured up to
/// three times before failing, so a busy machine does not fail the test.
#[test]
fn cost_grows_linearly_with_length() {
    let n = if cfg!(debug_assertions) { 100_000 } else { 1_000_000 };
    let _heavy = heavy();
    let analyzer = analyzer();
    analyzer.analyze("warm up ليبيا").unwrap();
    let mut failures = Vec::new();
    for (name, make) in linear_cases() {
        let (small, big) = (make(n), make(4 * n));
        let ratio_len = big.len() as f64 / small.len() as f64;
        let ((t1, a1), (t4, a4)) = (cost(&analyzer, &small), cost(&analyzer, &big));
        let alloc_ratio = a4 as f64 / a1.max(1) as f64 / ratio_len * 4.0;
        if alloc_ratio > 5.0 {
            failures.push(format!("{name}: allocations grow {alloc_ratio:.1}x for 4x the text ({a1} -> {a4} bytes)"));
        }
        let mut time_ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-9) / ratio_len * 4.0;
        for _ in 0..2 {
            if time_ratio <= 10.0 {
                break;
            }
            let ((t1, _), (t4, _)) = (cost(&analyzer, &small), cost(&analyzer, &big));
            time_ratio = time_ratio.min(t4.as_secs_f64() / t1.as_secs_f64().max(1e-9) / ratio_len * 4.0);
        }
        eprintln!("{name:>18}: {:>8.2} ms -> {:>8.2} ms for 4x the text (time x{time_ratio:.1}, allocations x{alloc_ratio:.1})", t1.as_secs_f64() * 1e3, t4.as_secs_f64() * 1e3);
        if time_ratio > 10.0 {
            failures.push(format!("{name}: time grows {time_ratio:.1}x for 4x the text ({t1:?} -> {t4:?}); something is quadratic"));
        }
    }
    assert!(failures.is_empty(), "cost must grow linearly with the length of the text:\n{}", failures.join("\n"));
}

// ---- the fuzz corpus -------------------------------------------------------

/// Every input of the fuzz corpus (fuzz/corpus/analyze), read the way the
/// fuzz target reads it (lossy UTF-8, and UTF-16 code units), keeps the
/// invariants: the corpus is replayed by plain `cargo test`, so a crash the
/// fuzzer once found and that was added there stays fixed.
#[test]
fn fuzz_corpus_replays() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/analyze");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let units: Vec<u16> = data.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        for text in [String::from_utf8_lossy(&data).into_owned(), String::from_utf16_lossy(&units)] {
            analyze_checked(&path.display().to_string(), &text);
        }
        n += 1;
    }
    assert!(n >= 10, "the fuzz corpus should hold the hostile cases, found {n} files in {}", dir.display());
}
