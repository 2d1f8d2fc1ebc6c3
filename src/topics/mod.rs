//! Topics: the article's category, its themes with evidence, and its key
//! phrases (spec/topics.md). Filled in by the topics issue; until then the
//! analysis reports none, which the output schema allows.

use crate::text::Prepared;
use crate::{Category, Keyphrase, Theme};

/// Category, themes and at most `max_keyphrases` key phrases of a text.
pub fn analyze(_p: &Prepared, _max_keyphrases: usize) -> (Option<Category>, Vec<Theme>, Vec<Keyphrase>) {
    (None, Vec::new(), Vec::new())
}
