//! Themes: the taxonomy of spec/topics.md, found by trigger terms.
//!
//! `data/themes.tsv` lists, per theme, trigger words and phrases in key
//! form with a weight: 1 for a term that names the theme by itself
//! (`الاتجار بالبشر`), less for one that needs company (`المهاجرين`). A
//! trigger word matches a token when one of the token's clitic readings,
//! with its article dropped, equals it (`والهجرة`, `للهجرة` and `هجرة` all
//! match `الهجره`); `word*` matches any ending, and `~` between two words
//! lets up to [`MAX_GAP`] other words stand between them
//! (`تجارة المخدرات والسلاح` matches `تجاره ~ السلاح`).
//!
//! A match whose tokens all lie inside a longer match is dropped, so
//! `تجارة` (economy) does not count inside `تجارة المخدرات` (drugs).
//!
//! Score of a theme, from frequency, position and spread: each trigger
//! gives `weight × (1 + ln n)` for its `n` occurrences, times
//! [`LEAD_BONUS`] when it occurs in the first two sentences (title and
//! lead); the sum `W` grows by 10 % per extra sentence with evidence (at
//! most +50 %), and the score is `1 − e^(−W)`. A theme is reported at
//! [`THRESHOLD`] or above: one strong term, or several weaker ones.

use crate::text::clitics::{readings_ref, without_article};
use crate::text::{Prepared, TokenKind};
use crate::{Span, Theme};
use crate::hash::FxHashMap as HashMap;

/// Score at or above which a theme is reported (one occurrence of a
/// weight-1 trigger gives 0.63; one of weight 0.6 outside the lead, 0.45).
pub const THRESHOLD: f32 = 0.5;
/// Factor for a trigger seen in the first two sentences.
pub const LEAD_BONUS: f32 = 1.25;
/// Most words a `~` lets stand between two trigger words.
pub const MAX_GAP: usize = 2;

const THEMES_TSV: &str = include_str!("../../data/themes.tsv");
const LABELS_TSV: &str = include_str!("../../data/theme-labels.tsv");

/// One word of a trigger.
#[derive(Debug, Clone, PartialEq)]
struct Word {
    /// The word's key without its article (a slice of the trigger table).
    stem: &'static str,
    /// `word*`: any ending.
    prefix: bool,
    /// `~` before this word: up to [`MAX_GAP`] words may precede it.
    gap: bool,
}

impl Word {
    fn matches(&self, candidates: &[&str]) -> bool {
        candidates.iter().any(|c| if self.prefix { c.starts_with(self.stem) } else { *c == self.stem })
    }
}

/// One trigger of a theme.
#[derive(Debug, Clone, PartialEq)]
struct Trigger {
    theme: usize,
    weight: f32,
    /// Its words' range in [`Themes::words`].
    words: (u32, u32),
}

/// A theme of the taxonomy.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeInfo {
    /// Stable id.
    pub id: String,
    /// Arabic label.
    pub label: String,
    /// English label.
    pub label_en: String,
}

/// The theme tables, built once from the embedded data.
#[derive(Debug)]
pub struct Themes {
    themes: Vec<ThemeInfo>,
    triggers: Vec<Trigger>,
    /// The words of every trigger, one after the other.
    words: Vec<Word>,
    /// The first of the triggers whose first word's stem is the key
    /// (exact first words); [`Themes::next`] links to the others.
    by_first: HashMap<&'static str, u32>,
    /// The first of the triggers whose first word is a prefix pattern, by
    /// the pattern's first three letters; [`Themes::next`] links the others.
    prefix_first: HashMap<&'static str, u32>,
    /// For each trigger, the next trigger of its list in `by_first` or
    /// `prefix_first` (`u32::MAX` for none).
    next: Vec<u32>,
    /// Filter on the first two letters of trigger first words (bit
    /// `64 · a + b` for letter indexes `a`, `b`, see [`letter_index`]): a
    /// word whose first two letters are not set starts no trigger, so its
    /// tables need not be asked.
    first_two: Vec<u64>,
}

/// The candidate forms of every Arabic token of a text, in one list.
struct Candidates<'s, 'a> {
    forms: &'s [&'a str],
    /// Each token's range in `forms`.
    ranges: &'s [(u32, u32)],
}

impl<'s, 'a> Candidates<'s, 'a> {
    /// The forms of Arabic token number `k`.
    fn of(&self, k: usize) -> &'s [&'a str] {
        let (a, b) = self.ranges[k];
        &self.forms[a as usize..b as usize]
    }
}

