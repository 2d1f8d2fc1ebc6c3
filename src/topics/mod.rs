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

/// FNV-1a as a `Hasher`: the small string and integer keys of the topic
/// tables hash several times faster than with SipHash (no untrusted keys
/// can hurt here: every table lives for one text or is built from data).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A `HashMap` hashed with [`Fnv`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A `HashSet` hashed with [`Fnv`].
pub type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<Fnv>>;
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
