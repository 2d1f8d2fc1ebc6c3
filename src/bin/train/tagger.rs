//! Training of the sequence tagger: an averaged structured perceptron
//! over the hashed features of `kashif::tagger::features`, written as
//! `data/tagger.bin` (quantized i8 weights, see `kashif::tagger::model`).
//!
//! ```text
//! cargo run --release --bin train -- tagger [--holdout | --fold K] [--jackknife N] [--epochs N] [--min-count N] [--prune N]
//!       [--two-pass N] [--label-dropout P] [--rule-dropout P] [--miss-weight W]
//!       [--with aqmar,wojood] [--out FILE] [--dev-out FILE]
//!       [--objective perceptron|crf] [--first-objective perceptron|crf] [--l1 C1] [--l2 C2] [--iterations N] [--crf-scale K]
//!       [--load FILE] [--rescale K] [--o-bias B]
//! ```
//!
//! Defaults (picked on the held-out split): the CRF (below; the perceptron's
//! 12 epochs), features seen at
//! least 8 times (dev F1 is flat from 2 to 8, and the model 2.3 times
//! smaller), ANERcorp only (AQMAR and Wojood lowered dev F1 by about 2 and 5
//! points). The output is `data/tagger.bin`, or
//! `target/tagger-holdout.bin` with `--holdout`.
//!
//! - `--holdout` trains on the first five sixths of ANERcorp (by sentence
//!   order) and reports F1 on the last sixth; without it, on all of it.
//! - `--fold K` (0–4) trains on four fifths of the first five sixths and
//!   takes fold K as dev (cross-validation: `scripts/cv-tagger.sh`); the
//!   dev text meets a lexicon without the corpus names of its own
//!   sentences. `--pred-out DIR` writes score.py predictions of the dev
//!   sentences (system, tagger alone, rules alone; ids `--pred-name`).
//! - `--jackknife N` (default 0: the rules read no corpus names while the
//!   training features are made) cuts the training sentences in N parts;
//!   the rules of each part read the lexicon whose corpus names come from
//!   the other parts and the other corpora, as new text meets them (N = 5:
//!   cross-validation +0.4, but held-out −0.6 and AQMAR −1.4, so not the
//!   default).
//! - `--two-pass N` (default 5; 0: one pass): the second-pass features
//!   (`Features::label_features`) read first-pass tags of the training text
//!   made by models of the other parts of it, in N parts (jackknife; 10
//!   parts: no better on cross-validation). `--label-dropout P` (default
//!   0.25) leaves them out of a share P of the sentences, so that the model
//!   without them — the run time's first pass — is a tagger too.
//! - `--rule-dropout P` leaves the rules' features out of a share P of the
//!   sentences, `--miss-weight W` scales the update on a name tagged O (both
//!   off by default: 0.2 and 1.5 did no better on cross-validation).
//! - `--objective crf` (the default) trains a linear-chain CRF (`crf.rs`:
//!   conditional log-likelihood over the features and the allowed tag pairs
//!   of the run time, `--l1 C1` (OWL-QN, default 0.3) `+ --l2 C2` (default
//!   3), L-BFGS, at most `--iterations N` (default 150), weights ×
//!   `--crf-scale K` before quantization into the same code).
//!   `--objective perceptron` is the averaged perceptron (`--epochs`, the
//!   default until 23 Nov). The jackknifed first-pass models use the same
//!   objective unless `--first-objective` says otherwise. On
//!   cross-validation the CRF ties the perceptron (C2 from 0.1 to 10, with
//!   or without L1: README, "tried" table of #4); with C1 0.3 + C2 3 its
//!   tagger alone is +1.0 held-out and +2.5 on AQMAR and the model is half
//!   as big gzipped, so it ships.
//! - `--load FILE` skips training and uses that model (for `--pred-out`);
//!   `--rescale K` multiplies every score of the written model by K (the
//!   same tags, other span confidences), `--o-bias B` takes B from every
//!   transition into O (recall for precision).
//! - `--prune N` drops features whose codes are all within ±N.
//! - `KASHIF_TAGGER_MU` sets μ of the weight code (default 16).
//! - `--dev-out FILE` writes the held-out sentences as CoNLL (for
//!   `scripts/eval-tagger.sh`).
//! - `--with` adds corpora mapped onto our tags: `aqmar` (AQMAR dev,
//!   PER/LOC/ORG/MISC), `wojood` (outermost layer; GPE, LOC, FAC → LOC;
//!   NORP → MISC; other types → O).
//!
//! Deterministic: sentences are visited in an order drawn from a fixed
//! seed, features are numbered in order of first appearance, and the
//! model is written sorted by feature hash, so the same inputs give the
//! same bytes.

use kashif::tagger::model::{allowed, is_inside, tag_index, type_of, viterbi, Model, Parts, NTAGS};
use kashif::entities::{rule_spans, EntityType};
use kashif::lexicon::Lexicon;
use kashif::tagger::features::{rule_features, Features, LexIndex};
use kashif::tagger::Scratch;
use kashif::text::Prepared;
use kashif::text::{tokenize, Token, TokenKind};
use std::collections::HashMap;
use std::path::Path;

/// A gold sentence as read: its words and their (outermost) tags.
type Gold = (Vec<String>, Vec<String>);

/// One sentence in our tokenization, with gold tag indices.
struct Sentence {
    tokens: Vec<Token>,
    gold: Vec<usize>,
}

/// Folds of the cross-validation inside the first five sixths of ANERcorp (`--fold K`).
pub const FOLDS: usize = 5;

/// Sentences per document, as `conll2jsonl.py` groups them for scoring
/// (the document-level features see the whole document).
const DOC_SENTENCES: usize = 10;

/// A document: the tokens of its sentences one after the other, the
/// sentences as token ranges, and the gold tags of every token.
struct Doc {
    tokens: Vec<Token>,
    sents: Vec<(usize, usize)>,
    gold: Vec<usize>,
    /// The rules' mentions of the document (stacking features), as
    /// [`kashif::entities::rule_spans`] gives them.
    rules: Vec<(usize, usize, EntityType)>,
}

