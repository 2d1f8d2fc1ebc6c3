//! The exported JS API in a real browser (`wasm-pack test --headless
//! --chrome --firefox`): UTF-16 offsets on text with emoji, plain objects
//! out, errors surface as exceptions.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "
export function jsSlice(text, start, end) { return text.slice(start, end); }
export function jsLength(text) { return text.length; }
export function loneSurrogateText() { return '\\uD83D الوفد في ليبيا \\uDE00 وتركيا'; }
export function isPlainObject(v) { return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype; }
export function firstDifference(x, y, path) {
  if (typeof x !== typeof y) return path + ': ' + typeof x + ' vs ' + typeof y;
  if (x === null || typeof x !== 'object') return Object.is(x, y) ? '' : path + ': ' + x + ' vs ' + y;
  if (Array.isArray(x) !== Array.isArray(y) || Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return path + ': not the same kind of object';
  const kx = Object.keys(x), ky = Object.keys(y);
  if (kx.join() !== ky.join()) return path + ': keys ' + kx + ' vs ' + ky;
  for (const k of kx) { const d = firstDifference(x[k], y[k], path + '.' + k); if (d) return d; }
  return '';
}
")]
extern "C" {
    #[wasm_bindgen(js_name = jsSlice)]
    fn js_slice(text: &JsValue, start: u32, end: u32) -> JsValue;
    #[wasm_bindgen(js_name = jsLength)]
    fn js_length(text: &JsValue) -> u32;
    #[wasm_bindgen(js_name = loneSurrogateText)]
    fn lone_surrogate_text() -> JsValue;
    #[wasm_bindgen(js_name = isPlainObject)]
    fn is_plain_object(v: &JsValue) -> bool;
    #[wasm_bindgen(js_name = firstDifference)]
    fn first_difference(x: &JsValue, y: &JsValue, path: &str) -> String;
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn mentions(a: &JsValue) -> Vec<(String, u32, u32, String)> {
    let arr: Array = get(a, "entities").dyn_into().expect("entities is an array");
    arr.iter()
        .map(|m| (
            get(&m, "type").as_string().unwrap(),
            get(&m, "start").as_f64().unwrap() as u32,
            get(&m, "end").as_f64().unwrap() as u32,
            get(&m, "text").as_string().unwrap(),
        ))
        .collect()
}

/// Offsets are UTF-16 code units: each span slices, in JS, to its text,
/// after emoji (two units each), a flag and a ZWJ family.
#[wasm_bindgen_test]
fn utf16_offsets_after_emoji() {
    let text = "😀 👨‍👩‍👧 زار الوفد ليبيا 🇱🇾 وتركيا";
    let a = kashif::wasm_api::analyze(text, None).expect("analysis");
    let js_text = JsValue::from_str(text);
    let found = mentions(&a);
    assert_eq!(found.iter().map(|m| (m.0.as_str(), m.3.as_str())).collect::<Vec<_>>(), vec![("GPE", "ليبيا"), ("GPE", "تركيا")]);
    for (_, start, end, t) in &found {
        assert_eq!(js_slice(&js_text, *start, *end).as_string().as_deref(), Some(t.as_str()), "span {start}..{end} must slice to {t}");
    }
    assert_eq!(get(&get(&a, "stats"), "length").as_f64(), Some(js_length(&js_text) as f64));
}

/// A JS string with lone surrogates reaches Rust with U+FFFD in their
/// place, one unit for one, so offsets still match the JS string.
#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets() {
    let js_text = lone_surrogate_text();
    let text = js_text.as_string().expect("lossy conversion");
    let a = kashif::wasm_api::analyze(&text, None).unwrap();
    for (_, start, end, t) in mentions(&a) {
        assert_eq!(js_slice(&js_text, start, end).as_string().as_deref(), Some(t.as_str()));
    }
    assert_eq!(get(&get(&a, "stats"), "length").as_f64(), Some(js_length(&js_text) as f64));
}

/// Results are plain objects, not class instances; groups are plain too.
#[wasm_bindgen_test]
fn results_are_plain_objects() {
    let a = kashif::wasm_api::analyze("المملكة العربية السعودية", None).unwrap();
    assert!(is_plain_object(&a), "analysis is a plain object");
    let first = Array::from(&get(&a, "entities")).get(0);
    assert!(is_plain_object(&first), "a mention is a plain object");
    let json = JSON::stringify(&a).unwrap().as_string().unwrap();
    assert!(json.contains("\"type\":\"GPE\""), "serializes with JSON.stringify: {json}");
}

/// Invalid options and oversized text throw `Error`s with a message.
#[wasm_bindgen_test]
fn errors_are_exceptions() {
    let opts = Object::new();
    Reflect::set(&opts, &"noSuchOption".into(), &JsValue::TRUE).unwrap();
    let err = kashif::wasm_api::Analyzer::new(Some(opts.into())).err().expect("unknown option is an error");
    let err: JsValue = err.into();
    assert!(err.is_instance_of::<js_sys::Error>(), "thrown value is an Error");
    let msg = get(&err, "message").as_string().unwrap();
    assert!(msg.contains("noSuchOption"), "message names the option: {msg}");

    let small = Object::new();
    Reflect::set(&small, &"maxInputBytes".into(), &JsValue::from_f64(8.0)).unwrap();
    let analyzer = kashif::wasm_api::Analyzer::new(Some(small.into())).unwrap();
    let err: JsValue = analyzer.analyze("ليبيا وتركيا").err().expect("too large").into();
    assert!(get(&err, "message").as_string().unwrap().contains("too large"));
}

/// Options reach the analyzer: a type filter keeps only that type.
#[wasm_bindgen_test]
fn options_filter_types() {
    let opts = Object::new();
    Reflect::set(&opts, &"types".into(), &Array::of1(&"OCC".into())).unwrap();
    let a = kashif::wasm_api::Analyzer::new(Some(opts.into())).unwrap().analyze("وزير الداخلية التركي في أنقرة").unwrap();
    assert_eq!(mentions(&a).into_iter().map(|m| m.0).collect::<Vec<_>>(), vec!["OCC".to_string()]);
    assert_eq!(kashif::wasm_api::version(), env!("CARGO_PKG_VERSION"));
}

/// The result objects built in JS from the flat buffer (`to_js`) equal
/// what serde-wasm-bindgen makes of the same analysis: same keys in the
/// same order, same values, `null` and left-out fields alike.
#[wasm_bindgen_test]
fn results_equal_the_serde_conversion() {
    let lone = lone_surrogate_text().as_string().unwrap();
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("seed article with meetings, themes, places", include_str!("data/seeds/000_b17d79925be7b1ab.txt"), None),
        ("another seed", include_str!("data/seeds/002_a5efa4108f4c4acc.txt"), None),
        ("emoji and flags (astral characters)", "😀 👨‍👩‍👧 زار وزير الخارجية المصري سامح شكري ليبيا 🇱🇾 في 5 مايو 2024", None),
        ("lone surrogates", lone.as_str(), None),
        ("byte order marks kept inside the text", "\u{feff}زار الوفد ليبيا\u{feff}", None),
        ("empty text", "", None),
        ("no topics", include_str!("data/seeds/001_7f950163e658b191.txt"), Some("topics")),
    ];
    for (name, text, off) in cases {
        let mut options = kashif::Options::default();
        let opts = Object::new();
        if let Some(off) = off {
            options.topics = false;
            Reflect::set(&opts, &(*off).into(), &JsValue::FALSE).unwrap();
        }
        let fast = kashif::wasm_api::Analyzer::new(Some(opts.into())).unwrap().analyze(text).unwrap();
        let analysis = kashif::Analyzer::new(options).unwrap().analyze(text).unwrap();
        let slow = kashif::wasm_api::to_js_serde(&analysis).unwrap();
        let diff = first_difference(&fast, &slow, "analysis");
        assert!(diff.is_empty(), "case {name:?}: the JS decoder in src/wasm.rs differs from serde-wasm-bindgen at {diff}; keep Tape::analysis and kashifDecode in step with the types of src/lib.rs");
    }
}

