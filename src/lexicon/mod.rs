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
use crate::hash::{FxHashMap, FxHashSet};
use std::collections::hash_map::Entry as Entry_;
use std::sync::OnceLock;

/// The embedded data files, by name (see data/README.md for sources and
/// licences).
pub const FILES: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../../data/countries.tsv")),
    ("cities.tsv", include_str!("../../data/cities.tsv")),
    ("places.tsv", include_str!("../../data/places.tsv")),
    ("nationalities.tsv", include_str!("../../data/nationalities.tsv")),
    ("orgs.tsv", include_str!("../../data/orgs.tsv")),
    ("org_heads.tsv", include_str!("../../data/org_heads.tsv")),
    ("titles.tsv", include_str!("../../data/titles.tsv")),
    ("given_names.tsv", include_str!("../../data/given_names.tsv")),
    ("family_names.tsv", include_str!("../../data/family_names.tsv")),
    ("common_words.tsv", include_str!("../../data/common_words.tsv")),
];

/// Which list an entry belongs to; each list has its own index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// Named places, nationalities and organizations: found as phrases.
    Name,
    /// Titles, ranks, modifiers (OCC) and ministry portfolios.
    Title,
    /// Head nouns of productive organization and facility names.
    Head,
    /// A given name.
    Given,
    /// A family name.
    Family,
    /// An ordinary word of the corpora.
    Common,
}

impl Part {
    /// The list a data file feeds.
    pub fn of_file(file: &str) -> Part {
        match file {
            "titles.tsv" => Part::Title,
            "org_heads.tsv" => Part::Head,
            "given_names.tsv" => Part::Given,
            "family_names.tsv" => Part::Family,
            "common_words.tsv" => Part::Common,
            _ => Part::Name,
        }
    }
}

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The match key.
    pub key: &'static str,
    /// The raw type tag of the file.
    pub tag: &'static str,
    /// The entity type, when the tag is one of the spec's types.
    pub kind: Option<EntityType>,
    /// Canonical Arabic name.
    pub name: &'static str,
    /// English name, possibly empty.
    pub english: &'static str,
    /// Attributes as written (`k=v` pairs separated by `;`); read them
    /// with [`Entry::attr`].
    pub attrs: &'static str,
    /// The list the entry belongs to.
    pub part: Part,
    /// One bit per attribute name present ([`attr_bit`]): most lookups
    /// ask for an attribute the entry does not have, and answer here.
    attr_bits: u64,
}

/// The bit of an attribute name in [`Entry`]'s filter (FNV-1a, low 6 bits).
#[inline]
fn attr_bit(name: &[u8]) -> u64 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in name {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    1 << (h & 63)
}

/// The filter of an attribute column: the bits of its names (one pass
/// over the bytes, hashing each name as [`attr_bit`] does).
fn attr_bits(attrs: &str) -> u64 {
    const START: u32 = 0x811c_9dc5;
    let (mut bits, mut h, mut in_name) = (0u64, START, true);
    for &b in attrs.as_bytes() {
        if b == b';' {
            if in_name {
                bits |= 1 << (h & 63);
            }
            (h, in_name) = (START, true);
        } else if in_name {
            if b == b'=' {
                bits |= 1 << (h & 63);
                in_name = false;
            } else {
                h = (h ^ b as u32).wrapping_mul(0x0100_0193);
            }
        }
    }
    if in_name && !attrs.is_empty() {
        bits |= 1 << (h & 63);
    }
    bits
}