/// Groups sentences into documents of [`DOC_SENTENCES`] and finds the
/// rules' mentions of each with `lex` (the text the rules read is the
/// document's sentences one a line, as `conll2jsonl.py` writes it).
fn docs(sents: Vec<(String, Sentence)>, lex: &Lexicon) -> Vec<Doc> {
    let mut out = Vec::new();
    let mut it = sents.into_iter().peekable();
    while it.peek().is_some() {
        let mut d = Doc { tokens: Vec::new(), sents: Vec::new(), gold: Vec::new(), rules: Vec::new() };
        let mut text = String::new();
        for (line, s) in it.by_ref().take(DOC_SENTENCES) {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&line);
            let first = d.tokens.len();
            d.tokens.extend(s.tokens);
            d.gold.extend(s.gold);
            d.sents.push((first, d.tokens.len()));
        }
        let p = Prepared::new(&text);
        // the same tokens, or no rule features for this document
        if p.tokens.len() == d.tokens.len() && p.tokens.iter().zip(&d.tokens).all(|(a, b)| a.key == b.key) {
            d.rules = rule_spans(&p, lex);
        } else {
            eprintln!("note: the rules' tokens of a document differ from the corpus's; no rule features for it");
        }
        out.push(d);
    }
    out
}

/// The lexicon the rules read while the training features are made: the
/// embedded one without the names that `scripts/lexicon/gen_names.py` and
/// `gen_orgs_corpus.py` took from the NER corpora (`src=corpus`). Those names come from the
/// very sentences the tagger trains on, so with them the rules would look
/// surer on the training text than on new text, and the model would learn
/// to trust them too much (`--rules-lexicon full` keeps them, to compare).
fn training_lexicon(full: bool) -> Lexicon {
    lexicon_keeping(|_| full)
}

/// The embedded lexicon, keeping of the names that `gen_names.py` and
/// `gen_orgs_corpus.py` took from the NER corpora (`src=corpus`) only those
/// whose key `keep` accepts (cross-validation keeps person words seen
/// outside the fold, so it leaves out every corpus organization).
fn lexicon_keeping(keep: impl Fn(&str) -> bool) -> Lexicon {
    let files: Vec<(&str, &'static str)> = kashif::lexicon::FILES
        .iter()
        .map(|&(name, content)| {
            if !matches!(name, "given_names.tsv" | "family_names.tsv" | "orgs_corpus.tsv") {
                return (name, content);
            }
            let kept: String = content
                .lines()
                .filter(|l| !l.split('\t').nth(4).is_some_and(|a| a.split(';').any(|x| x == "src=corpus")) || keep(l.split('\t').next().unwrap_or_default()))
                .flat_map(|l| [l, "\n"])
                .collect();
            (name, &*Box::leak(kept.into_boxed_str()))
        })
        .collect();
    Lexicon::from_files(&files).expect("the embedded lexicon parses")
}

/// The keys of the words of gold person names in `corpora` (and of the
/// word without a one-letter proclitic): the corpus names `gen_names.py`
/// could have taken from those sentences.
fn person_words(corpora: &[&[Gold]]) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for c in corpora {
        for (words, tags) in c.iter() {
            for (w, t) in words.iter().zip(tags) {
                if t.ends_with("-PERS") || t.ends_with("-PER") {
                    out.insert(kashif::text::key(w));
                    let mut cs = w.chars();
                    if matches!(cs.next(), Some('و' | 'ف' | 'ب' | 'ل')) {
                        out.insert(kashif::text::key(cs.as_str()));
                    }
                }
            }
        }
    }
    out
}

/// The lexicon the rules and the features would have if the corpus names
/// had been learned from `corpora` only (names of other sentences left
/// out): what a text outside them meets.
fn lexicon_from(corpora: &[&[Gold]]) -> Lexicon {
    let names = person_words(corpora);
    lexicon_keeping(|k| names.contains(k))
}

/// Sentences `[a, b)` of fold `k` of `n` contiguous folds over `len` sentences.
pub fn fold_range(len: usize, k: usize, n: usize) -> (usize, usize) {
    (len * k / n, len * (k + 1) / n)
}

/// Reads a CoNLL file: `token TAG [TAG…]` lines, blank lines between
/// sentences. Returns (tokens, outermost tags) per sentence.
pub fn read_conll(path: &Path) -> Result<Vec<Gold>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    let (mut toks, mut tags) = (Vec::new(), Vec::new());
    for line in text.trim_start_matches('\u{feff}').lines() {
        let mut parts = line.split_whitespace();
        match parts.next() {
            None => {
                if !toks.is_empty() {
                    out.push((std::mem::take(&mut toks), std::mem::take(&mut tags)));
                }
            }
            Some(tok) => {
                toks.push(tok.to_string());
                tags.push(parts.next().unwrap_or("O").to_string());
            }
        }
    }
    if !toks.is_empty() {
        out.push((toks, tags));
    }
    Ok(out)
}

/// Maps a corpus tag onto ours (`None`: O).
fn map_tag(corpus: &str, tag: &str) -> Option<(bool, &'static str)> {
    let (bio, ty) = tag.split_once('-')?;
    let begin = bio == "B";
    let ty: &'static str = match (corpus, ty) {
        (_, "PER" | "PERS") => "PERS",
        (_, "ORG") => "ORG",
        (_, "LOC") => "LOC",
        ("wojood", "GPE" | "FAC") => "LOC",
        ("wojood", "NORP") => "MISC",
        ("wojood", _) => return None,
        (_, "MISC") => "MISC",
        _ => return None,
    };
    Some((begin, ty))
}

