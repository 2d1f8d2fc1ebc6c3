//! Key phrases, found without a list: a YAKE-style score (Campos et al.
//! 2020) over candidate n-grams shaped like Arabic noun phrases.
//!
//! 1. **Words.** Every Arabic token gets a grouping stem: its proclitics
//!    (و ف, ب ك ل, لل) come off when what follows is an article with two
//!    letters or more after it, a word the text also uses on its own, or
//!    (not after ف: `فرقة`) a name of the lexicon (`وتركيا`), then the
//!    article comes off
//!    (`والهجرة`, `للهجرة`, `الهجرة` → `هجره`; `وزير` keeps its و because
//!    `زير` is nowhere in the text).
//! 2. **Candidates.** n-grams of one to [`MAX_WORDS`] words inside one
//!    sentence, not across punctuation, digits or line breaks; neither end
//!    is a stopword (`data/stopwords-ar.txt`), and inside only `غير` and
//!    `بن` may be. Noun-phrase shape: a definite word (with the article) is
//!    followed only by definite words (adjectives agree), so
//!    `مذكرة التفاهم` and `الهجرة غير الشرعية` are candidates and
//!    `الداخلية عماد` is not. Verbs are no part of a candidate: the
//!    frequent news words that never take the article
//!    (`data/verbs-ar.txt`, `scripts/verbs.py`) and, outside names, words
//!    shaped like verbs (`تمكنت`, `يتوقع`), so `تمكنت الوحدات الأمنية` is
//!    not one. A candidate seen once needs no preposition inside
//!    (`سن التقاعد للحد`). Nor is a candidate made only of calendar words
//!    (`data/stopwords-calendar-ar.txt`: `الخميس`, `نوفمبر`, `شهر ماي`).
//! 3. **Word score** (YAKE): `S(w) = rel·pos / (freq/rel + spread/rel)` with
//!    `pos = ln ln (3 + median sentence)`, `freq = tf / (mean + sd)`,
//!    `spread = sentences with w / sentences`, `rel = 1 + (dl + dr)·tf/max tf`
//!    (`dl`, `dr`: share of distinct left and right neighbours). Lower is
//!    better. **Phrase score**: `S = Π S(w) / (tf^1.75 · (1 + Σ S(w)))` ([`TF_POWER`]) over its
//!    content words, divided by [`LEAD_WEIGHT`] when the candidate first
//!    occurs in the lead (first) sentence, which in news says what the
//!    article is about; reported as `1 / (1 + S)` so that higher is better.
//!    In a text of more than [`LONG_TEXT_WORDS`] words a candidate must
//!    occur twice; a lone word shaped like an adjective (nisba `ـية`, or
//!    written with tanwin fath) or used as one (after a definite noun in
//!    most of its occurrences) is not a candidate, nor is the tail of a
//!    fixed longer phrase (`الداخلية الليبية` after `وزارة`), and a word opening
//!    with a conjunction starts a phrase but never continues one.
//! 4. **Diversity.** A phrase whose stems lie inside a better phrase's is
//!    dropped, unless it occurs at least twice as often: then it is that
//!    phrase's core and is kept as well (`الهجرة غير الشرعية` three times
//!    after `ملف الهجرة غير الشرعية` once); a phrase that holds a better lone word takes that word's
//!    place once (`التعاون` → `التعاون الأمني`) when it covers at least half
//!    of the word's occurrences; any other phrase holding a
//!    better one is dropped, and so is a near repeat of a better one (two
//!    words or more in common, most of the shorter one's).

use crate::text::{Prepared, TokenKind};
use crate::{Keyphrase, Span};
use crate::hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use super::word_table::{WordTable, CALENDAR, STOP, VERB};

/// Longest candidate, in words.
pub const MAX_WORDS: usize = 4;

