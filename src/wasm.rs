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

fn to_js(analysis: &crate::Analysis) -> Result<JsValue, JsError> {
    analysis.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(to_js_error)
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
