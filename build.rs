//! Build script: turns the lexicon's `data/*.tsv` files into the compact
//! form `src/lexicon/` reads at start, so that no line of text is parsed
//! and no separator searched for when the analyzer is built.
//!
//! The TSV files stay the source of truth; both outputs are generated at
//! every build by `cargo build` (this file), whenever a data file changes,
//! and never committed:
//!
//! - `$OUT_DIR/lexicon.txt`: the arena, every field of every entry one
//!   after the other without separators (the type tags and the distinct
//!   attribute columns once, at the start; a name equal to its key is not
//!   repeated). Entries point into it.
//! - `$OUT_DIR/lexicon.bin`: where the fields are. All numbers are LEB128
//!   varints unless said otherwise:
//!
//! ```text
//! "KLX3"
//! t, then t × tag length                    the type tags, at the arena's start
//! a, then a × (attrs length,                the distinct attribute columns, in the arena
//!              u64 little-endian filter)    after the tags, with their filters (see below)
//! for each file of FILES, in order: the number of its entries
//! for each entry, in file order:
//!   word list (common_words.tsv):  key length
//!   other files:                   key length, tag index, name length + 1 (0: same as the key),
//!                                  english length, attrs index
//! ```
//!
//! An attribute column is stored once however many entries have it (the
//! rows of a name list mostly share theirs: `part=given;g=m;src=corpus`).
//! The filter is the column's attribute-name bit set
//! (`src/lexicon/attr_filter.rs`, shared with the lexicon), under a seed chosen so
//! that every attribute name of the data has a bit of its own:
//! `$OUT_DIR/lexicon_attrs.rs` gives the seed and the name of each bit. A
//! missing column is empty. The test `builtin_matches_parse` checks that the entries read
//! from here equal those the TSV parser reads from the files.

use std::env;
use std::fs;
use std::path::Path;

/// The lexicon files, in order: the one list of them (`lexicon::FILES`
/// and `lexicon::FILE_NAMES` are generated from it, in
/// `$OUT_DIR/lexicon_files.rs`). A new lexicon file is added here.
const FILES: &[&str] = &[
    "countries.tsv",
    "cities.tsv",
    "places.tsv",
    "nationalities.tsv",
    "orgs.tsv",
    "orgs_corpus.tsv",
    "org_heads.tsv",
    "titles.tsv",
    "given_names.tsv",
    "family_names.tsv",
    "common_words.tsv",
];

fn put(out: &mut Vec<u8>, mut v: usize) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[path = "src/lexicon/attr_filter.rs"]
mod attr_filter;

#[path = "src/lexicon/str_hash.rs"]
mod str_hash;

/// The key phrase finder's word sets, read in place (shared with src/topics/).
#[path = "src/topics/word_table.rs"]
#[allow(dead_code)]
mod word_table;
#[allow(unused_imports)]
use str_hash::str_hash;

/// The tagger model's reader and table writer, shared with the crate.
#[path = "src/tagger/model.rs"]
#[allow(dead_code)]
mod tagger_model;

/// The tagger's lexicon index, shared with src/tagger/features.rs.
#[allow(dead_code)]
mod lex_classes {
    include!("src/tagger/lex_classes.rs");

    /// The index of the embedded lexicon as build.rs makes it: the records
    /// in order of creation, each with the entry whose key (or first word,
    /// `true`) is its key.
    #[derive(Default)]
    pub struct Builder {
        at: std::collections::HashMap<u64, usize>,
        /// (record, entry, first word, key hash)
        recs: Vec<(Rec, usize, bool, u64)>,
        /// The entry being indexed: its id and the hash of its whole key.
        entry: (usize, u64),
    }

    impl RecTable for Builder {
        fn rec_mut(&mut self, h: u64) -> &mut Rec {
            let h = h.max(1);
            let (recs, (id, whole)) = (&mut self.recs, self.entry);
            let i = *self.at.entry(h).or_insert_with(|| {
                recs.push((Rec::default(), id, h != whole.max(1), h));
                recs.len() - 1
            });
            &mut self.recs[i].0
        }
    }

