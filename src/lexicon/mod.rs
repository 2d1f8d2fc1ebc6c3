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
use crate::hash::FxHashMap;
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

/// The names of [`FILES`], in order: what the analyzer's start uses (it
/// reads the fields from build.rs's arena, so the TSV text itself is not
/// linked into the wasm unless something reads [`FILES`]).
pub const FILE_NAMES: [&str; 10] = [
    "countries.tsv",
    "cities.tsv",
    "places.tsv",
    "nationalities.tsv",
    "orgs.tsv",
    "org_heads.tsv",
    "titles.tsv",
    "given_names.tsv",
    "family_names.tsv",
    "common_words.tsv",
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
    /// One bit per attribute name present ([`attr_index`]): most lookups
    /// ask for an attribute the entry does not have, and answer here.
    attr_bits: u64,
}

// ATTR_SEED and ATTR_NAMES, made by build.rs from the attribute names of the data.
include!(concat!(env!("OUT_DIR"), "/lexicon_attrs.rs"));

/// The bit of [`Entry`]'s filter set when the entry has an attribute name
/// that is not the [`ATTR_NAMES`] name of its bit (a name the embedded
/// data does not use: only entries parsed from other text have it).
const UNKNOWN_NAME: u64 = 1 << 63;

/// The bit of an attribute name in [`Entry`]'s filter: FNV-1a from
/// [`ATTR_SEED`], modulo 63, so that every name of the data has a bit of
/// its own (build.rs picks the seed). Inlined, so that the bit of a
/// literal name is a constant.
#[inline(always)]
fn attr_index(name: &[u8]) -> usize {
    let mut h: u32 = 0x811c_9dc5 ^ ATTR_SEED;
    for &b in name {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    (h % 63) as usize
}

/// The filter of an attribute column: the bit of each name (`k` of
/// `k=v` or of a bare `k`), and [`UNKNOWN_NAME`] when a name is not the
/// one [`ATTR_NAMES`] gives its bit.
fn attr_bits(attrs: &str) -> u64 {
    let mut bits = 0u64;
    if attrs.is_empty() {
        return 0;
    }
    for field in fields(attrs, b';') {
        let name = &field[..find_byte(field.as_bytes(), 0, b'=')];
        let i = attr_index(name.as_bytes());
        bits |= 1 << i;
        if ATTR_NAMES[i] != name {
            bits |= UNKNOWN_NAME;
        }
    }
    bits
}

impl Entry {
    /// The value of attribute `k`, if present.
    #[inline]
    pub fn attr(&self, k: &str) -> Option<&'static str> {
        // inlined, so that for a literal name the bit and the name test are constants:
        // the filter answers every name the entry does not have, and only a name it has is
        // scanned for its value
        let i = attr_index(k.as_bytes());
        if self.attr_bits & (1 << i) == 0 || (ATTR_NAMES[i] != k && self.attr_bits & UNKNOWN_NAME == 0) {
            return None;
        }
        self.attr_scan(k)
    }

    /// Whether attribute `k` is present (`attr(k).is_some()`), answered by
    /// the filter alone for the entries of the embedded data.
    #[inline]
    pub fn has_attr(&self, k: &str) -> bool {
        let i = attr_index(k.as_bytes());
        if self.attr_bits & (1 << i) == 0 {
            return false;
        }
        if self.attr_bits & UNKNOWN_NAME == 0 {
            // every name of the entry is the name of its bit, so the one with bit i is ATTR_NAMES[i]
            return ATTR_NAMES[i] == k;
        }
        self.attr_scan(k).is_some()
    }

    /// [`Entry::attr`] past the filter: jumps from one occurrence of the
    /// name's first byte to the next ([`find_byte`], eight bytes a step)
    /// and takes the first at a field start followed by `=`, `;` or the
    /// end (`;` and `=` are ASCII, so every index used is a char boundary).
    fn attr_scan(&self, k: &str) -> Option<&'static str> {
        let (a, kb) = (self.attrs.as_bytes(), k.as_bytes());
        let n = kb.len();
        let Some(&k0) = kb.first() else {
            // the empty name: the first field that is empty or starts with `=`
            let mut i = 0;
            loop {
                match a.get(i) {
                    None | Some(b';') => return Some(""),
                    Some(b'=') => return Some(&self.attrs[i + 1..find_byte(a, i + 1, b';')]),
                    _ => {}
                }
                i = find_byte(a, i, b';') + 1;
                if i > a.len() {
                    return None;
                }
            }
        };
        let mut i = 0;
        loop {
            i = find_byte(a, i, k0);
            if i + n > a.len() {
                return None;
            }
            if (i == 0 || a[i - 1] == b';') && a[i..i + n].iter().zip(kb).all(|(x, y)| x == y) {
                match a.get(i + n) {
                    None | Some(b';') => return Some(""),
                    Some(b'=') => return Some(&self.attrs[i + n + 1..find_byte(a, i + n + 1, b';')]),
                    _ => {}
                }
            }
            i += 1;
        }
    }

    /// Whether attribute `k` is `1`.
    #[inline]
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
        if !is_normalized(key) {
            return Err(DataError { file: file.to_string(), line: n + 1, message: format!("key {key:?} is not normalized") });
        }
        out.push(key);
    }
    Ok(out)
}

