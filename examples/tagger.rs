//! Timing and inspection of the learned tagger (native; not in the wasm).
//!
//! ```text
//! cargo run --release --example tagger -- bench [FILES…]   # per-article time, with and without the tagger
//! cargo run --release --example tagger -- spans < text.txt  # the tagger's raw spans with their scores
//! ```
//! `bench` defaults to the seed articles in tests/data/seeds.

use kashif::lexicon::Lexicon;
use kashif::tagger::{self, Scratch};
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
            for s in tagger::tag(&p, Lexicon::builtin(), tagger::builtin()) {
                let (a, b) = (p.tokens[s.first].start, p.tokens[s.last - 1].end);
                println!("{:?}\t{:.3}\t{}", s.kind, s.score, p.slice(a, b));
            }
        }
        Some("bench") => bench(&args[1..]),
        _ => eprintln!("usage: tagger bench [FILES…] | tagger spans < text"),
    }
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
    let lex = Lexicon::builtin();
    let model = tagger::builtin();
    let _ = analyzer.analyze(&texts[0]);
    let rounds = 200;
    let (mut total_all, mut total_tagger, mut tokens) = (0f64, 0f64, 0usize);
    for t in &texts {
        let p = Prepared::new(t);
        tokens += p.tokens.len();
        let start = Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(analyzer.analyze(t).unwrap());
        }
        total_all += start.elapsed().as_secs_f64() / rounds as f64;
        let start = Instant::now();
        let mut scratch = Scratch::default();
        for _ in 0..rounds {
            for s in &p.sentences {
                scratch.tag_sentence(&p.tokens[s.first..s.last], lex, model);
            }
            std::hint::black_box(scratch.path());
        }
        total_tagger += start.elapsed().as_secs_f64() / rounds as f64;
    }
    let n = texts.len() as f64;
    println!(
        "{} articles, {:.0} tokens on average: entities (rules + tagger) {:.3} ms per article, of which tagging {:.3} ms; model {} features",
        texts.len(),
        tokens as f64 / n,
        total_all / n * 1e3,
        total_tagger / n * 1e3,
        model.len()
    );
}
