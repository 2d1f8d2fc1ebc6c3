//! The JavaScript API: types and errors only, no analysis logic.
//!
//! `analyze(text, options?)`, `new Analyzer(options?)` with
//! `.analyze(text)`, and `version()`. Results are plain JS objects; every
//! failure is thrown as a JS `Error` with a message.

use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** An entity type of spec/entities.md. */
export type EntityType = "PERS" | "ORG" | "GPE" | "LOC" | "FAC" | "NORP" | "OCC" | "EVENT" | "DATE";

/** Options of `analyze` and `new Analyzer`; every key is optional. */
export interface Options {
  /** Entity types to report; empty or absent means all. */
  types?: EntityType[];
  /** Compute category, themes and key phrases (default true). */
  topics?: boolean;
  /** Extract meetings (default true). */
  meetings?: boolean;
  /** Most key phrases to return (default 20). */
  maxKeyphrases?: number;
  /** Largest input in bytes of UTF-8 (default and maximum 16 MiB). */
  maxInputBytes?: number;
}

/** A range of the text in UTF-16 code units: `text.slice(start, end)`. */
export interface Span { start: number; end: number; text: string; }

/** One mention of an entity. */
export interface Mention {
  start: number;
  end: number;
  type: EntityType;
  /** Exactly `text.slice(start, end)`. */
  text: string;
  /** Match key: no diacritics, folded letters. */
  normalized: string;
  /** Id of the group (entity) the mention belongs to. */
  entity: number;
  /** Confidence in [0, 1]. */
  score: number;
  /** ISO form of a DATE mention, when it resolves. */
  value?: string;
}

/** Where a place is. */
export interface Place { geonames?: number; country: string; lat: number; lon: number; }

/** One distinct entity. */
export interface Group {
  id: number;
  type: EntityType;
  name: string;
  english?: string;
  mentions: number;
  titles?: string[];
  country?: string;
  place?: Place;
}

/** The news section. */
export interface Category { label: string; scores: Record<string, number>; }

/** A theme with its evidence. */
export interface Theme { id: string; label: string; label_en: string; score: number; evidence: Span[]; }

/** A key phrase with every occurrence. */
export interface Keyphrase { text: string; normalized: string; score: number; occurrences: Span[]; }

/** A participant of a meeting. */
export interface Participant { name: string; entity: number; role: string | null; country: string | null; }

/** Two people meeting. */
export interface Meeting {
  participants: Participant[];
  kind: "meeting" | "reception" | "visit" | "call" | "scheduled";
  place: string | null;
  date: string | null;
  evidence: Span;
}

/** Counts over the text. */
export interface Stats { characters: number; length: number; tokens: number; sentences: number; }

/** An analyzer built once and used for many texts. */
export class Analyzer {
  /** Builds the analyzer; throws an Error on invalid options. */
  constructor(options?: Options);
  /** Analyzes one text; throws an Error if it is over the size limit. */
  analyze(text: string): Analysis;
  /** Frees the analyzer's memory in wasm (also done by the garbage collector). */
  free(): void;
}

/** Analyzes `text` with `options` (or the defaults); throws an Error on invalid options or oversized text. */
export function analyze(text: string, options?: Options): Analysis;

/** Everything found in one text. */
export interface Analysis {
  entities: Mention[];
  groups: Group[];
  category: Category | null;
  themes: Theme[];
  keyphrases: Keyphrase[];
  meetings: Meeting[];
  stats: Stats;
}
"#;

fn to_js_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

fn options_from(value: Option<JsValue>) -> Result<crate::Options, JsError> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(crate::Options::default());
    };
    // Through a JSON value, so that unknown keys are reported (serde-wasm-bindgen
    // reads only the fields a struct names).
    let json: serde_json::Value =
        serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
    serde_json::from_value(json).map_err(|e| JsError::new(&format!("invalid options: {e}")))
}

