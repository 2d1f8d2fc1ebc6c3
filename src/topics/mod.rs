//! Topics (spec/topics.md): the article's category, the themes of the
//! taxonomy it covers with the evidence for each, and its own key phrases.
//!
//! - [`category`]: a hashed-feature linear classifier whose weights are
//!   trained by `cargo run --release --bin train -- category` and embedded
//!   from `data/category.bin`.
//! - [`themes`]: trigger terms from `data/themes.tsv`, clitic-aware.
//! - [`keyphrases`]: a YAKE-style statistical score, no list.

pub mod category;
pub mod keyphrases;
pub mod themes;

use crate::text::Prepared;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast `Hasher` for the small string and integer keys of the topic
/// tables: FNV-style, but eight bytes per multiplication, with a final
/// mix so that the low bits (the bucket) depend on every byte. SipHash
/// dominated a profile of the first version; no untrusted keys can hurt
/// here (every table lives for one text or is built from data).
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        (self.0 ^ (self.0 >> 32)).wrapping_mul(MULTIPLIER)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h ^ u64::from_le_bytes(w)).wrapping_mul(MULTIPLIER).rotate_left(26);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            h = (h ^ u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59)).wrapping_mul(MULTIPLIER).rotate_left(26);
        }
        self.0 = h;
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0 ^ i as u64 ^ 0x100).wrapping_mul(MULTIPLIER).rotate_left(26);
    }

    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64);
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0 ^ i).wrapping_mul(MULTIPLIER).rotate_left(26);
    }

    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
}

/// A `HashMap` hashed with [`FastHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` hashed with [`FastHasher`].
pub type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<FastHasher>>;
use crate::{Category, Keyphrase, Theme};

/// Category, themes and at most `max_keyphrases` key phrases of a text.
/// A text without Arabic words has no category.
pub fn analyze(p: &Prepared, max_keyphrases: usize) -> (Option<Category>, Vec<Theme>, Vec<Keyphrase>) {
    let scored = themes::Themes::builtin().scored(p);
    let evidence: Vec<(String, f32)> = scored.iter().map(|t| (t.id.clone(), t.score)).collect();
    let category = category::Model::builtin().classify(p, &evidence);
    let themes: Vec<Theme> = scored.into_iter().filter(|t| t.score >= themes::THRESHOLD).collect();
    let keyphrases = keyphrases::extract(p, max_keyphrases);
    (category, themes, keyphrases)
}
