//! Helpers shared by the integration tests: the seed fixtures, span
//! checks, and an exact-match F1 computed the way ../shared/eval/score.py
//! does it.
#![allow(dead_code)]

use kashif::Analysis;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The seed articles and their gold: (id, text, gold record).
pub fn seeds() -> Vec<(String, String, Value)> {
    let gold = include_str!("../data/seeds.gold.jsonl");
    gold.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("tests/data/seeds.gold.jsonl has a bad line");
            (v["id"].as_str().unwrap().to_string(), v["text"].as_str().unwrap().to_string(), v)
        })
        .collect()
}

/// The UTF-16 slice `[start, end)` of `text`.
pub fn utf16_slice(text: &str, start: u32, end: u32) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let s = units.get(start as usize..end as usize)?;
    String::from_utf16(s).ok()
}

/// Checks the invariants every analysis keeps; the message says which broke.
pub fn check_invariants(text: &str, a: &Analysis) {
    let len = text.encode_utf16().count() as u32;
    assert_eq!(a.stats.length, len, "stats.length must be the UTF-16 length");
    let mut prev_end = 0;
    for m in &a.entities {
        assert!(m.start < m.end && m.end <= len, "mention {m:?} out of bounds (len {len})");
        assert!(m.start >= prev_end, "mention {m:?} overlaps or is out of order (previous end {prev_end})");
        prev_end = m.end;
        assert_eq!(utf16_slice(text, m.start, m.end).as_deref(), Some(m.text.as_str()), "mention text must be text.slice(start, end)");
        assert!(a.groups.iter().any(|g| g.id == m.entity), "mention {m:?} names a group that does not exist");
    }
    for g in &a.groups {
        let n = a.entities.iter().filter(|m| m.entity == g.id).count() as u32;
        assert_eq!(g.mentions, n, "group {} counts {} mentions, the text has {n}", g.name, g.mentions);
    }
    let spans = a.themes.iter().flat_map(|t| t.evidence.iter())
        .chain(a.keyphrases.iter().flat_map(|k| k.occurrences.iter()))
        .chain(a.meetings.iter().map(|m| &m.evidence));
    for s in spans {
        assert_eq!(utf16_slice(text, s.start, s.end).as_deref(), Some(s.text.as_str()), "span {s:?} does not slice to its text");
    }
}

/// Exact-match counts (tp, fp, fn) per type, over the spec's nine types.
pub fn entity_counts(gold: &Value, a: &Analysis) -> BTreeMap<String, (usize, usize, usize)> {
    let g: BTreeSet<(u64, u64, String)> = gold["entities"].as_array().unwrap().iter()
        .map(|e| (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap(), e["type"].as_str().unwrap().to_string()))
        .collect();
    let p: BTreeSet<(u64, u64, String)> = a.entities.iter().map(|m| (m.start as u64, m.end as u64, m.kind.tag().to_string())).collect();
    let mut out: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for t in kashif::EntityType::ALL {
        let tag = t.tag();
        let gt: BTreeSet<_> = g.iter().filter(|s| s.2 == tag).collect();
        let pt: BTreeSet<_> = p.iter().filter(|s| s.2 == tag).collect();
        let tp = gt.intersection(&pt).count();
        out.insert(tag.to_string(), (tp, pt.len() - tp, gt.len() - tp));
    }
    out
}

/// F1 from counts.
pub fn f1((tp, fp, fn_): (usize, usize, usize)) -> f64 {
    if tp == 0 {
        return 0.0;
    }
    let p = tp as f64 / (tp + fp) as f64;
    let r = tp as f64 / (tp + fn_) as f64;
    2.0 * p * r / (p + r)
}