/// One occurrence of a trigger.
#[derive(Debug, Clone)]
struct Match {
    trigger: usize,
    /// Matched tokens, in order (gap words excluded).
    tokens: Vec<usize>,
    /// Key characters to skip at the front of the first token (its proclitic).
    skip: usize,
}

/// The first `n` characters of `s`, if it has that many.
fn first_chars(s: &str, n: usize) -> Option<&str> {
    match s.char_indices().nth(n) {
        Some((b, _)) => Some(&s[..b]),
        None => (s.chars().count() == n).then_some(s),
    }
}

/// Proclitic strings (key form) that may open a word, as in
/// [`crate::text::clitics`]; `لل` stands for ل + article.
const PROCLITICS: &[&str] = &["ولل", "فلل", "لل", "وب", "فب", "وك", "فك", "ول", "فل", "و", "ف", "ب", "ك", "ل"];

/// The forms of `key` a trigger word is compared with: the word, and
/// what each proclitic reading leaves, each also without its article
/// (the article-less forms are what triggers hold). Slices of `key`,
/// appended to `out` (whose earlier entries are left alone).
fn push_candidates<'a>(key: &'a str, out: &mut Vec<&'a str>) {
    let from = out.len();
    let add = |out: &mut Vec<&'a str>, c: &'a str| {
        for form in [Some(c), without_article(c)].into_iter().flatten() {
            if !out[from..].contains(&form) {
                out.push(form);
            }
        }
    };
    add(out, key);
    // Every proclitic starts with one of these letters.
    if !matches!(key.chars().next(), Some('و' | 'ف' | 'ب' | 'ك' | 'ل')) {
        return;
    }
    for prefix in PROCLITICS {
        if let Some(rest) = key.strip_prefix(prefix) {
            if rest.chars().nth(1).is_some() {
                add(out, rest);
            }
        }
    }
}

/// Index of a letter for the first-letters filter: the Arabic letters
/// U+0621..U+064A get 1..=42, anything else 0.
fn letter_index(c: char) -> usize {
    match c {
        '\u{0621}'..='\u{064A}' => c as usize - 0x0620,
        _ => 0,
    }
}

/// The skip (proclitic length) of the reading of `key` whose stem, or
/// whose stem without article, `word` matches.
fn skip_for(key: &str, word: &Word) -> usize {
    for r in readings_ref(key).iter() {
        let bare = without_article(&r.stem).unwrap_or(&r.stem);
        let hit = |c: &str| if word.prefix { c.starts_with(word.stem) } else { c == word.stem };
        if hit(bare) || hit(&r.stem) {
            return r.skip;
        }
    }
    0
}

