//! Category: the news section of an article (spec/topics.md), by a
//! compact linear classifier over hashed features.
//!
//! Features ([`features`]): the article's first [`MAX_FEATURE_WORDS`]
//! Arabic words reduced to stems
//! (conjunction, preposition and article off, as [`stem`] does), their
//! unigrams and adjacent bigrams, and the character 3-, 4- and 5-grams of each stem
//! framed by `<` `>`, each hashed (FNV-1a) into 2^bits buckets with
//! weight `1 + ln tf`, and the vector scaled to unit length, so a
//! 20-word post and a 2,000-word article land on the same scale.
//!
//! Model: multinomial logistic regression (softmax), one weight per class
//! and bucket, stored as `i8` with one scale per class in
//! `data/category.bin`, written by `cargo run --release --bin train --
//! category` (see `src/bin/train/category.rs`, which also documents the
//! training data and the figures).
//!
//! `data/category.bin` layout (little endian): magic `KCAT`, version u8
//! (1), bits u8, class count u8, then per class its name (u8 length +
//! UTF-8), then per class bias f32 and scale f32, then the weights as
//! i8, bucket-major (`w[bucket * classes + class]`).

use crate::text::{Prepared, TokenKind};
use crate::Category;

/// The categories, in the spec's order.
pub const CLASSES: [&str; 11] =
    ["politics", "security", "human_rights", "economy", "health", "sports", "culture", "religion", "technology", "environment", "education"];

/// Only the first this many Arabic words of a text make its features: the
/// title and lead carry the section, and the cost stays bounded.
pub const MAX_FEATURE_WORDS: usize = 300;

/// Lengths of the character n-grams of each framed stem.
pub const NGRAMS: [usize; 3] = [3, 4, 5];

const MODEL: &[u8] = include_bytes!("../../data/category.bin");

/// The stem of a word key for classification: one conjunction (و ف), one
/// preposition (ب ك ل, or لل for ل + article) and the article come off
/// the front while the word keeps more than three letters (the rule of
/// ../shared/eval/score.py's phrase key).
pub fn stem(key: &str) -> &str {
    let mut w = key;
    if w.chars().count() > 3 && w.starts_with(['و', 'ف']) {
        w = &w[2..];
    }
    if w.chars().count() > 3 && w.starts_with("لل") {
        w = &w[4..];
    } else if w.chars().count() > 3 && w.starts_with(['ب', 'ك', 'ل']) {
        w = &w[2..];
    }
    if w.chars().count() > 3 && w.starts_with("ال") {
        w = &w[4..];
    }
    w
}

/// FNV-1a, 32 bits: the feature hash (stable across platforms).
pub fn fnv1a(parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for part in parts {
        for &b in *part {
            h ^= b as u32;
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    h
}

/// The feature vector of a prepared text: sorted (bucket, value) pairs
/// of unit length; empty when the text has no Arabic word.
pub fn features(p: &Prepared, bits: u8) -> Vec<(u32, f32)> {
    let mask = (1u32 << bits) - 1;
    let mut hashes: Vec<u32> = Vec::with_capacity(p.tokens.len() * 16);
    let mut prev: Option<&str> = None;
    let mut prev_token = usize::MAX;
    let mut bounds: Vec<usize> = Vec::with_capacity(32);
    let mut words = 0;
    for (i, t) in p.tokens.iter().enumerate() {
        if t.kind != TokenKind::Arabic {
            continue;
        }
        words += 1;
        if words > MAX_FEATURE_WORDS {
            break;
        }
        let s = stem(&t.key);
        hashes.push(fnv1a(&[b"w", s.as_bytes()]) & mask);
        if let Some(q) = prev {
            if prev_token + 1 == i {
                hashes.push(fnv1a(&[b"b", q.as_bytes(), b" ", s.as_bytes()]) & mask);
            }
        }
        // Character n-grams of `<stem>`: byte offsets of the character
        // boundaries of the framed stem, the frames being one byte each.
        bounds.clear();
        bounds.push(0);
        bounds.extend(s.char_indices().map(|(k, _)| k + 1));
        bounds.push(s.len() + 1);
        bounds.push(s.len() + 2);
        let framed = |a: usize, b: usize| -> u32 {
            // Hash of the framed stem's bytes [a, b) without building it.
            let mut h: u32 = 0x811c_9dc5;
            for &byte in b"c" {
                h ^= byte as u32;
                h = h.wrapping_mul(0x0100_0193);
            }
            for k in a..b {
                let byte = if k == 0 { b'<' } else if k == s.len() + 1 { b'>' } else { s.as_bytes()[k - 1] };
                h ^= byte as u32;
                h = h.wrapping_mul(0x0100_0193);
            }
            h
        };
        let chars = bounds.len() - 1;
        for n in NGRAMS {
            if chars > n {
                for k in 0..=chars - n {
                    hashes.push(framed(bounds[k], bounds[k + n]) & mask);
                }
            }
        }
        prev = Some(s);
        prev_token = i;
    }
    hashes.sort_unstable();
    let mut v: Vec<(u32, f32)> = Vec::with_capacity(hashes.len() / 2);
    let mut k = 0;
    while k < hashes.len() {
        let mut j = k;
        while j < hashes.len() && hashes[j] == hashes[k] {
            j += 1;
        }
        v.push((hashes[k], 1.0 + ((j - k) as f32).ln()));
        k = j;
    }
    let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        for x in &mut v {
            x.1 /= norm;
        }
    }
    v
}

/// A trained linear model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Hash bits: 2^bits buckets.
    pub bits: u8,
    /// Class names.
    pub classes: Vec<String>,
    /// Bias per class.
    pub bias: Vec<f32>,
    /// Scale of the i8 weights per class.
    pub scale: Vec<f32>,
    /// Quantized weights, bucket-major.
    pub weights: Vec<i8>,
}

