//! Build script: turns the lexicon's `data/*.tsv` files into the compact
//! form `src/lexicon/` reads at start, so that no line of text is parsed
//! and no separator searched for when the analyzer is built.
//!
//! The TSV files stay the source of truth; both outputs are generated at
//! every build by `cargo build` (this file), whenever a data file changes,
//! and never committed:
//!
//! - `$OUT_DIR/lexicon.txt`: the arena, every field of every entry one
//!   after the other without separators (the type tags once, at the start;
//!   a name equal to its key is not repeated). Entries point into it.
//! - `$OUT_DIR/lexicon.bin`: where the fields are. All numbers are LEB128
//!   varints unless said otherwise:
//!
//! ```text
//! "KLX2"
//! t, then t × tag length                    the type tags, at the arena's start
//! p, then p × u64 (little-endian)           attribute filters (see below)
//! for each file of FILES, in order: the number of its entries
//! for each entry, in file order:
//!   word list (common_words.tsv):  key length
//!   other files:                   key length, tag index, name length + 1 (0: same as the key),
//!                                  english length, attrs length, filter index
//! ```
//!
//! The filter is the entry's attribute-name bit set (`attr_bits` in
//! `src/lexicon/mod.rs`, which this file mirrors). A missing column is
//! empty. The test `builtin_matches_parse` checks that the entries read
//! from here equal those the TSV parser reads from the files.

use std::env;
use std::fs;
use std::path::Path;

/// The lexicon files, in the order of `lexicon::FILES` (the test
/// `builtin_matches_parse` fails when the two lists differ).
const FILES: &[&str] = &[
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

fn put(out: &mut Vec<u8>, mut v: usize) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// As `attr_bits` in src/lexicon/mod.rs.
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

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let root = env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let (mut tags, mut palette): (Vec<String>, Vec<u64>) = (Vec::new(), Vec::new());
    let (mut fields, mut recs, mut counts) = (String::new(), Vec::new(), Vec::new());
    for file in FILES {
        let path = Path::new(&root).join("data").join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
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
                put(&mut recs, cols[0].len());
                fields.push_str(cols[0]);
                continue;
            }
            assert!(cols.len() >= 3, "data/{file}:{}: expected at least 3 tab-separated columns, got {}", no + 1, cols.len());
            cols.resize(5, "");
            let [key, tag, name, english, attrs] = [cols[0], cols[1], cols[2], cols[3], cols[4]];
            let t = tags.iter().position(|x| x == tag).unwrap_or_else(|| {
                tags.push(tag.to_string());
                tags.len() - 1
            });
            let bits = attr_bits(attrs);
            let p = palette.iter().position(|&b| b == bits).unwrap_or_else(|| {
                palette.push(bits);
                palette.len() - 1
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
            for f in [english, attrs] {
                put(&mut recs, f.len());
                fields.push_str(f);
            }
            put(&mut recs, p);
        }
        put(&mut counts, n);
    }
    let mut out = b"KLX2".to_vec();
    put(&mut out, tags.len());
    for t in &tags {
        put(&mut out, t.len());
    }
    put(&mut out, palette.len());
    for b in &palette {
        out.extend_from_slice(&b.to_le_bytes());
    }
    out.extend_from_slice(&counts);
    out.extend_from_slice(&recs);
    let dir = env::var("OUT_DIR").expect("OUT_DIR");
    let arena: String = tags.concat() + &fields;
    for (name, bytes) in [("lexicon.bin", out), ("lexicon.txt", arena.into_bytes())] {
        let dest = Path::new(&dir).join(name);
        fs::write(&dest, bytes).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    }
}