    impl Builder {
        /// Indexes entry `id` (file `list`; `attr` reads its attributes) as
        /// `LexIndex::index_entry` does.
        pub fn entry<'a>(&mut self, id: usize, key: &str, tag: &str, name: &str, list: &str, attr: impl Fn(&str) -> Option<&'a str>) {
            if attr("src") == Some("corpus") {
                return;
            }
            let Some(tag) = [tag, name].into_iter().find(|s| is_tag(s)) else { return };
            let mut classes = Vec::new();
            tag_classes(tag, list, class_sub(attr), &mut |h| classes.push(h));
            self.entry = (id, hash(key));
            index_into(self, key, tag, &classes, matches!(list, "name" | "title" | "head"), matches!(list, "name" | "title"));
        }

        /// The index in the form `LexIndex::builtin` reads in place (see
        /// `LexTable` there): the distinct records, then a bucket count
        /// (4 bits) for each value of the top `bits` bits of the key hash,
        /// and per key in bucket order its fingerprint (the next 8 bits),
        /// its entry (u16: id × 2, plus 1 for a first word) and its record
        /// (1 byte, or 2 when there are over 256 records).
        pub fn bytes(&self) -> Vec<u8> {
            let mut combos: Vec<Rec> = Vec::new();
            let n = self.recs.len();
            let bits = n.next_power_of_two().max(16).trailing_zeros();
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by_key(|&i| self.recs[i].3);
            let mut counts = vec![0u8; 1 << bits];
            let (mut fps, mut refs, mut which) = (Vec::new(), Vec::new(), Vec::new());
            for &i in &order {
                let (rec, id, first, h) = &self.recs[i];
                counts[(h >> (64 - bits)) as usize] += 1;
                fps.push((h >> (56 - bits)) as u8);
                assert!(*id < 1 << 15, "the tagger's lexicon index refers to entries by 15 bits");
                refs.extend_from_slice(&((id << 1 | *first as usize) as u16).to_le_bytes());
                let c = combos.iter().position(|x| x == rec).unwrap_or_else(|| {
                    combos.push(*rec);
                    combos.len() - 1
                });
                which.push(c);
            }
            // a record number in one byte when there are at most 256 distinct records (129 now)
            let wide = combos.len() > 256;
            let which: Vec<u8> = if wide { which.iter().flat_map(|&c| (c as u16).to_le_bytes()).collect() } else { which.iter().map(|&c| c as u8).collect() };
            assert!(counts.iter().all(|&c| c < 16), "over 15 keys of the tagger's lexicon index in one bucket");
            let mut out = b"KLI2".to_vec();
            super::put(&mut out, combos.len());
            for r in &combos {
                out.push(r.len);
                for h in &r.classes[..r.len as usize] {
                    out.extend_from_slice(&h.to_le_bytes());
                }
                out.push(r.max_words);
                out.extend_from_slice(&r.phrase.to_le_bytes());
            }
            out.push(bits as u8);
            out.push(1 + wide as u8);
            out.extend(counts.chunks_exact(2).map(|c| c[0] | c[1] << 4));
            out.extend_from_slice(&fps);
            out.extend_from_slice(&refs);
            out.extend_from_slice(&which);
            out
        }
    }
}

/// The lexicon's key indexes as `Lexicon::add` builds them, so that the
/// start only hashes and places each key (`Lexicon::from_records`): for
/// each phrase list (names, titles, heads) every distinct key (a whole
/// key or the first word of a phrase) with the most words of a phrase it
/// opens and the ids of the entries whose key it is; for the given and
/// family names every distinct key with the first entry that has it.
#[derive(Default)]
struct KeyIndexes {
    /// Per index: key → its place in `keys`.
    at: [std::collections::HashMap<String, usize>; 5],
    /// Per index, in order of creation.
    keys: [Vec<KeyRow>; 5],
    /// The entries that are countries (`lexicon::is_country`), in order.
    countries: Vec<usize>,
}

/// A key of [`KeyIndexes`]: the entry whose key (or first word, when
/// `true`) it is, the most words of a phrase it opens, the ids of its entries.
type KeyRow = (usize, bool, u8, Vec<usize>);