impl Model {
    /// The embedded model of `data/category.bin`.
    pub fn builtin() -> &'static Model {
        static M: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        M.get_or_init(|| Model::from_bytes(MODEL).unwrap_or_else(|e| panic!("data/category.bin: {e}")))
    }

    /// Reads the binary format (see the module doc).
    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], String> {
            let s = b.get(at..at + n).ok_or("truncated file")?;
            at += n;
            Ok(s)
        };
        if take(4)? != b"KCAT" {
            return Err("not a category model (magic KCAT missing)".into());
        }
        if take(1)?[0] != 1 {
            return Err("unknown version: retrain with `cargo run --release --bin train -- category`".into());
        }
        let bits = take(1)?[0];
        if !(8..=24).contains(&bits) {
            return Err(format!("bits {bits} out of range"));
        }
        let n = take(1)?[0] as usize;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let len = take(1)?[0] as usize;
            classes.push(String::from_utf8(take(len)?.to_vec()).map_err(|_| "class name is not UTF-8")?);
        }
        let mut f32s = |k: usize| -> Result<Vec<f32>, String> {
            let mut out = Vec::with_capacity(k);
            for _ in 0..k {
                out.push(f32::from_le_bytes(take(4)?.try_into().unwrap()));
            }
            Ok(out)
        };
        let bias = f32s(n)?;
        let scale = f32s(n)?;
        let len = n << bits;
        let weights: Vec<i8> = take(len)?.iter().map(|&x| x as i8).collect();
        if at != b.len() {
            return Err(format!("{} trailing bytes", b.len() - at));
        }
        Ok(Model { bits, classes, bias, scale, weights })
    }

    /// Writes the binary format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.weights.len() + 256);
        out.extend_from_slice(b"KCAT");
        out.push(1);
        out.push(self.bits);
        out.push(self.classes.len() as u8);
        for c in &self.classes {
            out.push(c.len() as u8);
            out.extend_from_slice(c.as_bytes());
        }
        for x in self.bias.iter().chain(&self.scale) {
            out.extend_from_slice(&x.to_le_bytes());
        }
        out.extend(self.weights.iter().map(|&w| w as u8));
        out
    }

    /// Class probabilities for a feature vector.
    pub fn probabilities(&self, x: &[(u32, f32)]) -> Vec<f32> {
        let n = self.classes.len();
        let mut z: Vec<f32> = vec![0.0; n];
        for &(b, v) in x {
            let row = &self.weights[b as usize * n..(b as usize + 1) * n];
            for (zc, &w) in z.iter_mut().zip(row) {
                *zc += v * w as f32;
            }
        }
        for ((zc, scale), bias) in z.iter_mut().zip(&self.scale).zip(&self.bias) {
            *zc = *zc * scale + bias;
        }
        softmax(&mut z);
        z
    }

    /// The category of a prepared text, or `None` without Arabic words;
    /// `themes` (scored as [`crate::topics::themes::Themes::scored`] does)
    /// shift it as [`with_themes`] says.
    pub fn classify(&self, p: &Prepared, themes: &[(String, f32)]) -> Option<Category> {
        let x = features(p, self.bits);
        if x.is_empty() {
            return None;
        }
        let mut probs = self.probabilities(&x);
        with_themes(&self.classes, &mut probs, themes, THEME_BOOST);
        let best = (0..probs.len()).fold(0, |b, c| if probs[c] > probs[b] { c } else { b });
        Some(Category {
            label: self.classes[best].clone(),
            scores: self.classes.iter().zip(&probs).map(|(c, p)| (c.clone(), (p * 10000.0).round() / 10000.0)).collect(),
        })
    }
}

