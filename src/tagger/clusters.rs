//! Word clusters learned from unlabelled Arabic text: each frequent word
//! has a path in a binary tree of clusters (as Brown clusters have), and
//! the tagger's features use the path's prefixes at several depths, so a
//! name never seen in the labelled corpus still shares weights with the
//! words that occur in the same contexts (clubs with clubs, companies with
//! companies).
//!
//! The table is made by `cargo run --release --bin train -- clusters`
//! (`src/bin/train/clusters.rs`: bisecting spherical 2-means over the
//! PPMI-weighted counts of each word's neighbours) and shipped as
//! `data/clusters.bin`, little-endian:
//!
//! ```text
//! "KCL1"          magic
//! u32 n           number of words
//! n × varint      keys, ascending, as gaps from the previous: the top 24 bits
//!                 of the 64-bit FNV-1a hash of the normalized word
//! n × u16         paths: the bits of the path under a leading 1 (1 = the root)
//! ```

use std::sync::OnceLock;

const MAGIC: &[u8; 4] = b"KCL1";

/// The embedded cluster table.
pub const CLUSTER_BYTES: &[u8] = include_bytes!("../../data/clusters.bin");

/// A loaded cluster table: sorted keys and their paths.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    keys: Vec<u32>,
    paths: Vec<u16>,
    /// `lead[b]..lead[b + 1]`: the keys whose top [`LEAD_BITS`] bits are
    /// `b` (about 2 of them), so a lookup compares a few keys instead of
    /// searching all (empty: no key).
    lead: Vec<u32>,
}

/// Bits of a key that pick its run of [`Clusters::lead`].
const LEAD_BITS: u32 = 12;

/// Where each run of keys with the same top [`LEAD_BITS`] bits starts in
/// `keys` (ascending), plus the end; keys of more than 24 bits are in none.
fn lead_of(keys: &[u32]) -> Vec<u32> {
    // how many keys each run has, then where each starts
    let mut lead = vec![0u32; (1 << LEAD_BITS) + 1];
    for &k in keys {
        if let Some(n) = lead.get_mut((k >> (24 - LEAD_BITS)) as usize + 1) {
            *n += 1;
        }
    }
    for b in 1..lead.len() {
        lead[b] += lead[b - 1];
    }
    lead
}

/// The 64-bit FNV-1a hash of a word written as the concatenation of
/// `parts`: what [`Clusters::get`] takes, and how the tagger's features
/// hash words.
pub fn word_hash(parts: &[&str]) -> u64 {
    parts.iter().flat_map(|p| p.bytes()).fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

/// The table key of a word from its 64-bit FNV-1a hash (top 24 bits).
#[inline]
pub fn key_of(word_hash: u64) -> u32 {
    (word_hash >> 40) as u32
}

impl Clusters {
    /// Builds a table from (key, path) pairs (any order; duplicate keys
    /// keep the first).
    pub fn new(mut entries: Vec<(u32, u16)>) -> Clusters {
        entries.sort_by_key(|e| e.0);
        entries.dedup_by_key(|e| e.0);
        let keys: Vec<u32> = entries.iter().map(|e| e.0).collect();
        Clusters { lead: lead_of(&keys), keys, paths: entries.iter().map(|e| e.1).collect() }
    }

    /// How many words the table holds.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The path of a word (by its 64-bit FNV-1a hash), if it has one.
    #[inline]
    pub fn get(&self, word_hash: u64) -> Option<u16> {
        let k = key_of(word_hash);
        let b = (k >> (24 - LEAD_BITS)) as usize;
        let (Some(&s), Some(&e)) = (self.lead.get(b), self.lead.get(b + 1)) else { return None };
        let (s, e) = (s as usize, e as usize);
        self.keys[s..e].iter().position(|&x| x == k).map(|i| self.paths[s + i])
    }

    /// The file form of the table.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(8 + self.keys.len() * 5);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for &k in &self.keys {
            let mut gap = k - prev;
            prev = k;
            loop {
                let b = (gap & 0x7f) as u8;
                gap >>= 7;
                if gap == 0 {
                    out.push(b);
                    break;
                }
                out.push(b | 0x80);
            }
        }
        for &p in &self.paths {
            out.extend_from_slice(&p.to_le_bytes());
        }
        out
    }

    /// Reads the file form.
    pub fn from_bytes(b: &[u8]) -> Result<Clusters, String> {
        if b.len() < 8 || &b[..4] != MAGIC {
            return Err("not a cluster table (bad magic)".into());
        }
        let n = u32::from_le_bytes([b[4], b[5], b[6], b[7]]) as usize;
        let mut pos = 8;
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u32;
        for _ in 0..n {
            let mut gap = 0u32;
            let mut shift = 0;
            loop {
                let byte = *b.get(pos).ok_or("cluster table truncated in the keys")?;
                pos += 1;
                gap |= ((byte & 0x7f) as u32) << shift;
                shift += 7;
                if byte & 0x80 == 0 {
                    break;
                }
                if shift > 28 {
                    return Err("cluster table: bad varint".into());
                }
            }
            prev = prev.checked_add(gap).ok_or("cluster table: keys overflow")?;
            keys.push(prev);
        }
        if b.len() != pos + 2 * n {
            return Err(format!("cluster table: {} bytes of paths, expected {}", b.len() - pos, 2 * n));
        }
        let paths = b[pos..].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        Ok(Clusters { lead: lead_of(&keys), keys, paths })
    }

    /// The embedded table, loaded once per process. Outside the browser,
    /// `KASHIF_TAGGER_CLUSTERS` names another table file (the held-out
    /// evaluation uses one made without the held-out text).
    pub fn builtin() -> &'static Clusters {
        static C: OnceLock<Clusters> = OnceLock::new();
        C.get_or_init(|| super::load_embedded("KASHIF_TAGGER_CLUSTERS", CLUSTER_BYTES, "data/clusters.bin", Clusters::from_bytes))
    }
}

