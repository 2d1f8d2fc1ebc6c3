//! Build script: turns the lexicon's `data/*.tsv` files into the record
//! table that `src/lexicon/` reads at start, so that no line of text is
//! parsed when the analyzer is built.
//!
//! The TSV files stay the source of truth (they are still embedded: every
//! field of an entry points into them); this script only writes where the
//! fields are. Its output, `$OUT_DIR/lexicon.bin`, is generated at every
//! build by `cargo build` (this file) and never committed. Format (all
//! numbers LEB128 varints unless said otherwise):
//!
//! ```text
//! "KLX1"
//! varint  number of attribute-filter values p, then p × u64 (little-endian)
//! for each file of FILES, in order: varint  number of entries
//! for each file of FILES, in order, one record an entry:
//!     word list (common_words.tsv):  skip, key length
//!     other files:                   skip, key, tag, name, english, attrs lengths, filter index
//! ```
//!
//! `skip` is the distance from the cursor to the entry's key; the cursor
//! starts at 0 in each file and moves to the key's start plus the sum of
//! the entry's field lengths (separators not counted, so `skip` is never
//! negative). A missing column has length 0. The filter is the entry's
//! attribute-name bit set (see `attr_bits` in `src/lexicon/mod.rs`, which
//! this file mirrors; the test `builtin_matches_parse` checks both agree).

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
    let mut palette: Vec<u64> = Vec::new();
    let (mut body, mut counts) = (Vec::new(), Vec::new());
    for file in FILES {
        let path = Path::new(&root).join("data").join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let words_only = *file == "common_words.tsv";
        let mut recs = Vec::new();
        let mut n = 0usize;
        let (mut cursor, mut at, mut header_seen) = (0usize, 0usize, false);
        // lines as `str::lines` splits them (at `\n`, a `\r` before it dropped)
        for (no, raw) in text.split_inclusive('\n').enumerate() {
            let start = at;
            at += raw.len();
            let line = raw.strip_suffix('\n').unwrap_or(raw);
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !header_seen {
                header_seen = true;
                assert!(line.starts_with("key\t"), "data/{file}:{}: the header must start with `key<TAB>`, got {line:?}", no + 1);
                continue;
            }
            let cols: Vec<&str> = line.split('\t').take(5).collect();
            assert!(words_only || cols.len() >= 3, "data/{file}:{}: expected at least 3 tab-separated columns, got {}", no + 1, cols.len());
            put(&mut recs, start - cursor);
            cursor = start;
            if words_only {
                put(&mut recs, cols[0].len());
                cursor += cols[0].len();
            } else {
                for i in 0..5 {
                    let len = cols.get(i).map_or(0, |c| c.len());
                    put(&mut recs, len);
                    cursor += len;
                }
                let bits = attr_bits(cols.get(4).copied().unwrap_or(""));
                let p = palette.iter().position(|&b| b == bits).unwrap_or_else(|| {
                    palette.push(bits);
                    palette.len() - 1
                });
                put(&mut recs, p);
            }
            n += 1;
        }
        put(&mut counts, n);
        body.extend_from_slice(&recs);
    }
    let mut out = b"KLX1".to_vec();
    put(&mut out, palette.len());
    for b in &palette {
        out.extend_from_slice(&b.to_le_bytes());
    }
    out.extend_from_slice(&counts);
    out.extend_from_slice(&body);
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("lexicon.bin");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}