/// Whether a candidate is the tail of a longer fixed phrase: in more than
/// half of its occurrences the same content word stands right before it
/// (`الداخلية الليبية` after `وزارة`) and could open a phrase with it, so
/// the longer phrase is the unit.
/// `before` is scratch space.
fn is_fragment(words: &[Word<'_>], word_id: &[u32], joined: &[bool], occurrences: &[(usize, usize)], before: &mut Vec<u32>) -> bool {
    before.clear();
    for &(i, _) in occurrences {
        // A definite word is followed by no indefinite one in a phrase, so
        // it makes no longer phrase with this one (`الوزير معرض الكتاب`).
        if joined[i] && !words[i].conj && !words[i - 1].stop && (!words[i - 1].definite || words[i].definite) {
            before.push(word_id[i - 1]);
        }
    }
    if 2 * before.len() <= occurrences.len() {
        return false;
    }
    before.sort_unstable();
    before.chunk_by(|a, b| a == b).any(|run| 2 * run.len() > occurrences.len())
}

/// Whether a lone word is used as an adjective: in more than half of its
/// occurrences it follows a definite content word it agrees with
/// (`الأمني` in `التعاون الأمني`, `الوضع الأمني`).
fn is_adjective(words: &[Word<'_>], joined: &[bool], occurrences: &[(usize, usize)]) -> bool {
    let after_definite = occurrences
        .iter()
        .filter(|&&(i, _)| words[i].definite && !words[i].conj && joined[i] && words[i - 1].definite && !words[i - 1].stop)
        .count();
    2 * after_definite > occurrences.len()
}

/// How much better a candidate whose first occurrence is in the lead
/// (first) sentence ranks: its score is divided by this.
pub const LEAD_WEIGHT: f32 = 2.0;

/// The power of a candidate's occurrence count in its score (YAKE
/// divides by the count itself): a phrase the article repeats is more
/// likely its subject than a long one seen once.
pub const TF_POWER: f32 = 1.75;

/// `n^TF_POWER`, from a table for the small counts.
fn tf_weight(n: usize) -> f32 {
    static T: std::sync::OnceLock<[f32; 32]> = std::sync::OnceLock::new();
    let t = T.get_or_init(|| std::array::from_fn(|k| (k as f32).powf(TF_POWER)));
    t.get(n).copied().unwrap_or_else(|| (n as f32).powf(TF_POWER))
}

/// Above this many words, a candidate must occur at least twice.
pub const LONG_TEXT_WORDS: usize = 150;

/// Stopwords allowed inside a phrase (`الهجرة غير الشرعية`, `سيف بن زايد`).
const INNER: &[&str] = &["غير", "بن"];

/// The word lists of [`super::word_table::LISTS`] as `build.rs` lays them out
/// ([`super::word_table`]): one lookup tells stopword, verb and calendar word.
const WORDS_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kp_words.bin"));
static WORDS: WordTable<'static> = WordTable::new(WORDS_TABLE);

/// The lists holding a word (key form): [`super::word_table::STOP`] (the stopword
/// list), [`super::word_table::VERB`] (frequent news words that never take the
/// article: verbs, `data/verbs-ar.txt`, made by `scripts/verbs.py`) and
/// [`super::word_table::CALENDAR`] (weekdays, months and the words that place a
/// date, article-less), or'ed; 0 for none.
pub fn word_flags(key: &str) -> u8 {
    WORDS.get(key)
}

/// The flags of a word behind و or ف: (the flags of the rest, the
/// characters of the word), or (0, _) when it opens with neither.
fn conj_flags(key: &str) -> (u8, usize) {
    if key.starts_with(['و', 'ف']) {
        (word_flags(&key[2..]), key.chars().count())
    } else {
        (0, 0)
    }
}

/// Whether a word (key form) is in the verb list, also behind و or ف.
pub fn is_verb(key: &str) -> bool {
    let (rest, n) = conj_flags(key);
    word_flags(key) & VERB != 0 || (n > 3 && rest & VERB != 0)
}

/// Whether a word (key form) is a stopword, also behind و or ف.
pub fn is_stopword(key: &str) -> bool {
    let (rest, n) = conj_flags(key);
    word_flags(key) & STOP != 0 || (n > 2 && rest & STOP != 0)
}

/// The UTF-16 ranges of the named mentions (people, organizations,
/// places, facilities, events), in text order.
pub fn name_ranges(mentions: &[crate::Mention]) -> Vec<(u32, u32)> {
    use crate::EntityType as T;
    let mut v: Vec<(u32, u32)> = mentions.iter().filter(|m| matches!(m.kind, T::Pers | T::Org | T::Gpe | T::Loc | T::Fac | T::Event)).map(|m| (m.start, m.end)).collect();
    v.sort_unstable();
    v
}

/// One word of the text, as the key phrase finder sees it.
#[derive(Debug, Clone)]
struct Word<'a> {
    token: usize,
    /// Grouping stem: clitics and article off.
    stem: &'a str,
    /// Key characters of the token before the part that the phrase shows
    /// (the proclitics, not the article).
    skip: usize,
    definite: bool,
    stop: bool,
    /// Opens with a conjunction (و، ف): starts a phrase, never continues one.
    conj: bool,
    /// Written with tanwin fath (`اهتماماً`): an adverbial accusative.
    adverbial: bool,
    sentence: usize,
    /// A preposition (ب ك ل) came off: the word opens a prepositional
    /// phrase.
    prep: bool,
    /// A verb (`data/verbs-ar.txt` or [`verb_shaped`]) and no name: no
    /// part of a phrase.
    verbish: bool,
    /// A calendar word ([`calendar`]) outside a name: a candidate made
    /// of these alone is none.
    calendar: bool,
}

/// Whether a word without the article is shaped like a verb: four letters
/// or more, and ending in the feminine past `ـت` (not the plural `ـات`:
/// `تمكنت`, `قررت`) or opening with the imperfect `يـ` (`يتوقع`). Names
/// are let through by the caller.
fn verb_shaped(stem: &str) -> bool {
    stem.chars().nth(3).is_some() && ((stem.ends_with('ت') && !stem.ends_with("ات")) || stem.starts_with('ي'))
}

/// Whether the token `t` overlaps one of `names` (sorted UTF-16 ranges),
/// moving `at` forward past the ranges that end before it.
fn in_name(t: &crate::text::Token, names: &[(u32, u32)], at: &mut usize) -> bool {
    while *at < names.len() && names[*at].1 <= t.start {
        *at += 1;
    }
    names.get(*at).is_some_and(|&(a, _)| a < t.end)
}

/// Whether `key` is a phrase of the lexicon (a name, title or head).
fn in_lexicon(key: &str) -> bool {
    use crate::lexicon::{Lexicon, Part};
    let lexicon = Lexicon::builtin();
    [Part::Name, Part::Title, Part::Head].into_iter().any(|part| !lexicon.phrases(part).ids(key).is_empty())
}

/// The stem of `key` given the text's vocabulary: (stem, proclitic
/// characters skipped, definite).
fn stem_of<'k>(key: &'k str, vocab: &dyn Fn(&str) -> bool) -> (&'k str, usize, bool) {
    // More than three characters: count the leading bytes of UTF-8 sequences.
    let long = |w: &str| w.bytes().filter(|&b| (b as i8) >= -0x40).nth(3).is_some();
    // Byte-wise prefix tests (the patterns are whole characters).
    let starts = |w: &str, prefix: &str| w.as_bytes().starts_with(prefix.as_bytes());
    let known = |w: &str| vocab(w) || (in_lexicon(w) && !in_lexicon(key));
    // An article prefix (with or without a preposition) followed by two
    // letters or more (`وكالة` is no و + ك + الة); Arabic letters are two
    // bytes.
    let article = |w: &str, prefix: &str| starts(w, prefix) && w.len() >= prefix.len() + 4;
    let mut rest = key;
    let mut skip = 0;
    // Conjunction; ف before a name of the lexicon only when the text
    // uses the name alone (`فرقة` is no ف + الرقة).
    let known_after_conj = |w: &str| if starts(key, "ف") { vocab(w) } else { known(w) };
    if (starts(rest, "و") || starts(rest, "ف")) && long(key) {
        let r = &rest[2..];
        if article(r, "ال") || article(r, "لل") || article(r, "بال") || article(r, "كال") || known_after_conj(r) {
            rest = r;
            skip += 1;
        }
    }
    let mut definite = false;
    if starts(rest, "لل") && long(rest) {
        // ل + ال with the alef unwritten.
        return (&rest[4..], skip + 1, true);
    }
    if (starts(rest, "ب") || starts(rest, "ك") || starts(rest, "ل")) && long(rest) {
        let r = &rest[2..];
        if article(r, "ال") || known(r) {
            rest = r;
            skip += 1;
        }
    }
    if starts(rest, "ال") && long(rest) {
        rest = &rest[4..];
        definite = true;
    }
    (rest, skip, definite)
}