/// The prefix of `depth` bits of a path (with its leading 1), or `None`
/// when the path is shorter.
#[inline]
pub fn prefix(path: u16, depth: u32) -> Option<u16> {
    let len = 15 - path.leading_zeros();
    (len >= depth).then(|| path >> (len - depth))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_lookup() {
        let c = Clusters::new(vec![(0x00ab_cdef, 0b1_0110), (7, 0b1_1), (0x00ff_ffff, 0b1_0000_0000_0001)]);
        let d = Clusters::from_bytes(&c.to_bytes()).expect("the table reads back");
        assert_eq!(d.keys, c.keys, "keys must survive the file form");
        assert_eq!(d.paths, c.paths, "paths must survive the file form");
        assert_eq!(d.get(0x00ab_cdef_u64 << 40), Some(0b1_0110), "lookup by the top 24 bits of the hash");
        assert_eq!(d.get(5u64 << 40), None, "a word not in the table has no path");
        for (k, p) in [(7u64, 0b1_1), (0x00ff_ffff, 0b1_0000_0000_0001)] {
            assert_eq!(d.get(k << 40 | 0xff_ffff_ffff), Some(p), "key {k:x}: the last and first runs of keys are found too");
        }
        assert_eq!(Clusters::default().get(7 << 40), None, "an empty table finds nothing");
    }

    #[test]
    fn prefixes() {
        let cases: &[(&str, u16, u32, Option<u16>)] = &[
            ("whole path", 0b1_0110, 4, Some(0b1_0110)),
            ("two bits", 0b1_0110, 2, Some(0b1_01)),
            ("deeper than the path", 0b1_01, 4, None),
            ("root", 0b1, 0, Some(1)),
        ];
        for (name, path, depth, want) in cases {
            assert_eq!(prefix(*path, *depth), *want, "case {name:?}");
        }
    }

    #[test]
    fn embedded_table_loads() {
        let c = Clusters::from_bytes(CLUSTER_BYTES).unwrap_or_else(|e| panic!("data/clusters.bin: {e}; rebuild with `cargo run --release --bin train -- clusters`"));
        assert!(c.len() > 1000, "data/clusters.bin has only {} words", c.len());
        // the runs of keys find what a search of all keys finds
        for (i, &k) in c.keys.iter().enumerate() {
            for probe in [k, k + 1, k.wrapping_sub(1)].into_iter().filter(|&p| p < 1 << 24) {
                let want = c.keys.binary_search(&probe).ok().map(|j| c.paths[j]);
                assert_eq!(c.get((probe as u64) << 40), want, "key {probe:x} (near entry {i}): Clusters::get must find what a binary search finds");
            }
        }
    }
}