/// The result as plain JS objects, the way serde-wasm-bindgen's JSON-compatible
/// serializer would make them (same keys in the same order, `null` for an absent
/// optional value, skipped fields left out, f32 as their f64 value), but built
/// by [`decode`] in JS from one flat buffer: one call into JS instead of
/// several per field (see [`Tape`]).
fn to_js(analysis: &crate::Analysis) -> Result<JsValue, JsError> {
    TAPE.with(|cell| {
        let mut tape = cell.take();
        tape.clear();
        tape.analysis(analysis);
        let out = decode(&tape.nums, &tape.strs);
        cell.replace(tape);
        Ok(out)
    })
}

/// The result through serde-wasm-bindgen (what [`to_js`] must equal; for tests).
#[doc(hidden)]
pub fn to_js_serde(analysis: &crate::Analysis) -> Result<JsValue, JsError> {
    analysis.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(to_js_error)
}

/// The JS half of [`Tape`]: `t` the numbers (u32; f32 fields by their bits),
/// `s` every string one after another, each read by its UTF-16 length from `t`.
/// The order of reads here is the order of writes in [`Tape::analysis`].
#[wasm_bindgen(inline_js = r#"
const TYPES = ["PERS", "ORG", "GPE", "LOC", "FAC", "NORP", "OCC", "EVENT", "DATE"];
export function kashifDecode(t, s) {
  const f = new Float32Array(t.buffer, t.byteOffset, t.length);
  let i = 0, p = 0;
  const str = () => { const n = t[i++]; const x = s.slice(p, p + n); p += n; return x; };
  const opt = () => (t[i++] ? str() : null);
  const span = () => { const start = t[i], end = t[i + 1]; i += 2; return { start, end, text: str() }; };
  const spans = () => { const n = t[i++], a = new Array(n); for (let k = 0; k < n; k++) a[k] = span(); return a; };
  let n = t[i++];
  const entities = new Array(n);
  for (let k = 0; k < n; k++) {
    const start = t[i], end = t[i + 1], type = TYPES[t[i + 2]], entity = t[i + 3], score = f[i + 4], hasValue = t[i + 5];
    i += 6;
    const text = str(), normalized = str();
    const m = { start, end, type, text, normalized, entity, score };
    if (hasValue) m.value = str();
    entities[k] = m;
  }
  n = t[i++];
  const groups = new Array(n);
  for (let k = 0; k < n; k++) {
    const id = t[i], type = TYPES[t[i + 1]], mentions = t[i + 2], flags = t[i + 3];
    i += 4;
    const g = { id, type, name: str() };
    if (flags & 1) g.english = str();
    g.mentions = mentions;
    if (flags & 2) { const c = t[i++], a = new Array(c); for (let j = 0; j < c; j++) a[j] = str(); g.titles = a; }
    if (flags & 4) g.country = str();
    if (flags & 8) {
      const pl = {};
      if (flags & 16) pl.geonames = t[i++];
      pl.country = str();
      pl.lat = f[i]; pl.lon = f[i + 1]; i += 2;
      g.place = pl;
    }
    groups[k] = g;
  }
  let category = null;
  if (t[i++]) {
    const label = str(), scores = {};
    n = t[i++];
    for (let k = 0; k < n; k++) { const key = str(); scores[key] = f[i++]; }
    category = { label, scores };
  }
  n = t[i++];
  const themes = new Array(n);
  for (let k = 0; k < n; k++) {
    const id = str(), label = str(), label_en = str(), score = f[i++];
    themes[k] = { id, label, label_en, score, evidence: spans() };
  }
  n = t[i++];
  const keyphrases = new Array(n);
  for (let k = 0; k < n; k++) {
    const text = str(), normalized = str(), score = f[i++];
    keyphrases[k] = { text, normalized, score, occurrences: spans() };
  }
  n = t[i++];
  const meetings = new Array(n);
  for (let k = 0; k < n; k++) {
    const c = t[i++], participants = new Array(c);
    for (let j = 0; j < c; j++) {
      const name = str(), entity = t[i++], role = opt(), country = opt();
      participants[j] = { name, entity, role, country };
    }
    const kind = str(), place = opt(), date = opt();
    meetings[k] = { participants, kind, place, date, evidence: span() };
  }
  const stats = { characters: t[i], length: t[i + 1], tokens: t[i + 2], sentences: t[i + 3] };
  return { entities, groups, category, themes, keyphrases, meetings, stats };
}
"#)]
extern "C" {
    /// Builds the result objects from a [`Tape`].
    #[wasm_bindgen(js_name = kashifDecode)]
    fn decode(nums: &[u32], strs: &str) -> JsValue;
}

