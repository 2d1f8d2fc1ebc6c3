//! Feature extraction for the tagger, built for speed: nothing is
//! allocated per token or per feature once the buffers have grown.
//!
//! - Every distinct word key of a text is analysed once ([`Word`]): its
//!   64-bit FNV-1a hash, the hashes of its clitic readings' stems, of its
//!   prefixes and suffixes, its clitic pattern, its shape and its lexicon
//!   classes (looked up in a [`LexIndex`], a table keyed by the FNV hash
//!   of a lexicon key, built once per process).
//! - A feature is the template number and a few of those 64-bit hashes
//!   combined by multiply-rotate and finished with a 64→32-bit mixer,
//!   never 0 (0 marks an empty slot of the model's table).
//!
//! Templates (a window of two tokens each side, the sentence edges padded
//! with `<s>` and `</s>`):
//!
//! | id | feature |
//! |---:|---------|
//! | 1 | bias |
//! | 2–6 | normalized word at offsets 0, −1, −2, +1, +2 |
//! | 7, 8 | word bigrams (−1, 0) and (0, +1) |
//! | 9, 10 | prefixes and suffixes of 1–4 letters of the word |
//! | 11 | stem of each clitic reading ([`crate::text::clitics::readings`]) |
//! | 12 | the word without its article |
//! | 13 | clitic pattern: longest proclitic, article, pronoun suffix |
//! | 14 | word shape: script kind and length bucket |
//! | 15–19 | lexicon classes of the word (any reading) at offsets 0, −1, +1, −2, +2 |
//! | 20 | lexicon phrase the word is in (B/I and class) |
//! | 21, 22 | lexicon class at 0 with the word at −1, and with the word at +1 |
//! | 23, 24 | shape at −1 and +1 |
//! | 25 | stems of the neighbours −1 and +1 |
//! | 26, 27 | prefixes and suffixes of 2–4 letters of the core (the longest reading's stem without its article) |
//! | 28, 29 | (no longer used: the two words before and after; dropping them cost nothing on the split and paid for the clusters' lookups) |
//! | 30 | the core of the word at −1 and +1 |
//! | 31, 32 | document: lexicon classes of the words before / after any occurrence of the word in the text |
//! | 33 | document: the word also appears bare elsewhere when it carries a proclitic here (and the reverse) |
//! | 34 | cluster path of the word ([`super::clusters`]) cut at depths 4, 6, 9, 12 |
//! | 35 | cluster paths of the words at −1 and +1 cut at depths 4 and 8 |
//! | 50–52 | second pass, where another occurrence of the word's core got a name tag in a first tagging: the majority label (type or O) of the other occurrences, each B-/I- tag they got, and the majority of the words at −1 and +1 ([`Features::label_features`]) |
//!
//! Lexicon classes are the raw tags of `data/*.tsv` (`GPE`, `NORP`, `OCC`,
//! `PERS`, …) and the tag refined by list and attributes (`GPE`+`city`),
//! so new lexicon files feed the tagger without code changes (retrain).

use super::clusters::{prefix, Clusters};
use super::model::{Model, NTAGS};
use crate::lexicon::{Entry, Lexicon, Part};
use crate::text::{Token, TokenKind};
use std::sync::OnceLock;

/// Most clitic readings (besides the bare word) kept per word.
const MAX_STEMS: usize = 4;
/// Most document-level classes kept per word and side.
const MAX_DOC: usize = 6;
/// Depths of the cluster path used for the word itself, and for its neighbours.
const CLUSTER_DEPTHS: [u32; 4] = [4, 6, 9, 12];
const NEIGHBOUR_DEPTHS: [u32; 2] = [4, 8];

/// Proclitics, as in [`crate::text::clitics`] (the tests check that both
/// give the same readings): written prefix, and whether it ends in `لل`
/// (the `ل` preposition on an article whose alef is not written).
const PREFIXES: &[(&str, bool)] = &[
    ("ولل", true), ("فلل", true),
    ("لل", true),
    ("وب", false), ("فب", false), ("وك", false), ("فك", false), ("ول", false), ("فل", false),
    ("و", false), ("ف", false), ("ب", false), ("ك", false), ("ل", false),
];

/// Pronoun suffixes, as in [`crate::text::clitics::suffix_readings`].
const SUFFIXES: &[&str] = &["هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ك", "ي"];

// MAX_LEX, Fnv, hash, is_tag, Rec, add_to and the indexing of one entry,
// shared with build.rs (which builds the embedded lexicon's index).
include!("lex_classes.rs");

/// A feature under construction: template number and pieces combined by
/// multiply-rotate.
#[derive(Clone, Copy)]
struct Feat(u64);

const K: u64 = 0x9E37_79B9_7F4A_7C15;

impl Feat {
    #[inline]
    fn new(template: u8) -> Feat {
        Feat((template as u64 + 1).wrapping_mul(K))
    }
    #[inline]
    fn with(self, x: u64) -> Feat {
        Feat((self.0.rotate_left(23) ^ x).wrapping_mul(K))
    }
    /// The 32-bit feature hash (murmur3's finalizer), never 0.
    #[inline]
    fn finish(self) -> u32 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^= h >> 33;
        (h as u32).max(1)
    }
}

/// Sentence padding words.
const BOS: u64 = 0x5eed_0000_0000_0001;
const EOS: u64 = 0x5eed_0000_0000_0002;

/// The lexicon as the tagger sees it: FNV hash of a key → its classes,
/// the length of the longest phrase it opens, and the class of the phrase
/// it is. Built once per lexicon ([`LexIndex::builtin`] for the embedded
/// one).
#[derive(Debug, Clone)]
pub struct LexIndex {
    slots: Vec<(u64, u32)>,
    mask: usize,
    recs: Vec<Rec>,
    /// The embedded lexicon's index, read in place ([`LexIndex::builtin`]);
    /// `slots` and `recs` are then empty.
    table: Option<LexTable>,
}

/// build.rs's index of the embedded lexicon, read in place: the keys in
/// buckets of their hash's top bits, each with an 8-bit fingerprint (the
/// next bits), the entry whose key (or first word) it is, and its record.
/// A lookup compares fingerprints in one bucket (0.7 keys on average) and
/// confirms a match by hashing that entry's key: the same 64-bit identity
/// as the table `LexIndex::new` builds, and nothing to build at start but
/// where each bucket starts.
#[derive(Debug, Clone)]
struct LexTable {
    lex: &'static Lexicon,
    starts: Vec<u32>,
    shift: u32,
    fps: &'static [u8],
    refs: &'static [u8],
    /// Record numbers, `wide` bytes each (1 or 2).
    which: &'static [u8],
    wide: usize,
    combos: Vec<Rec>,
}

impl LexTable {
    #[inline]
    fn get(&self, h: u64) -> Option<&Rec> {
        let b = (h >> self.shift) as usize;
        let fp = (h >> (self.shift - 8)) as u8;
        for i in self.starts[b] as usize..self.starts[b + 1] as usize {
            if self.fps[i] == fp {
                let r = u16::from_le_bytes([self.refs[2 * i], self.refs[2 * i + 1]]) as usize;
                let key = self.lex.entries[r >> 1].key;
                let key = if r & 1 == 1 { key.split(' ').next().unwrap_or(key) } else { key };
                if hash(key).max(1) == h {
                    let c = if self.wide == 1 { self.which[i] as usize } else { u16::from_le_bytes([self.which[2 * i], self.which[2 * i + 1]]) as usize };
                    return Some(&self.combos[c]);
                }
            }
        }
        None
    }
}