/// Hasher for the packed integer keys of candidate phrases: one
/// multiplication instead of a byte loop.
#[derive(Default, Clone, Copy)]
struct PackedHasher(u64);

impl std::hash::Hasher for PackedHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u128(&mut self, v: u128) {
        let x = (v as u64) ^ ((v >> 64) as u64).rotate_left(29) ^ self.0;
        let h = x.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = h ^ (h >> 29);
    }

    fn write_u64(&mut self, v: u64) {
        self.write_u128(v as u128);
    }
}

/// The stem ids of a candidate (at most [`MAX_WORDS`]), packed as one
/// key: id + 1 in each 32-bit lane, 0 for no word.
fn pack(ids: &[u32]) -> u128 {
    ids.iter().enumerate().fold(0u128, |k, (n, &id)| k | ((id as u128 + 1) << (32 * n)))
}

/// Whether two phrases (stem ids) share two words or more, and more than
/// half of the shorter one's.
fn near_repeat(a: &[u32], b: &[u32]) -> bool {
    let shared = a.iter().filter(|id| b.contains(id)).count();
    shared >= 2 && 2 * shared > a.len().min(b.len())
}

/// The key phrases of a text, best first, at most `max`.
pub fn extract(p: &Prepared, max: usize) -> Vec<Keyphrase> {
    extract_with_names(p, max, &[])
}