impl KeyIndexes {
    /// Index 0..3 for names, titles, heads (phrase lists), 3 given, 4 family.
    fn index_of(list: &str) -> Option<usize> {
        ["name", "title", "head", "given", "family"].iter().position(|l| *l == list)
    }

    fn key(&mut self, ix: usize, key: &str, id: usize, first: bool) -> usize {
        let keys = &mut self.keys[ix];
        *self.at[ix].entry(key.to_string()).or_insert_with(|| {
            keys.push((id, first, 0, Vec::new()));
            keys.len() - 1
        })
    }

    /// `Lexicon::add` of entry `id` of list `list`.
    fn add(&mut self, id: usize, key: &str, list: &str) {
        let Some(ix) = Self::index_of(list) else { return };
        if ix >= 3 {
            // given and family names: the first entry of a key wins
            let k = self.key(ix, key, id, false);
            let ids = &mut self.keys[ix][k].3;
            if ids.is_empty() {
                ids.push(id);
            }
            return;
        }
        // PhraseIndex::add
        let k = match key.find(' ') {
            None => {
                let k = self.key(ix, key, id, false);
                self.keys[ix][k].2 = self.keys[ix][k].2.max(1);
                k
            }
            Some(first_len) => {
                let words = 2 + key[first_len + 1..].bytes().filter(|&b| b == b' ').count();
                let f = self.key(ix, &key[..first_len], id, true);
                let m = &mut self.keys[ix][f].2;
                *m = (*m as usize).max(words).min(255) as u8;
                self.key(ix, key, id, false)
            }
        };
        self.keys[ix][k].3.push(id);
    }

    /// `Lexicon::add`'s country test (`is_country`) of entry `id`: a GPE
    /// with an English name and a `country` attribute.
    fn country(&mut self, id: usize, tag: &str, english: &str, has_country_attr: bool) {
        if tag == "GPE" && !english.is_empty() && has_country_attr {
            self.countries.push(id);
        }
    }