impl LexIndex {
    /// Indexes `lex`. Entries the data files derived from the NER corpora
    /// (`src=corpus`) and ordinary words are left out: the tagger learns
    /// those words from the corpora directly, and using them would leak
    /// the held-out sixth into the features.
    ///
    /// One pass over the entries straight into the open-addressing table
    /// (no intermediate map, no sort); the classes of consecutive entries
    /// with the same class inputs are computed once ([`ClassMemo`]).
    pub fn new(lex: &Lexicon) -> LexIndex {
        let cap = (lex.entries.len() * 2).next_power_of_two().max(16);
        let mut ix = LexIndex { slots: vec![(0, 0); cap], mask: cap - 1, recs: Vec::with_capacity(lex.entries.len()), table: None };
        let mut memo = ClassMemo::default();
        let mut view = (None, AttrView::default());
        for e in &lex.entries {
            ix.index_entry(e, &mut memo, &mut view);
        }
        ix
    }

    /// Indexes one entry (the body of [`LexIndex::new`]'s loop). A function
    /// of its own, kept out of line in the wasm (`--no-inline` in
    /// Cargo.toml), so that V8 recompiles this small body with TurboFan
    /// instead of the whole start.
    #[inline(never)]
    fn index_entry(&mut self, e: &Entry, memo: &mut ClassMemo, view: &mut (Option<&'static str>, AttrView)) {
        if e.part == Part::Common {
            return;
        }
        // rows of the name lists often share their attribute column
        if view.0 != Some(e.attrs) {
            *view = (Some(e.attrs), AttrView::of(e));
        }
        if view.1.src == Some("corpus") {
            return;
        }
        let Some(tag) = class_tag(e) else { return };
        let classes = if e.key.contains(' ') { &[][..] } else { memo.classes(e, tag, &view.1) };
        index_into(self, e.key, tag, classes, matches!(e.part, Part::Name | Part::Title | Part::Head), matches!(e.part, Part::Name | Part::Title));
    }
}

impl RecTable for LexIndex {
    fn rec_mut(&mut self, h: u64) -> &mut Rec {
        let h = h.max(1);
        if (self.recs.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mut s = (h as usize) & self.mask;
        loop {
            let (k, r) = self.slots[s];
            if k == h {
                return &mut self.recs[r as usize];
            }
            if k == 0 {
                self.slots[s] = (h, self.recs.len() as u32);
                self.recs.push(Rec::default());
                return self.recs.last_mut().expect("just pushed");
            }
            s = (s + 1) & self.mask;
        }
    }

}

impl LexIndex {
    fn grow(&mut self) {
        let cap = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![(0, 0); cap]);
        self.mask = cap - 1;
        for (k, r) in old.into_iter().filter(|&(k, _)| k != 0) {
            let mut s = (k as usize) & self.mask;
            while self.slots[s].0 != 0 {
                s = (s + 1) & self.mask;
            }
            self.slots[s] = (k, r);
        }
    }

    /// The index of the embedded lexicon, built once per process from the
    /// records build.rs computed with the same code ([`index_into`]):
    /// each key is hashed and placed, nothing else is computed.
    pub fn builtin() -> &'static LexIndex {
        static IX: OnceLock<LexIndex> = OnceLock::new();
        IX.get_or_init(|| LexIndex::from_records(Lexicon::builtin(), LEX_INDEX))
    }

    /// Reads build.rs's index of `lex` in place (format in build.rs,
    /// `lex_classes::Builder::bytes`; [`LexTable`]): the distinct records,
    /// and where each bucket starts from the 4-bit counts.
    fn from_records(lex: &'static Lexicon, b: &'static [u8]) -> LexIndex {
        assert_eq!(&b[..4], b"KLI2", "build.rs's lexicon index: bad magic");
        let mut r = ByteReader { b, at: 4 };
        let combos: Vec<Rec> = (0..r.varint())
            .map(|_| {
                let mut rec = Rec { len: r.byte(), ..Rec::default() };
                for c in &mut rec.classes[..rec.len as usize] {
                    *c = r.u64();
                }
                rec.max_words = r.byte();
                rec.phrase = r.u64();
                rec
            })
            .collect();
        let bits = r.byte() as u32;
        let wide = r.byte() as usize;
        let counts = &b[r.at..r.at + (1 << bits) / 2];
        let mut starts = vec![0u32; (1 << bits) + 1];
        let at = super::model::bucket_starts(counts, true, &mut starts);
        let (n, from) = (at as usize, r.at + counts.len());
        assert_eq!(b.len(), from + (3 + wide) * n, "build.rs's lexicon index: bad length");
        let (fps, refs, which) = (&b[from..from + n], &b[from + n..from + 3 * n], &b[from + 3 * n..]);
        let table = LexTable { lex, starts, shift: 64 - bits, fps, refs, which, wide, combos };
        LexIndex { slots: Vec::new(), mask: 0, recs: Vec::new(), table: Some(table) }
    }

    #[inline]
    fn get(&self, h: u64) -> Option<&Rec> {
        let h = h.max(1);
        if let Some(t) = &self.table {
            return t.get(h);
        }
        let mut s = (h as usize) & self.mask;
        loop {
            let (k, r) = self.slots[s];
            if k == h {
                return Some(&self.recs[r as usize]);
            }
            if k == 0 {
                return None;
            }
            s = (s + 1) & self.mask;
        }
    }

    /// How many keys.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.table.as_ref().map_or(self.recs.len(), |t| t.fps.len())
    }

    fn classes<'r>(&self, r: &'r Rec) -> &'r [u64] {
        &r.classes[..r.len as usize]
    }
}

/// The tagger's index of the embedded lexicon, as build.rs computes it
/// ([`LexIndex::from_records`]).
const LEX_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lex_index.bin"));

/// A reader of build.rs's little-endian records.
struct ByteReader {
    b: &'static [u8],
    at: usize,
}

impl ByteReader {
    fn byte(&mut self) -> u8 {
        self.at += 1;
        self.b[self.at - 1]
    }

    fn u64(&mut self) -> u64 {
        self.at += 8;
        u64::from_le_bytes(self.b[self.at - 8..self.at].try_into().expect("8 bytes"))
    }

    /// A LEB128 varint.
    fn varint(&mut self) -> usize {
        crate::lexicon::varint(self.b, &mut self.at)
    }
}

/// The type tag of an entry (whichever of its second and third columns
/// holds one).
fn class_tag(e: &Entry) -> Option<&'static str> {
    [e.tag, e.name].into_iter().find(|s| is_tag(s))
}