/// [`extract`] with the UTF-16 ranges of the text's named entities (in
/// text order, see [`name_ranges`]): a word of a name is never taken for a
/// verb by its shape (`يوسف`, `بيروت`).
pub fn extract_with_names(p: &Prepared, max: usize, names: &[(u32, u32)]) -> Vec<Keyphrase> {
    if max == 0 {
        return Vec::new();
    }
    // The text's distinct words (each analysed once below), and their
    // article-less forms.
    let distinct = p.words();
    // A word of the text's vocabulary: the key of an Arabic word of the
    // text, or such a key without its article (`ال` + the word is a key).
    let with_article = std::cell::RefCell::new(String::new());
    let arabic = |w: &str| p.token_with_key(w).is_some_and(|i| p.tokens[i].kind == TokenKind::Arabic);
    let vocab = |w: &str| {
        arabic(w) || {
            let mut buf = with_article.borrow_mut();
            buf.clear();
            buf.push_str("ال");
            buf.push_str(w);
            arabic(&buf)
        }
    };
    /// What a word's key alone says, the same at each occurrence.
    #[derive(Clone, Copy)]
    struct KeyInfo<'a> {
        stem: &'a str,
        skip: usize,
        definite: bool,
        stop: bool,
        conj: bool,
        /// A verb unless a name covers the occurrence.
        verb: bool,
        /// A calendar word unless a name covers the occurrence.
        calendar: bool,
        /// The stem's id (`u32::MAX` until the first occurrence numbers it).
        id: u32,
    }
    let mut info: Vec<Option<KeyInfo>> = vec![None; distinct.first.len()];
    // Stems as small integers, in order of first occurrence.
    let mut ids: HashMap<&str, u32> = HashMap::with_capacity_and_hasher(distinct.first.len(), Default::default());
    let mut word_id: Vec<u32> = Vec::with_capacity(p.tokens.len());
    // Words, and the chunks (runs of neighbouring Arabic words) they form.
    let mut words: Vec<Word> = Vec::with_capacity(p.tokens.len());
    let mut chunks: Vec<(usize, usize)> = Vec::new();
    let mut chunk_start = 0;
    let mut sentence = 0;
    let mut name_at = 0;
    for (i, t) in p.tokens.iter().enumerate() {
        let breaks = t.kind != TokenKind::Arabic
            || words.last().is_some_and(|w: &Word| w.token + 1 != i || crate::text::has_newline(&p.text[p.tokens[w.token].bytes.1..t.bytes.0]));
        if breaks && chunk_start < words.len() {
            chunks.push((chunk_start, words.len()));
            chunk_start = words.len();
        }
        if t.kind != TokenKind::Arabic {
            continue;
        }
        let k = &mut info[distinct.id[i] as usize];
        let k = match k {
            Some(k) => k,
            None => {
                let (stem, skip, definite) = stem_of(&t.key, &vocab);
                // the word's lists, behind و or ف and of its stem: one lookup each
                let key_flags = word_flags(&t.key);
                let (rest_flags, chars) = conj_flags(&t.key);
                let stem_flags = if stem.len() == t.key.len() {
                    key_flags
                } else if t.key.len() == stem.len() + 2 && chars > 0 {
                    rest_flags
                } else {
                    word_flags(stem)
                };
                let listed = |f: u8, min_chars: usize| key_flags & f != 0 || (chars > min_chars && rest_flags & f != 0);
                let stop = listed(STOP, 2) || t.key == "ال" || (definite && stem_flags & STOP != 0 && stem != "عام") || stem.chars().nth(1).is_none();
                let conj = skip > 0 && t.key.starts_with(['و', 'ف']);
                // A verb (of the list, or by its shape) is no part of a
                // phrase; it still counts in the statistics, as any word
                // that is no stopword. Names are no verbs.
                let verb = !definite && !stop && (listed(VERB, 3) || verb_shaped(stem)) && !in_lexicon(stem);
                let calendar = !stop && stem_flags & CALENDAR != 0;
                k.insert(KeyInfo { stem, skip, definite, stop, conj, verb, calendar, id: u32::MAX })
            }
        };
        if k.id == u32::MAX {
            let next = ids.len() as u32;
            k.id = *ids.entry(k.stem).or_insert(next);
        }
        let KeyInfo { stem, skip, definite, stop, conj, verb, calendar, id } = *k;
        word_id.push(id);
        // Tanwin fath (U+064B, bytes D9 8B) anywhere in the written word
        // (a word written as long as its key has no mark at all).
        let adverbial = t.bytes.1 - t.bytes.0 != t.key.len() && t.text(p.text).as_bytes().windows(2).any(|b| b == [0xD9, 0x8B]);
        // p.sentence_of(i), walking forward.
        while sentence < p.sentences.len() && p.sentences[sentence].last <= i {
            sentence += 1;
        }
        let prep = skip > usize::from(conj);
        let verbish = verb && !in_name(t, names, &mut name_at);
        let calendar = calendar && !in_name(t, names, &mut name_at);
        words.push(Word { token: i, stem, skip, definite, stop, conj, adverbial, sentence, prep, verbish, calendar });
    }
    if chunk_start < words.len() {
        chunks.push((chunk_start, words.len()));
    }
    if words.is_empty() {
        return Vec::new();
    }
    let n_sentences = p.sentences.len().max(1) as f32;
    // joined[i]: word i continues the chunk of word i - 1.
    let mut joined = vec![false; words.len()];
    for &(a, b) in &chunks {
        for j in joined.iter_mut().take(b).skip(a + 1) {
            *j = true;
        }
    }

    // Word statistics, by stem id, over content words. Words come in
    // text order, so the sentences of a stem's occurrences come sorted:
    // the median is the sentence of occurrence tf / 2.
    #[derive(Default, Clone)]
    struct Stat {
        tf: u32,
        /// Occurrences seen so far (second pass).
        seen: u32,
        median: usize,
        /// Distinct sentences, and the last one seen.
        spread: u32,
        last: usize,
        /// Left and right neighbours: occurrences and distinct stems.
        left: (u32, u32),
        right: (u32, u32),
    }
    let mut stats: Vec<Stat> = vec![Stat::default(); ids.len()];
    for (w, &id) in words.iter().zip(&word_id) {
        if !w.stop {
            stats[id as usize].tf += 1;
        }
    }
    // (stem, neighbour, side) triples, to count distinct neighbours.
    let mut pairs: HashSet<u64> = HashSet::with_capacity_and_hasher(words.len() * 2, Default::default());
    for &(a, b) in &chunks {
        for i in a..b {
            let w = &words[i];
            if w.stop {
                continue;
            }
            let id = word_id[i];
            let s = &mut stats[id as usize];
            if s.seen == s.tf / 2 {
                s.median = w.sentence;
            }
            if s.seen == 0 || s.last != w.sentence {
                s.spread += 1;
                s.last = w.sentence;
            }
            s.seen += 1;
            if i > a && !words[i - 1].stop {
                s.left.0 += 1;
                s.left.1 += u32::from(pairs.insert((id as u64) << 33 | (word_id[i - 1] as u64) << 1));
            }
            if i + 1 < b && !words[i + 1].stop {
                s.right.0 += 1;
                s.right.1 += u32::from(pairs.insert((id as u64) << 33 | (word_id[i + 1] as u64) << 1 | 1));
            }
        }
    }
    let tfs: Vec<f32> = stats.iter().filter(|s| s.tf > 0).map(|s| s.tf as f32).collect();
    let mean = tfs.iter().sum::<f32>() / tfs.len().max(1) as f32;
    let sd = (tfs.iter().map(|t| (t - mean).powi(2)).sum::<f32>() / tfs.len().max(1) as f32).sqrt();
    let max_tf = tfs.iter().cloned().fold(1.0, f32::max);
    // Score of each stem id; None for stopwords.
    let word_score: Vec<Option<f32>> = stats
        .iter()
        .map(|s| {
            if s.tf == 0 {
                return None;
            }
            let tf = s.tf as f32;
            let pos = (3.0 + s.median as f32).ln().ln();
            let freq = tf / (mean + sd);
            let ratio = |(total, distinct): (u32, u32)| if total == 0 { 0.0 } else { distinct as f32 / total as f32 };
            let rel = 1.0 + (ratio(s.left) + ratio(s.right)) * tf / max_tf;
            let spread = s.spread as f32 / n_sentences;
            Some(rel * pos / (freq / rel + spread / rel))
        })
        .collect();

    // Candidates.
    struct Cand<'a> {
        /// Stem ids of the words.
        key: &'a [u32],
        occurrences: &'a [(usize, usize)],
        first: usize,
    }
    // Every candidate occurrence as a word range, then the ones that recur.
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(words.len() * 2);
    for &(a, b) in &chunks {
        for i in a..b {
            if words[i].stop {
                continue;
            }
            for n in 1..=MAX_WORDS {
                let j = i + n;
                if j > b {
                    break;
                }
                let last = &words[j - 1];
                if n > 1 {
                    let prev = &words[j - 2];
                    if last.conj || last.adverbial {
                        break;
                    }
                    if words[i].verbish || last.verbish {
                        break;
                    }
                    if last.stop && !INNER.contains(&last.stem) && !INNER.contains(&p.tokens[last.token].key.as_str()) {
                        break;
                    }
                    // A definite word is followed by definite words only (or غير).
                    if prev.definite && !last.definite && !last.stop {
                        break;
                    }
                }
                if last.stop {
                    continue;
                }
                // A lone adjective-shaped word (nisba ـية, adverbial ـاً) is no key phrase.
                if n == 1 && (last.adverbial || last.stem.ends_with("يه")) {
                    continue;
                }
                if n == 1 && last.verbish {
                    continue;
                }
                if words[i..j].iter().all(|w| w.calendar || w.stop) {
                    continue;
                }
                spans.push((i, j));
            }
        }
    }
    // In a text of some length a key phrase recurs.
    let min_tf = if words.len() > LONG_TEXT_WORDS { 2 } else { 1 };
    // Each span's candidate number, by the packed stem ids.
    let mut index: std::collections::HashMap<u128, u32, std::hash::BuildHasherDefault<PackedHasher>> =
        std::collections::HashMap::with_capacity_and_hasher(spans.len(), Default::default());
    let mut count: Vec<usize> = Vec::with_capacity(spans.len());
    let cand_of: Vec<u32> = spans
        .iter()
        .map(|&(i, j)| {
            let next = count.len() as u32;
            let c = *index.entry(pack(&word_id[i..j])).or_insert(next);
            if c == next {
                count.push(0);
            }
            count[c as usize] += 1;
            c
        })
        .collect();
    // Occurrences grouped by candidate (in text order within each), for
    // the candidates that recur enough.
    let mut offset: Vec<usize> = Vec::with_capacity(count.len() + 1);
    let mut total = 0;
    for &n in &count {
        offset.push(total);
        if n >= min_tf {
            total += n;
        }
    }
    offset.push(total);
    let mut grouped: Vec<(usize, usize)> = vec![(0, 0); total];
    let mut fill = offset.clone();
    let mut first: Vec<usize> = vec![usize::MAX; count.len()];
    for (&span, &c) in spans.iter().zip(&cand_of) {
        let c = c as usize;
        if count[c] >= min_tf {
            grouped[fill[c]] = span;
            fill[c] += 1;
            first[c] = first[c].min(span.0);
        }
    }
    let cands: Vec<Cand> = (0..count.len())
        .filter(|&c| count[c] >= min_tf)
        .map(|c| {
            let occurrences = &grouped[offset[c]..offset[c] + count[c]];
            let (i, j) = occurrences[0];
            Cand { key: &word_id[i..j], occurrences, first: first[c] }
        })
        .collect();
    let mut before: Vec<u32> = Vec::new();

    let mut ranked: Vec<(f32, &Cand)> = cands
        .iter()
        .filter(|c| {
            let (i, j) = c.occurrences[0];
            let dropped = is_fragment(&words, &word_id, &joined, c.occurrences, &mut before)
                || (c.key.len() == 1 && is_adjective(&words, &joined, c.occurrences))
                || (c.occurrences.len() < 2 && words[i + 1..j].iter().any(|w| w.prep));
            !dropped
        })
        .map(|c| {
            let mut prod = 1.0f32;
            let mut sum = 0.0f32;
            for &id in c.key {
                if let Some(ws) = word_score[id as usize] {
                    prod *= ws;
                    sum += ws;
                }
            }
            let s = prod / (tf_weight(c.occurrences.len()) * (1.0 + sum));
            // The lead sentence says what the article is about.
            let lead = if words[c.first].sentence == 0 { LEAD_WEIGHT } else { 1.0 };
            (s / lead, c)
        })
        .collect();
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.first.cmp(&b.1.first)).then_with(|| a.1.key.len().cmp(&b.1.key.len())));

    let mut chosen: Vec<Keyphrase> = Vec::new();
    // Stem ids of the chosen phrases, and whether each was widened.
    let mut chosen_keys: Vec<(&[u32], bool)> = Vec::new();
    let inside = |small: &[u32], big: &[u32]| small.len() <= big.len() && big.windows(small.len()).any(|w| w == small);
    for (s, c) in ranked {
        let padded = c.key;
        let tf = c.occurrences.len();
        // Once `max` phrases are chosen, a phrase comes in only by taking
        // a chosen lone word's place (see `widen` below): the others are
        // passed over without the tests.
        if chosen.len() >= max
            && (padded.len() < 2
                || !chosen_keys.iter().enumerate().any(|(i, (k, widened))| !widened && k.len() == 1 && 2 * tf >= chosen[i].occurrences.len() && padded.contains(&k[0])))
        {
            continue;
        }
        // A phrase inside a chosen one adds nothing, unless it occurs at
        // least twice as often: then it is the core of that one and comes
        // too (`الهجرة غير الشرعية`, three times, after
        // `ملف الهجرة غير الشرعية`, once).
        let core = match chosen_keys.iter().position(|(k, _)| inside(padded, k)) {
            Some(k) if tf >= 2 * chosen[k].occurrences.len() => true,
            Some(_) => continue,
            None => false,
        };
        // A phrase holding a chosen lone word takes its place once
        // (`التعاون` → `التعاون الأمني`), keeping the rank and score.
        let widen = if core {
            None
        } else {
            chosen_keys
                .iter()
                .enumerate()
                .position(|(i, (k, widened))| !widened && k.len() == 1 && inside(k, padded) && 2 * tf >= chosen[i].occurrences.len())
        };
        if widen.is_none() && !core && chosen_keys.iter().any(|(k, _)| inside(k, padded)) {
            continue;
        }
        // A near repeat of a chosen phrase (two words or more in common,
        // most of the shorter one's: `تسند منحة قدرها خمسة` after
        // `تسند منحة قدرها أربعمائة`) adds nothing either.
        if widen.is_none() && !core && padded.len() > 1 && chosen_keys.iter().any(|(k, _)| near_repeat(padded, k)) {
            continue;
        }
        if widen.is_none() && chosen.len() >= max {
            continue;
        }
        let occurrences: Vec<Span> = c
            .occurrences
            .iter()
            .map(|&(i, j)| {
                let first = &p.tokens[words[i].token];
                let start = first.offset_after_key_chars(p.text, words[i].skip);
                let last = &p.tokens[words[j - 1].token];
                // The byte where `start` falls, walking the first token only.
                let mut byte = first.bytes.0;
                let mut at = first.start;
                for c in first.text(p.text).chars() {
                    if at >= start {
                        break;
                    }
                    at += c.len_utf16() as u32;
                    byte += c.len_utf8();
                }
                Span { start, end: last.end, text: p.text[byte..last.bytes.1].to_string() }
            })
            .collect();
        // The surface form seen most often (first on ties).
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for o in &occurrences {
            match counts.iter_mut().find(|(t, _)| *t == o.text) {
                Some(e) => e.1 += 1,
                None => counts.push((&o.text, 1)),
            }
        }
        let mut best = ("", 0);
        for &(t, n) in &counts {
            if n > best.1 {
                best = (t, n);
            }
        }
        let text = best.0.to_string();
        let (i, j) = c.occurrences[0];
        let key: String = words[i..j].iter().map(|w| w.stem).collect::<Vec<_>>().join(" ");
        let score = ((1.0 / (1.0 + s)) * 10000.0).round() / 10000.0;
        match widen {
            Some(k) => {
                let score = chosen[k].score;
                chosen[k] = Keyphrase { text, normalized: key.clone(), score, occurrences };
                chosen_keys[k] = (padded, true);
                // Other lone words of the phrase go.
                let mut i = 0;
                while i < chosen.len() {
                    if i != k && !chosen_keys[i].1 && inside(chosen_keys[i].0, padded) {
                        chosen.remove(i);
                        chosen_keys.remove(i);
                    } else {
                        i += 1;
                    }
                }
            }
            None => {
                chosen_keys.push((padded, false));
                chosen.push(Keyphrase { text, normalized: key.clone(), score, occurrences });
            }
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cliticized_occurrences_count_for_one_phrase() {
        let text = "بحث الوزير ملف الهجرة غير الشرعية. وتناول اللقاء مكافحة الهجرة غير الشرعية. \
                    ودعا إلى تعاون أوسع للحد من الهجرة غير الشرعية والاتجار بالبشر.";
        let p = Prepared::new(text);
        let kp = extract(&p, 10);
        let k = kp.iter().find(|k| k.normalized == "هجره غير شرعيه").unwrap_or_else(|| panic!("no phrase الهجرة غير الشرعية in {kp:?}"));
        assert_eq!(k.occurrences.len(), 3, "all three occurrences count: {k:?}");
        for o in &k.occurrences {
            assert!(o.text.ends_with("الهجرة غير الشرعية"), "occurrence {o:?}");
        }
    }

    #[test]
    fn stems_follow_the_text() {
        let words: HashSet<&str> = ["تركيا", "الهجره"].into_iter().collect();
        let vocab = |w: &str| words.contains(w);
        let cases: &[(&str, &str, &str, usize, bool)] = &[
            ("conjunction before a word the text uses", "وتركيا", "تركيا", 1, false),
            ("conjunction before the article", "والهجره", "هجره", 1, true),
            ("lam + article", "للهجره", "هجره", 1, true),
            ("waw of the word itself", "وزير", "وزير", 0, false),
            ("bi + article", "بالعماله", "عماله", 1, true),
            ("waw + kaf + a two-letter rest is one word", "وكاله", "وكاله", 0, false),
            ("fa before a word the text never uses alone", "فرقه", "فرقه", 0, false),
        ];
        for (name, key, stem, skip, definite) in cases {
            assert_eq!(stem_of(key, &vocab), (*stem, *skip, *definite), "case {name:?}: stem of {key}");
        }
    }

    #[test]
    fn built_word_table_is_the_lists() {
        use crate::topics::word_table::{layout, words_of, LISTS};
        let texts: Vec<(&str, u8)> = LISTS
            .iter()
            .map(|&(file, flag)| (crate::topics::word_table::tests::list_text(file), flag))
            .collect();
        let want = layout(texts.iter().flat_map(|&(txt, flag)| words_of(txt).map(move |w| (w, flag))));
        assert!(WORDS_TABLE == want.as_slice(), "the table build.rs wrote differs from the lists' layout; rebuild (cargo build)");
        for (file, flag) in LISTS {
            let txt = crate::topics::word_table::tests::list_text(file);
            for w in words_of(txt) {
                assert!(word_flags(w) & flag != 0, "data/{file}: {w:?} is not found in the table");
            }
        }
        let cases: &[(&str, &str, u8)] = &[("stopword", "التي", STOP), ("verb", "اتفق", VERB), ("calendar", "اثنين", CALENDAR), ("no list", "الهجره", 0)];
        for (name, w, want) in cases {
            assert_eq!(word_flags(w) & want, *want, "case {name:?}: {w:?}");
        }
    }

    #[test]
    fn stopwords_do_not_start_or_end_phrases() {
        assert!(is_stopword("التي") && is_stopword("وفي"), "the list and its conjunction forms");
        let p = Prepared::new("قال إن التعاون الأمني مهم. وأكد أن التعاون الأمني يتعزز.");
        for k in extract(&p, 10) {
            let first = kashif_first_word(&k.normalized);
            assert!(word_flags(first) & STOP == 0, "phrase {k:?} starts with a stopword");
        }
    }

    fn kashif_first_word(s: &str) -> &str {
        s.split(' ').next().unwrap_or("")
    }

    #[test]
    fn verbs_are_no_part_of_a_phrase() {
        let cases: &[(&str, &str, &str)] = &[
            ("listed verb (data/verbs-ar.txt) before a subject", "قررت الهيئة المديرة إقالة المدرب. وقررت الهيئة المديرة تعيين مدرب جديد.", "قررت"),
            ("feminine past shape ـت", "تمكنت الوحدات الأمنية من حجز شاحنة. وتمكنت الوحدات الأمنية من إيقاف السائق.", "تمكنت"),
            ("imperfect shape يـ", "قال الخبير يستعرض التقرير نمو الاقتصاد. ويستعرض التقرير تحسن المؤشرات.", "يستعرض"),
        ];
        for (name, text, verb) in cases {
            let kp = extract(&Prepared::new(text), 10);
            assert!(!kp.is_empty(), "case {name:?}: no key phrase at all");
            for k in &kp {
                assert!(!k.text.split(' ').any(|w| w.ends_with(verb)), "case {name:?}: the verb {verb} is part of the key phrase {:?}", k.text);
            }
        }
        assert!(verb_shaped("تمكنت") && verb_shaped("يتوقع"), "verb shapes");
        assert!(!verb_shaped("عمليات") && !verb_shaped("وقت") && !verb_shaped("يوم"), "plural ـات and short words are no verb shapes");
    }

    #[test]
    fn names_are_never_verbs_by_shape() {
        // «يوسف الشاهد» opens with يـ, as an imperfect verb does: a name
        // range keeps it a phrase.
        let text = "التقى يوسف الشاهد رئيس الحكومة بالوفد. وأكد يوسف الشاهد أهمية الزيارة.";
        let p = Prepared::new(text);
        let utf16 = |byte: usize| text[..byte].encode_utf16().count() as u32;
        let len = "يوسف الشاهد".encode_utf16().count() as u32;
        let names: Vec<(u32, u32)> = text.match_indices("يوسف الشاهد").map(|(at, _)| (utf16(at), utf16(at) + len)).collect();
        assert_eq!(names.len(), 2, "the name occurs twice");
        let with = extract_with_names(&p, 10, &names);
        assert!(with.iter().any(|k| k.text == "يوسف الشاهد"), "with the name ranges, «يوسف الشاهد» is a key phrase: {with:?}");
        let without = extract(&p, 10);
        assert!(!without.iter().any(|k| k.text.starts_with("يوسف")), "without them, يوسف is taken for a verb: {without:?}");
    }

    #[test]
    fn the_lead_sentence_ranks_first_on_equal_statistics() {
        // Two phrases with the same statistics, one in the lead sentence.
        let text = "افتتح الوزير معرض الكتاب في المدينة. وحضر الافتتاح عدد من الضيوف. وزار الحاضرون جناح الطفل.";
        let kp = extract(&Prepared::new(text), 10);
        let rank = |s: &str| kp.iter().position(|k| k.text == s).unwrap_or_else(|| panic!("no key phrase {s:?} in {kp:?}"));
        assert!(rank("معرض الكتاب") < rank("جناح الطفل"), "the lead's phrase ranks first: {kp:?}");
    }

    #[test]
    fn a_phrase_seen_once_holds_no_preposition() {
        let kp = extract(&Prepared::new("دعا الخبير إلى رفع سن التقاعد للحد من عجز الصناديق."), 10);
        assert!(!kp.iter().any(|k| k.text.contains("للحد")), "«للحد» opens a prepositional phrase: {kp:?}");
    }

    #[test]
    fn near_repeats_are_dropped() {
        let cases: &[(&str, &[u32], &[u32], bool)] = &[
            ("three words, two shared", &[1, 2, 3], &[1, 2, 4], true),
            ("two-word phrases sharing one", &[1, 2], &[1, 3], false),
            ("two words inside four", &[1, 2], &[5, 1, 2, 6], true),
            ("two of four shared, not most", &[1, 2, 3, 4], &[1, 2, 5, 6], false),
        ];
        for (name, a, b, want) in cases {
            assert_eq!(near_repeat(a, b), *want, "case {name:?}");
        }
    }

    #[test]
    fn empty_and_latin_texts_have_no_phrases() {
        assert!(extract(&Prepared::new(""), 10).is_empty());
        assert!(extract(&Prepared::new("hello world 2024"), 10).is_empty());
        assert!(extract(&Prepared::new("الهجرة"), 0).is_empty());
    }
}