thread_local! {
    /// The buffers of the last result, reused.
    static TAPE: std::cell::Cell<Tape> = const { std::cell::Cell::new(Tape { nums: Vec::new(), strs: String::new() }) };
}

/// An [`crate::Analysis`] flattened for [`decode`]: numbers and string
/// lengths (UTF-16 units) in `nums`, the strings' text in `strs`.
#[derive(Default)]
struct Tape {
    nums: Vec<u32>,
    strs: String,
}

/// Index of an entity type in the decoder's `TYPES`.
fn type_index(k: crate::EntityType) -> u32 {
    use crate::EntityType::*;
    match k {
        Pers => 0,
        Org => 1,
        Gpe => 2,
        Loc => 3,
        Fac => 4,
        Norp => 5,
        Occ => 6,
        Event => 7,
        Date => 8,
    }
}

impl Tape {
    fn clear(&mut self) {
        self.nums.clear();
        self.strs.clear();
    }

    fn str(&mut self, s: &str) {
        // UTF-16 length: one unit per character, two for those of four bytes.
        let n = s.bytes().filter(|&b| (b as i8) >= -0x40).count() + s.bytes().filter(|&b| b >= 0xF0).count();
        self.nums.push(n as u32);
        self.strs.push_str(s);
    }

    fn opt(&mut self, s: &Option<String>) {
        match s {
            Some(s) => {
                self.nums.push(1);
                self.str(s);
            }
            None => self.nums.push(0),
        }
    }

    fn f32(&mut self, x: f32) {
        self.nums.push(x.to_bits());
    }

    fn span(&mut self, s: &crate::Span) {
        self.nums.extend([s.start, s.end]);
        self.str(&s.text);
    }

    fn spans(&mut self, v: &[crate::Span]) {
        self.nums.push(v.len() as u32);
        for s in v {
            self.span(s);
        }
    }

    fn analysis(&mut self, a: &crate::Analysis) {
        self.nums.push(a.entities.len() as u32);
        for m in &a.entities {
            self.nums.extend([m.start, m.end, type_index(m.kind), m.entity, m.score.to_bits(), m.value.is_some() as u32]);
            self.str(&m.text);
            self.str(&m.normalized);
            if let Some(v) = &m.value {
                self.str(v);
            }
        }
        self.nums.push(a.groups.len() as u32);
        for g in &a.groups {
            let flags = g.english.is_some() as u32
                | (!g.titles.is_empty() as u32) << 1
                | (g.country.is_some() as u32) << 2
                | (g.place.is_some() as u32) << 3
                | (g.place.as_ref().is_some_and(|p| p.geonames.is_some()) as u32) << 4;
            self.nums.extend([g.id, type_index(g.kind), g.mentions, flags]);
            self.str(&g.name);
            if let Some(e) = &g.english {
                self.str(e);
            }
            if !g.titles.is_empty() {
                self.nums.push(g.titles.len() as u32);
                for t in &g.titles {
                    self.str(t);
                }
            }
            if let Some(c) = &g.country {
                self.str(c);
            }
            if let Some(p) = &g.place {
                if let Some(id) = p.geonames {
                    self.nums.push(id);
                }
                self.str(&p.country);
                self.f32(p.lat);
                self.f32(p.lon);
            }
        }
        match &a.category {
            Some(c) => {
                self.nums.push(1);
                self.str(&c.label);
                self.nums.push(c.scores.len() as u32);
                for (k, v) in &c.scores {
                    self.str(k);
                    self.f32(*v);
                }
            }
            None => self.nums.push(0),
        }
        self.nums.push(a.themes.len() as u32);
        for t in &a.themes {
            self.str(&t.id);
            self.str(&t.label);
            self.str(&t.label_en);
            self.f32(t.score);
            self.spans(&t.evidence);
        }
        self.nums.push(a.keyphrases.len() as u32);
        for k in &a.keyphrases {
            self.str(&k.text);
            self.str(&k.normalized);
            self.f32(k.score);
            self.spans(&k.occurrences);
        }
        self.nums.push(a.meetings.len() as u32);
        for m in &a.meetings {
            self.nums.push(m.participants.len() as u32);
            for p in &m.participants {
                self.str(&p.name);
                self.nums.push(p.entity);
                self.opt(&p.role);
                self.opt(&p.country);
            }
            self.str(&m.kind);
            self.opt(&m.place);
            self.opt(&m.date);
            self.span(&m.evidence);
        }
        let s = &a.stats;
        self.nums.extend([s.characters, s.length, s.tokens, s.sentences]);
    }
}