/// Retokenizes a gold sentence with kashif's tokenizer and carries the
/// tags over: a gold token split in several of ours gives `B-X I-X …`.
fn convert(corpus: &str, words: &[String], tags: &[String]) -> Sentence {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        starts.push(text.len());
        text.push_str(w);
    }
    // Gold tags as (type, begins an entity) after mapping, IOB2-repaired.
    let mut gold_word: Vec<Option<(&'static str, bool)>> = Vec::with_capacity(words.len());
    for (i, t) in tags.iter().enumerate() {
        let m = map_tag(corpus, t).map(|(b, ty)| {
            let continues = !b && i > 0 && gold_word[i - 1].is_some_and(|(pt, _)| pt == ty);
            (ty, !continues)
        });
        gold_word.push(m);
    }
    let tokens = tokenize(&text);
    let word_of: Vec<usize> = tokens.iter().map(|t| starts.partition_point(|&s| s <= t.bytes.0) - 1).collect();
    // Punctuation at either edge of a gold word (`(نيويورك)`) is outside the name.
    let edge_punct = |k: usize| {
        let punct = |t: &Token| matches!(t.kind, TokenKind::Punct | TokenKind::Symbol);
        let w = word_of[k];
        punct(&tokens[k])
            && ((k..tokens.len()).take_while(|&j| word_of[j] == w).all(|j| punct(&tokens[j]))
                || (0..=k).rev().take_while(|&j| word_of[j] == w).all(|j| punct(&tokens[j])))
    };
    let mut gold = Vec::with_capacity(tokens.len());
    let mut started = usize::MAX;
    for (k, &w) in word_of.iter().enumerate() {
        let tag = match gold_word[w] {
            Some((ty, begins)) if !edge_punct(k) => {
                let b = begins && started != w;
                started = w;
                tag_index(&format!("{}-{ty}", if b { "B" } else { "I" })).expect("known tag")
            }
            _ => 0,
        };
        // BIO repair: an I- after O (the name went on behind punctuation).
        let tag = if is_inside(tag) && gold.last().is_none_or(|&p| p == 0) { tag - 1 } else { tag };
        gold.push(tag);
    }
    Sentence { tokens, gold }
}

/// SplitMix64, for a deterministic visiting order.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Passes over the data.
    pub epochs: usize,
    /// Features seen fewer times are dropped.
    pub min_count: u32,
    /// Seed of the visiting order.
    pub seed: u64,
    /// Features whose codes are all within ±prune are dropped.
    pub prune: u8,
    /// Second pass (document-level label features): the training text's
    /// first tagging comes from models of the other parts of it, in this
    /// many parts (0: one pass, no label features).
    pub two_pass: usize,
    /// Share of the training sentences whose label features are left out
    /// (so that the model without them, the runtime's first pass, is a
    /// tagger too).
    pub label_dropout: f64,
    /// Share of the training sentences whose rule features are left out.
    pub rule_dropout: f64,
    /// Step of an update on a token whose gold tag is a name tag and that
    /// was predicted O (1: the plain perceptron).
    pub miss_weight: f32,
    /// Margin of the training decode: every tag but the gold one gets this
    /// much more score (cost-augmented decoding; 0: the plain perceptron).
    pub margin: f32,
    /// The training objective.
    pub objective: Objective,
    /// The objective of the jackknifed first-pass models (`--two-pass`).
    pub first_objective: Objective,
    /// CRF: L1 coefficient (OWL-QN; 0: none).
    pub l1: f64,
    /// CRF: L2 coefficient (`l2/2 Σw²`).
    pub l2: f64,
    /// CRF: most L-BFGS iterations.
    pub iterations: usize,
    /// CRF: the weights are multiplied by this before quantization (the
    /// same tags; the span confidences, a sigmoid of a score margin, on
    /// the scale the merge thresholds were set for).
    pub crf_scale: f64,
}

/// What the trainer optimizes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Objective {
    /// The averaged structured perceptron.
    Perceptron,
    /// A linear-chain CRF: conditional log-likelihood, L-BFGS / OWL-QN (`crf.rs`).
    Crf,
}

impl Objective {
    /// The objective named `v` (`perceptron` or `crf`), the value of `option`.
    fn parse(option: &str, v: &str) -> Result<Objective, String> {
        match v {
            "perceptron" => Ok(Objective::Perceptron),
            "crf" => Ok(Objective::Crf),
            v => Err(format!("{option}: {v:?} (perceptron or crf)")),
        }
    }
}

/// The features of every token of every sentence of `docs`, as
/// (sentence features per token, gold tags).
///
/// With `labels` (a first tagging of each document, one tag a token), the
/// second-pass features are added, except in a share `dropout` of the
/// sentences (drawn from a fixed seed).
fn featurize(docs: &[Doc], ix: &LexIndex, labels: Option<&[Vec<usize>]>, dropout: f64) -> Vec<(Vec<Vec<u32>>, Vec<usize>)> {
    featurize_with(docs, ix, labels, dropout, 0.0)
}

/// [`featurize`], leaving the rule features out of a share `rule_dropout` of the sentences.
fn featurize_with(docs: &[Doc], ix: &LexIndex, labels: Option<&[Vec<usize>]>, dropout: f64, rule_dropout: f64) -> Vec<(Vec<Vec<u32>>, Vec<usize>)> {
    let mut rng2 = Rng(0x0072_756c_6573);
    let mut f = Features::default();
    let mut out = Vec::new();
    let mut rng = Rng(0x6c61_6265_6c73);
    for (n, d) in docs.iter().enumerate() {
        f.begin(&d.tokens, ix);
        if let Some(l) = labels {
            f.count_labels(&l[n]);
        }
        for &(a, b) in &d.sents {
            f.extract(&d.tokens, a, b, ix);
            let mut v: Vec<Vec<u32>> = (0..b - a).map(|i| f.of(i).to_vec()).collect();
            if (rng2.next() % 1_000_000) as f64 >= rule_dropout * 1_000_000.0 {
                rule_features(&d.rules, a, b, |i, h| v[i].push(h));
            }
            if let Some(l) = labels {
                let keep = (rng.next() % 1_000_000) as f64 >= dropout * 1_000_000.0;
                if keep {
                    f.label_features(&l[n], a, b, |i, h| v[i].push(h));
                }
            }
            out.push((v, d.gold[a..b].to_vec()));
        }
    }
    out
}