/// The classes of a lexicon entry: its type tag, the tag refined by its
/// list, and the tag refined by the entry's `part` or `kind` attribute or
/// its `country`, `capital` or `pop` (city) attribute.
fn entry_classes(e: &Entry, tag: &str, add: &mut impl FnMut(u64)) {
    let list = match e.part {
        Part::Name => "name",
        Part::Title => "title",
        Part::Head => "head",
        Part::Given => "given",
        Part::Family => "family",
        Part::Common => "common",
    };
    tag_classes(tag, list, class_sub(|k| e.attr(k)), add);
}

/// [`entry_classes`] of the last entry, kept while the next entries have
/// the same inputs (tag, list, and the `part`, `kind`, `country`,
/// `capital`, `pop` attributes that function reads): consecutive rows of
/// a data file mostly do, so the lexicon index hashes the class names a
/// few hundred times instead of once per entry. The test
/// `lex_index_memo_is_exact` checks it against calling `entry_classes`
/// for every entry: extend [`ClassMemo::inputs`] when `entry_classes`
/// reads more of an entry.
#[derive(Default)]
struct ClassMemo {
    inputs: Option<ClassInputs>,
    classes: [u64; MAX_LEX],
    n: usize,
}

type ClassInputs = (&'static str, Part, Option<&'static str>, Option<&'static str>, [bool; 3]);

/// The attributes [`LexIndex::new`] reads of an entry.
#[derive(Clone, Copy, Default)]
struct AttrView {
    src: Option<&'static str>,
    part: Option<&'static str>,
    kind: Option<&'static str>,
    /// `country`, `capital`, `pop` present.
    has: [bool; 3],
}

impl AttrView {
    fn of(e: &Entry) -> AttrView {
        // Entry::attr answers most of these from its filter bits, without a scan
        AttrView {
            src: e.attr("src"),
            part: e.attr("part"),
            kind: e.attr("kind"),
            has: [e.has_attr("country"), e.has_attr("capital"), e.has_attr("pop")],
        }
    }
}

impl ClassMemo {
    fn inputs(e: &Entry, tag: &'static str, v: &AttrView) -> ClassInputs {
        (tag, e.part, v.part, v.kind, v.has)
    }

    fn classes(&mut self, e: &Entry, tag: &'static str, v: &AttrView) -> &[u64] {
        let inputs = Self::inputs(e, tag, v);
        if self.inputs != Some(inputs) {
            self.n = 0;
            let (classes, n) = (&mut self.classes, &mut self.n);
            entry_classes(e, tag, &mut |h| {
                if *n < classes.len() {
                    classes[*n] = h;
                    *n += 1;
                }
            });
            self.inputs = Some(inputs);
        }
        &self.classes[..self.n]
    }
}

/// Everything the features need to know about one distinct word key.
#[derive(Clone, Copy, Debug, Default)]
struct Word {
    /// Hash of the key.
    word: u64,
    /// Whether the word is Arabic or Latin (has readings, affixes, classes).
    lettered: bool,
    /// Shape: kind and length bucket packed in one byte.
    shape: u8,
    /// Stems of the clitic readings (the bare word is `word`): FNV states,
    /// so that a phrase key can be hashed on from them.
    stems: [u64; MAX_STEMS],
    nstems: u8,
    /// The most words of a lexicon phrase opening with the bare word and
    /// with each stem.
    max_words: [u8; MAX_STEMS + 1],
    /// Hash of the word without its article (0: no article).
    bare: u64,
    /// Hash of the core: the longest reading's stem without its article.
    core: u64,
    /// Clitic pattern hash.
    pattern: u64,
    /// Hashes of the prefixes and suffixes of 1–4 letters of the key, and
    /// of 2–4 letters of the core.
    pre: [u64; 4],
    suf: [u64; 4],
    nfix: u8,
    core_pre: [u64; 3],
    core_suf: [u64; 3],
    ncore_fix: u8,
    /// Lexicon classes of any reading.
    lex: [u64; MAX_LEX],
    nlex: u8,
    /// Document level: classes of the words before and after any
    /// occurrence of this word in the text.
    doc_prev: [u64; MAX_DOC],
    ndoc_prev: u8,
    doc_next: [u64; MAX_DOC],
    ndoc_next: u8,
    /// Whether a stem of one of its clitic readings is a word of the text.
    seen_bare: bool,
    /// Whether a proclitic form of this word occurs in the text.
    seen_clitic: bool,
    /// Path of the word in the cluster tree (of its first clitic reading
    /// that has one when the word has none; 0: none).
    cluster: u16,
}

/// The shape of a key of `chars` characters of kind `kind`.
fn shape_of(kind: TokenKind, chars: usize) -> u8 {
    let kind = match kind {
        TokenKind::Arabic => 0,
        TokenKind::Number => 1,
        TokenKind::Latin => 2,
        TokenKind::Symbol => 3,
        TokenKind::Punct => 4,
    };
    let bucket = match chars {
        0..=2 => 0,
        3 => 1,
        4 => 2,
        5 => 3,
        6..=7 => 4,
        _ => 5,
    };
    kind * 8 + bucket
}

/// The classes of one lexicon key into `w`.
fn add_classes(w: &mut Word, ix: &LexIndex, h: u64) {
    if let Some(r) = ix.get(h) {
        add_rec_classes(w, ix, r);
    }
}

/// The classes of the lexicon record `r` into `w`.
#[inline]
fn add_rec_classes(w: &mut Word, ix: &LexIndex, r: &Rec) {
    for &c in ix.classes(r) {
        add_to(&mut w.lex, &mut w.nlex, c);
    }
}

/// Byte offsets of the ends of the first 1, 2, 3, 4 characters of `s`
/// (its length past the end), and how many characters it has, up to 4.
fn head_ends(s: &str) -> ([usize; 4], usize) {
    // A character starts at every byte that is not a UTF-8 continuation byte.
    let b = s.as_bytes();
    let (mut ends, mut k) = ([b.len(); 4], 0);
    for (i, &c) in b.iter().enumerate().skip(1) {
        if c & 0xC0 != 0x80 {
            ends[k] = i;
            k += 1;
            if k == 4 {
                break;
            }
        }
    }
    (ends, if b.is_empty() { 0 } else { (k + 1).min(4) })
}

/// Byte offsets of the starts of the last 1, 2, 3, 4 characters of `s`
/// (0 when it has fewer).
fn tail_starts(s: &str) -> [usize; 4] {
    let b = s.as_bytes();
    let (mut starts, mut k) = ([0; 4], 0);
    for (i, &c) in b.iter().enumerate().rev() {
        if c & 0xC0 != 0x80 {
            starts[k] = i;
            k += 1;
            if k == 4 {
                break;
            }
        }
    }
    starts
}

/// Whether `key` starts with `p`, byte by byte (for the short clitics: no
/// call to `memcmp`, and most words differ at the first byte or second).
#[inline]
fn starts_with_bytes(key: &[u8], p: &[u8]) -> bool {
    key.len() >= p.len() && key.iter().zip(p).all(|(a, b)| a == b)
}

/// Whether `key` ends with `p`, byte by byte from the end.
#[inline]
fn ends_with_bytes(key: &[u8], p: &[u8]) -> bool {
    key.len() >= p.len() && key.iter().rev().zip(p.iter().rev()).all(|(a, b)| a == b)
}

/// Whether `s` has at least two characters.
#[inline]
fn two_chars(s: &str) -> bool {
    s.chars().nth(1).is_some()
}

/// Whether `key` starts with a letter some proclitic of [`PREFIXES`]
/// starts with (a test keeps the two in step): other words skip the loop.
#[inline]
fn may_have_prefix(key: &str) -> bool {
    matches!(key.chars().next(), Some('و' | 'ف' | 'ب' | 'ك' | 'ل'))
}

/// Whether `key` ends with a letter some pronoun of [`SUFFIXES`] ends
/// with (a test keeps the two in step): other words skip the search.
#[inline]
fn may_have_suffix(key: &str) -> bool {
    matches!(key.chars().next_back(), Some('ا' | 'م' | 'ن' | 'ه' | 'ك' | 'ي'))
}

/// Analyses one word key.
fn analyse(t: &Token, ix: &LexIndex, cl: &Clusters) -> Word {
    let key = t.key.as_str();
    let n = key.chars().count();
    let mut w = Word { word: hash(key), shape: shape_of(t.kind, n), lettered: matches!(t.kind, TokenKind::Arabic | TokenKind::Latin), ..Word::default() };
    if !w.lettered {
        return w;
    }
    let (heads, tails) = (head_ends(key).0, tail_starts(key));
    for len in 1..=4usize.min(n) {
        w.pre[len - 1] = Fnv::START.byte(len as u8).bytes(&key.as_bytes()[..heads[len - 1]]).0;
        w.suf[len - 1] = Fnv::START.byte(len as u8).bytes(&key.as_bytes()[tails[len - 1]..]).0;
    }
    w.nfix = 4usize.min(n) as u8;
    if let Some(r) = ix.get(w.word) {
        w.max_words[0] = r.max_words;
        add_rec_classes(&mut w, ix, r);
    }
    if let Some(b) = key.strip_prefix("ال").filter(|r| two_chars(r)) {
        w.bare = hash(b);
        let h = w.bare;
        add_classes(&mut w, ix, h);
    }
    // Readings of the front (as clitics::readings, without allocating).
    let mut longest: Option<(&'static str, bool, &str)> = None;
    let may_have_prefix = may_have_prefix(key);
    for &(prefix, lam) in PREFIXES.iter().filter(|_| may_have_prefix) {
        if !starts_with_bytes(key.as_bytes(), prefix.as_bytes()) {
            continue;
        }
        let rest = &key[prefix.len()..];
        if !two_chars(rest) {
            continue;
        }
        let st = if lam { Fnv::START.bytes("ال".as_bytes()).bytes(rest.as_bytes()) } else { Fnv::START.bytes(rest.as_bytes()) };
        let k = w.nstems as usize;
        if k >= MAX_STEMS || w.stems[..k].contains(&st.0) {
            continue;
        }
        longest.get_or_insert((prefix, lam, rest));
        w.stems[k] = st.0;
        w.nstems += 1;
        if let Some(r) = ix.get(st.0) {
            w.max_words[k + 1] = r.max_words;
            add_rec_classes(&mut w, ix, r);
        }
        let bare = if lam { Some(rest) } else { rest.strip_prefix("ال").filter(|r| two_chars(r)) };
        if let Some(b) = bare {
            add_classes(&mut w, ix, hash(b));
        }
    }
    // Clitic pattern: longest proclitic, article after it, pronoun suffix.
    let art = match longest {
        Some((_, lam, rest)) => lam || rest.starts_with("ال"),
        None => key.starts_with("ال"),
    };
    let may_have_suffix = may_have_suffix(key);
    let suf = SUFFIXES.iter().rev().filter(|_| may_have_suffix).find(|s| ends_with_bytes(key.as_bytes(), s.as_bytes()) && n >= s.chars().count() + 3).copied().unwrap_or("");
    w.pattern = Fnv::START.bytes(longest.map_or("", |l| l.0).as_bytes()).byte(0xff).byte(art as u8).bytes(suf.as_bytes()).0;
    // The core: the longest reading's stem (or the word) without its article.
    let core = match longest {
        Some((_, true, rest)) => rest,
        Some((_, false, rest)) => rest.strip_prefix("ال").filter(|r| two_chars(r)).unwrap_or(rest),
        None => key.strip_prefix("ال").filter(|r| two_chars(r)).unwrap_or(key),
    };
    w.core = hash(core);
    // the core ends the key: its last characters are the key's (its suffixes, the key's)
    let (core_heads, cn) = head_ends(core);
    for len in 2..=cn {
        w.core_pre[len - 2] = Fnv::START.byte(len as u8).bytes(&core.as_bytes()[..core_heads[len - 1]]).0;
        w.core_suf[len - 2] = w.suf[len - 1];
    }
    w.ncore_fix = cn.clamp(1, 4) as u8 - 1;
    w.cluster = cl
        .get(w.word)
        .or_else(|| w.stems[..w.nstems as usize].iter().find_map(|&st| cl.get(st)))
        .or_else(|| (w.bare != 0).then(|| cl.get(w.bare)).flatten())
        .unwrap_or(0);
    w
}

/// The features of the tokens of one sentence, flat: token `i` has
/// `feats[offsets[i]..offsets[i + 1]]`. One value is reused over the
/// sentences of a text ([`Features::begin`] once per text, then
/// [`Features::extract`] per sentence) and across texts.
#[derive(Debug, Default, Clone)]
pub struct Features {
    /// Feature hashes of all tokens, one token after the other.
    pub feats: Vec<u32>,
    /// Start of each token's features in `feats`, plus the end.
    pub offsets: Vec<usize>,
    /// Distinct words of the text.
    words: Vec<Word>,
    /// Word hash → index in `words` (open addressing, 0 = empty).
    slots: Vec<(u64, u32)>,
    /// Index in `words` of each token of the text.
    of_token: Vec<u32>,
    /// Phrase membership of each token of the sentence (class hash, begins).
    phrase: Vec<(u64, bool)>,
    /// Model rows of the features of the word alone, word after word
    /// (for [`Features::emissions`]).
    rows: Vec<u32>,
    /// Per word: where its rows start in `rows` and where each of its
    /// three runs ends (`u32::MAX` first: not looked up yet).
    word_rows: Vec<[u32; 4]>,
    /// Per word: the first word of the text with the same core (the
    /// occurrences of `بوش`, `وبوش`, `لبوش` are counted together).
    group: Vec<u32>,
    /// Per group: how many of its tokens the first tagging gave each tag.
    label_counts: Vec<[u16; NTAGS]>,
    /// Core hash → group (open addressing, 0 = empty).
    core_slots: Vec<(u64, u32)>,
    /// Per group: how many of its tokens the first tagging gave a name tag.
    name_counts: Vec<u32>,
    /// Majority label of the other occurrences of each token of the sentence.
    majors: Vec<u8>,
}

impl Features {
    /// How many tokens the last call to [`Features::extract`] covered.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The features of token `i` of the sentence.
    pub fn of(&self, i: usize) -> &[u32] {
        &self.feats[self.offsets[i]..self.offsets[i + 1]]
    }

    /// Analyses the words of a whole text (`doc`: all its tokens), once
    /// per distinct key, and gathers the document-level facts.
    pub fn begin(&mut self, doc: &[Token], ix: &LexIndex) {
        self.words.clear();
        let cap = (doc.len() * 2).next_power_of_two().max(64);
        self.slots.clear();
        self.slots.resize(cap, (0, 0));
        self.of_token.clear();
        self.rows.clear();
        self.word_rows.clear();
        let cl = Clusters::builtin();
        for t in doc {
            let new = self.words.len() as u32;
            let id = find_or_insert(&mut self.slots, hash(&t.key), new);
            if id == new {
                self.words.push(analyse(t, ix, cl));
            }
            self.of_token.push(id);
        }
        self.word_rows.resize(self.words.len(), [u32::MAX; 4]);
        self.group.clear();
        self.label_counts.clear();
        // Document level: what surrounds the other occurrences of a word.
        for i in 0..doc.len() {
            let me = self.of_token[i] as usize;
            if !self.words[me].lettered {
                continue;
            }
            if i > 0 {
                let p = &self.words[self.of_token[i - 1] as usize];
                let (lex, n) = (p.lex, p.nlex);
                let w = &mut self.words[me];
                for &c in &lex[..n as usize] {
                    add_to(&mut w.doc_prev, &mut w.ndoc_prev, c);
                }
            }
            if i + 1 < doc.len() {
                let nx = &self.words[self.of_token[i + 1] as usize];
                let (lex, n) = (nx.lex, nx.nlex);
                let w = &mut self.words[me];
                for &c in &lex[..n as usize] {
                    add_to(&mut w.doc_next, &mut w.ndoc_next, c);
                }
            }
            // A stem of this word that is a word of the text on its own.
            let (stems, n) = (self.words[me].stems, self.words[me].nstems);
            for &st in &stems[..n as usize] {
                if let Some(j) = self.find(st) {
                    self.words[me].seen_bare = true;
                    self.words[j].seen_clitic = true;
                }
            }
        }
    }

    /// Counts the tags of a first tagging of the text given to
    /// [`Features::begin`] (`labels`: one tag index per token, O outside
    /// the sentences) per group of words with the same core, for
    /// [`Features::label_features`].
    pub fn count_labels(&mut self, labels: &[usize]) {
        if self.group.len() != self.words.len() {
            // core hash → first word with it (open addressing, as `slots`)
            self.group.clear();
            let cap = (self.words.len() * 2).next_power_of_two().max(64);
            self.core_slots.clear();
            self.core_slots.resize(cap, (0, 0));
            for (i, w) in self.words.iter().enumerate() {
                let g = if w.lettered { find_or_insert(&mut self.core_slots, w.core, i as u32) } else { i as u32 };
                self.group.push(g);
            }
        }
        self.label_counts.clear();
        self.label_counts.resize(self.words.len(), [0; NTAGS]);
        self.name_counts.clear();
        self.name_counts.resize(self.words.len(), 0);
        for (&w, &t) in self.of_token.iter().zip(labels) {
            let g = self.group[w as usize] as usize;
            let c = &mut self.label_counts[g][t];
            *c = c.saturating_add(1);
            self.name_counts[g] += (t != 0) as u32;
        }
    }

    /// The second-pass features of the tokens `first..last` (Krishnan and
    /// Manning 2006), after [`Features::count_labels`]: over the *other*
    /// occurrences of the token's core in the text (its own tag in
    /// `labels` left out), the majority label (O, PERS, ORG, LOC, MISC;
    /// ties to the lower) and each tag other than O they got. Calls
    /// `push(i, hash)` with `i` counted from `first`; a word met once, or
    /// not a word, gets none.
    pub fn label_features(&mut self, labels: &[usize], first: usize, last: usize, mut push: impl FnMut(usize, u32)) {
        // majority label of each token's other occurrences (5: none)
        self.majors.clear();
        for k in first..last {
            let w = self.of_token[k] as usize;
            let g = self.group[w] as usize;
            // no other occurrence tagged a name (most words): no feature
            if !self.words[w].lettered || self.name_counts[g] == (labels[k] != 0) as u32 {
                self.majors.push(5);
                continue;
            }
            let mut c = self.label_counts[g];
            c[labels[k]] -= 1;
            let mut by_type = [0u32; 5];
            for (t, &n) in c.iter().enumerate() {
                by_type[t.div_ceil(2)] += n as u32;
            }
            let major = (0..5).fold(0, |b, t| if by_type[t] > by_type[b] { t } else { b });
            self.majors.push(major as u8);
            push(k - first, Feat::new(50).with(major as u64).finish());
            for (t, &n) in c.iter().enumerate().skip(1) {
                if n > 0 {
                    push(k - first, Feat::new(51).with(t as u64).finish());
                }
            }
        }
        for i in 0..last - first {
            for (d, k) in [(0u64, i.wrapping_sub(1)), (1, i + 1)] {
                if let Some(&m) = self.majors.get(k).filter(|&&m| (1..5).contains(&m)) {
                    push(i, Feat::new(52).with(d).with(m as u64).finish());
                }
            }
        }
    }

    fn find(&self, h: u64) -> Option<usize> {
        let h = h.max(1);
        let mask = self.slots.len() - 1;
        let mut s = (h as usize) & mask;
        loop {
            let (k, id) = self.slots[s];
            if k == h {
                return Some(id as usize);
            }
            if k == 0 {
                return None;
            }
            s = (s + 1) & mask;
        }
    }

    /// Computes the features of the tokens `doc[first..last]` (one
    /// sentence of the text given to [`Features::begin`]).
    pub fn extract(&mut self, doc: &[Token], first: usize, last: usize, ix: &LexIndex) {
        self.feats.clear();
        self.offsets.clear();
        self.phrases(doc, first, last, ix);
        for i in first..last {
            self.offsets.push(self.feats.len());
            self.token(first, last, i);
        }
        self.offsets.push(self.feats.len());
    }

    /// Marks multi-word lexicon phrases (longest match from the left over
    /// every clitic reading of the first word).
    fn phrases(&mut self, doc: &[Token], first: usize, last: usize, ix: &LexIndex) {
        self.phrase.clear();
        self.phrase.resize(last - first, (0, false));
        let mut i = first;
        while i < last {
            let w = &self.words[self.of_token[i] as usize];
            let mut best: Option<(usize, u64)> = None;
            if w.lettered {
                for r in 0..=w.nstems as usize {
                    let max = w.max_words[r] as usize;
                    if max < 2 {
                        continue;
                    }
                    let mut st = Fnv(if r == 0 { w.word } else { w.stems[r - 1] });
                    let mut j = i + 1;
                    while j < last && j - i < max && matches!(doc[j].kind, TokenKind::Arabic | TokenKind::Latin | TokenKind::Number) {
                        st = st.byte(b' ').bytes(doc[j].key.as_bytes());
                        j += 1;
                        if let Some(rec) = ix.get(st.0).filter(|r| r.phrase != 0) {
                            if best.is_none_or(|(end, _)| j > end) {
                                best = Some((j, rec.phrase));
                            }
                        }
                    }
                }
            }
            match best {
                Some((end, tag)) => {
                    for k in i..end {
                        self.phrase[k - first] = (tag, k == i);
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
    }

    /// Appends the features of token `i` (of the sentence `first..last`).
    fn token(&mut self, first: usize, last: usize, i: usize) {
        let out = &mut self.feats;
        let c = Ctx::new(&self.words, &self.of_token, first, last, i);
        let me = c.me();
        let mut push = |f: Feat| out.push(f.finish());
        word_head(me, &mut push);
        neighbours_a(&c, &mut push);
        word_body(me, &mut push);
        neighbours_b(&c, self.phrase[i - first], &mut push);
        word_tail(me, &mut push);
        neighbours_c(&c, &mut push);
    }

    /// The emission scores of the tokens `doc[first..last]` (one sentence
    /// of the text given to [`Features::begin`]) under `model`, into
    /// `out`: the same as [`Model::emissions`] of each token's features
    /// after [`Features::extract`], bit for bit (the same rows added in the
    /// same order), without storing the features. The rows of the features
    /// that depend on the word alone are looked up once per distinct word
    /// of the text. Leaves [`Features::feats`] empty.
    pub fn emissions(&mut self, doc: &[Token], first: usize, last: usize, ix: &LexIndex, model: &Model, out: &mut Vec<[f32; NTAGS]>) {
        self.feats.clear();
        self.offsets.clear();
        self.phrases(doc, first, last, ix);
        out.clear();
        let Features { words, of_token, phrase, rows, word_rows, .. } = self;
        for i in first..last {
            let c = Ctx::new(words, of_token, first, last, i);
            let me = c.me();
            let id = of_token[i] as usize;
            if word_rows[id][0] == u32::MAX {
                let s = rows.len() as u32;
                let mut keep = |f: Feat| {
                    if let Some(r) = model.row_of(f.finish()) {
                        rows.push(r);
                    }
                };
                word_head(me, &mut keep);
                let e1 = rows.len() as u32;
                let mut keep = |f: Feat| {
                    if let Some(r) = model.row_of(f.finish()) {
                        rows.push(r);
                    }
                };
                word_body(me, &mut keep);
                let e2 = rows.len() as u32;
                let mut keep = |f: Feat| {
                    if let Some(r) = model.row_of(f.finish()) {
                        rows.push(r);
                    }
                };
                word_tail(me, &mut keep);
                word_rows[id] = [s, e1, e2, rows.len() as u32];
            }
            let [s, e1, e2, e3] = word_rows[id].map(|x| x as usize);
            let mut acc = [0f32; NTAGS];
            for &r in &rows[s..e1] {
                model.add_row(&mut acc, r);
            }
            neighbours_a(&c, &mut |f: Feat| {
                if let Some(r) = model.row_of(f.finish()) {
                    model.add_row(&mut acc, r);
                }
            });
            for &r in &rows[e1..e2] {
                model.add_row(&mut acc, r);
            }
            neighbours_b(&c, phrase[i - first], &mut |f: Feat| {
                if let Some(r) = model.row_of(f.finish()) {
                    model.add_row(&mut acc, r);
                }
            });
            for &r in &rows[e2..e3] {
                model.add_row(&mut acc, r);
            }
            neighbours_c(&c, &mut |f: Feat| {
                if let Some(r) = model.row_of(f.finish()) {
                    model.add_row(&mut acc, r);
                }
            });
            out.push(acc);
        }
    }
}

/// The id kept with hash `h` (0 is taken as 1: 0 marks an empty slot)
/// in an open-addressing table of `(hash, id)` slots whose length is a
/// power of two, inserting `(h, new)` when `h` is not there yet (so the
/// answer is `new` exactly when it was inserted). The table must have an
/// empty slot.
#[inline]
fn find_or_insert(slots: &mut [(u64, u32)], h: u64, new: u32) -> u32 {
    let h = h.max(1);
    let mask = slots.len() - 1;
    let mut s = (h as usize) & mask;
    loop {
        let (k, id) = slots[s];
        if k == h {
            return id;
        }
        if k == 0 {
            slots[s] = (h, new);
            return new;
        }
        s = (s + 1) & mask;
    }
}

/// Token `i` of the sentence `first..last` and its neighbours: the words
/// at offsets −2..=2 (`None` outside the sentence), looked up once.
struct Ctx<'a> {
    around: [Option<&'a Word>; 5],
}

impl<'a> Ctx<'a> {
    #[inline]
    fn new(words: &'a [Word], of_token: &'a [u32], first: usize, last: usize, i: usize) -> Ctx<'a> {
        let at = |k: isize| {
            let j = i as isize + k;
            (j >= first as isize && j < last as isize).then(|| &words[of_token[j as usize] as usize])
        };
        Ctx { around: [at(-2), at(-1), at(0), at(1), at(2)] }
    }
    /// The word at offset `k` (−2..=2).
    #[inline]
    fn at(&self, k: isize) -> Option<&'a Word> {
        self.around[(k + 2) as usize]
    }
    #[inline]
    fn word(&self, k: isize) -> u64 {
        self.at(k).map_or(if k < 0 { BOS } else { EOS }, |w| w.word)
    }
    #[inline]
    fn me(&self) -> &'a Word {
        self.around[2].expect("the token itself is in its sentence")
    }
}

// The features of a token, in six runs that alternate between those of
// the word alone (`word_*`, the same wherever the word occurs in the
// text) and those that depend on its neighbours or sentence
// (`neighbours_*`). The order of the runs is the order of the features.

/// Bias and the word.
#[inline]
fn word_head(me: &Word, push: &mut impl FnMut(Feat)) {
    push(Feat::new(1));
    push(Feat::new(2).with(me.word));
}

/// Words around and word bigrams.
#[inline]
fn neighbours_a(c: &Ctx, push: &mut impl FnMut(Feat)) {
    let w0 = c.me().word;
    for (tpl, k) in [(3u8, -1isize), (4, -2), (5, 1), (6, 2)] {
        push(Feat::new(tpl).with(c.word(k)));
    }
    push(Feat::new(7).with(c.word(-1)).with(w0));
    push(Feat::new(8).with(w0).with(c.word(1)));
}

/// Affixes, readings, pattern, document facts, shape and lexicon classes of the word.
#[inline]
fn word_body(me: &Word, push: &mut impl FnMut(Feat)) {
    if me.lettered {
        for k in 0..me.nfix as usize {
            push(Feat::new(9).with(me.pre[k]));
            push(Feat::new(10).with(me.suf[k]));
        }
        for k in 0..me.ncore_fix as usize {
            push(Feat::new(26).with(me.core_pre[k]));
            push(Feat::new(27).with(me.core_suf[k]));
        }
        for &st in &me.stems[..me.nstems as usize] {
            push(Feat::new(11).with(st));
        }
        if me.bare != 0 {
            push(Feat::new(12).with(me.bare));
        }
        push(Feat::new(13).with(me.pattern));
        for &c in &me.doc_prev[..me.ndoc_prev as usize] {
            push(Feat::new(31).with(c));
        }
        for &c in &me.doc_next[..me.ndoc_next as usize] {
            push(Feat::new(32).with(c));
        }
        push(Feat::new(33).with(me.seen_bare as u64 * 2 + me.seen_clitic as u64));
    }
    push(Feat::new(14).with(me.shape as u64));
    for &c in &me.lex[..me.nlex as usize] {
        push(Feat::new(15).with(c));
    }
}

/// Classes, shapes, stems and cores of the neighbours, lexicon phrase, classes with words around.
#[inline]
fn neighbours_b(c: &Ctx, (ph, begins): (u64, bool), push: &mut impl FnMut(Feat)) {
    let me = c.me();
    for (tpl, k) in [(16u8, -1isize), (17, 1), (18, -2), (19, 2)] {
        if let Some(w) = c.at(k) {
            for &x in &w.lex[..w.nlex as usize] {
                push(Feat::new(tpl).with(x));
            }
        }
    }
    if ph != 0 {
        push(Feat::new(20).with(begins as u64).with(ph));
    }
    for &x in &me.lex[..me.nlex as usize] {
        push(Feat::new(21).with(x).with(c.word(-1)));
        push(Feat::new(22).with(x).with(c.word(1)));
    }
    push(Feat::new(23).with(c.at(-1).map_or(255, |w| w.shape as u64)));
    push(Feat::new(24).with(c.at(1).map_or(255, |w| w.shape as u64)));
    for k in [-1isize, 1] {
        if let Some(w) = c.at(k).filter(|w| w.lettered) {
            for &st in &w.stems[..w.nstems as usize] {
                push(Feat::new(25).with(k as u64).with(st));
            }
            push(Feat::new(30).with(k as u64).with(w.core));
        }
    }
}

/// Cluster paths of the word.
#[inline]
fn word_tail(me: &Word, push: &mut impl FnMut(Feat)) {
    if me.cluster != 0 {
        for d in CLUSTER_DEPTHS {
            if let Some(p) = prefix(me.cluster, d) {
                push(Feat::new(34).with(p as u64));
            }
        }
    }
}

/// Cluster paths of the neighbours.
#[inline]
fn neighbours_c(c: &Ctx, push: &mut impl FnMut(Feat)) {
    for (k, depths) in [(-1isize, NEIGHBOUR_DEPTHS), (1, NEIGHBOUR_DEPTHS)] {
        if let Some(cl) = c.at(k).map(|w| w.cluster).filter(|&cl| cl != 0) {
            for d in depths {
                if let Some(p) = prefix(cl, d) {
                    push(Feat::new(35).with(k as u64).with(p as u64));
                }
            }
        }
    }
}

/// Whether `model` has second-pass features ([`Features::label_features`]):
/// without them the text is tagged once.
pub fn reads_labels(model: &Model) -> bool {
    (0..5u64).any(|t| model.row_of(Feat::new(50).with(t).finish()).is_some())
}

/// The rules' spans as features of the tokens `first..last` (stacking):
/// the type of the rule span over the token and whether it begins there,
/// and the types of the spans over its neighbours. `rules` are the flat
/// rule mentions as (first token, one past the last, type), sorted and not
/// overlapping ([`crate::entities::rule_spans`]). Calls `push(i, hash)`
/// with `i` counted from `first`; a token with no rule span at or beside
/// it gets no feature.
pub fn rule_features(rules: &[(usize, usize, crate::entities::EntityType)], first: usize, last: usize, mut push: impl FnMut(usize, u32)) {
    let at = |k: usize| {
        let i = rules.partition_point(|r| r.1 <= k);
        rules.get(i).filter(|r| r.0 <= k)
    };
    let mut r = rules.partition_point(|r| r.1 <= first.saturating_sub(1));
    if r == rules.len() || rules[r].0 > last {
        return;
    }
    for k in first..last {
        while r < rules.len() && rules[r].1 <= k.saturating_sub(1) {
            r += 1;
        }
        if r == rules.len() || rules[r].0 > k + 1 {
            continue;
        }
        let cur = at(k);
        if let Some(c) = cur {
            push(k - first, Feat::new(40).with(c.2 as u64).with((c.0 == k) as u64).finish());
        }
        if let Some(p) = (k > first).then(|| at(k - 1)).flatten().filter(|p| cur.is_none_or(|c| c != *p)) {
            push(k - first, Feat::new(41).with(p.2 as u64).finish());
        }
        if let Some(n) = (k + 1 < last).then(|| at(k + 1)).flatten().filter(|n| cur.is_none_or(|c| c != *n)) {
            push(k - first, Feat::new(42).with(n.2 as u64).finish());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{clitics, tokenize};

    fn feats_of(text: &str) -> Features {
        let toks = tokenize(text);
        let mut f = Features::default();
        let ix = LexIndex::builtin();
        f.begin(&toks, ix);
        f.extract(&toks, 0, toks.len(), ix);
        f
    }

    #[test]
    fn affix_prechecks_cover_every_affix() {
        for (p, _) in PREFIXES {
            assert!(may_have_prefix(p), "proclitic {p:?} starts with a letter may_have_prefix does not know: add it there");
        }
        for s in SUFFIXES {
            assert!(may_have_suffix(s), "pronoun suffix {s:?} ends with a letter may_have_suffix does not know: add it there");
        }
    }

    #[test]
    fn affix_bounds_match_the_characters() {
        // head_ends / tail_starts must cut where the n-th character starts
        for (name, s) in [("empty", ""), ("one letter", "ب"), ("two letters", "بو"), ("arabic word", "والطرابلسي"), ("latin", "Apple"), ("mixed widths", "aبc€d𝄞e"), ("four letters", "سوري")] {
            let starts: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            let count = s.chars().count();
            let (heads, n) = head_ends(s);
            let tails = tail_starts(s);
            assert_eq!(n, count.min(4), "case {name:?}: characters counted up to 4");
            for k in 1..=4 {
                assert_eq!(heads[k - 1], starts[k.min(count)], "case {name:?}: end of the first {k} characters");
                assert_eq!(tails[k - 1], if k <= count { starts[count - k] } else { 0 }, "case {name:?}: start of the last {k} characters");
            }
        }
    }

    #[test]
    fn same_word_same_features_whatever_the_diacritics() {
        let a = feats_of("زار الوزيرُ ليبيا");
        let b = feats_of("زار الوزير ليبيا");
        for i in 0..3 {
            assert_eq!(a.of(i), b.of(i), "token {i}: features must be computed on the normalized key");
        }
    }

    #[test]
    fn second_pass_features_come_from_the_other_occurrences() {
        // tokens: 0 زار 1 بوش 2 بغداد 3 . 4 وقال 5 بوش 6 إن 7 بغداد 8 آمنة
        let toks = tokenize("زار بوش بغداد. وقال بوش إن بغداد آمنة");
        let ix = LexIndex::builtin();
        let mut f = Features::default();
        f.begin(&toks, ix);
        let (pers, loc) = (1, 5); // B-PERS, B-LOC
        let mut labels = vec![0; toks.len()];
        labels[1] = pers; // the first بوش tagged PERS, the second not
        labels[2] = loc; // both بغداد tagged LOC
        labels[7] = loc;
        f.count_labels(&labels);
        let mut got = vec![Vec::new(); toks.len()];
        f.label_features(&labels, 0, toks.len(), |i, h| got[i].push(h));
        let major = |t: u64| Feat::new(50).with(t).finish();
        let cases: &[(&str, usize, Option<u32>)] = &[
            ("a word met once has none", 0, None),
            ("its own tag is left out: the other بوش was O", 1, None),
            ("the other بوش was PERS", 5, Some(major(1))),
            ("the other بغداد was LOC", 7, Some(major(3))),
            ("a word met once beside a place gets only its neighbour's", 8, None),
        ];
        for (name, i, want) in cases {
            match want {
                Some(h) => assert!(got[*i].contains(h), "case {name:?}: token {i} should have the majority feature, got {:?}", got[*i]),
                None => assert!(!(0..5).any(|t| got[*i].contains(&major(t))), "case {name:?}: token {i} should have no majority feature, got {:?}", got[*i]),
            }
        }
        assert!(got[8].contains(&Feat::new(52).with(0).with(3).finish()), "the word after بغداد should read its neighbour's majority LOC");
    }

    #[test]
    fn features_depend_on_the_window() {
        let a = feats_of("في طرابلس اليوم");
        let b = feats_of("في طرابلس أمس");
        assert_ne!(a.of(1), b.of(1), "the word at +1 is a feature of the middle token");
        assert_eq!(a.len(), 3);
        assert!(a.of(0).iter().all(|&h| h != 0), "0 is reserved for empty table slots");
    }

    #[test]
    fn readings_agree_with_clitics() {
        let words = ["وزير", "وتركيا", "بطرابلس", "للطرابلسي", "وللطرابلسي", "والهجره", "فبالوزاره", "لليبيا", "بل", "وكالمدرسه", "فللاعبين"];
        let ix = LexIndex::builtin();
        for key in words {
            let toks = tokenize(key);
            let w = analyse(&toks[0], ix, Clusters::builtin());
            let want: Vec<u64> = clitics::readings(key).iter().skip(1).map(|r| hash(&r.stem)).collect();
            assert_eq!(&w.stems[..w.nstems as usize], want.as_slice(), "readings of {key:?} must match text::clitics::readings (update PREFIXES here)");
            let suf = clitics::suffix_readings(key).last().map_or("", |s| s.1);
            let longest = clitics::readings(key).get(1).map_or("", |r| r.prefix);
            let art = clitics::readings(key).get(1).map_or(key.to_string(), |r| r.stem.clone()).starts_with("ال");
            let pattern = Fnv::START.bytes(longest.as_bytes()).byte(0xff).byte(art as u8).bytes(suf.as_bytes()).0;
            assert_eq!(w.pattern, pattern, "clitic pattern of {key:?} must match text::clitics (update SUFFIXES here)");
        }
    }

    #[test]
    fn lexicon_classes_see_through_clitics() {
        let ix = LexIndex::builtin();
        let cases: &[(&str, &str, bool)] = &[
            ("country", "ليبيا", true),
            ("country after wa", "وليبيا", true),
            ("country after li", "لليبيا", true),
            ("plain word", "كتاب", false),
        ];
        let gpe = hash("GPE");
        for (name, word, want) in cases {
            let w = analyse(&tokenize(word)[0], ix, Clusters::builtin());
            assert_eq!(w.lex[..w.nlex as usize].contains(&gpe), *want, "case {name:?}: GPE class of {word:?}");
        }
    }

    #[test]
    fn phrase_membership() {
        let toks = tokenize("زار المملكة العربية السعودية");
        let mut g = Features::default();
        let ix = LexIndex::builtin();
        g.begin(&toks, ix);
        g.extract(&toks, 0, toks.len(), ix);
        assert_eq!(g.phrase[0].0, 0, "زار is in no phrase");
        assert!(g.phrase[1].0 != 0 && g.phrase[1].1, "المملكة begins the phrase");
        assert!(g.phrase[3].0 != 0 && !g.phrase[3].1, "السعودية is inside the phrase");
        assert_eq!(g.len(), 4);
    }

    #[test]
    fn document_level_facts() {
        let toks = tokenize("قال الرئيس كامبيرو إن وكامبيرو");
        let mut g = Features::default();
        let ix = LexIndex::builtin();
        g.begin(&toks, ix);
        let w = g.words[g.of_token[2] as usize];
        assert!(w.ndoc_prev > 0, "كامبيرو follows a title somewhere in the text");
        assert!(w.seen_clitic, "كامبيرو also occurs with a proclitic");
        assert!(g.words[g.of_token[4] as usize].seen_bare, "وكامبيرو's stem occurs bare");
    }

    #[test]
    fn words_hash_as_the_cluster_table_is_keyed() {
        // the cluster table (train clusters) and the category read words by clusters::word_hash
        for w in ["الوزير", "وزير", "Apple", ""] {
            assert_eq!(hash(w), crate::tagger::clusters::word_hash(&[w]), "{w:?}: the tagger's word hash and clusters::word_hash must agree");
        }
        assert_eq!(hash("الوزير"), crate::tagger::clusters::word_hash(&["ال", "وزير"]), "word_hash hashes the concatenation of its parts");
    }

    #[test]
    fn lex_index_builtin_is_new() {
        // build.rs's records of the embedded lexicon must give the index LexIndex::new builds
        let (built, new) = (LexIndex::builtin(), LexIndex::new(Lexicon::builtin()));
        assert_eq!(built.len(), new.len(), "build.rs's lexicon index has another number of keys than LexIndex::new: build.rs must index entries as index_entry does");
        for &(k, r) in new.slots.iter().filter(|s| s.0 != 0) {
            assert_eq!(built.get(k), Some(&new.recs[r as usize]), "key hash {k:x}: build.rs's record differs from LexIndex::new's");
        }
        // and finds nothing else (40 K hashes of words and numbers it does not hold)
        for h in (0..20_000u64).map(|i| hash(&format!("كلمة{i}"))).chain((0..20_000u64).map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15))) {
            assert_eq!(built.get(h).is_some(), new.get(h).is_some(), "hash {h:x}: build.rs's table and LexIndex::new disagree on an absent key");
        }
    }

    #[test]
    fn lex_index_memo_is_exact() {
        // the memo must give what entry_classes gives for every entry; if this fails,
        // ClassMemo::inputs misses something entry_classes now reads
        let mut memo = ClassMemo::default();
        for e in &Lexicon::builtin().entries {
            let Some(tag) = class_tag(e) else { return };
            let mut direct = Vec::new();
            entry_classes(e, tag, &mut |h| direct.push(h));
            let v = AttrView::of(e);
            assert_eq!((v.src, v.part, v.kind, v.has), (e.attr("src"), e.attr("part"), e.attr("kind"), ["country", "capital", "pop"].map(|k| e.attr(k).is_some())), "AttrView of {:?} must read like Entry::attr", e.attrs);
            assert_eq!(memo.classes(e, tag, &v), &direct[..], "classes of {:?} ({}) through the memo differ from entry_classes", e.key, e.attrs);
        }
    }

}