    /// The form `Lexicon::place_keys` reads (`KeyTable` there), for each
    /// index in turn: the phrase lists (names, titles, heads) to be read in place,
    ///
    /// ```text
    /// n (u32 LE), bits (u8), base (u32 LE: the index's first entry)
    /// 2^bits 4-bit counts, two a byte (low nibble first): the keys of each
    ///   bucket, a bucket being the top `bits` bits of the key's str_hash
    /// then per key, in bucket order (in a bucket by entry), one plane after the other:
    ///   the low byte and then the high byte of its entry - base
    /// phrase lists only:
    ///   per key a byte: 0 no ids / 1 the ids are its entry / 2 others (below),
    ///     + 4 when the key is the entry's first word, + 8 × the most words of a phrase it opens
    ///   the first-word filter (`hash::LenLastFilter`'s 64 rows, u64 LE)
    ///   the number of keys with other ids, then per such key its place in
    ///   bucket order, the number of its ids and the ids as gaps from its entry (varints)
    /// ```
    ///
    /// No fingerprint: a lookup compares the key with the entries' keys of
    /// its bucket (0.55-1.1 keys a bucket; the entry numbers are most of the
    /// size, a permutation that does not compress). The given and family
    /// names: n (u32 LE), bits (u8), then their entries in entry order as
    /// gaps (varints), hashed at start. Then the number of countries and
    /// their entries as gaps (varints).
    fn bytes(&self) -> Vec<u8> {
        let mut out = b"KLK5".to_vec();
        for (ix, keys) in self.keys.iter().enumerate() {
            let n = keys.len();
            let mut text = vec![""; n];
            for (k, &i) in &self.at[ix] {
                text[i] = k;
            }
            let bits = n.next_power_of_two().max(16).trailing_zeros() as usize;
            if ix >= 3 {
                let bits = bits - 1;
                // given and family names: their entries in creation order (= entry order), as
                // gaps; the start hashes these 3.9 K keys (KeyTable::hashed): in place, their
                // entry numbers in hash order would cost ~6.5 KB gz
                out.extend_from_slice(&(n as u32).to_le_bytes());
                out.push(bits as u8);
                let mut prev = 0;
                for (id, first, _, ids) in keys {
                    assert!(!first && ids[..] == [*id], "a given or family name's key is its first entry's");
                    put(&mut out, id - prev);
                    prev = *id;
                }
                continue;
            }
            let bucket = |i: usize| (str_hash::str_hash(text[i]) >> (64 - bits)) as usize;
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by_key(|&i| (bucket(i), keys[i].0, keys[i].1));
            let base = keys.iter().map(|k| k.0).min().unwrap_or(0);
            out.extend_from_slice(&(n as u32).to_le_bytes());
            out.push(bits as u8);
            out.extend_from_slice(&(base as u32).to_le_bytes());
            let mut counts = vec![0u8; 1 << bits];
            for &i in &order {
                counts[bucket(i)] += 1;
            }
            assert!(counts.iter().all(|&c| c < 16), "over 15 keys of a lexicon key index in one bucket");
            out.extend(counts.chunks_exact(2).map(|c| c[0] | c[1] << 4));
            let rel: Vec<usize> = order.iter().map(|&i| keys[i].0 - base).collect();
            assert!(rel.iter().all(|&r| r <= 0xFFFF), "a lexicon key index spans over 65,536 entries");
            out.extend(rel.iter().map(|&r| r as u8));
            out.extend(rel.iter().map(|&r| (r >> 8) as u8));
            let mut rows = [0u64; 64];
            let mut others = Vec::new();
            for (slot, &i) in order.iter().enumerate() {
                let (id, first, max_words, ids) = &keys[i];
                assert!(*max_words < 32, "a phrase of over 31 words in data/");
                let kind = if ids.is_empty() {
                    0
                } else if ids[..] == [*id] {
                    1
                } else {
                    others.push((slot, *id, ids));
                    2
                };
                assert!(!(*first && kind == 1), "a first word's ids are never its entry (lexicon::FIRST_WORD)");
                out.push(kind | (*first as u8) << 2 | max_words << 3);
                if *max_words > 0 {
                    // hash::LenLastFilter::insert
                    let k = text[i].as_bytes();
                    rows[k.len() % 64] |= 1 << (k[k.len() - 1] % 64);
                }
            }
            for r in rows {
                out.extend_from_slice(&r.to_le_bytes());
            }
            put(&mut out, others.len());
            for (slot, own, ids) in others {
                put(&mut out, slot);
                put(&mut out, ids.len());
                // a key's ids start at or after its own entry (the one that made the key)
                assert!(ids[0] >= own, "a key's ids start at its entry");
                let mut last = own;
                for &i in ids {
                    put(&mut out, i - last);
                    last = i;
                }
            }
        }
        put(&mut out, self.countries.len());
        let mut prev = 0;
        for &id in &self.countries {
            put(&mut out, id - prev);
            prev = id;
        }
        out
    }
}

/// The list name of a lexicon file, as `lexicon::Part::of_file` and the
/// tagger's `entry_classes` name it.
fn list_of(file: &str) -> &'static str {
    match file {
        "titles.tsv" => "title",
        "org_heads.tsv" => "head",
        "given_names.tsv" => "given",
        "family_names.tsv" => "family",
        "common_words.tsv" => "common",
        _ => "name",
    }
}

