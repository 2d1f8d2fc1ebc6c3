//! Word clusters for the tagger's features, from unlabelled Arabic text
//! (see `kashif::tagger::clusters`).
//!
//! ```text
//! cargo run --release --bin train -- clusters [--holdout | --fold K] [--words N] [--depth D] [--out FILE] [--tsv FILE]
//! ```
//!
//! Text: the Content of ASND (train and dev), the title and text of the
//! ANT sample, and the words of ANERcorp, AQMAR and Wojood read as plain
//! text (their tags unused). With `--holdout` the last sixth of ANERcorp
//! (the tagger's dev split) is left out, so the held-out measurement stays
//! honest; the output is then `target/clusters-holdout.bin`, otherwise
//! `data/clusters.bin`. With `--fold K` fold K of the cross-validation
//! (`train tagger --fold K`) is left out as well (`target/clusters-foldK.bin`).
//!
//! Method: each of the `N` most frequent words (default 8,000, seen at
//! least twice; 4,000, 16,000 and 30,000 did no better on the split) is a
//! vector of the counts of its neighbours at −2, −1, +1, +2 among the
//! 2,000 most frequent tokens (others pooled), weighted by positive PMI and
//! normalized; the words are split in two by spherical 2-means (started
//! from alternate words by frequency, 12 rounds), and each half again, to
//! depth `D` (default 12) or until a part has fewer than 8 words. A word's
//! path is the sequence of halves it fell in. Everything is ordered by
//! (count, word), so the same text gives the same bytes.

use kashif::tagger::clusters::{key_of, word_hash, Clusters};
use kashif::text::{tokenize, TokenKind};
use std::collections::HashMap;
use std::path::Path;

/// Context tokens with their own dimension (per position).
const CONTEXTS: usize = 2000;
/// Positions of the context window.
const POSITIONS: [isize; 4] = [-2, -1, 1, 2];
/// Parts smaller than this are not split further.
const MIN_SPLIT: usize = 8;
/// Rounds of 2-means per split.
const ROUNDS: usize = 12;

/// Reads the unlabelled texts: ASND contents, ANT titles and texts, and
/// the sentences of the NER corpora (ANERcorp without its last sixth when
/// `holdout`).
fn texts(shared: &Path, holdout: bool, fold: Option<usize>) -> Result<Vec<String>, String> {
    let eval = shared.join("eval");
    let mut out = news_texts(shared)?;
    ner_texts(&eval, holdout, fold, &mut out)?;
    Ok(out)
}

/// The unlabelled news texts: ASND contents, then ANT titles and texts.
pub fn news_texts(shared: &Path) -> Result<Vec<String>, String> {
    let eval = shared.join("eval");
    let mut out = Vec::new();
    for f in ["asnd-train.csv", "asnd-dev.csv"] {
        let path = eval.join("topics").join(f);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let rows = parse_csv(&text);
        let col = rows.first().and_then(|h| h.iter().position(|c| c == "Content")).ok_or_else(|| format!("{}: no Content column", path.display()))?;
        out.extend(rows.into_iter().skip(1).filter_map(|mut r| (col < r.len()).then(|| std::mem::take(&mut r[col]))));
    }
    let path = eval.join("topics/ant-v1.1-sample.jsonl");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{}: {e}", path.display()))?;
        for field in ["title", "text"] {
            if let Some(s) = v.get(field).and_then(|s| s.as_str()) {
                out.push(s.to_string());
            }
        }
    }
    Ok(out)
}

fn ner_texts(eval: &Path, holdout: bool, fold: Option<usize>, out: &mut Vec<String>) -> Result<(), String> {
    let ner = eval.join("ner");
    for f in ["anercorp-train.txt", "aqmar-dev.txt", "wojood-train.txt", "wojood-val.txt"] {
        let mut sents = super::tagger::read_conll(&ner.join(f))?;
        if (holdout || fold.is_some()) && f == "anercorp-train.txt" {
            let split = sents.len() - sents.len() / 6;
            sents.truncate(split);
            if let Some(k) = fold {
                let (a, b) = super::tagger::fold_range(split, k, super::tagger::FOLDS);
                sents.drain(a..b);
            }
        }
        out.extend(sents.into_iter().map(|(w, _)| w.join(" ")));
    }
    Ok(())
}

/// A minimal RFC 4180 reader: fields separated by commas, quoted fields
/// may hold commas, newlines and doubled quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// Settings of the clustering.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How many words get a path.
    pub words: usize,
    /// Deepest path.
    pub depth: u32,
}

/// A word's path as a leading 1 and its bits.
type Path16 = u16;

