//! # kashif — Arabic news entities and topics, in the browser
//!
//! ```
//! let analysis = kashif::analyze("استقبل وزير الداخلية الليبي في طرابلس نظيره التركي.");
//! let places: Vec<&str> = analysis.entities.iter()
//!     .filter(|m| m.kind == kashif::EntityType::Gpe)
//!     .map(|m| m.text.as_str())
//!     .collect();
//! assert_eq!(places, ["طرابلس"]);
//! ```
//!
//! [`Analyzer::new`] builds every table and automaton once; reuse it for
//! many texts. [`analyze`] uses a default analyzer built on first use.
//! Offsets in the output are UTF-16 code units, the unit of JS strings.
#![deny(missing_docs)]
// Table-driven tests spell out their case tuples.
#![cfg_attr(test, allow(clippy::type_complexity))]

pub mod entities;
pub mod hash;
pub mod lexicon;
pub mod meetings;
pub mod rules;
pub mod tagger;
pub mod text;
pub mod topics;

/// The JavaScript API (wasm32 only): what `pkg/kashif.js` exports.
#[cfg(target_arch = "wasm32")]
pub mod wasm_api {
    pub use crate::wasm::{analyze, version, JsAnalyzer as Analyzer};
    #[doc(hidden)]
    pub use crate::wasm::to_js_serde;
}
#[cfg(target_arch = "wasm32")]
mod wasm;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

pub use entities::EntityType;

/// The largest input accepted, in bytes of UTF-8 (16 MiB). Longer input
/// gets [`Error::InputTooLarge`] instead of a result.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// The crate's version, as in Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What can go wrong. Every error has a message meant for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The text is longer than the configured limit.
    InputTooLarge {
        /// Its length in bytes of UTF-8.
        bytes: usize,
        /// The limit in force.
        limit: usize,
    },
    /// The options could not be understood.
    InvalidOptions(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::InputTooLarge { bytes, limit } => write!(
                f,
                "text too large: {bytes} bytes of UTF-8, the limit is {limit} bytes; split it into parts"
            ),
            Error::InvalidOptions(msg) => write!(f, "invalid options: {msg}"),
        }
    }
}

impl std::error::Error for Error {}

/// Settings of an [`Analyzer`]. Every field has a default; from JS pass
/// a plain object with any of these keys (camelCase).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// Entity types to report; empty means all.
    pub types: Vec<EntityType>,
    /// Compute category, themes and key phrases.
    pub topics: bool,
    /// Extract meetings between people.
    pub meetings: bool,
    /// How many key phrases to return at most.
    pub max_keyphrases: usize,
    /// Largest input in bytes of UTF-8 (at most [`MAX_INPUT_BYTES`]).
    pub max_input_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { types: Vec::new(), topics: true, meetings: true, max_keyphrases: 20, max_input_bytes: MAX_INPUT_BYTES }
    }
}

/// A span of the original text, in UTF-16 code units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First code unit.
    pub start: u32,
    /// One past the last code unit.
    pub end: u32,
    /// The text of the span, `text.slice(start, end)` in JS.
    pub text: String,
}

/// One mention of an entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// First UTF-16 code unit.
    pub start: u32,
    /// One past the last UTF-16 code unit.
    pub end: u32,
    /// The entity type (spec/entities.md).
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The text, exactly `text.slice(start, end)`.
    pub text: String,
    /// The match key of the text (see [`text::normalize`]).
    pub normalized: String,
    /// The id of the [`Group`] this mention belongs to.
    pub entity: u32,
    /// Confidence in [0, 1].
    pub score: f32,
    /// For DATE mentions that resolve to a calendar date or year: its ISO
    /// form (`2025-11-24`, `2019`, `2024-03`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub value: Option<String>,
}

/// Where a place mention points on the map (GeoNames).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// GeoNames id, when the place comes from the city table.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub geonames: Option<u32>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Latitude in degrees.
    pub lat: f32,
    /// Longitude in degrees.
    pub lon: f32,
}

/// One distinct entity: every mention of it shares its id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// The id mentions refer to.
    pub id: u32,
    /// The entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The canonical Arabic name (the fullest form in the text, or the
    /// lexicon's).
    pub name: String,
    /// English name, when the lexicon knows it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub english: Option<String>,
    /// How many mentions the text has.
    pub mentions: u32,
    /// Titles seen with a person (`وزير الداخلية المكلف`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub titles: Vec<String>,
    /// The country (English name) a person represents or a place or
    /// nationality belongs to, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub country: Option<String>,
    /// Where a place is.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub place: Option<Place>,
}

/// The news section of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    /// The most probable section (spec/topics.md).
    pub label: String,
    /// Probability of every section.
    pub scores: BTreeMap<String, f32>,
}

/// A theme of the taxonomy that the article covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// Stable id (spec/topics.md).
    pub id: String,
    /// Arabic label.
    pub label: String,
    /// English label.
    pub label_en: String,
    /// Score in [0, 1].
    pub score: f32,
    /// The words and phrases that triggered it.
    pub evidence: Vec<Span>,
}

/// A key phrase of the article, found without a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyphrase {
    /// The phrase as it most often appears.
    pub text: String,
    /// Its match key, clitics and article removed.
    pub normalized: String,
    /// Score; higher is more key.
    pub score: f32,
    /// Every occurrence.
    pub occurrences: Vec<Span>,
}

