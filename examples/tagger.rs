//! Timing and inspection of the learned tagger (native; not in the wasm).
//!
//! ```text
//! cargo run --release --example tagger -- bench [FILES…]   # per-article time, with and without the tagger
//! cargo run --release --example tagger -- spans < text.txt  # the tagger's raw spans with their scores
//! cargo run --release --example tagger -- jsonl < gold.jsonl # the tagger's spans alone as score.py predictions
//! ```
//! `bench` defaults to the seed articles in tests/data/seeds.

use kashif::tagger::features::LexIndex;
use kashif::tagger;
use kashif::text::Prepared;
use kashif::{Analyzer, Options};
use std::io::Read;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("spans") => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).expect("UTF-8 on standard input");
            let p = Prepared::new(&text);
            for s in tagger::tag(&p, &kashif::entities::rule_spans(&p, kashif::lexicon::Lexicon::builtin()), LexIndex::builtin(), tagger::builtin()) {
                let (a, b) = (p.tokens[s.first].start, p.tokens[s.last - 1].end);
                println!("{:?}\t{:.3}\t{}", s.kind, s.score, p.slice(a, b));
            }
        }
        Some("bench") => bench(&args[1..]),
        Some("jsonl") => {
            // The tagger's spans alone, as score.py predictions.
            for line in std::io::stdin().lines() {
                let v: serde_json::Value = serde_json::from_str(&line.expect("UTF-8 on standard input")).expect("one JSON object a line");
                let text = v["text"].as_str().unwrap_or_default();
                let p = Prepared::new(text);
                let ents: Vec<serde_json::Value> = tagger::tag(&p, &kashif::entities::rule_spans(&p, kashif::lexicon::Lexicon::builtin()), LexIndex::builtin(), tagger::builtin())
                    .iter()
                    .map(|s| {
                        let (a, b) = (p.tokens[s.first].start, p.tokens[s.last - 1].end);
                        serde_json::json!({"start": a, "end": b, "type": format!("{:?}", s.kind).to_uppercase(), "text": p.slice(a, b), "score": s.score})
                    })
                    .collect();
                println!("{}", serde_json::json!({"id": v["id"], "entities": ents}));
            }
        }
        _ => eprintln!("usage: tagger bench [FILES…] | tagger spans < text | tagger jsonl < docs.jsonl"),
    }
}

/// The least time of `rounds` runs of `f`, in seconds (the least is the
/// figure least disturbed by other processes on the machine).
fn least(rounds: usize, mut f: impl FnMut()) -> f64 {
    (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn bench(files: &[String]) {
    let files: Vec<String> = if files.is_empty() {
        let mut v: Vec<String> = std::fs::read_dir("tests/data/seeds").expect("tests/data/seeds").map(|e| e.unwrap().path().display().to_string()).collect();
        v.sort();
        v
    } else {
        files.to_vec()
    };
    let texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).expect("readable file")).collect();
    let analyzer = Analyzer::new(Options { topics: false, meetings: false, ..Options::default() }).unwrap();
    let ix = LexIndex::builtin();
    let model = tagger::builtin();
    let _ = analyzer.analyze(&texts[0]);
    let rounds = std::env::var("KASHIF_BENCH_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(300);
    let (mut all, mut feats, mut emis, mut tag, mut tokens) = (0f64, 0f64, 0f64, 0f64, 0usize);
    let mut f = kashif::tagger::features::Features::default();
    for t in &texts {
        let p = Prepared::new(t);
        let rules = kashif::entities::rule_spans(&p, kashif::lexicon::Lexicon::builtin());
        tokens += p.tokens.len();
        all += least(rounds, || {
            std::hint::black_box(analyzer.analyze(t).unwrap());
        });
        // The parts of the tagging step: features, then emissions, then all of it.
        feats += least(rounds, || {
            f.begin(&p.tokens, ix);
            for s in &p.sentences {
                f.extract(&p.tokens, s.first, s.last, ix);
                std::hint::black_box(&f.feats);
            }
        });
        emis += least(rounds, || {
            f.begin(&p.tokens, ix);
            for s in &p.sentences {
                f.extract(&p.tokens, s.first, s.last, ix);
                for i in 0..f.len() {
                    std::hint::black_box(model.emissions(f.of(i)));
                }
            }
        });
        tag += least(rounds, || {
            std::hint::black_box(tagger::tag(&p, &rules, ix, model));
        });
    }
    let n = texts.len() as f64;
    let (mut hits, mut total) = (0usize, 0usize);
    for t in &texts {
        let p = Prepared::new(t);
        f.begin(&p.tokens, ix);
        for s in &p.sentences {
            f.extract(&p.tokens, s.first, s.last, ix);
            total += f.feats.len();
            hits += f.feats.iter().filter(|&&h| model.has(h)).count();
        }
    }
    println!("features per token {:.1}, of which in the model {:.1}", total as f64 / tokens as f64, hits as f64 / tokens as f64);
    println!(
        "{} articles, {:.0} tokens on average; least time of {rounds} runs, per article: entities (rules + tagger) {:.3} ms; tagger::tag {:.3} ms = features {:.3} + emissions {:.3} + Viterbi and confidences {:.3}; model {} features",
        texts.len(),
        tokens as f64 / n,
        all / n * 1e3,
        tag / n * 1e3,
        feats / n * 1e3,
        (emis - feats) / n * 1e3,
        (tag - emis) / n * 1e3,
        model.len()
    );
}