extern "C" {
    fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32;
}

/// The crate's memcmp for wasm (eight bytes at a time, src/wasm.rs) orders
/// byte strings as a byte-by-byte comparison does.
#[wasm_bindgen_test]
fn memcmp_orders_like_bytes() {
    let cases: &[(&str, &[u8], &[u8])] = &[
        ("equal, long", b"0123456789abcdefghij", b"0123456789abcdefghij"),
        ("differ in the first word", b"01234567xyz", b"01234577xyz"),
        ("differ in the last byte of a word", b"0123456x0123456789", b"0123456y0123456789"),
        ("differ after the words", b"0123456789abcdefXYZ", b"0123456789abcdefXYz"),
        ("high bytes are unsigned", b"abcdefg\xff", b"abcdefg\x01"),
        ("arabic", "وزير الداخلية".as_bytes(), "وزير الخارجية".as_bytes()),
        ("empty", b"", b""),
    ];
    for (name, a, b) in cases {
        let want = a.iter().zip(b.iter()).find(|(x, y)| x != y).map_or(0, |(x, y)| *x as i32 - *y as i32);
        // SAFETY: both slices hold a.len() bytes (the cases pair equal lengths).
        let got = unsafe { memcmp(a.as_ptr(), b.as_ptr(), a.len()) };
        assert_eq!(got.signum(), want.signum(), "case {name:?}: memcmp gives {got}, bytes say {want}");
        assert_eq!(a.len(), b.len(), "case {name:?}: the cases pair equal lengths");
    }
}
