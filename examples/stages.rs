//! Runs each stage of an analysis in a function of its own, for counting
//! instructions by stage: reads JSON lines with a `text` field on stdin
//! (default options) and calls, for each text, `stage_prepare`,
//! `stage_words`, `stage_entities`, `stage_meetings`, `stage_themes`,
//! `stage_category` and `stage_keyphrases` in the order
//! `Analyzer::analyze` runs them.
//!
//! ```sh
//! cargo build --release --example stages
//! valgrind --tool=callgrind --toggle-collect='stages::stage_*' target/release/examples/stages < seeds.jsonl
//! callgrind_annotate --inclusive=yes callgrind.out.* | grep stage_
//! ```
//!
//! (A seed = the difference between 15 and 5 seeds, over 10, as in
//! docs/performance.md, "Where the time goes".) The stages share the text's table of
//! distinct words ([`kashif::text::Prepared::words`]): `stage_words` makes
//! it so that its cost is counted once, by itself.
use kashif::text::Prepared;
use kashif::topics::{category::Model, keyphrases, themes::Themes};
use std::hint::black_box;
use std::io::BufRead;

#[inline(never)]
fn stage_prepare(text: &str) -> Prepared<'_> {
    Prepared::new(text)
}

#[inline(never)]
fn stage_words(p: &Prepared) {
    black_box(p.words());
}

#[inline(never)]
fn stage_entities(p: &Prepared) -> (Vec<kashif::Mention>, Vec<kashif::Group>) {
    kashif::entities::recognize(p, kashif::lexicon::Lexicon::builtin())
}

#[inline(never)]
fn stage_meetings(p: &Prepared, mentions: &[kashif::Mention], groups: &[kashif::Group]) {
    black_box(kashif::meetings::extract(p, mentions, groups));
}

#[inline(never)]
fn stage_themes(p: &Prepared) -> Vec<(String, f32)> {
    Themes::builtin().scored(p).into_iter().map(|t| (t.id, t.score)).collect()
}

#[inline(never)]
fn stage_category(p: &Prepared, themes: &[(String, f32)]) {
    black_box(Model::builtin().classify(p, themes));
}

#[inline(never)]
fn stage_keyphrases(p: &Prepared, mentions: &[kashif::Mention]) {
    black_box(keyphrases::extract_with_names(p, 20, &keyphrases::name_ranges(mentions)));
}

fn main() {
    // build every table before the first text
    let _ = kashif::Analyzer::new(kashif::Options::default()).expect("default options");
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin");
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).expect("a JSON line");
        let text = v["text"].as_str().expect("a text field");
        let p = stage_prepare(text);
        stage_words(&p);
        let (mentions, groups) = stage_entities(&p);
        stage_meetings(&p, &mentions, &groups);
        let themes = stage_themes(&p);
        stage_category(&p, &themes);
        stage_keyphrases(&p, &mentions);
    }
}