/// The first tagging of each of `docs` (one tag a token) by models of the
/// other documents: `docs` cut in `k` contiguous parts, each tagged by a
/// one-pass model trained on the others (jackknife), as the second pass
/// will meet the first pass's errors on new text.
fn jackknifed_labels(docs: &[Doc], ix: &LexIndex, k: usize, s: &Settings, log: &mut dyn FnMut(String)) -> Result<Vec<Vec<usize>>, String> {
    let mut out = Vec::with_capacity(docs.len());
    let one_pass = Settings { two_pass: 0, objective: s.first_objective, ..s.clone() };
    for j in 0..k {
        let (a, b) = fold_range(docs.len(), j, k);
        let mut hashed = featurize(&docs[..a], ix, None, 0.0);
        hashed.extend(featurize(&docs[b..], ix, None, 0.0));
        let model = Model::from_bytes(&train(hashed, &[], ix, &one_pass, &mut |_| {}).to_bytes())?;
        let mut scratch = Scratch::default();
        for d in &docs[a..b] {
            scratch.begin(&d.tokens, ix);
            scratch.first_labels(&d.tokens, &d.rules, d.sents.iter().copied(), ix, &model);
            out.push(scratch.labels().to_vec());
        }
        log(format!("first pass: part {} of {k} tagged by a model of the others", j + 1));
    }
    Ok(out)
}

