//! Wall-clock timing of initialization and of the analysis of each seed
//! article, native (`cargo run --release --example timing`).
//!
//! Prints the time of the first `Analyzer::new` of the process (the
//! embedded lexicon is built then, once), and the median and worst of 200
//! analyses of each seed article of tests/data/seeds. The figures of the
//! README come from here; on a loaded machine run it a few times and take
//! the lowest init.

use std::time::Instant;

fn main() {
    let t0 = Instant::now();
    let analyzer = kashif::Analyzer::new(kashif::Options::default()).expect("analyzer");
    let init = t0.elapsed();
    println!("init (first Analyzer::new): {:.2} ms", init.as_secs_f64() * 1e3);

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("seed text");
        let mut times: Vec<f64> = (0..200)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(analyzer.analyze(std::hint::black_box(&text)).expect("analysis"));
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "{}: {} bytes, median {:.3} ms, worst {:.3} ms",
            path.file_name().expect("file name").to_string_lossy(),
            text.len(),
            times[times.len() / 2],
            times[times.len() - 1]
        );
    }
}