/// `$OUT_DIR/tagger_table.bin`: `data/tagger.bin` in the table form the
/// analyzer reads in place (`Parts::table_bytes`, format in src/tagger/model.rs).
fn tagger_table(root: &str, dir: &str) {
    println!("cargo:rerun-if-changed=src/tagger/model.rs");
    let path = Path::new(root).join("data/tagger.bin");
    println!("cargo:rerun-if-changed={}", path.display());
    let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let parts = tagger_model::Parts::from_bytes(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let dest = Path::new(dir).join("tagger_table.bin");
    fs::write(&dest, parts.table_bytes()).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

/// A seed under which every attribute name of the data has its own bit,
/// and the name of each bit.
fn attr_seed(all: &std::collections::BTreeSet<String>) -> (u32, [String; 63]) {
    assert!(all.len() <= 40, "{} attribute names in data/: the 63-bit filter of lexicon::Entry needs fewer", all.len());
    (0u32..)
        .find_map(|seed| {
            let mut names: [String; 63] = std::array::from_fn(|_| String::new());
            let mut used = [false; 63];
            for n in all {
                let i = attr_filter::index(seed, n.as_bytes());
                if std::mem::replace(&mut used[i], true) {
                    return None;
                }
                names[i] = n.clone();
            }
            Some((seed, names))
        })
        .expect("a seed")
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/lexicon/attr_filter.rs");
    println!("cargo:rerun-if-changed=src/tagger/lex_classes.rs");
    let root = env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let mut tags: Vec<String> = Vec::new();
    // the distinct attribute columns, in order of first use, and the index of each
    let (mut attr_cols, mut attr_index): (Vec<String>, std::collections::HashMap<String, usize>) = Default::default();
    let (mut fields, mut recs, mut counts) = (String::new(), Vec::new(), Vec::new());
    let texts: Vec<String> = FILES
        .iter()
        .map(|file| {
            let path = Path::new(&root).join("data").join(file);
            println!("cargo:rerun-if-changed={}", path.display());
            fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect();
    // every attribute name of the data gets its own filter bit
    let mut all_names = std::collections::BTreeSet::new();
    for (file, text) in FILES.iter().zip(&texts) {
        if *file != "common_words.tsv" {
            for line in text.lines().filter(|l| !l.starts_with('#') && !l.starts_with("key\t")) {
                all_names.extend(attr_filter::names(line.split('\t').nth(4).unwrap_or("")).map(str::to_string));
            }
        }
    }
    let (seed, bit_names) = attr_seed(&all_names);
    // the tagger's index of the lexicon: entry ids count the entries of every file but the word list
    let (mut lex_index, mut entry_id) = (lex_classes::Builder::default(), 0usize);
    let mut key_indexes = KeyIndexes::default();
    let (mut words, mut common_buckets): (Vec<&str>, Vec<u8>) = Default::default();
    for (file, text) in FILES.iter().zip(&texts) {
        let words_only = *file == "common_words.tsv";
        let (mut n, mut header_seen) = (0usize, false);
        // lines as the parser splits them (at `\n`, a `\r` before it dropped)
        for (no, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !header_seen {
                header_seen = true;
                assert!(line.starts_with("key\t"), "data/{file}:{}: the header must start with `key<TAB>`, got {line:?}", no + 1);
                continue;
            }
            let mut cols: Vec<&str> = line.split('\t').take(5).collect();
            n += 1;
            if words_only {
                words.push(cols[0]);
                continue;
            }
            assert!(cols.len() >= 3, "data/{file}:{}: expected at least 3 tab-separated columns, got {}", no + 1, cols.len());
            cols.resize(5, "");
            let [key, tag, name, english, attrs] = [cols[0], cols[1], cols[2], cols[3], cols[4]];
            let t = tags.iter().position(|x| x == tag).unwrap_or_else(|| {
                tags.push(tag.to_string());
                tags.len() - 1
            });
            let a = *attr_index.entry(attrs.to_string()).or_insert_with(|| {
                attr_cols.push(attrs.to_string());
                attr_cols.len() - 1
            });
            put(&mut recs, key.len());
            put(&mut recs, t);
            fields.push_str(key);
            if name == key {
                put(&mut recs, 0);
            } else {
                put(&mut recs, name.len() + 1);
                fields.push_str(name);
            }
            put(&mut recs, english.len());
            fields.push_str(english);
            put(&mut recs, a);
            // Entry::attr: the first `k=v` field (or bare `k`) of the column
            let attr = |k: &str| {
                attrs.split(';').find_map(|kv| match kv.split_once('=') {
                    Some((a, v)) if a == k => Some(v),
                    None if kv == k => Some(""),
                    _ => None,
                })
            };
            lex_index.entry(entry_id, key, tag, name, list_of(file), attr);
            key_indexes.add(entry_id, key, list_of(file));
            key_indexes.country(entry_id, tag, english, attr("country").is_some());
            entry_id += 1;
        }
        if words_only {
            assert_eq!(*file, *FILES.last().expect("files"), "the word list comes last (lexicon::Builtin reads the entries before it)");
            // the word list: distinct words in order of their hash's top bits (lexicon::WordTable)
            let mut seen = std::collections::HashSet::new();
            words.retain(|w| seen.insert(*w));
            // about 1.6 words a bucket (13.5 K words, 8 K buckets): half the buckets of one a word
            // halve what the start sums, and a lookup compares lengths before bytes
            let bits = (words.len() / 2).next_power_of_two().max(16).trailing_zeros();
            let bucket = |w: &str| (str_hash::str_hash(w) >> (64 - bits)) as usize;
            words.sort_by_key(|w| bucket(w));
            let mut per = vec![0u8; 1 << bits];
            for w in &words {
                assert!(w.len() < 128, "data/{file}: {w:?} is over 127 bytes");
                per[bucket(w)] = per[bucket(w)].checked_add(1).expect("under 256 words a bucket");
                recs.push(w.len() as u8);
                fields.push_str(w);
            }
            common_buckets = per;
            n = words.len();
        }
        put(&mut counts, n);
    }
    let mut out = b"KLX3".to_vec();
    put(&mut out, tags.len());
    for t in &tags {
        put(&mut out, t.len());
    }
    put(&mut out, attr_cols.len());
    for a in &attr_cols {
        put(&mut out, a.len());
        out.extend_from_slice(&attr_filter::bits(seed, &bit_names, a).to_le_bytes());
    }
    out.extend_from_slice(&counts);
    out.extend_from_slice(&recs);
    let dir = env::var("OUT_DIR").expect("OUT_DIR");
    tagger_table(&root, &dir);
    topic_tables(&root, &dir);
    let arena: String = tags.concat() + &attr_cols.concat() + &fields;
    let consts = format!(
        "// generated by build.rs (cargo build) from the attribute names of data/*.tsv\n\
         /// The seed of the attribute filter under which every attribute name of the data has its own bit.\n\
         const ATTR_SEED: u32 = {seed};\n\
         /// The attribute name of each filter bit (\"\" where none).\n\
         const ATTR_NAMES: [&str; 63] = {bit_names:?};\n"
    );
    let names: Vec<String> = FILES.iter().map(|f| format!("    {f:?},\n")).collect();
    let contents: Vec<String> = FILES.iter().map(|f| format!("    ({f:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/data/{f}\"))),\n")).collect();
    let files = format!(
        "// generated by build.rs (cargo build) from its list of lexicon files\n\
         /// The embedded data files, by name (see data/README.md for sources and\n\
         /// licences), for the parser and the tests: the analyzer reads the arena\n\
         /// build.rs makes of them, so this text is not linked into the wasm.\n\
         pub const FILES: &[(&str, &str)] = &[\n{}];\n\n\
         /// The names of [`FILES`], in order: what the analyzer's start uses.\n\
         pub const FILE_NAMES: [&str; {}] = [\n{}];\n",
        contents.concat(),
        FILES.len(),
        names.concat()
    );
    for (name, bytes) in [("lex_index.bin", lex_index.bytes()), ("lexicon_keys.bin", key_indexes.bytes()), ("common_buckets.bin", common_buckets), ("lexicon.bin", out), ("lexicon.txt", arena.into_bytes()), ("lexicon_attrs.rs", consts.into_bytes()), ("lexicon_files.rs", files.into_bytes())] {
        let dest = Path::new(&dir).join(name);
        fs::write(&dest, bytes).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    }
}

/// The topics' tables: `$OUT_DIR/kp_words.bin`, the key phrase finder's
/// word lists as one `word_table` (each word with the flags of its lists).
fn topic_tables(root: &str, dir: &str) {
    println!("cargo:rerun-if-changed=src/topics/word_table.rs");
    let texts: Vec<(String, u8)> = word_table::LISTS
        .iter()
        .map(|&(file, flag)| {
            let path = Path::new(root).join("data").join(file);
            println!("cargo:rerun-if-changed={}", path.display());
            (fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())), flag)
        })
        .collect();
    let dest = Path::new(dir).join("kp_words.bin");
    let table = word_table::layout(texts.iter().flat_map(|(txt, flag)| word_table::words_of(txt).map(move |w| (w, *flag))));
    fs::write(&dest, table).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}
