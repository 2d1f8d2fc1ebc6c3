//! Training of the models that ship inside kashif. Never part of the wasm.
//!
//! ```text
//! cargo run --release --bin train -- clusters   # word clusters for the tagger (data/clusters.bin)
//! cargo run --release --bin train -- tagger     # the sequence tagger (data/tagger.bin)
//! cargo run --release --bin train -- category   # the category classifier (data/category.bin)
//! cargo run --release --bin train -- eval-category  # its accuracy on ASND dev and ANT
//! ```
//!
//! Every subcommand reads `../shared/eval/` (or `KASHIF_SHARED`), says
//! clearly when it is missing, and writes the same bytes for the same
//! inputs.

mod category;
mod clusters;
mod crf;
mod tagger;

use std::path::PathBuf;
use std::process::ExitCode;

/// Where the shared evaluation data lives: `$KASHIF_SHARED` or `../shared`.
fn shared_dir() -> Result<PathBuf, String> {
    let dir = std::env::var_os("KASHIF_SHARED").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared"));
    if dir.join("eval").is_dir() {
        Ok(dir)
    } else {
        Err(format!(
            "the training data is missing: {} has no eval/ folder. Training needs the shared corpora \
             (a checkout with ../shared beside it, or KASHIF_SHARED=/path/to/shared); the trained models \
             are committed in data/, so nothing else needs them.",
            dir.display()
        ))
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("tagger") => shared_dir().and_then(|d| tagger::run(&d, &args[1..])),
        Some("clusters") => shared_dir().and_then(|d| clusters::run(&d, &args[1..])),
        Some("category") => shared_dir().and_then(|d| category::run(&d, &args[1..])),
        Some("eval-category") => shared_dir().and_then(|d| category::eval(&d, &args[1..])),
        _ => Err("usage: train tagger|clusters|category|eval-category [options]".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train: {e}");
            ExitCode::from(2)
        }
    }
}