impl Entry {
    /// The value of attribute `k`, if present.
    pub fn attr(&self, k: &str) -> Option<&'static str> {
        if self.attr_bits & attr_bit(k.as_bytes()) == 0 {
            return None;
        }
        // a byte scan of the `k=v;k=v` column (`;` and `=` are ASCII, so a
        // byte index is always a char boundary); a bare `k` reads as `""`.
        // Names are compared byte by byte here, not by a memcmp call: they
        // are a few bytes long and most fields differ at the first byte.
        let (a, kb) = (self.attrs.as_bytes(), k.as_bytes());
        let n = kb.len();
        let mut i = 0;
        while i <= a.len() {
            let f = &a[i..];
            if f.len() >= n && f.iter().zip(kb).all(|(x, y)| x == y) {
                match f.get(n) {
                    None | Some(b';') => return Some(""),
                    Some(b'=') => {
                        let end = f[n + 1..].iter().position(|&b| b == b';').map_or(a.len(), |p| i + n + 1 + p);
                        return Some(&self.attrs[i + n + 1..end]);
                    }
                    _ => {}
                }
            }
            match f.iter().position(|&b| b == b';') {
                Some(p) => i += p + 1,
                None => break,
            }
        }
        None
    }

    /// Whether attribute `k` is `1`.
    pub fn flag(&self, k: &str) -> bool {
        self.attr(k) == Some("1")
    }

    /// Whether the entry is also an ordinary word (`common=1`): it needs a
    /// cue from the context.
    pub fn common(&self) -> bool {
        self.flag("common")
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

/// The index of the first byte `sep` in `b` at or after `i`, or `b.len()`.
/// Eight bytes at a time (the zero-byte test of a word XORed with the
/// separator repeated): the lexicon's fields are scanned once at every
/// start, and in wasm this beats a byte loop by a wide margin.
#[inline]
fn find_byte(b: &[u8], mut i: usize, sep: u8) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let pattern = LO * sep as u64;
    while i + 8 <= b.len() {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes")) ^ pattern;
        // the lowest set bit marks the first zero byte exactly (borrows only run upwards)
        let zero = w.wrapping_sub(LO) & !w & HI;
        if zero != 0 {
            return i + (zero.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i] != sep {
        i += 1;
    }
    i
}

/// `s.split(sep)` for an ASCII separator, by [`find_byte`]: cheaper than
/// the generic `str::split` on the short fields of the data files.
fn fields(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    debug_assert!(sep.is_ascii());
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let s = rest?;
        let i = find_byte(s.as_bytes(), 0, sep);
        if i < s.len() {
            rest = Some(&s[i + 1..]);
            Some(&s[..i])
        } else {
            rest = None;
            Some(s)
        }
    })
}

/// `s.trim().is_empty()`, without trimming a line that starts with a letter.
fn blank(s: &str) -> bool {
    match s.as_bytes().first() {
        None => true,
        // a printable ASCII character or the lead byte of U+0600..U+06FF (Arabic letters)
        Some(&b) if b.is_ascii_graphic() || (0xD8..=0xDB).contains(&b) => false,
        _ => s.trim().is_empty(),
    }
}

/// `s.lines()`: lines split at `\n` or `\r\n`, no empty
/// last line after a final newline.
fn lines(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // find_byte, not str::find: core's memchr costs more than the short lines it scans
        let i = find_byte(rest.as_bytes(), 0, b'\n');
        if i < rest.len() {
            let line = &rest[..i];
            rest = &rest[i + 1..];
            Some(line.strip_suffix('\r').unwrap_or(line))
        } else {
            Some(std::mem::take(&mut rest))
        }
    })
}

/// Whether a key is in normalized form (no character the contract drops or
/// folds, single spaces), checked without allocating.
fn is_normalized(key: &str) -> bool {
    use crate::text::normalize::{fold, is_ignorable};
    !key.is_empty() && !key.contains("  ") && key.chars().all(|c| !is_ignorable(c) && fold(c) == c)
}

/// The keys of a word list (`common_words.tsv`): only the first column is
/// kept, no entry is made.
pub fn parse_keys<'a>(file: &str, content: &'a str) -> Result<Vec<&'a str>, DataError> {
    parse_keys_with(file, content, true)
}

/// [`parse_keys`], checking the keys' normal form only with `check`.
fn parse_keys_with<'a>(file: &str, content: &'a str, check: bool) -> Result<Vec<&'a str>, DataError> {
    let mut out = Vec::new();
    let mut header_seen = false;
    for (n, line) in lines(content).enumerate() {
        if line.starts_with('#') || blank(line) {
            continue;
        }
        if !header_seen {
            header_seen = true;
            if !line.starts_with("key\t") {
                return Err(DataError { file: file.to_string(), line: n + 1, message: format!("the header must start with `key<TAB>`, got {line:?}") });
            }
            continue;
        }
        let key = fields(line, b'\t').next().unwrap_or_default();
        if check && !is_normalized(key) {
            return Err(DataError { file: file.to_string(), line: n + 1, message: format!("key {key:?} is not normalized") });
        }
        out.push(key);
    }
    Ok(out)
}

/// Parses one TSV data file.
pub fn parse(file: &str, content: &'static str) -> Result<Vec<Entry>, DataError> {
    parse_with(file, content, true)
}