/// Parses one TSV data file.
pub fn parse(file: &str, content: &'static str) -> Result<Vec<Entry>, DataError> {
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
        if !is_normalized(key) {
            return Err(err(format!("key {key:?} is not normalized (should be {:?})", crate::text::key(key))));
        }
        out.push(Entry { key, tag: cols[1], kind: EntityType::from_tag(cols[1]), name: cols[2], english: cols[3], attrs: cols[4], part, attr_bits: attr_bits(cols[4]) });
    }
    Ok(out)
}

/// A string-keyed table built once and never shrunk: open addressing
/// with linear probing over 8-byte slots (a 32-bit tag of the key's hash
/// and the index of its item plus one; 0 is empty), sized to at most half
/// full. Lookups hash the key once ([`str_hash`]) and compare bytes only
/// when the tag matches; building it costs a hash and a probe a key, far
/// less than a general hash map's insertion.
#[derive(Debug, Clone)]
pub(crate) struct StrMap<V> {
    slots: Vec<(u32, u32)>,
    items: Vec<(&'static str, V)>,
    /// `64 - log2(slots.len())`: the slot is the top bits of the hash.
    shift: u32,
}

impl<V> Default for StrMap<V> {
    fn default() -> Self {
        StrMap::with_capacity(0)
    }
}

/// The hash of a key for [`StrMap`]: FxHash over 8-byte words (the tail
/// read as the last 8 bytes, short keys as two overlapping halves, the
/// length mixed in), so a word of the lexicon costs two or three
/// multiplications.
#[inline]
pub(crate) fn str_hash(s: &str) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let b = s.as_bytes();
    let mut h = (b.len() as u64).wrapping_mul(K);
    let n = b.len();
    let word = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
    if n >= 8 {
        let mut i = 0;
        while i + 8 <= n {
            h = (h.rotate_left(5) ^ word(i)).wrapping_mul(K);
            i += 8;
        }
        if i < n {
            // the last 8 bytes, overlapping the previous word
            h = (h.rotate_left(5) ^ word(n - 8)).wrapping_mul(K);
        }
    } else if n >= 4 {
        let w = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().expect("4 bytes")) as u64;
        h = (h.rotate_left(5) ^ (w(0) | (w(n - 4) << 32))).wrapping_mul(K);
    } else if n > 0 {
        h = (h.rotate_left(5) ^ (b[0] as u64 | (b[n / 2] as u64) << 8 | (b[n - 1] as u64) << 16)).wrapping_mul(K);
    }
    h
}

impl<V> StrMap<V> {
    /// A map sized for `n` keys.
    pub(crate) fn with_capacity(n: usize) -> Self {
        let cap = (n * 2).next_power_of_two().max(16);
        StrMap { slots: vec![(0, 0); cap], items: Vec::with_capacity(n), shift: 64 - cap.trailing_zeros() }
    }

    /// How many keys.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    #[inline]
    fn find(&self, key: &str, h: u64) -> Result<usize, usize> {
        let tag = (h as u32) | 1;
        let mask = self.slots.len() - 1;
        let mut s = (h >> self.shift) as usize;
        loop {
            let (t, i) = self.slots[s];
            if i == 0 {
                return Err(s);
            }
            if t == tag && self.items[i as usize - 1].0 == key {
                return Ok(i as usize - 1);
            }
            s = (s + 1) & mask;
        }
    }