impl Themes {
    /// Parses the embedded `data/themes.tsv` and `data/theme-labels.tsv`.
    pub fn builtin() -> &'static Themes {
        static T: std::sync::OnceLock<Themes> = std::sync::OnceLock::new();
        // the triggers' key form is checked by the tests (data_covers_every_theme_and_parses), not at every start
        T.get_or_init(|| Themes::parse_checked(LABELS_TSV, THEMES_TSV, false).unwrap_or_else(|e| panic!("{e}")))
    }

    /// Parses a label table and a trigger table (formats of `data/`).
    /// The trigger words are slices of `triggers_tsv`, so nothing is copied.
    pub fn parse(labels: &str, triggers_tsv: &'static str) -> Result<Themes, String> {
        Themes::parse_checked(labels, triggers_tsv, true)
    }

    /// [`Themes::parse`], checking that triggers are in key form only with
    /// `check` (normalizing every trigger was most of the cost of parsing).
    fn parse_checked(labels: &str, triggers_tsv: &'static str, check: bool) -> Result<Themes, String> {
        // rows as slices of the text: nothing is copied but what is kept
        type Rows<'a, const N: usize> = Vec<(usize, Option<[&'a str; N]>)>;
        fn rows<'a, const N: usize>(content: &'a str, file: &str, header: &str) -> Result<Rows<'a, N>, String> {
            let mut out = Vec::with_capacity(content.len() / 32);
            let mut seen_header = false;
            // the lexicon's byte splitters: they split like str::lines and str::split (tested there), for less
            for (n, line) in crate::lexicon::lines(content).enumerate() {
                if line.starts_with('#') || crate::lexicon::blank(line) {
                    continue;
                }
                if !seen_header {
                    if line != header {
                        return Err(format!("data/{file}:{}: header must be {header:?}", n + 1));
                    }
                    seen_header = true;
                    continue;
                }
                let mut cols = [""; N];
                let mut k = 0;
                for c in crate::lexicon::fields(line, b'\t') {
                    if k < N {
                        cols[k] = c;
                    }
                    k += 1;
                }
                out.push((n + 1, (k == N).then_some(cols)));
            }
            Ok(out)
        }
        let mut themes = Vec::new();
        for (n, cols) in rows::<3>(labels, "theme-labels.tsv", "id\tlabel\tlabel_en")? {
            let [id, label, label_en] = cols.ok_or_else(|| format!("data/theme-labels.tsv:{n}: needs 3 columns"))?.map(str::to_string);
            themes.push(ThemeInfo { id, label, label_en });
        }
        let trigger_rows = rows::<3>(triggers_tsv, "themes.tsv", "theme\tweight\ttrigger")?;
        let mut triggers = Vec::with_capacity(trigger_rows.len());
        let mut words: Vec<Word> = Vec::with_capacity(trigger_rows.len() * 2);
        let mut last_theme = 0;
        for (n, cols) in trigger_rows {
            let err = |m: &str| format!("data/themes.tsv:{n}: {m}");
            let [theme, weight, trigger] = cols.ok_or_else(|| err("needs 3 columns: theme, weight, trigger"))?;
            // the rows of a theme mostly follow one another
            let theme = match themes.get(last_theme) {
                Some(t) if t.id == theme => last_theme,
                _ => themes.iter().position(|t| t.id == theme).ok_or_else(|| err(&format!("unknown theme {theme:?}; add it to theme-labels.tsv")))?,
            };
            last_theme = theme;
            let weight: f32 = weight.parse().map_err(|_| err(&format!("weight {weight:?} is not a number")))?;
            if !(weight > 0.0 && weight <= 1.0) {
                return Err(err("weight must be in (0, 1]"));
            }
            if check && crate::text::key(trigger) != trigger {
                return Err(err(&format!("trigger {trigger:?} is not in key form: write {:?}", crate::text::key(trigger))));
            }
            let from = words.len();
            let mut gap = false;
            for w in crate::lexicon::fields(trigger, b' ') {
                if w == "~" {
                    if words.len() == from || gap {
                        return Err(err("`~` must stand between two words"));
                    }
                    gap = true;
                    continue;
                }
                let (w, prefix) = match w.strip_suffix('*') {
                    Some(s) => (s, true),
                    None => (w, false),
                };
                if w.is_empty() {
                    return Err(err("empty word"));
                }
                let stem = without_article(w).unwrap_or(w);
                words.push(Word { stem, prefix, gap });
                gap = false;
            }
            if words.len() == from || gap {
                return Err(err("a trigger needs words and cannot end with `~`"));
            }
            triggers.push(Trigger { theme, weight, words: (from as u32, words.len() as u32) });
        }
        let mut by_first: HashMap<&'static str, u32> = HashMap::default();
        let mut prefix_first: HashMap<&'static str, u32> = HashMap::default();
        by_first.reserve(triggers.len());
        // each list is linked from its last trigger back to its first, so the
        // triggers are prepended: reversed, the lists hold them in order
        let mut next = vec![u32::MAX; triggers.len()];
        for (i, t) in triggers.iter().enumerate().rev() {
            let first = &words[t.words.0 as usize];
            let (map, key) = if first.prefix {
                let head = first_chars(first.stem, 3).ok_or_else(|| format!("data/themes.tsv: the pattern {}* needs three letters", first.stem))?;
                (&mut prefix_first, head)
            } else {
                (&mut by_first, first.stem)
            };
            next[i] = map.insert(key, i as u32).unwrap_or(u32::MAX);
        }
        let mut first_two = vec![0u64; 64];
        for t in &triggers {
            let mut chars = words[t.words.0 as usize].stem.chars();
            let a = chars.next().map_or(0, letter_index);
            match chars.next() {
                Some(b) => first_two[a] |= 1 << letter_index(b),
                None => first_two[a] = u64::MAX,
            }
        }
        Ok(Themes { themes, triggers, words, by_first, prefix_first, next, first_two })
    }

    /// The words of trigger `t`.
    fn words_of(&self, t: &Trigger) -> &[Word] {
        &self.words[t.words.0 as usize..t.words.1 as usize]
    }

    /// The triggers of the list that starts at `head` (of `by_first` or
    /// `prefix_first`), in order.
    fn list(&self, head: Option<&u32>) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(head.copied().filter(|&h| h != u32::MAX), |&t| Some(self.next[t as usize]).filter(|&n| n != u32::MAX)).map(|t| t as usize)
    }

    /// The themes of the taxonomy, in the spec's order.
    pub fn all(&self) -> &[ThemeInfo] {
        &self.themes
    }

    /// Every theme whose score reaches [`THRESHOLD`], best first, with
    /// its evidence spans in text order.
    pub fn find(&self, p: &Prepared) -> Vec<Theme> {
        self.scored(p).into_iter().filter(|t| t.score >= THRESHOLD).collect()
    }

    /// Every theme with any evidence, best first, whatever its score.
    pub fn scored(&self, p: &Prepared) -> Vec<Theme> {
        // Arabic tokens only, with their candidates.
        let mut arabic: Vec<usize> = Vec::with_capacity(p.tokens.len());
        arabic.extend((0..p.tokens.len()).filter(|&i| p.tokens[i].kind == TokenKind::Arabic));
        // The candidate forms of each distinct word and the triggers its
        // forms may start, in one list each, made at the word's first
        // occurrence: (forms from, to, triggers from, to).
        let words = p.words();
        let mut memo: Vec<[u32; 4]> = vec![[u32::MAX; 4]; words.first.len()];
        let mut forms: Vec<&str> = Vec::with_capacity(arabic.len() * 4);
        let mut hits: Vec<usize> = Vec::new();
        // each Arabic token's range of forms
        let mut ranges: Vec<(u32, u32)> = Vec::with_capacity(arabic.len());
        for &i in &arabic {
            let m = &mut memo[words.id[i] as usize];
            if m[0] == u32::MAX {
                let from = forms.len();
                push_candidates(&p.tokens[i].key, &mut forms);
                let h = hits.len();
                for s in forms[from..].iter().filter(|s| self.may_start(s)) {
                    hits.extend(self.list(self.by_first.get(*s)));
                    let Some(head) = first_chars(s, 3).and_then(|h| self.prefix_first.get(h)) else { continue };
                    for t in self.list(Some(head)) {
                        if s.starts_with(self.words_of(&self.triggers[t])[0].stem) {
                            hits.push(t);
                        }
                    }
                }
                hits[h..].sort_unstable();
                let mut n = h;
                for x in h..hits.len() {
                    if x == h || hits[x] != hits[n - 1] {
                        hits[n] = hits[x];
                        n += 1;
                    }
                }
                hits.truncate(n);
                *m = [from as u32, forms.len() as u32, h as u32, n as u32];
            }
            ranges.push((m[0], m[1]));
        }
        let cands = Candidates { forms: &forms, ranges: &ranges };
        let mut matches = Vec::new();
        // The tokens of the trigger being tried (copied out only when it matches).
        let mut toks: Vec<usize> = Vec::new();
        for k in 0..arabic.len() {
            let m = memo[words.id[arabic[k]] as usize];
            for &t in &hits[m[2] as usize..m[3] as usize] {
                if self.extend(p, &arabic, &cands, k, &self.triggers[t], &mut toks) {
                    let skip = skip_for(&p.tokens[toks[0]].key, &self.words_of(&self.triggers[t])[0]);
                    matches.push(Match { trigger: t, tokens: toks.clone(), skip });
                }
            }
        }
        let matches = drop_nested(matches);
        self.score(p, &matches)
    }

    /// Whether a trigger's first word may match candidate form `s` (no
    /// false negatives: see `first_two`).
    fn may_start(&self, s: &str) -> bool {
        // Two two-byte characters (all of Arabic) decode by hand.
        let (a, b) = match s.as_bytes() {
            [a0 @ 0xC2..=0xDF, a1, b0 @ 0xC2..=0xDF, b1, ..] => {
                let decode = |lead: u8, cont: u8| char::from_u32(((lead as u32 & 0x1F) << 6) | (cont as u32 & 0x3F));
                (decode(*a0, *a1), decode(*b0, *b1))
            }
            _ => {
                let mut chars = s.chars();
                (chars.next(), chars.next())
            }
        };
        let (Some(a), Some(b)) = (a, b) else { return true };
        self.first_two[letter_index(a)] & (1 << letter_index(b)) != 0
    }

    /// Tries to match trigger `t` from Arabic token number `k`: whether it
    /// matches, the matched token indices in `out`.
    fn extend(&self, p: &Prepared, arabic: &[usize], cands: &Candidates, k: usize, t: &Trigger, out: &mut Vec<usize>) -> bool {
        out.clear();
        out.push(arabic[k]);
        let mut at = k;
        for w in &self.words_of(t)[1..] {
            let limit = if w.gap { MAX_GAP + 1 } else { 1 };
            let mut found = None;
            for step in 1..=limit {
                let j = at + step;
                if j >= arabic.len() || !adjacent(p, arabic[j - 1], arabic[j]) {
                    break;
                }
                if w.matches(cands.of(j)) {
                    found = Some(j);
                    break;
                }
            }
            let Some(j) = found else { return false };
            out.push(arabic[j]);
            at = j;
        }
        true
    }

    fn score(&self, p: &Prepared, matches: &[Match]) -> Vec<Theme> {
        // Per theme: per trigger (count, first sentence), sentences, spans.
        struct Acc {
            per_trigger: HashMap<usize, (u32, usize)>,
            sentences: Vec<usize>,
            spans: Vec<(u32, u32)>,
        }
        let mut acc: HashMap<usize, Acc> = HashMap::default();
        for m in matches {
            let t = &self.triggers[m.trigger];
            let a = acc.entry(t.theme).or_insert_with(|| Acc { per_trigger: HashMap::default(), sentences: Vec::new(), spans: Vec::new() });
            let sentence = p.sentence_of(m.tokens[0]);
            let e = a.per_trigger.entry(m.trigger).or_insert((0, sentence));
            e.0 += 1;
            e.1 = e.1.min(sentence);
            // matches come in text order (drop_nested sorts them), so a new sentence is a larger one
            debug_assert!(a.sentences.last().is_none_or(|&l| l <= sentence));
            if a.sentences.last() != Some(&sentence) {
                a.sentences.push(sentence);
            }
            // One span per run of consecutive matched tokens.
            let mut run_start = 0;
            for i in 1..=m.tokens.len() {
                if i == m.tokens.len() || m.tokens[i] != m.tokens[i - 1] + 1 {
                    let first = &p.tokens[m.tokens[run_start]];
                    let skip = if run_start == 0 { m.skip } else { skip_for(&first.key, &self.words_of(t)[run_start]) };
                    let start = first.offset_after_key_chars(p.text, skip);
                    a.spans.push((start, p.tokens[m.tokens[i - 1]].end));
                    run_start = i;
                }
            }
        }
        let mut out: Vec<Theme> = acc
            .into_iter()
            .map(|(theme, mut a)| {
                let mut w: f32 = 0.0;
                let mut triggers: Vec<_> = a.per_trigger.iter().collect();
                triggers.sort_unstable_by_key(|(t, _)| **t);
                for (t, (n, first_sentence)) in triggers {
                    let lead = if *first_sentence < 2 { LEAD_BONUS } else { 1.0 };
                    w += self.triggers[*t].weight * (1.0 + (*n as f32).ln()) * lead;
                }
                w *= 1.0 + 0.1 * (a.sentences.len().saturating_sub(1).min(5) as f32);
                let score = 1.0 - (-w).exp();
                // Overlapping spans merge (`مكافحة الهجرة` + `الهجرة غير الشرعية`).
                a.spans.sort_unstable();
                let mut merged: Vec<(u32, u32)> = Vec::with_capacity(a.spans.len());
                for &(s, e) in &a.spans {
                    match merged.last_mut() {
                        Some(last) if s < last.1 => last.1 = last.1.max(e),
                        _ => merged.push((s, e)),
                    }
                }
                a.spans = merged;
                let info = &self.themes[theme];
                Theme {
                    id: info.id.clone(),
                    label: info.label.clone(),
                    label_en: info.label_en.clone(),
                    score: (score * 1000.0).round() / 1000.0,
                    evidence: a.spans.iter().map(|&(s, e)| Span { start: s, end: e, text: p.slice(s, e).to_string() }).collect(),
                }
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        out
    }
}

/// Whether Arabic tokens `a` < `b` are neighbours in a phrase: nothing but
/// other words (no punctuation, digits or line break) between them.
fn adjacent(p: &Prepared, a: usize, b: usize) -> bool {
    (a + 1..b).all(|i| p.tokens[i].kind == TokenKind::Arabic) && !crate::text::has_newline(&p.text[p.tokens[b - 1].bytes.1..p.tokens[b].bytes.0])
}

/// Drops every match whose tokens are a strict subset of another match's.
fn drop_nested(mut matches: Vec<Match>) -> Vec<Match> {
    matches.sort_by_key(|m| (m.tokens[0], std::cmp::Reverse(m.tokens.len()), m.trigger));
    // A match spans at most this many tokens (words and gaps).
    let reach = matches.iter().map(|m| m.tokens.last().unwrap() - m.tokens[0]).max().unwrap_or(0);
    let mut keep = vec![true; matches.len()];
    for i in 0..matches.len() {
        let (first, last) = (matches[i].tokens[0], *matches[i].tokens.last().unwrap());
        let from = matches.partition_point(|m| m.tokens[0] + reach < first);
        for j in from..matches.len() {
            let other = &matches[j];
            if other.tokens[0] > first {
                break;
            }
            if other.tokens.len() > matches[i].tokens.len()
                && *other.tokens.last().unwrap() >= last
                && matches[i].tokens.iter().all(|t| other.tokens.contains(t))
            {
                keep[i] = false;
                break;
            }
        }
    }
    matches.into_iter().zip(keep).filter(|(_, k)| *k).map(|(m, _)| m).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (theme, evidence texts) found in `text`, reported themes only.
    fn found(text: &str) -> Vec<(String, Vec<String>)> {
        let p = Prepared::new(text);
        Themes::builtin().find(&p).into_iter().map(|t| (t.id, t.evidence.into_iter().map(|e| e.text).collect())).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &str, &[&str])] = &[
            ("a strong term alone", "بحث الجانبان ملف الاتجار بالبشر.", "human_trafficking", &["الاتجار بالبشر"]),
            ("conjunction and article stay out of the span", "وناقشا والهجرة غير الشرعية.", "illegal_migration", &["الهجرة غير الشرعية"]),
            ("lam + article: the span starts after the first lam (spec rule 11)", "خطة للهجرة غير الشرعية.", "illegal_migration", &["لهجرة غير الشرعية"]),
            ("indefinite form; overlapping triggers merge", "مكافحة هجرة غير نظامية.", "illegal_migration", &["مكافحة هجرة غير نظامية"]),
            ("prefix pattern", "ضبط مهربين على الحدود. وأوقفت مهربي الوقود.", "smuggling", &["مهربين", "مهربي"]),
            ("gap pattern keeps only the matched words", "تجارة المخدرات والسلاح.", "arms_trafficking", &["تجارة", "السلاح"]),
            ("diacritics do not matter", "الإِرْهَاب", "terrorism", &["الإِرْهَاب"]),
        ];
        for (name, text, theme, evidence) in cases {
            let got = found(text);
            let Some((_, ev)) = got.iter().find(|(t, _)| t == theme) else {
                panic!("case {name:?}: theme {theme} not found in {text:?}; got {got:?}: check data/themes.tsv");
            };
            assert_eq!(ev, evidence, "case {name:?}: evidence of {theme}");
        }
    }

    #[test]
    fn weak_or_nested_terms_alone_are_not_themes() {
        let cases: &[(&str, &str, &str)] = &[
            ("one weak term", "وصل المهاجرون.", "illegal_migration"),
            ("trade inside drug trade", "تجارة المخدرات تتوسع.", "economy_trade"),
            ("a passing mention of reconstruction after the lead", "التقى الوزير نظيره. وتناول الاجتماع عدة قضايا. وأضاف أن الشركات تدعم جهود إعادة الإعمار.", "reconstruction"),
        ];
        for (name, text, theme) in cases {
            let got = found(text);
            assert!(got.iter().all(|(t, _)| t != theme), "case {name:?}: {theme} should not be reported for {text:?}; got {got:?}");
        }
    }

    #[test]
    fn data_covers_every_theme_and_parses() {
        let t = Themes::builtin();
        Themes::parse(LABELS_TSV, THEMES_TSV).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.all().len(), 24, "data/theme-labels.tsv must list the 24 themes of spec/topics.md");
        for (i, info) in t.all().iter().enumerate() {
            assert!(t.triggers.iter().any(|tr| tr.theme == i && tr.weight >= 1.0), "theme {} needs at least one weight-1 trigger in data/themes.tsv", info.id);
        }
        let bad = Themes::parse("id\tlabel\tlabel_en\nx\ty\tz\n", "theme\tweight\ttrigger\nx\t1\tالهجرة\n");
        assert!(bad.unwrap_err().contains("key form"), "a trigger not in key form must be refused");
    }
}
