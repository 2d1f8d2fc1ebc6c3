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
pub mod word_table;

use crate::lexicon::str_hash;

use crate::text::Prepared;
use crate::{Category, Keyphrase, Theme};

/// Category, themes and at most `max_keyphrases` key phrases of a text.
/// A text without Arabic words has no category.
pub fn analyze(p: &Prepared, max_keyphrases: usize) -> (Option<Category>, Vec<Theme>, Vec<Keyphrase>) {
    analyze_with_names(p, max_keyphrases, &[])
}

/// [`analyze`] with the UTF-16 ranges of the text's named entities
/// (people, organizations, places, events; in text order), which the key
/// phrases prefer as whole phrases.
pub fn analyze_with_names(p: &Prepared, max_keyphrases: usize, names: &[(u32, u32)]) -> (Option<Category>, Vec<Theme>, Vec<Keyphrase>) {
    let scored = themes::Themes::builtin().scored(p);
    let evidence: Vec<(String, f32)> = scored.iter().map(|t| (t.id.clone(), t.score)).collect();
    let category = category::Model::builtin().classify(p, &evidence);
    let themes: Vec<Theme> = scored.into_iter().filter(|t| t.score >= themes::THRESHOLD).collect();
    let keyphrases = keyphrases::extract_with_names(p, max_keyphrases, names);
    (category, themes, keyphrases)
}