/// [`parse`], checking the keys' normal form only with `check` (the
/// embedded files are checked by the tests, not at every start).
fn parse_with(file: &str, content: &'static str, check: bool) -> Result<Vec<Entry>, DataError> {
    let mut out = Vec::with_capacity(content.len() / 48);
    let part = Part::of_file(file);
    let mut header_seen = false;
    for (n, line) in lines(content).enumerate() {
        let err = |message: String| DataError { file: file.to_string(), line: n + 1, message };
        if line.starts_with('#') || blank(line) {
            continue;
        }
        if !header_seen {
            header_seen = true;
            if !line.starts_with("key\t") {
                return Err(err(format!("the header must start with `key<TAB>`, got {line:?}")));
            }
            continue;
        }
        let mut split = fields(line, b'\t');
        let mut cols: [&'static str; 5] = [""; 5];
        let mut ncols = 0;
        for c in split.by_ref().take(5) {
            cols[ncols] = c;
            ncols += 1;
        }
        if ncols < 3 {
            return Err(err(format!("expected at least 3 tab-separated columns, got {ncols}")));
        }
        let key = cols[0];
        if check && !is_normalized(key) {
            return Err(err(format!("key {key:?} is not normalized (should be {:?})", crate::text::key(key))));
        }
        out.push(Entry { key, tag: cols[1], kind: EntityType::from_tag(cols[1]), name: cols[2], english: cols[3], attrs: cols[4], part, attr_bits: attr_bits(cols[4]) });
    }
    Ok(out)
}

/// A phrase index: whole phrase key → entries, and first word → the most
/// words of any phrase starting with it.
#[derive(Debug, Clone, Default)]
pub struct PhraseIndex {
    index: FxHashMap<&'static str, Ids>,
    first_words: FxHashMap<&'static str, usize>,
    /// The first words' lengths and last bytes: the rules ask at nearly
    /// every word, and most words fail this test before any hashing.
    first_filter: crate::hash::LenLastFilter,
}

/// The ids of one key: almost always one, kept inline.
#[derive(Debug, Clone)]
enum Ids {
    One(u32),
    Many(Vec<u32>),
}

impl Ids {
    fn as_slice(&self) -> &[u32] {
        match self {
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(v) => v,
        }
    }
}

impl PhraseIndex {
    fn add(&mut self, key: &'static str, id: u32) {
        let words = key.bytes().filter(|&b| b == b' ').count() + 1;
        let first = fields(key, b' ').next().unwrap_or_default();
        let max = self.first_words.entry(first).or_insert(0);
        *max = (*max).max(words);
        self.first_filter.insert(first);
        match self.index.entry(key) {
            Entry_::Vacant(v) => {
                v.insert(Ids::One(id));
            }
            Entry_::Occupied(mut o) => {
                let ids = o.get_mut();
                *ids = Ids::Many(ids.as_slice().iter().copied().chain([id]).collect());
            }
        }
    }

    /// The most words of a phrase starting with `first` (0 when none does).
    pub fn max_words(&self, first: &str) -> usize {
        if !self.first_filter.may_contain(first) {
            return 0;
        }
        self.first_words.get(first).copied().unwrap_or(0)
    }

    /// Ids of the entries whose key is `key`.
    pub fn ids(&self, key: &str) -> &[u32] {
        self.index.get(key).map(Ids::as_slice).unwrap_or(&[])
    }
}

/// The common English name of country `cc` from `data/country_names.tsv`
/// (ISO code, lower case, then the name), if the table has it.
/// The table is parsed once into a map (it was scanned line by line at
/// every call, 5–6 K instructions a lookup, dozens of lookups an article).
fn common_country_name(cc: &str) -> Option<&'static str> {
    static TABLE: &str = include_str!("../../data/country_names.tsv");
    static MAP: std::sync::OnceLock<crate::hash::FxHashMap<String, &'static str>> = std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map = crate::hash::FxHashMap::default();
        for (code, name) in TABLE.lines().filter(|l| !l.starts_with('#') && !l.starts_with("key\t")).filter_map(|l| l.split_once('\t')) {
            // the first row of a code wins, as the scan did
            map.entry(code.to_ascii_lowercase()).or_insert(name.trim_end());
        }
        map
    });
    if cc.bytes().any(|b| b.is_ascii_uppercase()) {
        map.get(cc.to_ascii_lowercase().as_str()).copied()
    } else {
        map.get(cc).copied()
    }
}