    /// The value of `key`.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<&V> {
        self.find(key, str_hash(key)).ok().map(|i| &self.items[i].1)
    }

    /// The value of `key`, inserted by `new` when absent.
    pub(crate) fn get_or_insert_with(&mut self, key: &'static str, new: impl FnOnce() -> V) -> &mut V {
        let h = str_hash(key);
        let i = match self.find(key, h) {
            Ok(i) => i,
            Err(mut s) => {
                if (self.items.len() + 1) * 2 > self.slots.len() {
                    self.grow();
                    s = self.find(key, h).expect_err("a new key");
                }
                self.slots[s] = ((h as u32) | 1, self.items.len() as u32 + 1);
                self.items.push((key, new()));
                self.items.len() - 1
            }
        };
        &mut self.items[i].1
    }

    fn grow(&mut self) {
        let cap = self.slots.len() * 2;
        self.slots = vec![(0, 0); cap];
        self.shift = 64 - cap.trailing_zeros();
        let mask = cap - 1;
        for (n, (key, _)) in self.items.iter().enumerate() {
            let h = str_hash(key);
            let mut s = (h >> self.shift) as usize;
            while self.slots[s].1 != 0 {
                s = (s + 1) & mask;
            }
            self.slots[s] = ((h as u32) | 1, n as u32 + 1);
        }
    }
}

/// A phrase index: whole phrase key → entries, and first word → the most
/// words of any phrase starting with it, in one table (most phrases are
/// one word, their own first word).
#[derive(Debug, Clone, Default)]
pub struct PhraseIndex {
    index: StrMap<Phrase>,
    /// The first words' lengths and last bytes: the rules ask at nearly
    /// every word, and most words fail this test before any hashing.
    first_filter: crate::hash::LenLastFilter,
}

/// What a key is in a [`PhraseIndex`]: the ids of the entries whose key it
/// is (none when it only opens longer phrases), and the most words of a
/// phrase it opens (0 when it opens none).
#[derive(Debug, Clone)]
struct Phrase {
    ids: Ids,
    max_words: usize,
}

/// The ids of one key: almost always one, kept inline.
#[derive(Debug, Clone)]
enum Ids {
    None,
    One(u32),
    Many(Vec<u32>),
}

impl Ids {
    fn as_slice(&self) -> &[u32] {
        match self {
            Ids::None => &[],
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(v) => v,
        }
    }
}

impl PhraseIndex {
    fn with_capacity(n: usize) -> PhraseIndex {
        PhraseIndex { index: StrMap::with_capacity(n), first_filter: Default::default() }
    }

    fn add(&mut self, key: &'static str, id: u32) {
        let b = key.as_bytes();
        let first_len = find_byte(b, 0, b' ');
        let new = || Phrase { ids: Ids::None, max_words: 0 };
        let p = if first_len == b.len() {
            self.first_filter.insert(key);
            let p = self.index.get_or_insert_with(key, new);
            p.max_words = p.max_words.max(1);
            p
        } else {
            let words = 2 + b[first_len + 1..].iter().filter(|&&b| b == b' ').count();
            let first = &key[..first_len];
            self.first_filter.insert(first);
            let f = self.index.get_or_insert_with(first, new);
            f.max_words = f.max_words.max(words);
            self.index.get_or_insert_with(key, new)
        };
        p.ids = match std::mem::replace(&mut p.ids, Ids::None) {
            Ids::None => Ids::One(id),
            Ids::One(a) => Ids::Many(vec![a, id]),
            Ids::Many(mut v) => {
                v.push(id);
                Ids::Many(v)
            }
        };
    }

    /// The most words of a phrase starting with `first` (0 when none does).
    pub fn max_words(&self, first: &str) -> usize {
        if !self.first_filter.may_contain(first) {
            return 0;
        }
        self.index.get(first).map_or(0, |p| p.max_words)
    }

