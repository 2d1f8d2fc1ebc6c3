//! Times the topic stages on the seed articles:
//! `cargo run --release --example topics_timing [prepare|category|themes|keyphrases|topics]`.
//!
//! Each stage runs in 30 batches of 20 rounds over the five seeds; the
//! figure is the fastest batch (the least disturbed by other processes on
//! a shared machine) and, in brackets, the median batch. `topics` is the
//! whole of `kashif::topics::analyze` as the analyzer calls it (category,
//! themes and 20 key phrases).
use kashif::text::Prepared;
use kashif::topics::{category::Model, keyphrases, themes::Themes};
use std::time::Instant;

fn main() {
    let gold = include_str!("../tests/data/seeds.gold.jsonl");
    let texts: Vec<String> = gold.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].as_str().unwrap().to_string()).collect();
    let (batches, rounds) = (30, 20);
    let preps: Vec<Prepared> = texts.iter().map(|t| Prepared::new(t)).collect();
    let (m, th) = (Model::builtin(), Themes::builtin());
    // Warm the tables (lexicon, stopwords) outside the timings.
    for p in &preps {
        std::hint::black_box(kashif::topics::analyze(p, 20));
    }
    let only = std::env::args().nth(1);
    let time = |name: &str, f: &dyn Fn(&Prepared)| {
        if only.as_deref().is_some_and(|o| o != name) {
            return;
        }
        let mut per_article: Vec<f64> = (0..batches)
            .map(|_| {
                let t = Instant::now();
                for _ in 0..rounds {
                    for p in &preps {
                        f(p);
                    }
                }
                t.elapsed().as_secs_f64() * 1000.0 / (rounds * preps.len()) as f64
            })
            .collect();
        per_article.sort_by(f64::total_cmp);
        println!("{name}: {:.3} ms per article (median batch {:.3})", per_article[0], per_article[batches / 2]);
    };
    time("prepare", &|p| {
        std::hint::black_box(Prepared::new(p.text));
    });
    time("category", &|p| {
        std::hint::black_box(m.classify(p, &[]));
    });
    time("themes", &|p| {
        std::hint::black_box(th.scored(p));
    });
    time("keyphrases", &|p| {
        std::hint::black_box(keyphrases::extract(p, 20));
    });
    time("topics", &|p| {
        std::hint::black_box(kashif::topics::analyze(p, 20));
    });
}
