//! A fast, non-cryptographic hasher for the lookup tables (the FxHash of
//! rustc: one multiply per word). Keys are lexicon words, not input an
//! attacker chooses to collide, and the std SipHash costs more than the
//! lookups themselves on short Arabic words.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The FxHash state.
#[derive(Debug, Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, mut bytes: &[u8]) {
        while bytes.len() >= 8 {
            self.add(u64::from_le_bytes(bytes[..8].try_into().expect("8 bytes")));
            bytes = &bytes[8..];
        }
        if bytes.len() >= 4 {
            self.add(u32::from_le_bytes(bytes[..4].try_into().expect("4 bytes")) as u64);
            bytes = &bytes[4..];
        }
        for &b in bytes {
            self.add(b as u64);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` with [`FxHasher`].
pub type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// A 512-byte prefilter for word sets: one bit per (byte length mod 64,
/// last byte mod 64) of the words put in. A word whose bit is clear is
/// not in the set, so most lookups of ordinary words end before any
/// hashing. A set bit proves nothing: ask the set itself.
#[derive(Debug, Clone)]
pub struct LenLastFilter {
    rows: [u64; 64],
}

impl Default for LenLastFilter {
    fn default() -> Self {
        LenLastFilter { rows: [0; 64] }
    }
}

impl LenLastFilter {
    /// The filter whose rows are `rows` (as `build.rs` computes them for
    /// the lexicon's phrase indexes, with the formula of `slot`).
    pub fn from_rows(rows: [u64; 64]) -> Self {
        LenLastFilter { rows }
    }

    #[inline]
    fn slot(word: &str) -> (usize, u64) {
        (word.len() % 64, word.as_bytes().last().map_or(1, |&b| 1 << (b % 64)))
    }

    /// Records `word`.
    pub fn insert(&mut self, word: &str) {
        let (row, bit) = Self::slot(word);
        self.rows[row] |= bit;
    }

    /// False when `word` was certainly never inserted.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        let (row, bit) = Self::slot(word);
        self.rows[row] & bit != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn len_last_filter_never_rejects_a_word_it_holds() {
        let words = ["", "a", "في", "ليبيا", "طرابلس الغرب", "x".repeat(70).leak()];
        let mut f = LenLastFilter::default();
        assert!(words.iter().all(|w| !f.may_contain(w)), "an empty filter must reject every word");
        for w in words {
            f.insert(w);
        }
        for w in words {
            assert!(f.may_contain(w), "{w:?} was inserted, so the filter must let it through");
        }
        assert!(!f.may_contain("تونس"), "a length and last byte never inserted must be rejected");
    }

    #[test]
    fn maps_work_and_hashes_differ() {
        let mut m: FxHashMap<String, u32> = FxHashMap::default();
        for (i, w) in ["ليبيا", "تونس", "طرابلس", "a", ""].iter().enumerate() {
            m.insert(w.to_string(), i as u32);
        }
        assert_eq!(m.get("طرابلس"), Some(&2), "lookup by &str must find the inserted key");
        assert_eq!(m.get("تركيا"), None);
        let h = |s: &str| {
            let mut x = FxHasher::default();
            x.write(s.as_bytes());
            x.finish()
        };
        assert_ne!(h("ليبيا"), h("تونس"), "distinct words should hash apart");
    }
}
