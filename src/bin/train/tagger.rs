//! Training of the tagger model (its own issue).

use std::path::Path;

/// Trains the tagger model from the corpora under `shared`.
pub fn run(_shared: &Path, _args: &[String]) -> Result<(), String> {
    Err("the tagger model has no trainer yet: see its issue".to_string())
}
