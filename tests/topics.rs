//! Topics over the five seed articles (tests/data/seeds.gold.jsonl):
//! golden top-ten key phrases, quality floors computed the way
//! ../shared/eval/score.py computes them, and span checks on theme
//! evidence and key phrase occurrences.
//!
//! After an intended change of the key phrases, run
//! `KASHIF_BLESS=1 cargo test --test topics` and review
//! `git diff tests/golden`.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::fmt::Write;

/// score.py's phrase key: no diacritics, folded letters, no leading
/// clitic or article on any word.
fn phrase_key(p: &str) -> String {
    let k = kashif::text::key(p);
    k.split_whitespace()
        .map(|w| {
            let mut w: Vec<char> = w.chars().collect();
            if matches!(w.first(), Some('و' | 'ف')) && w.len() > 3 {
                w.remove(0);
            }
            if w.len() > 3 && w[0] == 'ل' && w[1] == 'ل' {
                w.drain(..2);
            } else if matches!(w.first(), Some('ب' | 'ك' | 'ل')) && w.len() > 3 {
                w.remove(0);
            }
            if w.len() > 3 && w[0] == 'ا' && w[1] == 'ل' {
                w.drain(..2);
            }
            w.into_iter().collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Gold phrases of a seed found among the top ten predicted (score.py's rule).
fn keyphrase_hits(gold: &serde_json::Value, a: &kashif::Analysis) -> (usize, usize) {
    let preds: Vec<String> = a.keyphrases.iter().take(10).map(|k| format!(" {} ", phrase_key(&k.text))).collect();
    let list = gold["keyphrases"].as_array().cloned().unwrap_or_default();
    let mut hits = 0;
    for g in &list {
        let mut keys = vec![g["phrase"].as_str().unwrap().to_string()];
        for v in g["variants"].as_array().into_iter().flatten() {
            keys.push(v.as_str().unwrap().to_string());
        }
        let keys: Vec<String> = keys.iter().map(|k| format!(" {} ", phrase_key(k))).collect();
        if keys.iter().any(|a| preds.iter().any(|b| a.contains(b.as_str()) || b.contains(a.as_str()))) {
            hits += 1;
        }
    }
    (hits, list.len())
}

#[test]
fn seeds_top_ten_keyphrases_match_their_golden_files() {
    let bless = std::env::var_os("KASHIF_BLESS").is_some();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut failures = Vec::new();
    for (id, text, _) in seeds() {
        let a = kashif::analyze(&text);
        let mut got = String::from("rank\tnormalized\ttext\toccurrences\n");
        for (i, k) in a.keyphrases.iter().take(10).enumerate() {
            writeln!(got, "{}\t{}\t{}\t{}", i + 1, k.normalized, k.text, k.occurrences.len()).unwrap();
        }
        let path = dir.join(format!("{id}.keyphrases.tsv"));
        if bless {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            failures.push(format!(
                "{}: the top ten key phrases changed; run KASHIF_BLESS=1 cargo test --test topics and review `git diff tests/golden`\n{got}",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Floors on the seeds: raise them when the analyzer improves.
const THEMES_F1_FLOOR: f64 = 0.85;
const KEYPHRASE_RECALL_FLOOR: f64 = 0.60;
const CATEGORY_ACCURACY_FLOOR: f64 = 0.8;

#[test]
fn seeds_topic_scores_stay_above_their_floors() {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let (mut hits, mut gold_phrases) = (0, 0);
    let (mut cat_ok, mut cat_n) = (0, 0);
    let mut report = Vec::new();
    for (id, text, gold) in seeds() {
        let a = kashif::analyze(&text);
        let want: BTreeSet<&str> = gold["themes"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
        let got: BTreeSet<&str> = a.themes.iter().map(|t| t.id.as_str()).collect();
        tp += want.intersection(&got).count();
        fp += got.difference(&want).count();
        fn_ += want.difference(&got).count();
        let (h, n) = keyphrase_hits(&gold, &a);
        hits += h;
        gold_phrases += n;
        cat_n += 1;
        let label = a.category.as_ref().map(|c| c.label.as_str()).unwrap_or("");
        cat_ok += usize::from(label == gold["category"].as_str().unwrap());
        report.push(format!(
            "{id}: missing themes {:?}, extra {:?}, key phrases {h}/{n}, category {label}",
            want.difference(&got).collect::<Vec<_>>(),
            got.difference(&want).collect::<Vec<_>>()
        ));
    }
    let themes_f1 = f1((tp, fp, fn_));
    let recall = hits as f64 / gold_phrases as f64;
    let accuracy = cat_ok as f64 / cat_n as f64;
    let summary = format!("themes F1 {themes_f1:.3}, key phrase recall@10 {recall:.3}, category accuracy {accuracy:.3}\n{}", report.join("\n"));
    eprintln!("{summary}");
    assert!(themes_f1 >= THEMES_F1_FLOOR, "themes F1 fell below {THEMES_F1_FLOOR}: check data/themes.tsv\n{summary}");
    assert!(recall >= KEYPHRASE_RECALL_FLOOR, "key phrase recall fell below {KEYPHRASE_RECALL_FLOOR}: check src/topics/keyphrases.rs\n{summary}");
    assert!(accuracy >= CATEGORY_ACCURACY_FLOOR, "category accuracy fell below {CATEGORY_ACCURACY_FLOOR}: retrain or check the theme shift\n{summary}");
}

#[test]
fn seeds_theme_evidence_and_keyphrase_occurrences_are_exact_utf16_spans() {
    for (id, text, _) in seeds() {
        let a = kashif::analyze(&text);
        assert!(!a.themes.is_empty(), "{id}: no theme found");
        for t in &a.themes {
            assert!(t.score >= kashif::topics::themes::THRESHOLD && t.score <= 1.0, "{id}: theme {} has score {} outside [threshold, 1]", t.id, t.score);
            assert!(!t.evidence.is_empty(), "{id}: theme {} has no evidence", t.id);
            for e in &t.evidence {
                assert_eq!(utf16_slice(&text, e.start, e.end).as_deref(), Some(e.text.as_str()), "{id}: evidence of {} must be text.slice(start, end)", t.id);
            }
        }
        for k in &a.keyphrases {
            assert!(!k.occurrences.is_empty(), "{id}: key phrase {} without occurrences", k.text);
            for o in &k.occurrences {
                assert_eq!(utf16_slice(&text, o.start, o.end).as_deref(), Some(o.text.as_str()), "{id}: occurrence of {} must be text.slice(start, end)", k.text);
            }
        }
        let c = a.category.as_ref().expect("a seed has a category");
        let total: f32 = c.scores.values().sum();
        assert!((total - 1.0).abs() < 0.01, "{id}: category probabilities sum to {total}, not 1");
        assert_eq!(c.scores.len(), 11, "{id}: every category of the spec gets a score");
    }
}