    /// Ids of the entries whose key is `key`.
    pub fn ids(&self, key: &str) -> &[u32] {
        self.index.get(key).map_or(&[], |p| p.ids.as_slice())
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
    given: StrMap<u32>,
    family: StrMap<u32>,
    common: StrMap<()>,
    /// ISO country code → English name of the country.
    countries: FxHashMap<&'static str, &'static str>,
    /// ISO country code → canonical Arabic name of the country.
    countries_ar: FxHashMap<&'static str, &'static str>,
    /// Ids of the entries that are countries (GPE, `country=1`, an English name).
    country_ids: Vec<u32>,
}

/// The fields of every entry of [`FILES`], one after the other, and where
/// they are: both made by `build.rs` from the same files at every build
/// (format there), so the start reads lengths instead of scanning text for
/// tabs and newlines, and the wasm carries no separators, no repeated type
/// tags and no name that equals its key (smaller than the TSV files).
const ARENA: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon.txt"));
const RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

/// A reader of [`RECORDS`].
struct Records {
    at: usize,
}

impl Records {
    #[inline]
    fn next(&mut self) -> usize {
        let b = RECORDS[self.at];
        self.at += 1;
        if b < 0x80 {
            return b as usize;
        }
        let (mut v, mut shift) = ((b & 0x7f) as usize, 7);
        loop {
            let b = RECORDS[self.at];
            self.at += 1;
            v |= ((b & 0x7f) as usize) << shift;
            if b < 0x80 {
                return v;
            }
            shift += 7;
        }
    }
}

impl Lexicon {
    /// Builds the lexicon from (file name, content) pairs, checking that
    /// every key is in normalized form.
    pub fn from_files(files: &[(&str, &'static str)]) -> Result<Lexicon, DataError> {
        let mut lex = Lexicon::default();
        for (name, content) in files {
            if Part::of_file(name) == Part::Common {
                for key in parse_keys(name, content)? {
                    lex.common.get_or_insert_with(key, || ());
                }
                continue;
            }
            for e in parse(name, content)? {
                lex.add(e);
            }
        }
        Ok(lex)
    }

    /// The embedded files, read through [`RECORDS`] from [`ARENA`]: no
    /// text is scanned, every table is sized once.
    fn from_records() -> Lexicon {
        assert_eq!(&RECORDS[..4], b"KLX2", "lexicon records: bad magic");
        let mut r = Records { at: 4 };
        // SAFETY (the unchecked slices below): build.rs wrote the lengths
        // of exactly the strings it concatenated into ARENA in this build
        // (it reruns whenever a data file changes), so every slice is in
        // bounds and on char boundaries; the test builtin_matches_parse
        // compares every field with the TSV parser's.
        let mut cursor = 0usize;
        let mut take = |len: usize| {
            debug_assert!(ARENA.is_char_boundary(cursor) && ARENA.is_char_boundary(cursor + len));
            let s = unsafe { ARENA.get_unchecked(cursor..cursor + len) };
            cursor += len;
            s
        };
        let tags: Vec<(&'static str, Option<EntityType>)> = (0..r.next())
            .map(|_| {
                let t = take(r.next());
                (t, EntityType::from_tag(t))
            })
            .collect();
        let palette: Vec<u64> = (0..r.next())
            .map(|_| {
                let v = u64::from_le_bytes(RECORDS[r.at..r.at + 8].try_into().expect("8 bytes"));
                r.at += 8;
                v
            })
            .collect();
        // the counts come first, so every table is sized once
        let mut lex = Lexicon::default();
        let mut counts = [0usize; 6];
        let per_file: Vec<usize> = FILE_NAMES.iter().map(|_| r.next()).collect();
        for (name, n) in FILE_NAMES.iter().zip(&per_file) {
            counts[Part::of_file(name) as usize] += n;
        }
        lex.entries.reserve_exact(counts.iter().sum::<usize>() - counts[Part::Common as usize]);
        lex.names = PhraseIndex::with_capacity(counts[Part::Name as usize]);
        lex.titles = PhraseIndex::with_capacity(counts[Part::Title as usize]);
        lex.heads = PhraseIndex::with_capacity(counts[Part::Head as usize]);
        lex.given = StrMap::with_capacity(counts[Part::Given as usize]);
        lex.family = StrMap::with_capacity(counts[Part::Family as usize]);
        lex.common = StrMap::with_capacity(counts[Part::Common as usize]);
        for (name, &n) in FILE_NAMES.iter().zip(&per_file) {
            let part = Part::of_file(name);
            if part == Part::Common {
                for _ in 0..n {
                    let key = take(r.next());
                    lex.common.get_or_insert_with(key, || ());
                }
                continue;
            }
            for _ in 0..n {
                let key = take(r.next());
                let (tag, kind) = tags[r.next()];
                let name = match r.next() {
                    0 => key,
                    n => take(n - 1),
                };
                let english = take(r.next());
                let attrs = take(r.next());
                let attr_bits = palette[r.next()];
                lex.add(Entry { key, tag, kind, name, english, attrs, part, attr_bits });
            }
        }
        lex
    }

    /// Adds one entry.
    pub fn add(&mut self, e: Entry) {
        let id = self.entries.len() as u32;
        match e.part {
            Part::Name => self.names.add(e.key, id),
            Part::Title => self.titles.add(e.key, id),
            Part::Head => self.heads.add(e.key, id),
            Part::Given => {
                self.given.get_or_insert_with(e.key, || id);
            }
            Part::Family => {
                self.family.get_or_insert_with(e.key, || id);
            }
            Part::Common => {
                self.common.get_or_insert_with(e.key, || ());
            }
        }
        if e.kind == Some(EntityType::Gpe) && !e.english.is_empty() && e.flag("country") {
            if let Some(cc) = e.attr("cc") {
                self.countries.entry(cc).or_insert(e.english);
                self.countries_ar.entry(cc).or_insert(e.name);
            }
        }
        if e.kind == Some(EntityType::Gpe) && !e.english.is_empty() && e.attr("country").is_some() {
            self.country_ids.push(id);
        }
        self.entries.push(e);
    }

    /// The embedded lexicon, read once per process.
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        // the keys' normal form is checked by the tests (embedded_files_parse), not at every start
        LEX.get_or_init(Lexicon::from_records)
    }

    /// The entries that are countries: GPE with an English name and a
    /// `country` attribute, in file order.
    pub fn country_entries(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.country_ids.iter().map(|&i| &self.entries[i as usize])
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
        self.common.get(key).is_some()
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
    fn builtin_matches_parse() {
        // the records build.rs writes must give exactly the entries the TSV parser reads
        assert!(FILES.iter().map(|f| f.0).eq(FILE_NAMES), "FILES and FILE_NAMES (and build.rs's FILES) must list the same files in the same order");
        let (built, parsed) = (Lexicon::builtin(), Lexicon::from_files(FILES).unwrap_or_else(|e| panic!("{e}")));
        assert_eq!(built.entries.len(), parsed.entries.len(), "build.rs and the parser disagree on the number of entries: is build.rs's FILES list the same as lexicon::FILES?");
        for (a, b) in built.entries.iter().zip(&parsed.entries) {
            assert_eq!(a, b, "entry {:?} read through build.rs's records differs from the parsed one", b.key);
            assert_eq!(a.attr_bits & UNKNOWN_NAME, 0, "build.rs gives every attribute name of the data its own bit ({:?})", a.attrs);
        }
        assert_eq!((built.common.len(), built.country_ids.clone()), (parsed.common.len(), parsed.country_ids.clone()), "word list and countries must agree");
        for (name, content) in FILES {
            for key in parse_keys(name, content).unwrap() {
                assert!(built.is_common(key) == (Part::of_file(name) == Part::Common) || built.is_common(key), "{key:?} of data/{name}");
            }
        }
    }

    #[test]
    fn str_map_finds_what_it_holds() {
        let words: Vec<&'static str> = (0..300).map(|i| &*format!("كلمة{i}").leak()).chain(["", "a", "في", "ليبيا", "طرابلس الغرب"]).collect();
        let mut m = StrMap::with_capacity(4);
        for (i, w) in words.iter().enumerate() {
            *m.get_or_insert_with(w, || i) += 0;
        }
        assert_eq!(m.len(), words.len(), "every distinct key is one item, growth included");
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.get(w), Some(&i), "{w:?} was inserted with value {i}");
        }
        assert_eq!(m.get("تونس"), None, "a key never inserted is absent");
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
        let cases = ["", "cc=LY;country=1;capital", "=x;cc=1", "a;;cc=2", "c=1;;=5", "gsrc=guess;src=corpus", "src", "xcc=1;cc", "cc=1=2;cc=3", "capital;cc=TN", "cc=", "ccc=1;cc=2", "c;cc=3", ";;cc=4;", "kind=nat;cc=مصر", "country=1;country=0", "gid=1;cc=IN;lat=2;lon=9;pop=290000", "part=family;src=corpus", "pop;kind=x;"];
        for attrs in cases {
            let e = Entry { key: "x", tag: "GPE", kind: None, name: "x", english: "", attrs, part: Part::Name, attr_bits: attr_bits(attrs) };
            for k in ["cc", "country", "capital", "c", "kind", "pop", "src", "x"] {
                assert_eq!(e.attr(k).map(str::to_string), reference(attrs, k), "attr({k:?}) of {attrs:?} must read like the split-based parse");
                assert_eq!(e.has_attr(k), reference(attrs, k).is_some(), "has_attr({k:?}) of {attrs:?}");
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