/// A participant in a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// The fullest name of the person in the text.
    pub name: String,
    /// The id of the person's group.
    pub entity: u32,
    /// The title the text gives them.
    pub role: Option<String>,
    /// English name of the country they represent, when the text says it.
    pub country: Option<String>,
}

/// Two named people meeting, as the text reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    /// The two participants.
    pub participants: Vec<Participant>,
    /// `meeting`, `reception`, `visit`, `call` or `scheduled`.
    pub kind: String,
    /// The place as written, if any.
    pub place: Option<String>,
    /// The date as written, if any.
    pub date: Option<String>,
    /// The sentence that reports it.
    pub evidence: Span,
}

/// Counts over the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Unicode characters.
    pub characters: u32,
    /// Length in UTF-16 code units (JS `text.length`).
    pub length: u32,
    /// Tokens.
    pub tokens: u32,
    /// Sentences.
    pub sentences: u32,
}

/// Everything found in one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Mentions sorted by start, never overlapping.
    pub entities: Vec<Mention>,
    /// One per distinct entity, in order of first mention.
    pub groups: Vec<Group>,
    /// The news section, when topics are on and the text has words.
    pub category: Option<Category>,
    /// Themes at or above the threshold, best first.
    pub themes: Vec<Theme>,
    /// Key phrases, best first.
    pub keyphrases: Vec<Keyphrase>,
    /// Who met whom.
    pub meetings: Vec<Meeting>,
    /// Counts.
    pub stats: Stats,
}

/// The analyzer: build once with [`Analyzer::new`], then call
/// [`Analyzer::analyze`] for each text.
#[derive(Debug)]
pub struct Analyzer {
    options: Options,
    lexicon: &'static lexicon::Lexicon,
}

impl Analyzer {
    /// Builds the analyzer: loads the embedded data and builds its tables.
    pub fn new(options: Options) -> Result<Analyzer, Error> {
        if options.max_input_bytes == 0 || options.max_input_bytes > MAX_INPUT_BYTES {
            return Err(Error::InvalidOptions(format!(
                "maxInputBytes must be between 1 and {MAX_INPUT_BYTES}, got {}",
                options.max_input_bytes
            )));
        }
        let analyzer = Analyzer { options, lexicon: lexicon::Lexicon::builtin() };
        build_tables(analyzer.lexicon);
        Ok(analyzer)
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Analyzes one text.
    pub fn analyze(&self, input: &str) -> Result<Analysis, Error> {
        if input.len() > self.options.max_input_bytes {
            return Err(Error::InputTooLarge { bytes: input.len(), limit: self.options.max_input_bytes });
        }
        let prepared = text::Prepared::new(input);
        let (mut mentions, groups) = entities::recognize(&prepared, self.lexicon);
        // Meetings read every type (titles, nationalities), whatever the type filter.
        let meetings = if self.options.meetings { meetings::extract(&prepared, &mentions, &groups) } else { Vec::new() };
        let (category, themes, keyphrases) = if self.options.topics {
            topics::analyze_with_names(&prepared, self.options.max_keyphrases, &topics::keyphrases::name_ranges(&mentions))
        } else {
            (None, Vec::new(), Vec::new())
        };
        if !self.options.types.is_empty() {
            mentions.retain(|m| self.options.types.contains(&m.kind));
        }
        let groups = entities::keep_mentioned(groups, &mentions);
        Ok(Analysis {
            entities: mentions,
            groups,
            category,
            themes,
            keyphrases,
            meetings,
            stats: Stats {
                characters: input.chars().count() as u32,
                length: prepared.utf16_len,
                tokens: prepared.tokens.len() as u32,
                sentences: prepared.sentences.len() as u32,
            },
        })
    }
}

/// Builds every table the analysis uses, once per process: the lexicon's
/// indexes, the tagger's model, lexicon index and word clusters, the
/// category model, themes, meeting cues and country
/// codes, date words. Each is read from a compact embedded form (see
/// docs/performance.md, "Built once"); only a few small word sets of the rules are
/// still built on first use.
fn build_tables(lex: &'static lexicon::Lexicon) {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        let _ = tagger::builtin();
        let _ = tagger::features::LexIndex::builtin();
        let _ = tagger::clusters::Clusters::builtin();
        let _ = topics::category::Model::builtin();
        let _ = topics::themes::Themes::builtin();
        meetings::init_tables(lex);
        let _ = rules::dates::months_by_first_word();
        let _ = rules::dates::date_words();
        let _ = lex.country_name("");
    });
}

/// Analyzes `text` with the default options, using an analyzer built on
/// first use and kept. Text over [`MAX_INPUT_BYTES`] gives an analysis
/// of nothing but its stats; use [`Analyzer::analyze`] to get the error.
pub fn analyze(text: &str) -> Analysis {
    static DEFAULT: OnceLock<Analyzer> = OnceLock::new();
    let analyzer = DEFAULT.get_or_init(|| Analyzer::new(Options::default()).expect("default options are valid"));
    analyzer.analyze(text).unwrap_or_else(|_| Analysis {
        entities: Vec::new(),
        groups: Vec::new(),
        category: None,
        themes: Vec::new(),
        keyphrases: Vec::new(),
        meetings: Vec::new(),
        stats: Stats { characters: text.chars().count() as u32, length: text.encode_utf16().count() as u32, tokens: 0, sentences: 0 },
    })
}

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
