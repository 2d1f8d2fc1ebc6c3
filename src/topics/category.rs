//! Category: the news section of an article (spec/topics.md), by a
//! compact linear classifier over hashed features.
//!
//! Features ([`features`]): the article's first [`MAX_FEATURE_WORDS`]
//! Arabic words reduced to stems
//! (conjunction, preposition and article off, as [`stem`] does), their
//! unigrams and adjacent bigrams, and the character 3-, 4- and 5-grams of each stem
//! framed by `<` `>`, and, when the model asks for it (the shipped one
//! does not: it measured no better, see the README), the word's path in
//! the tagger's word-cluster tree ([`crate::tagger::clusters`]) cut at
//! the model's depths, each hashed (FNV-1a) into 2^bits buckets with
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
//! (2), bits u8, class count u8, then per class its name (u8 length +
//! UTF-8), then the count of cluster depths (u8) and the depths (u8
//! each), then per class bias f32 and scale f32, then the weights as
//! i8, bucket-major (`w[bucket * classes + class]`).

use crate::tagger::clusters::{prefix, word_hash, Clusters};
use crate::text::{Prepared, TokenKind};
use crate::Category;
use std::borrow::Cow;

/// The categories, in the spec's order.
pub const CLASSES: [&str; 11] =
    ["politics", "security", "human_rights", "economy", "health", "sports", "culture", "religion", "technology", "environment", "education"];

/// Only the first this many Arabic words of a text make its features: the
/// title and lead carry the section, and the cost stays bounded.
pub const MAX_FEATURE_WORDS: usize = 300;

/// Lengths of the character n-grams of each framed stem.
pub const NGRAMS: [usize; 3] = [3, 4, 5];
// The fast path of `feature_hashes` takes every length from the first to the last.
const _: () = assert!(NGRAMS[1] == NGRAMS[0] + 1 && NGRAMS[2] == NGRAMS[1] + 1);

const MODEL: &[u8] = include_bytes!("../../data/category.bin");

/// The optional feature families a model reads (stored in its file, so a
/// model always predicts with the features it was trained on).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FeatureSet {
    /// Depths at which each word's path in the tagger's word-cluster tree
    /// ([`crate::tagger::clusters`]) is cut into a feature; empty: none.
    pub cluster_depths: Vec<u8>,
}

/// The cluster path of a word key: the word itself, else its stem, else
/// the stem with the article.
fn cluster_path(cl: &Clusters, key: &str, stem: &str) -> Option<u16> {
    cl.get(word_hash(&[key])).or_else(|| (stem.len() != key.len()).then(|| cl.get(word_hash(&[stem]))).flatten()).or_else(|| cl.get(word_hash(&["ال", stem])))
}

