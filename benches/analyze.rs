//! Native benchmark of the whole analysis (`cargo bench --bench analyze`).
//!
//! Two groups: each of the five seed articles (tests/data/seeds), and
//! 10 KB, 100 KB, 1 MB and 10 MB of the seeds concatenated, with
//! throughput in bytes so criterion prints MB/s: a flat MB/s across sizes
//! is linear growth. A third group times the stages on 100 KB. `cargo test --all-targets` runs each case once.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

/// The seed articles, (file stem, text), sorted by name.
fn seeds() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    out.sort();
    assert_eq!(out.len(), 5, "expected the five seed articles in {}", dir.display());
    out
}

/// At least `bytes` bytes of the seeds one after another, cut at the last
/// line break before the size is passed (so every article stays whole
/// except possibly the last one).
fn news_of_size(seeds: &[(String, String)], bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 8192);
    'outer: loop {
        for (_, t) in seeds {
            if s.len() >= bytes {
                break 'outer;
            }
            s.push_str(t.trim_end());
            s.push_str("\n\n");
        }
    }
    let mut cut = bytes.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

fn bench(c: &mut Criterion) {
    let analyzer = kashif::Analyzer::new(kashif::Options::default()).unwrap();
    let seeds = seeds();

    let mut g = c.benchmark_group("seed");
    for (id, text) in &seeds {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(&id[..3]), text, |b, t| b.iter(|| analyzer.analyze(black_box(t)).unwrap()));
    }
    g.finish();

    let mut g = c.benchmark_group("size");
    g.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    for (label, bytes) in [("10KB", 10_000), ("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)] {
        let text = news_of_size(&seeds, bytes);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, t| b.iter(|| analyzer.analyze(black_box(t)).unwrap()));
    }
    g.finish();

    // Where the time goes, stage by stage, on 100 KB.
    let text = news_of_size(&seeds, 100_000);
    let lex = kashif::lexicon::Lexicon::builtin();
    let prepared = kashif::text::Prepared::new(&text);
    let mut g = c.benchmark_group("stage-100KB");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("tokenize", |b| b.iter(|| kashif::text::tokenize(black_box(&text))));
    g.bench_function("prepare", |b| b.iter(|| kashif::text::Prepared::new(black_box(&text))));
    g.bench_function("entities", |b| b.iter(|| kashif::entities::recognize(black_box(&prepared), lex)));
    g.bench_function("topics", |b| b.iter(|| kashif::topics::analyze(black_box(&prepared), 20)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
