//! Times the topic stages on the seed articles:
//! `cargo run --release --example topics_timing [prepare|category|themes|keyphrases]`.
use kashif::text::Prepared;
use kashif::topics::{category::Model, keyphrases, themes::Themes};
use std::time::Instant;

fn main() {
    let gold = include_str!("../tests/data/seeds.gold.jsonl");
    let texts: Vec<String> = gold.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].as_str().unwrap().to_string()).collect();
    let rounds = 300;
    let preps: Vec<Prepared> = texts.iter().map(|t| Prepared::new(t)).collect();
    let (m, th) = (Model::builtin(), Themes::builtin());
    let only = std::env::args().nth(1);
    let time = |name: &str, f: &dyn Fn(&Prepared)| {
        if only.as_deref().is_some_and(|o| o != name) {
            return;
        }
        let t = Instant::now();
        for _ in 0..rounds {
            for p in &preps {
                f(p);
            }
        }
        println!("{name}: {:.3} ms per article", t.elapsed().as_secs_f64() * 1000.0 / (rounds * preps.len()) as f64);
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
}
