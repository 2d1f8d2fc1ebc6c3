//! Training of the category model (its own issue).

use std::path::Path;

/// Trains the category model from the corpora under `shared`.
pub fn run(_shared: &Path, _args: &[String]) -> Result<(), String> {
    Err("the category model has no trainer yet: see its issue".to_string())
}