/// Clusters the words of `texts`. Returns (word, count, path) of the
/// clustered words, most frequent first.
pub fn cluster(texts: &[String], s: &Settings) -> Vec<(String, u32, Path16)> {
    // Token ids per text; ids are numbered in order of first appearance.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut lettered: Vec<bool> = Vec::new();
    let mut seqs: Vec<Vec<u32>> = Vec::with_capacity(texts.len());
    for t in texts {
        let seq = tokenize(t)
            .into_iter()
            .map(|tok| {
                let key = if tok.kind == TokenKind::Number { "<num>".to_string() } else { tok.key };
                *ids.entry(key.clone()).or_insert_with(|| {
                    names.push(key);
                    lettered.push(matches!(tok.kind, TokenKind::Arabic | TokenKind::Latin));
                    names.len() as u32 - 1
                })
            })
            .collect();
        seqs.push(seq);
    }
    let mut count = vec![0u32; names.len()];
    for seq in &seqs {
        for &t in seq {
            count[t as usize] += 1;
        }
    }
    // Tokens by (count desc, key asc): the order everything follows.
    let mut by_freq: Vec<u32> = (0..names.len() as u32).collect();
    by_freq.sort_by(|&a, &b| count[b as usize].cmp(&count[a as usize]).then_with(|| names[a as usize].cmp(&names[b as usize])));
    // Context dimension of each token: its rank among the most frequent, or the pooled one.
    let mut ctx = vec![CONTEXTS as u32; names.len()];
    for (r, &t) in by_freq.iter().take(CONTEXTS).enumerate() {
        ctx[t as usize] = r as u32;
    }
    let edge = CONTEXTS as u32 + 1;
    let width = CONTEXTS as u32 + 2;
    // The words to cluster, and their row.
    let vocab: Vec<u32> = by_freq.iter().copied().filter(|&t| lettered[t as usize] && count[t as usize] >= 2).take(s.words).collect();
    let mut row = vec![u32::MAX; names.len()];
    for (i, &t) in vocab.iter().enumerate() {
        row[t as usize] = i as u32;
    }
    let mut rows: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    let mut marg = vec![0f64; POSITIONS.len() * width as usize];
    for seq in &seqs {
        for (i, &t) in seq.iter().enumerate() {
            for (p, &off) in POSITIONS.iter().enumerate() {
                let j = i as isize + off;
                let c = if j < 0 || j >= seq.len() as isize { edge } else { ctx[seq[j as usize] as usize] };
                let dim = p as u32 * width + c;
                marg[dim as usize] += 1.0;
                let r = row[t as usize];
                if r != u32::MAX {
                    *rows[r as usize].entry(dim).or_insert(0.0) += 1.0;
                }
            }
        }
    }
    // Positive PMI, rows normalized, sorted by dimension.
    let total: f64 = marg.iter().sum();
    let vecs: Vec<Vec<(u32, f32)>> = rows
        .into_iter()
        .map(|r| {
            let n: f64 = r.values().map(|&v| v as f64).sum();
            let mut v: Vec<(u32, f32)> = r
                .into_iter()
                .filter_map(|(d, c)| {
                    let pmi = ((c as f64 * total) / (n * marg[d as usize])).ln();
                    (pmi > 0.0).then_some((d, pmi as f32))
                })
                .collect();
            v.sort_by_key(|e| e.0);
            let norm = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt().max(1e-9);
            for e in &mut v {
                e.1 /= norm;
            }
            v
        })
        .collect();
    let dims = POSITIONS.len() * width as usize;
    let mut paths = vec![1u16; vocab.len()];
    split(&vecs, (0..vocab.len()).collect(), 1, 0, s.depth, dims, &mut paths);
    vocab.iter().enumerate().map(|(i, &t)| (names[t as usize].clone(), count[t as usize], paths[i])).collect()
}

/// Splits the words `part` (in frequency order) in two and recurses.
fn split(vecs: &[Vec<(u32, f32)>], part: Vec<usize>, path: u16, depth: u32, max_depth: u32, dims: usize, paths: &mut [u16]) {
    for &w in &part {
        paths[w] = path;
    }
    if depth >= max_depth || part.len() < MIN_SPLIT {
        return;
    }
    let mut side: Vec<bool> = (0..part.len()).map(|k| k % 2 == 1).collect();
    let mut cent = [vec![0f32; dims], vec![0f32; dims]];
    for _ in 0..ROUNDS {
        for c in &mut cent {
            c.iter_mut().for_each(|x| *x = 0.0);
        }
        for (k, &w) in part.iter().enumerate() {
            let c = &mut cent[side[k] as usize];
            for &(d, x) in &vecs[w] {
                c[d as usize] += x;
            }
        }
        for c in &mut cent {
            let n = c.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
            c.iter_mut().for_each(|x| *x /= n);
        }
        let mut changed = false;
        for (k, &w) in part.iter().enumerate() {
            let dot = |c: &[f32]| vecs[w].iter().map(|&(d, x)| c[d as usize] * x).sum::<f32>();
            let right = dot(&cent[1]) > dot(&cent[0]);
            changed |= right != side[k];
            side[k] = right;
        }
        if !changed {
            break;
        }
    }
    let a: Vec<usize> = part.iter().zip(&side).filter(|(_, &s)| !s).map(|(&w, _)| w).collect();
    let b: Vec<usize> = part.iter().zip(&side).filter(|(_, &s)| s).map(|(&w, _)| w).collect();
    if a.is_empty() || b.is_empty() {
        return;
    }
    split(vecs, a, path << 1, depth + 1, max_depth, dims, paths);
    split(vecs, b, (path << 1) | 1, depth + 1, max_depth, dims, paths);
}