/// An analyzer built once and used for many texts.
#[wasm_bindgen(js_name = Analyzer, skip_typescript)]
pub struct JsAnalyzer {
    inner: crate::Analyzer,
}

#[wasm_bindgen(js_class = Analyzer)]
impl JsAnalyzer {
    /// Builds an analyzer; throws on invalid options.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<JsValue>) -> Result<JsAnalyzer, JsError> {
        Ok(JsAnalyzer { inner: crate::Analyzer::new(options_from(options)?).map_err(to_js_error)? })
    }

    /// Analyzes one text; throws if it is over the size limit.
    pub fn analyze(&self, text: &str) -> Result<JsValue, JsError> {
        to_js(&self.inner.analyze(text).map_err(to_js_error)?)
    }
}

thread_local! {
    static DEFAULT: RefCell<Option<(crate::Options, crate::Analyzer)>> = const { RefCell::new(None) };
}

/// Analyzes `text` with `options` (or the defaults), reusing an analyzer
/// built on first use for the same options.
#[wasm_bindgen(skip_typescript)]
pub fn analyze(text: &str, options: Option<JsValue>) -> Result<JsValue, JsError> {
    let options = options_from(options)?;
    DEFAULT.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.as_ref().is_none_or(|(o, _)| *o != options) {
            *slot = Some((options.clone(), crate::Analyzer::new(options).map_err(to_js_error)?));
        }
        let (_, analyzer) = slot.as_ref().expect("just set");
        to_js(&analyzer.analyze(text).map_err(to_js_error)?)
    })
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// `memcmp` and `bcmp` for wasm32, eight bytes at a time: the analysis
/// compares many short strings (hash table keys, word lists), and the
/// fallback of the Rust runtime for wasm compares byte by byte. These
/// strong definitions replace its weak ones. Same results as C's memcmp:
/// the difference of the first differing bytes, as unsigned.
mod mem {
    /// memcmp of two equally long byte strings.
    #[inline]
    fn compare(a: &[u8], b: &[u8]) -> i32 {
        let n = a.len().min(b.len());
        let mut i = 0;
        while i + 8 <= n {
            let x = u64::from_le_bytes(a[i..i + 8].try_into().expect("8 bytes"));
            let y = u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
            if x != y {
                // the lowest differing byte comes first in memory (little endian)
                let k = ((x ^ y).trailing_zeros() / 8) as usize;
                return a[i + k] as i32 - b[i + k] as i32;
            }
            i += 8;
        }
        while i < n {
            if a[i] != b[i] {
                return a[i] as i32 - b[i] as i32;
            }
            i += 1;
        }
        0
    }

    /// # Safety
    /// `a` and `b` point to `n` readable bytes each.
    #[no_mangle]
    #[inline(never)] // one copy: inlined at every comparison it costs 13 KB gzipped
    pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
        if n == 0 {
            return 0;
        }
        // SAFETY: the caller passes two readable ranges of n bytes (C's contract).
        unsafe { compare(std::slice::from_raw_parts(a, n), std::slice::from_raw_parts(b, n)) }
    }

    /// # Safety
    /// `a` and `b` point to `n` readable bytes each.
    #[no_mangle]
    pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
        // SAFETY: as memcmp.
        unsafe { memcmp(a, b, n) }
    }
}