/// The stem of a word key for classification: one conjunction (و ف), one
/// preposition (ب ك ل, or لل for ل + article) and the article come off
/// the front while the word keeps more than three letters (the rule of
/// ../shared/eval/score.py's phrase key).
pub fn stem(key: &str) -> &str {
    // More than three characters: count leading bytes of UTF-8 sequences.
    let long = |w: &str| w.bytes().filter(|&b| (b as i8) >= -0x40).nth(3).is_some();
    let mut w = key;
    if let Some(rest) = w.strip_prefix(['و', 'ف']) {
        if long(w) {
            w = rest;
        }
    }
    if let Some(rest) = w.strip_prefix("لل") {
        if long(w) {
            w = rest;
        }
    } else if let Some(rest) = w.strip_prefix(['ب', 'ك', 'ل']) {
        if long(w) {
            w = rest;
        }
    }
    if let Some(rest) = w.strip_prefix("ال") {
        if long(w) {
            w = rest;
        }
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

/// Calls `emit` with the hash of every feature occurrence of a prepared
/// text (see the module doc), masked to `bits`.
fn feature_hashes(p: &Prepared, bits: u8, set: &FeatureSet, mut emit: impl FnMut(u32)) {
    let cl = (!set.cluster_depths.is_empty()).then(Clusters::builtin);
    let mask = (1u32 << bits) - 1;
    let mut prev: Option<&str> = None;
    let mut prev_token = usize::MAX;
    // The framed stem `<stem>` and the byte offsets of its character boundaries.
    let mut framed: Vec<u8> = Vec::with_capacity(64);
    let mut bounds: Vec<usize> = Vec::with_capacity(32);
    let mut words = 0;
    // A word's features but its bigram depend on its key alone: each
    // distinct word's are hashed once, at its first occurrence (its stem,
    // the word and cluster hashes, the character n-gram hashes).
    let distinct = p.words();
    let mut memo: Vec<Option<(&str, [u32; 3])>> = vec![None; distinct.first.len()];
    let mut hashes: Vec<u32> = Vec::new();
    for (i, t) in p.tokens.iter().enumerate() {
        if t.kind != TokenKind::Arabic {
            continue;
        }
        words += 1;
        if words > MAX_FEATURE_WORDS {
            break;
        }
        let (s, [from, mid, to]) = *memo[distinct.id[i] as usize].get_or_insert_with(|| {
            let from = hashes.len() as u32;
            let s = stem(&t.key);
            hashes.push(fnv1a(&[b"w", s.as_bytes()]) & mask);
            if let Some(path) = cl.and_then(|cl| cluster_path(cl, &t.key, s)) {
                for &d in &set.cluster_depths {
                    if let Some(pre) = prefix(path, d as u32) {
                        hashes.push(fnv1a(&[b"k", &pre.to_le_bytes()]) & mask);
                    }
                }
            }
            let mid = hashes.len() as u32;
            char_ngrams(s, &mut framed, &mut bounds, |h| hashes.push(h & mask));
            (s, [from, mid, hashes.len() as u32])
        });
        for &h in &hashes[from as usize..mid as usize] {
            emit(h);
        }
        if let Some(q) = prev {
            if prev_token + 1 == i {
                emit(fnv1a(&[b"b", q.as_bytes(), b" ", s.as_bytes()]) & mask);
            }
        }
        for &h in &hashes[mid as usize..to as usize] {
            emit(h);
        }
        prev = Some(s);
        prev_token = i;
    }
}

/// Calls `emit` with the FNV hash of every character n-gram (lengths
/// [`NGRAMS`]) of the framed stem `<s>`, from each starting character
/// (an n-gram as long as the whole framed stem is left out). `framed`
/// and `bounds` are scratch space.
fn char_ngrams(s: &str, framed: &mut Vec<u8>, bounds: &mut Vec<usize>, mut emit: impl FnMut(u32)) {
    const BASIS: u32 = 0x811c_9dc5;
    const PRIME: u32 = 0x0100_0193;
    let step = |h: u32, b: u8| (h ^ b as u32).wrapping_mul(PRIME);
    // FNV state after the n-gram tag `c`.
    let c_basis = step(BASIS, b'c');
    let max_n = NGRAMS.iter().copied().max().unwrap_or(0);
    let sb = s.as_bytes();
    // Fast path: every character two bytes long (all of Arabic), so
    // character `idx` of the framed stem `<stem>` is found by
    // arithmetic. Same hashes, in the same order, as the general path.
    if sb.len() % 2 == 0 && sb.chunks_exact(2).all(|c| (0xC2..=0xDF).contains(&c[0]) && c[1] & 0xC0 == 0x80) {
        let m = sb.len() / 2;
        let chars = m + 2;
        for k in 0..chars {
            let mut h = c_basis;
            for idx in k..(k + max_n).min(chars) {
                h = if idx == 0 {
                    step(h, b'<')
                } else if idx == m + 1 {
                    step(h, b'>')
                } else {
                    step(step(h, sb[2 * idx - 2]), sb[2 * idx - 1])
                };
                let n = idx - k + 1;
                if n >= NGRAMS[0] && chars > n {
                    emit(h);
                }
            }
        }
        return;
    }
    framed.clear();
    framed.push(b'<');
    framed.extend_from_slice(s.as_bytes());
    framed.push(b'>');
    bounds.clear();
    bounds.push(0);
    bounds.extend(s.char_indices().map(|(k, _)| k + 1));
    bounds.push(s.len() + 1);
    bounds.push(s.len() + 2);
    let chars = bounds.len() - 1;
    // From each starting character, one pass over the bytes gives the
    // hashes of the n-grams of every length in NGRAMS (the same values
    // as hashing each n-gram alone).
    for k in 0..chars {
        let mut h = c_basis;
        let mut at = bounds[k];
        for n in 1..=max_n.min(chars - k) {
            while at < bounds[k + n] {
                h = step(h, framed[at]);
                at += 1;
            }
            if chars > n && NGRAMS.contains(&n) {
                emit(h);
            }
        }
    }
}

/// `1 + ln n` for feature counts, from a table for the small ones.
fn log_tf(n: u16) -> f32 {
    static T: std::sync::OnceLock<[f32; 64]> = std::sync::OnceLock::new();
    let t = T.get_or_init(|| std::array::from_fn(|k| 1.0 + (k.max(1) as f32).ln()));
    match t.get(n as usize) {
        Some(&v) => v,
        None => 1.0 + (n as f32).ln(),
    }
}

/// Counts the features of a text in reused scratch space: a dense count
/// per bucket and the list of touched buckets in the order of their
/// first occurrence, so nothing is sorted. `f` gets both and must leave
/// every count it was given at zero (as [`drain`] does).
fn counted<R>(p: &Prepared, bits: u8, set: &FeatureSet, f: impl FnOnce(&[u32], &mut [u16]) -> R) -> R {
    struct Scratch {
        counts: Vec<u16>,
        touched: Vec<u32>,
    }
    thread_local! {
        static SCRATCH: std::cell::RefCell<Scratch> = const { std::cell::RefCell::new(Scratch { counts: Vec::new(), touched: Vec::new() }) };
    }
    SCRATCH.with(|cell| {
        let mut scratch = cell.borrow_mut();
        let Scratch { counts, touched } = &mut *scratch;
        if counts.len() != 1 << bits {
            *counts = vec![0; 1 << bits];
        }
        touched.clear();
        feature_hashes(p, bits, set, |h| {
            let c = &mut counts[h as usize];
            if *c == 0 {
                touched.push(h);
            }
            *c = c.saturating_add(1);
        });
        f(touched, counts)
    })
}

/// Takes the count of bucket `h`, leaving zero.
fn drain(counts: &mut [u16], h: u32) -> u16 {
    std::mem::take(&mut counts[h as usize])
}

/// The feature vector of a prepared text: (bucket, value) pairs, each
/// bucket once, in the order of first occurrence, of unit length; empty
/// when the text has no Arabic word.
pub fn features(p: &Prepared, bits: u8, set: &FeatureSet) -> Vec<(u32, f32)> {
    let mut v: Vec<(u32, f32)> = Vec::new();
    counted(p, bits, set, |touched, counts| v.extend(touched.iter().map(|&h| (h, log_tf(drain(counts, h))))));
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
    /// Quantized weights, bucket-major, each byte an `i8`: the embedded
    /// model's are read in place from `data/category.bin` (nothing is
    /// copied at start).
    pub weights: Cow<'static, [u8]>,
    /// The optional features the model reads.
    pub set: FeatureSet,
}

/// The class count of the unrolled dot product (the shipped model's).
const LANES: usize = 11;

/// Runs a statement for every lane `0..LANES`, written out.
macro_rules! lanes {
    (|$c:ident| $body:expr) => {{
        #[allow(unused_mut)]
        let mut f = |$c: usize| $body;
        f(0);
        f(1);
        f(2);
        f(3);
        f(4);
        f(5);
        f(6);
        f(7);
        f(8);
        f(9);
        f(10);
    }};
}
const _: () = assert!(LANES == 11 && CLASSES.len() == LANES, "lanes! writes out 11 lanes");

/// The header of `data/category.bin` and where its weights are.
struct Parsed<'b> {
    bits: u8,
    classes: Vec<String>,
    bias: Vec<f32>,
    scale: Vec<f32>,
    weights: &'b [u8],
    set: FeatureSet,
}

/// Reads the binary format (see the module doc), the weights as a slice of `b`.
fn parse(b: &[u8]) -> Result<Parsed<'_>, String> {
    let mut at = 0usize;
    let mut take = |n: usize| -> Result<&[u8], String> {
        let s = b.get(at..at + n).ok_or("truncated file")?;
        at += n;
        Ok(s)
    };
    if take(4)? != b"KCAT" {
        return Err("not a category model (magic KCAT missing)".into());
    }
    if take(1)?[0] != 2 {
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
    let depths = take(1)?[0] as usize;
    let cluster_depths = take(depths)?.to_vec();
    let mut f32s = |k: usize| -> Result<Vec<f32>, String> {
        let mut out = Vec::with_capacity(k);
        for _ in 0..k {
            out.push(f32::from_le_bytes(take(4)?.try_into().unwrap()));
        }
        Ok(out)
    };
    let bias = f32s(n)?;
    let scale = f32s(n)?;
    let weights = take(n << bits)?;
    if at != b.len() {
        return Err(format!("{} trailing bytes", b.len() - at));
    }
    Ok(Parsed { bits, classes, bias, scale, weights, set: FeatureSet { cluster_depths } })
}

impl Model {
    /// The embedded model of `data/category.bin`, its weights read in place.
    pub fn builtin() -> &'static Model {
        static M: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        M.get_or_init(|| {
            let p = parse(MODEL).unwrap_or_else(|e| panic!("data/category.bin: {e}"));
            Model { bits: p.bits, classes: p.classes, bias: p.bias, scale: p.scale, weights: Cow::Borrowed(p.weights), set: p.set }
        })
    }

    /// A model from its parts (`weights` bucket-major, one row of
    /// `classes.len()` per bucket).
    pub fn new(bits: u8, classes: Vec<String>, bias: Vec<f32>, scale: Vec<f32>, weights: Vec<i8>, set: FeatureSet) -> Model {
        Model { bits, classes, bias, scale, weights: Cow::Owned(weights.into_iter().map(|w| w as u8).collect()), set }
    }

    /// Reads the binary format (see the module doc).
    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        let p = parse(b)?;
        Ok(Model { bits: p.bits, classes: p.classes, bias: p.bias, scale: p.scale, weights: Cow::Owned(p.weights.to_vec()), set: p.set })
    }

    /// Writes the binary format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.weights.len() + 256);
        out.extend_from_slice(b"KCAT");
        out.push(2);
        out.push(self.bits);
        out.push(self.classes.len() as u8);
        for c in &self.classes {
            out.push(c.len() as u8);
            out.extend_from_slice(c.as_bytes());
        }
        out.push(self.set.cluster_depths.len() as u8);
        out.extend_from_slice(&self.set.cluster_depths);
        for x in self.bias.iter().chain(&self.scale) {
            out.extend_from_slice(&x.to_le_bytes());
        }
        out.extend_from_slice(&self.weights);
        out
    }

    /// Class probabilities for a feature vector.
    pub fn probabilities(&self, x: &[(u32, f32)]) -> Vec<f32> {
        let n = self.classes.len();
        let mut z: Vec<f32> = vec![0.0; n];
        for &(b, v) in x {
            let row = &self.weights[b as usize * n..(b as usize + 1) * n];
            for (zc, &w) in z.iter_mut().zip(row) {
                *zc += v * w as i8 as f32;
            }
        }
        for ((zc, scale), bias) in z.iter_mut().zip(&self.scale).zip(&self.bias) {
            *zc = *zc * scale + bias;
        }
        softmax(&mut z);
        z
    }

    /// Class probabilities of a prepared text, as
    /// `probabilities(&features(p, bits, set))` gives them (up to rounding),
    /// without building the feature vector; `None` without Arabic words.
    pub fn probabilities_of(&self, p: &Prepared) -> Option<Vec<f32>> {
        if self.classes.len() != LANES {
            let x = features(p, self.bits, &self.set);
            return (!x.is_empty()).then(|| self.probabilities(&x));
        }
        // Sum the unnormalized values, then divide by the length once.
        // Most buckets are seen once (value 1): their rows add up as
        // integers; the others are weighted by `1 + ln n`. The lanes are
        // written out because the size-optimized build does not unroll.
        let (acc, norm2) = counted(p, self.bits, &self.set, |touched, counts| {
            let mut ones = [0i32; LANES];
            let mut acc = [0f32; LANES];
            let mut n_ones = 0u32;
            let mut norm2 = 0f32;
            for &h in touched {
                let n = drain(counts, h);
                let at = h as usize * LANES;
                let row: &[u8; LANES] = self.weights[at..at + LANES].try_into().expect("a row of LANES weights");
                if n == 1 {
                    n_ones += 1;
                    lanes!(|c| ones[c] += row[c] as i8 as i32);
                } else {
                    let v = log_tf(n);
                    norm2 += v * v;
                    lanes!(|c| acc[c] += v * row[c] as i8 as f32);
                }
            }
            lanes!(|c| acc[c] += ones[c] as f32);
            (acc, norm2 + n_ones as f32)
        });
        if norm2 == 0.0 {
            return None;
        }
        let norm = norm2.sqrt();
        let mut z: Vec<f32> = acc[..self.classes.len()].to_vec();
        for ((zc, scale), bias) in z.iter_mut().zip(&self.scale).zip(&self.bias) {
            *zc = *zc / norm * scale + bias;
        }
        softmax(&mut z);
        Some(z)
    }

    /// The category of a prepared text, or `None` without Arabic words;
    /// `themes` (scored as [`crate::topics::themes::Themes::scored`] does)
    /// shift it as [`with_themes`] says.
    pub fn classify(&self, p: &Prepared, themes: &[(String, f32)]) -> Option<Category> {
        let mut probs = self.probabilities_of(p)?;
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
        let x = features(&Prepared::new("فاز الفريق بالمباراة النهائية للبطولة"), 14, &FeatureSet::default());
        let norm: f32 = x.iter().map(|(_, v)| v * v).sum();
        assert!((norm - 1.0).abs() < 1e-4, "unit length, got {norm}");
        assert!(features(&Prepared::new("http://example.com 2024"), 14, &FeatureSet::default()).is_empty(), "no Arabic word, no feature");
    }

    #[test]
    fn cluster_features_generalize_words() {
        let set = FeatureSet { cluster_depths: vec![4, 8] };
        let plain = features(&Prepared::new("الوزير"), 14, &FeatureSet::default());
        let clustered = features(&Prepared::new("الوزير"), 14, &set);
        assert_eq!(clustered.len(), plain.len() + 2, "a word of data/clusters.bin must add one feature per depth: {plain:?} vs {clustered:?}");
        let cl = Clusters::builtin();
        let cases: &[(&str, &str, &str)] = &[("word itself", "الوزير", "الوزير"), ("stem after the clitics", "وللوزير", "وزير"), ("stem with the article", "بوزير", "وزير")];
        for (name, key, st) in cases {
            assert!(cluster_path(cl, key, st).is_some(), "case {name:?}: no cluster path for {key} (stem {st}); is data/clusters.bin current?");
        }
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