/// `train clusters`: writes the cluster table.
pub fn run(shared: &Path, args: &[String]) -> Result<(), String> {
    let mut s = Settings { words: 8_000, depth: 12 };
    let mut holdout = false;
    let mut fold: Option<usize> = None;
    let mut out: Option<String> = None;
    let mut tsv: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().cloned().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--holdout" => holdout = true,
            "--fold" => fold = Some(val()?.parse().ok().filter(|&k| k < super::tagger::FOLDS).ok_or("--fold needs 0 to 4")?),
            "--words" => s.words = val()?.parse().map_err(|e| format!("--words: {e}"))?,
            "--depth" => s.depth = val()?.parse().map_err(|e| format!("--depth: {e}"))?,
            "--out" => out = Some(val()?),
            "--tsv" => tsv = Some(val()?),
            other => return Err(format!("unknown option {other}; see src/bin/train/clusters.rs")),
        }
    }
    if s.depth > 14 {
        return Err("--depth: at most 14".into());
    }
    let out = out.unwrap_or_else(|| match fold {
        Some(k) => format!("target/clusters-fold{k}.bin"),
        None if holdout => "target/clusters-holdout.bin".into(),
        None => "data/clusters.bin".into(),
    });
    let texts = texts(shared, holdout, fold)?;
    eprintln!("{} texts{}", texts.len(), if holdout { " (without the last sixth of ANERcorp)" } else { "" });
    let words = cluster(&texts, &s);
    let table = Clusters::new(words.iter().map(|(w, _, p)| (key_of(word_hash(&[w])), *p)).collect());
    if table.len() < words.len() {
        eprintln!("{} words share a 24-bit key with a more frequent one", words.len() - table.len());
    }
    let bytes = table.to_bytes();
    std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("wrote {out}: {} words, {} bytes", table.len(), bytes.len());
    if let Some(path) = tsv {
        let mut text = String::from("word\tcount\tpath\n");
        for (w, c, p) in &words {
            text.push_str(&format!("{w}\t{c}\t{:b}\n", p));
        }
        std::fs::write(&path, text).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes() {
        let rows = parse_csv("a,b\n\"x, \"\"y\"\"\nz\",2\n");
        assert_eq!(rows, vec![vec!["a".to_string(), "b".into()], vec!["x, \"y\"\nz".into(), "2".into()]], "quoted fields keep commas, quotes and newlines");
    }

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let mut texts = Vec::new();
        for (i, city) in ["باريس", "لندن", "روما", "مدريد"].iter().enumerate() {
            for (j, who) in ["خالد", "سمير", "هاني", "وليد"].iter().enumerate() {
                texts.push(format!("سافر {who} إلى {city} أمس"));
                texts.push(format!("قال {who} في {city} اليوم {}", i + j));
            }
        }
        let s = Settings { words: 100, depth: 4 };
        let words = cluster(&texts, &s);
        let path = |w: &str| words.iter().find(|x| x.0 == w).map(|x| x.2).unwrap_or_else(|| panic!("{w} should be clustered"));
        // Length of the common prefix of two paths.
        let common = |a: u16, b: u16| {
            let (la, lb) = (15 - a.leading_zeros(), 15 - b.leading_zeros());
            let n = la.min(lb);
            (0..=n).rev().find(|&d| a >> (la - d) == b >> (lb - d)).unwrap_or(0)
        };
        assert!(common(path("باريس"), path("مدريد")) > common(path("باريس"), path("خالد")), "two cities must be closer in the tree than a city and a name");
        assert!(common(path("خالد"), path("وليد")) > common(path("وليد"), path("روما")), "two names must be closer in the tree than a name and a city");
        assert_eq!(cluster(&texts, &s), words, "the same text gives the same clusters");
    }
}