/// All entries and the indexes over them, built once.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Every entry of every file.
    pub entries: Vec<Entry>,
    /// Indexes by list.
    names: PhraseIndex,
    titles: PhraseIndex,
    heads: PhraseIndex,
    given: FxHashMap<&'static str, u32>,
    family: FxHashMap<&'static str, u32>,
    common: FxHashSet<&'static str>,
    /// ISO country code → English name of the country.
    countries: FxHashMap<&'static str, &'static str>,
    /// ISO country code → canonical Arabic name of the country.
    countries_ar: FxHashMap<&'static str, &'static str>,
}

impl Lexicon {
    /// Builds the lexicon from (file name, content) pairs, checking that
    /// every key is in normalized form.
    pub fn from_files(files: &[(&str, &'static str)]) -> Result<Lexicon, DataError> {
        Lexicon::build(files, true)
    }

    fn build(files: &[(&str, &'static str)], check: bool) -> Result<Lexicon, DataError> {
        let mut lex = Lexicon::default();
        // Size the name index once for all the files that feed it (a row of
        // those files is 60 bytes or more), not file by file: each growth of
        // a hash table rehashes everything in it.
        let name_bytes: usize = files.iter().filter(|(name, _)| Part::of_file(name) == Part::Name).map(|(_, c)| c.len()).sum();
        lex.names.index.reserve(name_bytes / 60);
        lex.names.first_words.reserve(name_bytes / 60);
        for (name, content) in files {
            if Part::of_file(name) == Part::Common {
                let keys = parse_keys_with(name, content, check)?;
                lex.common.reserve(keys.len());
                lex.common.extend(keys);
                continue;
            }
            let entries = parse_with(name, content, check)?;
            lex.entries.reserve(entries.len());
            match Part::of_file(name) {
                Part::Given => lex.given.reserve(entries.len()),
                Part::Family => lex.family.reserve(entries.len()),
                _ => {}
            }
            for e in entries {
                lex.add(e);
            }
        }
        Ok(lex)
    }

    /// Adds one entry.
    pub fn add(&mut self, e: Entry) {
        let id = self.entries.len() as u32;
        match e.part {
            Part::Name => self.names.add(e.key, id),
            Part::Title => self.titles.add(e.key, id),
            Part::Head => self.heads.add(e.key, id),
            Part::Given => {
                self.given.entry(e.key).or_insert(id);
            }
            Part::Family => {
                self.family.entry(e.key).or_insert(id);
            }
            Part::Common => {
                self.common.insert(e.key);
            }
        }
        // `contains` first: a cheap rejection of the thousands of city rows
        if e.kind == Some(EntityType::Gpe) && !e.english.is_empty() && e.attrs.contains("country") && e.flag("country") {
            if let Some(cc) = e.attr("cc") {
                self.countries.entry(cc).or_insert(e.english);
                self.countries_ar.entry(cc).or_insert(e.name);
            }
        }
        self.entries.push(e);
    }

    /// The embedded lexicon, parsed once per process.
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        // the keys' normal form is checked by the tests (embedded_files_parse), not at every start
        LEX.get_or_init(|| Lexicon::build(FILES, false).unwrap_or_else(|e| panic!("embedded data is malformed: {e}")))
    }

    /// The entry with id `id`.
    pub fn entry(&self, id: u32) -> &Entry {
        &self.entries[id as usize]
    }

    /// The index of a list with phrases ([`Part::Name`], [`Part::Title`],
    /// [`Part::Head`]); other parts have an empty index.
    pub fn phrases(&self, part: Part) -> &PhraseIndex {
        static EMPTY: OnceLock<PhraseIndex> = OnceLock::new();
        match part {
            Part::Name => &self.names,
            Part::Title => &self.titles,
            Part::Head => &self.heads,
            _ => EMPTY.get_or_init(PhraseIndex::default),
        }
    }

    /// Entries of any phrase list whose key is exactly `key`.
    pub fn get<'a>(&'a self, key: &str) -> impl Iterator<Item = &'a Entry> + 'a {
        let ids: Vec<u32> = [&self.names, &self.titles, &self.heads].into_iter().flat_map(|ix| ix.ids(key).iter().copied()).collect();
        ids.into_iter().map(move |i| &self.entries[i as usize])
    }

    /// The given-name entry of a one-word key.
    pub fn given(&self, key: &str) -> Option<&Entry> {
        self.given.get(key).map(|&i| &self.entries[i as usize])
    }

    /// The family-name entry of a one-word key.
    pub fn family(&self, key: &str) -> Option<&Entry> {
        self.family.get(key).map(|&i| &self.entries[i as usize])
    }

    /// Whether the corpora use `key` as an ordinary word.
    pub fn is_common(&self, key: &str) -> bool {
        self.common.contains(key)
    }

    /// The English name of the country with ISO code `cc`: the common
    /// name news uses (`data/country_names.tsv`: `Turkey`, `Syria`) where
    /// it differs from the ISO name of `data/countries.tsv` (`Türkiye`).
    pub fn country_name(&self, cc: &str) -> Option<&str> {
        common_country_name(cc).or_else(|| self.countries.get(cc).copied())
    }

    /// The Arabic name of the country with ISO code `cc`.
    pub fn country_name_ar(&self, cc: &str) -> Option<&str> {
        self.countries_ar.get(cc).copied()
    }

    /// The most words of any named phrase starting with the word `first`
    /// (0 when none does).
    pub fn max_words(&self, first: &str) -> usize {
        self.names.max_words(first).max(self.titles.max_words(first))
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
        let e = &parse("t.tsv", "key\ttype\tname\tenglish\tattrs\nليبيا\tGPE\tليبيا\tLibya\tcc=LY;country=1;capital\n").unwrap()[0];
        assert_eq!((e.attr("cc"), e.flag("country"), e.attr("capital"), e.attr("gid")), (Some("LY"), true, Some(""), None), "attributes are read from the raw column");
    }

    #[test]
    fn attr_scan_reads_like_split() {
        let reference = |attrs: &str, k: &str| -> Option<String> {
            attrs.split(';').find_map(|kv| match kv.split_once('=') {
                Some((a, v)) if a == k => Some(v.to_string()),
                None if kv == k => Some(String::new()),
                _ => None,
            })
        };
        let cases = ["", "cc=LY;country=1;capital", "capital;cc=TN", "cc=", "ccc=1;cc=2", "c;cc=3", ";;cc=4;", "kind=nat;cc=مصر", "country=1;country=0", "gid=1;cc=IN;lat=2;lon=9;pop=290000", "part=family;src=corpus", "pop;kind=x;"];
        for attrs in cases {
            let e = Entry { key: "x", tag: "GPE", kind: None, name: "x", english: "", attrs, part: Part::Name, attr_bits: attr_bits(attrs) };
            for k in ["cc", "country", "capital", "c", "kind", "pop"] {
                assert_eq!(e.attr(k).map(str::to_string), reference(attrs, k), "attr({k:?}) of {attrs:?} must read like the split-based parse");
            }
        }
    }

    #[test]
    fn byte_splitters_agree_with_std() {
        for s in ["", "a", "a;b", ";a;;b;", "cc=LY;country=1;capital", "ليبيا\tGPE\tليبيا", "x\r\ny\n", "x\n\ny", "\n", "a\r", "x\ny\r\n\r\n", "  \n\tx", "\u{a0}\n"] {
            for sep in [b';', b'\t', b' '] {
                let std: Vec<&str> = s.split(sep as char).collect();
                assert_eq!(fields(s, sep).collect::<Vec<_>>(), std, "fields({s:?}, {:?}) must split like str::split", sep as char);
            }
            assert_eq!(lines(s).collect::<Vec<_>>(), s.lines().collect::<Vec<_>>(), "lines({s:?}) must split like str::lines");
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
        assert!(lex.max_words("البحر") >= 2, "places.tsv should have البحر المتوسط");
        let cases: &[(&str, &str, Part)] = &[
            ("given name", "عماد", Part::Given),
            ("family name", "حفتر", Part::Family),
            ("title", "وزير", Part::Title),
            ("portfolio", "الداخليه", Part::Title),
            ("org head", "وزاره", Part::Head),
            ("nationality", "الاتراك", Part::Name),
            ("city", "بنغازي", Part::Name),
        ];
        for (name, key, part) in cases {
            let found = match part {
                Part::Given => lex.given(key).is_some(),
                Part::Family => lex.family(key).is_some(),
                _ => lex.phrases(*part).ids(key).iter().any(|_| true),
            };
            assert!(found, "case {name:?}: {key:?} should be in the {part:?} list of data/");
        }
        assert!(lex.is_common("التي"), "common_words.tsv should list التي");
        assert_eq!(lex.country_name("LY"), Some("Libya"), "countries.tsv should name LY Libya (country=1 rows)");
        assert_eq!(lex.country_name_ar("TR"), Some("تركيا"));
    }
}