/// Trains on `train` and returns the model parts. `log` gets progress.
fn train(hashed: Vec<(Vec<Vec<u32>>, Vec<usize>)>, dev: &[Doc], ix: &LexIndex, s: &Settings, log: &mut dyn FnMut(String)) -> Parts {
    // Features of every token, numbered in order of first appearance.
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for (sent, _) in &hashed {
        for fs in sent {
            for &h in fs {
                *counts.entry(h).or_insert(0) += 1;
            }
        }
    }
    let mut ids: HashMap<u32, u32> = HashMap::new();
    let mut hashes: Vec<u32> = Vec::new();
    let golds: Vec<&[usize]> = hashed.iter().map(|(_, g)| g.as_slice()).collect();
    let feats: Vec<Vec<Vec<u32>>> = hashed
        .iter()
        .map(|(sent, _)| {
            sent.iter()
                .map(|fs| {
                    fs.iter()
                        .filter(|h| counts[h] >= s.min_count)
                        .map(|&h| {
                            *ids.entry(h).or_insert_with(|| {
                                hashes.push(h);
                                hashes.len() as u32 - 1
                            })
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let nf = hashes.len();
    log(format!("{} sentences, {} features kept (min count {})", golds.len(), nf, s.min_count));

    let (w, tw) = match s.objective {
        Objective::Perceptron => perceptron(&feats, &golds, nf, s, log),
        Objective::Crf => {
            let data = super::crf::Data::new(feats.iter().map(Vec::as_slice).zip(golds.iter().copied()), nf);
            let x = super::crf::train(&data, s.l1, s.l2, s.iterations, log);
            // weights × crf_scale: the same tagging, the span confidences
            // (sigmoid of a margin) on the perceptron's scale
            let k = s.crf_scale;
            let w: Vec<f32> = x[..nf * NTAGS].iter().map(|&v| (v * k) as f32).collect();
            let mut tw = [[0f32; NTAGS]; NTAGS + 1];
            for (p, row) in tw.iter_mut().enumerate() {
                for (c, t) in row.iter_mut().enumerate() {
                    *t = (x[nf * NTAGS + p * NTAGS + c] * k) as f32;
                }
            }
            (w, tw)
        }
    };
    if !dev.is_empty() {
        let (mut emis, mut back, mut path) = (Vec::new(), Vec::new(), Vec::new());
        let rows = evaluate(&featurize(dev, ix, None, 0.0), |fs| {
            emis.clear();
            for tf in fs {
                let mut e = [0f32; NTAGS];
                for h in tf {
                    if let Some(&id) = ids.get(h) {
                        for (a, b) in e.iter_mut().zip(&w[id as usize * NTAGS..][..NTAGS]) {
                            *a += b;
                        }
                    }
                }
                emis.push(e);
            }
            viterbi(&emis, |p, cur| tw[p.unwrap_or(NTAGS)][cur], &mut back, &mut path);
            path.clone()
        });
        report("dev, float weights (before quantization; one pass, without the second-pass features):", &rows);
    }
    // Quantize to i8 codes on a μ-law scale whose top is the largest |w|
    // (clamping big weights costs more than coarse steps among them; the
    // μ-law keeps the many small weights from rounding to 0).
    let top = w.iter().fold(0f32, |m, x| m.max(x.abs())).max(1e-6);
    let mu: f32 = std::env::var("KASHIF_TAGGER_MU").ok().and_then(|v| v.parse().ok()).unwrap_or(16.0);
    let q = Parts { scale: top / 127.0, mu, trans: tw, features: Vec::new() };
    let mut features: Vec<(u32, [i8; NTAGS])> = Vec::new();
    for (id, &h) in hashes.iter().enumerate() {
        let mut code = [0i8; NTAGS];
        for t in 0..NTAGS {
            code[t] = q.code(w[id * NTAGS + t]);
        }
        if code.iter().any(|&x| x.unsigned_abs() > s.prune) {
            features.push((h, code));
        }
    }
    features.sort_by_key(|f| f.0);
    log(format!("{} features with a non-zero weight after quantization (top weight {top}, mu {mu})", features.len()));
    Parts { features, ..q }
}

/// The averaged structured perceptron: weights (`nf × NTAGS`) and transitions.
fn perceptron(feats: &[Vec<Vec<u32>>], golds: &[&[usize]], nf: usize, s: &Settings, log: &mut dyn FnMut(String)) -> (Vec<f32>, [[f32; NTAGS]; NTAGS + 1]) {
    // Averaged perceptron with the lazy-averaging trick: avg = w - u / c.
    let mut w = vec![0f32; nf * NTAGS];
    let mut u = vec![0f32; nf * NTAGS];
    let mut tw = [[0f32; NTAGS]; NTAGS + 1];
    let mut tu = [[0f32; NTAGS]; NTAGS + 1];
    let mut c = 1f32;
    let mut order: Vec<usize> = (0..golds.len()).collect();
    let mut rng = Rng(s.seed);
    let (mut emis, mut back, mut path) = (Vec::new(), Vec::new(), Vec::new());
    for epoch in 0..s.epochs {
        rng.shuffle(&mut order);
        let mut errors = 0usize;
        for &k in &order {
            let gold = golds[k];
            let fs = &feats[k];
            emis.clear();
            for (i, tf) in fs.iter().enumerate() {
                let mut e = [0f32; NTAGS];
                for &f in tf {
                    let row = &w[f as usize * NTAGS..][..NTAGS];
                    for (a, b) in e.iter_mut().zip(row) {
                        *a += b;
                    }
                }
                if s.margin != 0.0 {
                    for (t, a) in e.iter_mut().enumerate() {
                        if t != gold[i] {
                            *a += s.margin;
                        }
                    }
                }
                emis.push(e);
            }
            viterbi(&emis, |p, cur| tw[p.unwrap_or(NTAGS)][cur], &mut back, &mut path);
            if path != gold {
                for (i, tf) in fs.iter().enumerate() {
                    let (g, p) = (gold[i], path[i]);
                    if g != p {
                        errors += 1;
                        let step = if g != 0 && p == 0 { s.miss_weight } else { 1.0 };
                        for &f in tf {
                            let base = f as usize * NTAGS;
                            w[base + g] += step;
                            u[base + g] += c * step;
                            w[base + p] -= step;
                            u[base + p] -= c * step;
                        }
                    }
                    let gp = if i == 0 { NTAGS } else { gold[i - 1] };
                    let pp = if i == 0 { NTAGS } else { path[i - 1] };
                    if (gp, g) != (pp, p) {
                        tw[gp][g] += 1.0;
                        tu[gp][g] += c;
                        tw[pp][p] -= 1.0;
                        tu[pp][p] -= c;
                    }
                }
            }
            c += 1.0;
        }
        log(format!("epoch {}: {} token errors", epoch + 1, errors));
    }
    for (a, b) in w.iter_mut().zip(&u) {
        *a -= b / c;
    }
    for (row, urow) in tw.iter_mut().zip(&tu) {
        for (a, b) in row.iter_mut().zip(urow) {
            *a -= b / c;
        }
    }
    (w, tw)
}

/// Spans (first, last, type number) of a tag sequence.
fn spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if tags[i] == 0 {
            i += 1;
            continue;
        }
        let ty = type_of(tags[i]);
        let mut j = i + 1;
        while j < tags.len() && is_inside(tags[j]) && type_of(tags[j]) == ty {
            j += 1;
        }
        out.push((i, j, ty));
        i = j;
    }
    out
}

/// Exact-span F1 per type (PERS, ORG, LOC) and overall over our tokens,
/// with `tagger` giving the predicted tags of a sentence.
fn evaluate<X>(dev: &[(X, Vec<usize>)], mut tagger: impl FnMut(&X) -> Vec<usize>) -> Vec<(&'static str, f64, f64, f64)> {
    score_paths(dev.iter().map(|(x, g)| (tagger(x), g.as_slice())))
}

/// Exact-span F1 of (predicted, gold) tag sequences.
fn score_paths<'g>(pairs: impl Iterator<Item = (Vec<usize>, &'g [usize])>) -> Vec<(&'static str, f64, f64, f64)> {
    let mut tp = [0usize; 5];
    let mut fp = [0usize; 5];
    let mut fnn = [0usize; 5];
    for (path, gold) in pairs {
        for w in path.windows(2) {
            assert!(allowed(Some(w[0]), w[1]), "decoder broke BIO");
        }
        let pred = spans(&path);
        let gold = spans(gold);
        for p in &pred {
            if gold.contains(p) {
                tp[p.2] += 1;
            } else {
                fp[p.2] += 1;
            }
        }
        for g in &gold {
            if !pred.contains(g) {
                fnn[g.2] += 1;
            }
        }
    }
    let prf = |tp: usize, fp: usize, fnn: usize| {
        let p = if tp + fp == 0 { 0.0 } else { tp as f64 / (tp + fp) as f64 };
        let r = if tp + fnn == 0 { 0.0 } else { tp as f64 / (tp + fnn) as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    };
    let mut out = Vec::new();
    for (ty, name) in [(1, "PERS"), (2, "ORG"), (3, "LOC")] {
        let (p, r, f) = prf(tp[ty], fp[ty], fnn[ty]);
        out.push((name, p, r, f));
    }
    let (p, r, f) = prf(tp[1] + tp[2] + tp[3], fp[1] + fp[2] + fp[3], fnn[1] + fnn[2] + fnn[3]);
    out.push(("ALL", p, r, f));
    out
}

/// Evaluates the shipped (quantized) form of a model.
fn evaluate_model(dev: &[Doc], ix: &LexIndex, model: &Model) -> Vec<(&'static str, f64, f64, f64)> {
    score_paths(tag_docs(dev, ix, model).into_iter().zip(dev.iter().flat_map(|d| d.sents.iter().map(|&(a, b)| &d.gold[a..b]))))
}

/// The predicted tags of every sentence of `docs`, in order.
fn tag_docs(docs: &[Doc], ix: &LexIndex, model: &Model) -> Vec<Vec<usize>> {
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    for d in docs {
        scratch.begin(&d.tokens, ix);
        scratch.first_pass(&d.tokens, &d.rules, d.sents.iter().copied(), ix, model);
        for &(a, b) in &d.sents {
            scratch.tag_sentence(&d.tokens, &d.rules, a, b, ix, model);
            out.push(scratch.path().to_vec());
        }
    }
    out
}

fn report(title: &str, rows: &[(&'static str, f64, f64, f64)]) {
    eprintln!("{title}");
    for (name, p, r, f) in rows {
        eprintln!("  {name:<5} P {p:.3}  R {r:.3}  F1 {f:.3}");
    }
}

/// Trains a model on in-memory CoNLL sentences (for the determinism test
/// and the command). Returns the bytes of the model file.
fn train_bytes(corpora: &[(&str, Vec<Gold>)], dev: &[Doc], ix: &LexIndex, lex: &Lexicon, s: &Settings, log: &mut dyn FnMut(String)) -> Result<Vec<u8>, String> {
    let docs: Vec<Doc> = corpora.iter().flat_map(|(name, c)| docs(c.iter().map(|(w, t)| (w.join(" "), convert(name, w, t))).collect(), lex)).collect();
    let labels = if s.two_pass > 1 { Some(jackknifed_labels(&docs, ix, s.two_pass, s, log)?) } else { None };
    Ok(train(featurize_with(&docs, ix, labels.as_deref(), s.label_dropout, s.rule_dropout), dev, ix, s, log).to_bytes())
}

/// [`train_bytes`] with jackknifed lexicons: the sentences of `corpora`
/// are cut in `n` contiguous parts, and the rules of each part read the
/// lexicon whose corpus names come from the other parts and from `others`
/// only ([`lexicon_from`]), as a new text meets names learned from
/// sentences other than its own. The lexicon features read `ix`: the
/// tagger's lexicon index leaves every corpus name out
/// ([`LexIndex::new`]), so it is the same for every part.
fn train_jackknifed(corpora: &[(&str, Vec<Gold>)], others: &[&[Gold]], n: usize, dev: &[Doc], ix: &LexIndex, s: &Settings, log: &mut dyn FnMut(String)) -> Vec<u8> {
    let mut hashed = Vec::new();
    for (name, c) in corpora {
        for j in 0..n {
            let (a, b) = fold_range(c.len(), j, n);
            let mut from: Vec<&[Gold]> = others.to_vec();
            from.push(&c[..a]);
            from.push(&c[b..]);
            let lex = lexicon_from(&from);
            let part = docs(c[a..b].iter().map(|(w, t)| (w.join(" "), convert(name, w, t))).collect(), &lex);
            hashed.extend(featurize(&part, ix, None, 0.0));
        }
    }
    train(hashed, dev, ix, s, log).to_bytes()
}

/// Up to `max` sentences of `texts` tagged by `model` (rules reading
/// `lex`), as CoNLL-like sentences: those with at least one span, every span
/// of confidence at least `min_score`, and four tokens or more.
fn silver(texts: &[String], lex: &Lexicon, ix: &LexIndex, model: &Model, max: usize, min_score: f32) -> Vec<Gold> {
    let mut out = Vec::new();
    for text in texts {
        let p = Prepared::new(text);
        let spans = kashif::tagger::tag(&p, &rule_spans(&p, lex), ix, model);
        for s in &p.sentences {
            let inside: Vec<_> = spans.iter().filter(|t| t.first >= s.first && t.last <= s.last).collect();
            if inside.is_empty() || inside.iter().any(|t| t.score < min_score) || s.last - s.first < 4 {
                continue;
            }
            let words: Vec<String> = p.tokens[s.first..s.last].iter().map(|t| t.text(text).to_string()).collect();
            let mut tags = vec!["O".to_string(); words.len()];
            for t in inside {
                let ty = match t.kind {
                    EntityType::Pers => "PERS",
                    EntityType::Org => "ORG",
                    _ => "LOC",
                };
                for k in t.first..t.last {
                    tags[k - s.first] = format!("{}-{ty}", if k == t.first { "B" } else { "I" });
                }
            }
            out.push((words, tags));
            if out.len() >= max {
                return out;
            }
        }
    }
    out
}

/// Writes score.py predictions for `sents` (documents of
/// [`DOC_SENTENCES`], ids `{name}-0000`… as `conll2jsonl.py` numbers them):
/// `system.jsonl` (rules + `model`, merged), `tagger.jsonl` (the tagger
/// alone) and `rules.jsonl`, with the rules and features reading `lex`.
fn write_predictions(dir: &Path, name: &str, sents: &[Gold], lex: &Lexicon, ix: &LexIndex, model: &Model) -> Result<(), String> {
    use kashif::entities::recognize_tagged;
    use kashif::tagger::merge::apply_model;
    let (mut system, mut tagger, mut rules) = (String::new(), String::new(), String::new());
    let line = |id: &str, spans: Vec<(u32, u32, &str)>| {
        let ents: Vec<serde_json::Value> = spans.into_iter().map(|(a, b, t)| serde_json::json!({"start": a, "end": b, "type": t})).collect();
        serde_json::json!({"id": id, "entities": ents}).to_string() + "\n"
    };
    for (d, chunk) in sents.chunks(DOC_SENTENCES).enumerate() {
        let text = chunk.iter().map(|(w, _)| w.join(" ")).collect::<Vec<_>>().join("\n");
        let id = format!("{name}-{d:04}");
        let p = Prepared::new(&text);
        let (m, _) = recognize_tagged(&p, lex, Vec::new(), |p, lex, taken| apply_model(p, lex, ix, model, taken));
        system += &line(&id, m.iter().map(|m| (m.start, m.end, m.kind.tag())).collect());
        let (m, _) = recognize_tagged(&p, lex, Vec::new(), |_, _, _| false);
        rules += &line(&id, m.iter().map(|m| (m.start, m.end, m.kind.tag())).collect());
        let spans = kashif::tagger::tag(&p, &rule_spans(&p, lex), ix, model);
        tagger += &line(&id, spans.iter().map(|s| (p.tokens[s.first].start, p.tokens[s.last - 1].end, s.kind.tag())).collect());
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (f, body) in [("system.jsonl", system), ("tagger.jsonl", tagger), ("rules.jsonl", rules)] {
        std::fs::write(dir.join(f), body).map_err(|e| format!("{}/{f}: {e}", dir.display()))?;
    }
    Ok(())
}

/// Trains the tagger model from the corpora under `shared`.
pub fn run(shared: &Path, args: &[String]) -> Result<(), String> {
    let mut settings = Settings { epochs: 12, min_count: 8, seed: 0x6b61_7368_6966, prune: 0, two_pass: 5, label_dropout: 0.25, rule_dropout: 0.0, miss_weight: 1.0, margin: 0.0, objective: Objective::Crf, first_objective: Objective::Crf, l1: 0.3, l2: 3.0, iterations: 150, crf_scale: 1.0 };
    let mut holdout = false;
    let mut with: Vec<String> = Vec::new();
    let mut out: Option<String> = None;
    let mut dev_out: Option<String> = None;
    let mut rules_lexicon_full = false;
    let mut fold: Option<usize> = None;
    let mut jackknife = 0usize;
    let (mut self_train, mut silver_score) = (0usize, 0.9f32);
    let mut pred_out: Option<String> = None;
    let mut pred_name = "anercorp-dev".to_string();
    let mut load: Option<String> = None;
    let mut rescale = 1f32;
    let mut o_bias = 0f32;
    let mut first_objective: Option<Objective> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().cloned().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--holdout" => holdout = true,
            "--epochs" => settings.epochs = val()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--prune" => settings.prune = val()?.parse().map_err(|e| format!("--prune: {e}"))?,
            "--min-count" => settings.min_count = val()?.parse().map_err(|e| format!("--min-count: {e}"))?,
            "--with" => with = val()?.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect(),
            "--out" => out = Some(val()?),
            "--dev-out" => dev_out = Some(val()?),
            "--fold" => fold = Some(val()?.parse().ok().filter(|&k| k < FOLDS).ok_or_else(|| format!("--fold: 0 to {}", FOLDS - 1))?),
            "--two-pass" => settings.two_pass = val()?.parse().map_err(|e| format!("--two-pass: {e}"))?,
            "--label-dropout" => settings.label_dropout = val()?.parse().map_err(|e| format!("--label-dropout: {e}"))?,
            "--rule-dropout" => settings.rule_dropout = val()?.parse().map_err(|e| format!("--rule-dropout: {e}"))?,
            "--margin" => settings.margin = val()?.parse().map_err(|e| format!("--margin: {e}"))?,
            "--objective" => settings.objective = Objective::parse(a, &val()?)?,
            "--first-objective" => first_objective = Some(Objective::parse(a, &val()?)?),
            "--l1" => settings.l1 = val()?.parse().map_err(|e| format!("--l1: {e}"))?,
            "--l2" => settings.l2 = val()?.parse().map_err(|e| format!("--l2: {e}"))?,
            "--iterations" => settings.iterations = val()?.parse().map_err(|e| format!("--iterations: {e}"))?,
            "--crf-scale" => settings.crf_scale = val()?.parse().map_err(|e| format!("--crf-scale: {e}"))?,
            "--miss-weight" => settings.miss_weight = val()?.parse().map_err(|e| format!("--miss-weight: {e}"))?,
            "--self-train" => self_train = val()?.parse().map_err(|e| format!("--self-train: {e}"))?,
            "--silver-score" => silver_score = val()?.parse().map_err(|e| format!("--silver-score: {e}"))?,
            "--jackknife" => jackknife = val()?.parse().map_err(|e| format!("--jackknife: {e}"))?,
            "--pred-out" => pred_out = Some(val()?),
            "--pred-name" => pred_name = val()?,
            "--load" => load = Some(val()?),
            "--o-bias" => o_bias = val()?.parse().map_err(|e| format!("--o-bias: {e}"))?,
            "--rescale" => rescale = val()?.parse().map_err(|e| format!("--rescale: {e}"))?,
            "--rules-lexicon" => {
                rules_lexicon_full = match val()?.as_str() {
                    "full" => true,
                    "no-corpus" => false,
                    v => return Err(format!("--rules-lexicon: {v:?} (full or no-corpus)")),
                }
            }
            other => return Err(format!("unknown option {other}; see src/bin/train/tagger.rs")),
        }
    }
    // the first-pass models follow the objective unless told otherwise
    settings.first_objective = first_objective.unwrap_or(settings.objective);
    // A held-out model never overwrites the shipped one by default.
    let out = out.unwrap_or_else(|| match fold {
        Some(k) => format!("target/tagger-fold{k}.bin"),
        None if holdout => "target/tagger-holdout.bin".into(),
        None => "data/tagger.bin".into(),
    });
    let ner = shared.join("eval/ner");
    let aner = read_conll(&ner.join("anercorp-train.txt"))?;
    let split = aner.len() - aner.len() / 6;
    let (train_part, dev_part) = match fold {
        Some(k) => {
            let (a, b) = fold_range(split, k, FOLDS);
            ([&aner[..a], &aner[b..split]].concat(), aner[a..b].to_vec())
        }
        None if holdout => (aner[..split].to_vec(), aner[split..].to_vec()),
        None => (aner.clone(), Vec::new()),
    };
    eprintln!(
        "ANERcorp: {} sentences; training on {} {}",
        aner.len(),
        train_part.len(),
        match fold {
            Some(k) => format!("(fold {k} of the first five sixths, {} sentences, held out as dev)", dev_part.len()),
            None if holdout => format!("(held out the last {} as dev)", dev_part.len()),
            None => "(all)".into(),
        }
    );
    if let Some(path) = &dev_out {
        let held = &dev_part;
        let mut text = String::new();
        for (w, t) in held {
            for (a, b) in w.iter().zip(t) {
                text.push_str(&format!("{a} {b}\n"));
            }
            text.push('\n');
        }
        std::fs::write(path, text).map_err(|e| format!("{path}: {e}"))?;
        eprintln!("wrote the {} held-out sentences to {path}", held.len());
    }
    // the other corpora gen_names.py took names from (for the jackknifed lexicons)
    let others: Vec<Vec<Gold>> = ["aqmar-dev.txt", "wojood-train.txt", "wojood-val.txt"].iter().map(|f| read_conll(&ner.join(f))).collect::<Result<_, _>>()?;
    let others: Vec<&[Gold]> = others.iter().map(Vec::as_slice).collect();
    // A fold's dev text meets the lexicon whose corpus names come from the other sentences.
    let fold_lex = fold.map(|_| {
        let mut from = others.clone();
        from.push(&train_part);
        lexicon_from(&from)
    });
    let mut corpora: Vec<(&str, Vec<Gold>)> = vec![("anercorp", train_part.clone())];
    for name in &with {
        let (corpus, file) = match name.as_str() {
            "aqmar" => ("aqmar", "aqmar-dev.txt"),
            "wojood" => ("wojood", "wojood-train.txt"),
            other => return Err(format!("unknown corpus {other:?} for --with (aqmar, wojood)")),
        };
        let c = read_conll(&ner.join(file))?;
        eprintln!("{file}: {} sentences", c.len());
        corpora.push((corpus, c));
    }
    // one lexicon index for every lexicon below: it leaves the corpus names out (LexIndex::new)
    let ix = LexIndex::builtin();
    // the held-out sixth is tagged as the analyzer tags new text: the rules read the embedded lexicon
    // (a fold: the lexicon without the names of its own sentences)
    let dev_lex = fold_lex.as_ref().unwrap_or(Lexicon::builtin());
    let dev: Vec<Doc> = docs(dev_part.iter().map(|(w, t)| (w.join(" "), convert("anercorp", w, t))).collect(), dev_lex);
    let bytes = if let Some(path) = &load {
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))?
    } else if jackknife > 0 {
        train_jackknifed(&corpora, &others, jackknife, &dev, ix, &settings, &mut |m| eprintln!("{m}"))
    } else {
        let lex = training_lexicon(rules_lexicon_full);
        let bytes = train_bytes(&corpora, &dev, ix, &lex, &settings, &mut |m| eprintln!("{m}"))?;
        if self_train > 0 {
            // Self-training: the model tags unlabelled news (the rules reading the lexicon a new
            // text of this fold would meet), its surest sentences join the training text.
            let model = Model::from_bytes(&bytes)?;
            let silver = silver(&super::clusters::news_texts(shared)?, dev_lex, ix, &model, self_train, silver_score);
            eprintln!("self-training: {} silver sentences (every span at least {silver_score})", silver.len());
            let mut more = corpora.clone();
            more.push(("anercorp", silver));
            train_bytes(&more, &dev, ix, &lex, &settings, &mut |m| eprintln!("{m}"))?
        } else {
            bytes
        }
    };
    let bytes = if rescale != 1.0 || o_bias != 0.0 {
        // every score × rescale: the same tags, other span confidences;
        // o_bias is taken from every transition into O (a cost of each O tag: recall for precision)
        let mut p = Parts::from_bytes(&bytes)?;
        p.trans.iter_mut().for_each(|row| row[0] -= o_bias);
        p.scale *= rescale;
        p.trans.iter_mut().flatten().for_each(|t| *t *= rescale);
        p.to_bytes()
    } else {
        bytes
    };
    std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("wrote {out}: {} bytes", bytes.len());
    if let Some(dir) = &pred_out {
        let model = Model::from_bytes(&bytes)?;
        write_predictions(Path::new(dir), &pred_name, &dev_part, dev_lex, ix, &model)?;
        eprintln!("wrote the predictions of {} dev sentences to {dir}/{{system,tagger,rules}}.jsonl", dev_part.len());
    }
    if holdout || fold.is_some() {
        let model = Model::from_bytes(&bytes)?;
        if let Ok(dump) = std::env::var("KASHIF_TAGGER_DUMP") {
            let mut text = String::new();
            let mut paths = tag_docs(&dev, ix, &model).into_iter();
            for d in &dev {
                for &(a, b) in &d.sents {
                    let path = paths.next().expect("one path a sentence");
                    for (i, t) in d.tokens[a..b].iter().enumerate() {
                        text.push_str(&format!("{}\t{}\t{}\n", t.key, kashif::tagger::model::TAGS[d.gold[a + i]], kashif::tagger::model::TAGS[path[i]]));
                    }
                    text.push('\n');
                }
            }
            std::fs::write(&dump, text).map_err(|e| format!("{dump}: {e}"))?;
        }
        report("dev (last sixth of ANERcorp), shipped model, exact spans over kashif tokens:", &evaluate_model(&dev, ix, &model));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kashif::tagger::model::TAGS;

    fn fixture() -> Vec<Gold> {
        let text = include_str!("../../../tests/data/tagger-tiny.conll");
        let mut out = Vec::new();
        for block in text.split("\n\n").filter(|b| !b.trim().is_empty()) {
            let (w, t): (Vec<String>, Vec<String>) = block
                .lines()
                .map(|l| {
                    let mut p = l.split_whitespace();
                    (p.next().unwrap().to_string(), p.next().unwrap_or("O").to_string())
                })
                .unzip();
            out.push((w, t));
        }
        out
    }

    #[test]
    fn training_is_deterministic_and_learns_the_fixture() {
        let s = Settings { epochs: 5, min_count: 1, seed: 7, prune: 0, two_pass: 2, label_dropout: 0.5, rule_dropout: 0.0, miss_weight: 1.0, margin: 0.0, objective: Objective::Perceptron, first_objective: Objective::Perceptron, l1: 0.0, l2: 1.0, iterations: 50, crf_scale: 1.0 };
        let ix = LexIndex::builtin();
        let lex = Lexicon::builtin();
        let a = train_bytes(&[("anercorp", fixture())], &[], ix, lex, &s, &mut |_| {}).unwrap();
        let b = train_bytes(&[("anercorp", fixture())], &[], ix, lex, &s, &mut |_| {}).unwrap();
        assert_eq!(a, b, "the same inputs must give the same model bytes");
        let model = Model::from_bytes(&a).expect("the trained model loads");
        let train = docs(fixture().iter().map(|(w, t)| (w.join(" "), convert("anercorp", w, t))).collect(), lex);
        let all = evaluate_model(&train, ix, &model).pop().unwrap();
        assert!(all.3 > 0.9, "the model should fit its tiny training set, F1 {:.3}", all.3);
    }

    #[test]
    fn retokenized_tags() {
        let w: Vec<String> = ["زار", "جون", "بولتون", "(", "نيويورك)"].iter().map(|s| s.to_string()).collect();
        let t: Vec<String> = ["O", "B-PER", "I-PER", "O", "B-LOC"].iter().map(|s| s.to_string()).collect();
        let s = convert("aqmar", &w, &t);
        let got: Vec<(&str, &str)> = s.tokens.iter().zip(&s.gold).map(|(tok, &g)| (tok.key.as_str(), TAGS[g])).collect();
        assert_eq!(got, [("زار", "O"), ("جون", "B-PERS"), ("بولتون", "I-PERS"), ("(", "O"), ("نيويورك", "B-LOC"), (")", "O")], "punctuation at the edge of a gold word is outside the name");
    }

    #[test]
    fn corpus_tags_map_onto_ours() {
        type Case<'a> = (&'a str, &'a str, &'a str, Option<(bool, &'a str)>);
        let cases: &[Case] = &[
            ("aqmar person", "aqmar", "B-PER", Some((true, "PERS"))),
            ("wojood gpe is a place", "wojood", "I-GPE", Some((false, "LOC"))),
            ("wojood date is not ours", "wojood", "B-DATE", None),
            ("anercorp misc", "anercorp", "B-MISC", Some((true, "MISC"))),
            ("outside", "anercorp", "O", None),
        ];
        for (name, corpus, tag, want) in cases {
            assert_eq!(map_tag(corpus, tag), *want, "case {name:?}");
        }
    }
}
