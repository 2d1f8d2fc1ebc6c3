//! The lexicons: the TSV files of `data/`, embedded in the binary and
//! turned into lookup tables once, when an [`crate::Analyzer`] is built.
//!
//! Every file has a header line and then one entry a line:
//! `key<TAB>type<TAB>name<TAB>english<TAB>attrs`, where `key` is the
//! entry's match key (normalized as in [`crate::text::normalize`], words
//! separated by one space), `type` an entity type of the spec or an
//! auxiliary tag (such as `GIVEN` for a given name), `name` the canonical
//! Arabic name, `english` the English name (may be empty) and `attrs`
//! `k=v` pairs separated by `;` (such as `cc=LY;lat=32.9;lon=13.2`).
//! Lines starting with `#` are comments (a generated file names the
//! command that made it there).

use crate::entities::EntityType;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The embedded data files, by name.
pub const FILES: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../../data/countries.tsv")),
    ("places.tsv", include_str!("../../data/places.tsv")),
    ("nationalities.tsv", include_str!("../../data/nationalities.tsv")),
    ("titles.tsv", include_str!("../../data/titles.tsv")),
];

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The match key.
    pub key: String,
    /// The raw type tag of the file.
    pub tag: String,
    /// The entity type, when the tag is one of the spec's types.
    pub kind: Option<EntityType>,
    /// Canonical Arabic name.
    pub name: String,
    /// English name, possibly empty.
    pub english: String,
    /// Attributes, in file order.
    pub attrs: Vec<(String, String)>,
}

impl Entry {
    /// The value of attribute `k`, if present.
    pub fn attr(&self, k: &str) -> Option<&str> {
        self.attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.as_str())
    }
}

/// A malformed line of a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file.
    pub file: String,
    /// The 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "data/{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Parses one TSV data file.
pub fn parse(file: &str, content: &str) -> Result<Vec<Entry>, DataError> {
    let mut out = Vec::new();
    let mut header_seen = false;
    for (n, line) in content.lines().enumerate() {
        let err = |message: String| DataError { file: file.to_string(), line: n + 1, message };
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !header_seen {
            header_seen = true;
            if !line.starts_with("key\t") {
                return Err(err(format!("the header must start with `key<TAB>`, got {line:?}")));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(err(format!("expected at least 3 tab-separated columns, got {}", cols.len())));
        }
        let key = cols[0].to_string();
        if key.is_empty() || crate::text::key(&key) != key || key.contains("  ") {
            return Err(err(format!("key {key:?} is not normalized (should be {:?})", crate::text::key(&key))));
        }
        let attrs = cols
            .get(4)
            .map(|a| {
                a.split(';').filter(|kv| !kv.is_empty()).map(|kv| match kv.split_once('=') {
                    Some((k, v)) => (k.to_string(), v.to_string()),
                    None => (kv.to_string(), String::new()),
                }).collect()
            })
            .unwrap_or_default();
        out.push(Entry {
            key,
            tag: cols[1].to_string(),
            kind: EntityType::from_tag(cols[1]),
            name: cols[2].to_string(),
            english: cols.get(3).unwrap_or(&"").to_string(),
            attrs,
        });
    }
    Ok(out)
}

/// All entries and the phrase index over them.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Every entry of every file.
    pub entries: Vec<Entry>,
    /// Match key of a whole phrase → entries with that key.
    index: HashMap<String, Vec<u32>>,
    /// First word of a phrase → the most words any phrase starting with it has.
    first_words: HashMap<String, usize>,
    /// ISO country code → English name of the country.
    countries: HashMap<String, String>,
}

impl Lexicon {
    /// Builds the lexicon from (file name, content) pairs.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Lexicon, DataError> {
        let mut lex = Lexicon::default();
        for (name, content) in files {
            for e in parse(name, content)? {
                lex.add(e);
            }
        }
        Ok(lex)
    }

    /// Adds one entry.
    pub fn add(&mut self, e: Entry) {
        let id = self.entries.len() as u32;
        let words = e.key.split(' ').count();
        let first = e.key.split(' ').next().unwrap_or_default().to_string();
        let max = self.first_words.entry(first).or_insert(0);
        *max = (*max).max(words);
        self.index.entry(e.key.clone()).or_default().push(id);
        if e.kind == Some(EntityType::Gpe) && e.attr("city").is_none() && !e.english.is_empty() {
            if let Some(cc) = e.attr("cc") {
                self.countries.entry(cc.to_string()).or_insert_with(|| e.english.clone());
            }
        }
        self.entries.push(e);
    }

    /// The embedded lexicon, parsed once per process.
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::from_files(FILES).unwrap_or_else(|e| panic!("embedded data is malformed: {e}")))
    }

    /// Entries whose key is exactly `key`.
    pub fn get(&self, key: &str) -> impl Iterator<Item = &Entry> {
        self.index.get(key).into_iter().flatten().map(move |&i| &self.entries[i as usize])
    }

    /// The English name of the country with ISO code `cc`.
    pub fn country_name(&self, cc: &str) -> Option<&str> {
        self.countries.get(cc).map(String::as_str)
    }

    /// The most words of any phrase starting with the word `first` (0 when
    /// none does).
    pub fn max_words(&self, first: &str) -> usize {
        self.first_words.get(first).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_parse() {
        for (name, content) in FILES {
            let entries = parse(name, content).unwrap_or_else(|e| panic!("{e}"));
            assert!(!entries.is_empty(), "data/{name} has no entries");
        }
    }

    #[test]
    fn malformed_lines_are_reported() {
        let cases: &[(&str, &str, &str)] = &[
            ("no header", "ليبيا\tGPE\tليبيا\n", "header"),
            ("unnormalized key", "key\ttype\tname\nليبيا الجديدة\tGPE\tx\nأنقرة\tGPE\tأنقرة\n", "not normalized"),
            ("too few columns", "key\ttype\tname\nليبيا\n", "columns"),
        ];
        for (name, content, want) in cases {
            let err = parse("t.tsv", content).expect_err(name);
            assert!(err.to_string().contains(want), "case {name:?}: error {err} should mention {want:?}");
        }
    }

    #[test]
    fn phrase_index() {
        let lex = Lexicon::builtin();
        assert!(lex.get("ليبيا").any(|e| e.kind == Some(EntityType::Gpe)), "ليبيا should be a GPE in data/countries.tsv");
        assert!(lex.max_words("وزير") >= 2, "titles.tsv should have وزير + portfolio");
    }
}
