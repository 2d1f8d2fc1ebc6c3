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
/// Linear in the size of the text and the analysis, so it can check 10 MB.
pub fn check_invariants(text: &str, a: &Analysis) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let len = units.len() as u32;
    assert_eq!(a.stats.length, len, "stats.length must be the UTF-16 length");
    assert_eq!(a.stats.characters as usize, text.chars().count(), "stats.characters must count Unicode characters");
    // A position splits a surrogate pair when a high surrogate sits just before it and a low one at it.
    let splits_pair = |p: u32| {
        p > 0 && p < len && (0xD800..0xDC00).contains(&units[p as usize - 1]) && (0xDC00..0xE000).contains(&units[p as usize])
    };
    let check_span = |what: &str, start: u32, end: u32, span_text: &str| {
        assert!(start < end && end <= len, "{what} [{start}, {end}) is empty or out of bounds (UTF-16 length {len})");
        assert!(!splits_pair(start) && !splits_pair(end), "{what} [{start}, {end}) splits a surrogate pair");
        let slice = String::from_utf16(&units[start as usize..end as usize]).ok();
        assert_eq!(slice.as_deref(), Some(span_text), "{what} [{start}, {end}): its text must be exactly text.slice(start, end)");
    };
    let ids: std::collections::HashSet<u32> = a.groups.iter().map(|g| g.id).collect();
    assert_eq!(ids.len(), a.groups.len(), "group ids must be unique");
    let mut counts: BTreeMap<u32, u32> = BTreeMap::new();
    let mut prev_end = 0;
    for m in &a.entities {
        check_span(&format!("mention {:?} {:?}", m.kind, m.text), m.start, m.end, &m.text);
        assert!(m.start >= prev_end, "mention {m:?} overlaps or is out of order (previous end {prev_end})");
        prev_end = m.end;
        assert!(ids.contains(&m.entity), "mention {m:?} names a group that does not exist");
        assert!((0.0..=1.0).contains(&m.score), "mention {m:?}: score must be in [0, 1]");
        *counts.entry(m.entity).or_default() += 1;
    }
    for g in &a.groups {
        let n = counts.get(&g.id).copied().unwrap_or(0);
        assert_eq!(g.mentions, n, "group {} counts {} mentions, the text has {n}", g.name, g.mentions);
    }
    let spans = a.themes.iter().flat_map(|t| t.evidence.iter())
        .chain(a.keyphrases.iter().flat_map(|k| k.occurrences.iter()))
        .chain(a.meetings.iter().map(|m| &m.evidence));
    for s in spans {
        check_span("topic or meeting span", s.start, s.end, &s.text);
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

/// Exact-match counts of many documents: per type and over all types.
#[derive(Default)]
pub struct Tally {
    /// (tp, fp, fn) per type tag.
    pub per_type: BTreeMap<String, (usize, usize, usize)>,
    /// (tp, fp, fn) over every type.
    pub total: (usize, usize, usize),
}

impl Tally {
    /// Adds one document's [`entity_counts`].
    pub fn add(&mut self, gold: &Value, a: &Analysis) {
        for (t, c) in entity_counts(gold, a) {
            let e = self.per_type.entry(t).or_insert((0, 0, 0));
            *e = (e.0 + c.0, e.1 + c.1, e.2 + c.2);
            self.total = (self.total.0 + c.0, self.total.1 + c.1, self.total.2 + c.2);
        }
    }
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