/// How much a theme's score adds to the log-odds of its category.
pub const THEME_BOOST: f32 = 0.5;

/// The category a theme speaks for, if any: the security themes for
/// `security`, elections and legislation for `politics`, trade and
/// energy for `economy`.
pub fn theme_class(theme: &str) -> Option<&'static str> {
    Some(match theme {
        "illegal_migration" | "border_security" | "maritime_security" | "human_trafficking" | "smuggling" | "drugs" | "arms_trafficking"
        | "organized_crime" | "terrorism" | "cybercrime" | "security_cooperation" | "intelligence_sharing" | "armed_conflict" => "security",
        "elections" | "legislation" => "politics",
        "economy_trade" | "energy" => "economy",
        _ => return None,
    })
}

/// Shifts class probabilities by theme evidence: each theme's score
/// times `boost` is added to the log-probability of its category
/// ([`theme_class`]), and the result renormalized. The classifier learned
/// from short posts; the themes carry the vocabulary of long articles
/// (a report on border control and smuggling is security news even when
/// ministers speak in it).
pub fn with_themes(classes: &[String], probs: &mut [f32], themes: &[(String, f32)], boost: f32) {
    if boost == 0.0 || themes.is_empty() {
        return;
    }
    let mut z: Vec<f32> = probs.iter().map(|p| p.max(1e-9).ln()).collect();
    for (id, score) in themes {
        if let Some(c) = theme_class(id).and_then(|c| classes.iter().position(|k| k == c)) {
            z[c] += boost * score;
        }
    }
    softmax(&mut z);
    probs.copy_from_slice(&z);
}

/// In-place softmax.
pub fn softmax(z: &mut [f32]) {
    let m = z.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for v in z.iter_mut() {
        *v = (*v - m).exp();
        sum += *v;
    }
    for v in z.iter_mut() {
        *v /= sum;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        let cases: &[(&str, &str, &str)] = &[
            ("conjunction and article", "والهجره", "هجره"),
            ("lam + article", "للحدود", "حدود"),
            ("short words stay", "وزر", "وزر"),
            ("preposition", "بطرابلس", "طرابلس"),
        ];
        for (name, key, want) in cases {
            assert_eq!(stem(key), *want, "case {name:?}");
        }
    }

    #[test]
    fn features_have_unit_length_and_ignore_latin() {
        let x = features(&Prepared::new("فاز الفريق بالمباراة النهائية للبطولة"), 14);
        let norm: f32 = x.iter().map(|(_, v)| v * v).sum();
        assert!((norm - 1.0).abs() < 1e-4, "unit length, got {norm}");
        assert!(features(&Prepared::new("http://example.com 2024"), 14).is_empty(), "no Arabic word, no feature");
    }

    #[test]
    fn model_round_trips_and_classifies_clear_texts() {
        let m = Model::builtin();
        assert_eq!(Model::from_bytes(&m.to_bytes()).as_ref(), Ok(m), "the binary format must round-trip");
        assert_eq!(m.classes, CLASSES, "data/category.bin must hold the classes of spec/topics.md in order");
        let cases: &[(&str, &str, &str)] = &[
            ("football", "فاز المنتخب الوطني لكرة القدم على نظيره في المباراة النهائية للبطولة وسجل المهاجم هدفين في الشوط الثاني", "sports"),
            ("economy", "ارتفع معدل التضخم وتراجعت قيمة العملة المحلية أمام الدولار وسط تراجع الصادرات والاستثمارات والبورصة", "economy"),
        ];
        for (name, text, want) in cases {
            let c = m.classify(&Prepared::new(text), &[]).unwrap();
            assert_eq!(c.label, *want, "case {name:?}: scores {:?}; retrain with `cargo run --release --bin train -- category`", c.scores);
        }
        assert!(m.classify(&Prepared::new("no arabic here"), &[]).is_none());
    }

    #[test]
    fn theme_shift_moves_toward_the_theme_category() {
        let classes: Vec<String> = CLASSES.iter().map(|c| c.to_string()).collect();
        let mut p = vec![1.0 / 11.0; 11];
        with_themes(&classes, &mut p, &[("terrorism".to_string(), 1.0)], 1.0);
        let sec = CLASSES.iter().position(|c| *c == "security").unwrap();
        assert!(p[sec] > 1.0 / 11.0 && (p.iter().sum::<f32>() - 1.0).abs() < 1e-5, "security must gain and the sum stay 1: {p:?}");
    }
}
