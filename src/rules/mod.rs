//! Rules that turn tokens and lexicon hits into candidate spans. Each rule
//! is a small module with its own table-driven tests:
//!
//! - [`gazetteer`]: named places, nationalities and organizations of the
//!   lexicon, with the context checks that ambiguous names need;
//! - [`titles`]: OCC titles with their portfolio, institution and modifier;
//! - [`orgs`]: productive organization and facility names (head noun +
//!   complement), official state names (`جمهورية تونس`);
//! - [`dates`]: DATE spans with an ISO `value`, relative days resolved
//!   against the dateline;
//! - [`events`]: named events (`الدورة الحادية والأربعين لمجلس …`);
//! - [`persons`]: person names from given names, name chains and context
//!   (a title before them, `نظيره` + nationality, a quoted name).
//!
//! Every rule returns [`Candidate`]s, possibly overlapping; the merge in
//! [`crate::entities`] picks the flat set.

pub mod dates;
pub mod events;
pub mod gazetteer;
pub mod orgs;
pub mod persons;
pub mod titles;

use crate::entities::Candidate;
use crate::lexicon::{Entry, Lexicon, PhraseIndex};
use crate::text::{clitics, Prepared, Token, TokenKind};

/// A phrase of a lexicon list found at a token.
#[derive(Debug, Clone)]
pub struct PhraseMatch<'l> {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Key characters of the first token before the phrase (a clitic).
    pub skip: usize,
    /// The phrase key.
    pub key: String,
    /// Its entries.
    pub entries: Vec<&'l Entry>,
}

/// A fixed word list of a rule as a hash set, built on first use (the
/// `build_tables` of `Analyzer::new` builds it): one hash lookup instead of a
/// scan of the list with a string compare per word of the same length.
/// Most words are rejected before hashing: by their byte length and last
/// byte, which few words of a list share.
#[derive(Debug)]
pub struct WordSet {
    list: &'static [&'static str],
    set: std::sync::OnceLock<Filtered>,
}

#[derive(Debug)]
struct Filtered {
    /// Rejects most words that are not in the list before hashing.
    filter: crate::hash::LenLastFilter,
    set: crate::hash::FxHashSet<&'static str>,
}

impl WordSet {
    /// The set of the words of `list`.
    pub const fn new(list: &'static [&'static str]) -> WordSet {
        WordSet { list, set: std::sync::OnceLock::new() }
    }

    /// Whether `word` is in the list.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let f = self.set.get_or_init(|| {
            let mut filter = crate::hash::LenLastFilter::default();
            self.list.iter().for_each(|w| filter.insert(w));
            Filtered { filter, set: self.list.iter().copied().collect() }
        });
        f.filter.may_contain(word) && f.set.contains(word)
    }

    /// The words, in the order of the list.
    pub fn list(&self) -> &'static [&'static str] {
        self.list
    }
}

/// Whether a token can be part of a name or phrase.
pub fn is_word(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Arabic | TokenKind::Latin)
}

/// Whether a token is a quotation mark.
pub fn is_quote(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.key.as_str(), "\"" | "“" | "”" | "«" | "»" | "'" | "„" | "‘" | "’")
}

/// Whether `f` holds for the key or for what is left after up to three
/// proclitic letters (`و ف ب ك ل`, and `لل` read as `ل` + `ال`): a cheap test,
/// without allocating, before [`clitics::readings`].
pub fn any_stem(key: &str, f: impl Fn(&str) -> bool) -> bool {
    let mut k = key;
    let mut buf = String::new();
    for _ in 0..=3 {
        if f(k) {
            return true;
        }
        if let Some(rest) = k.strip_prefix("لل") {
            buf.clear();
            buf.push_str("ال");
            buf.push_str(rest);
            if f(&buf) {
                return true;
            }
        }
        match k.chars().next() {
            Some(c @ ('و' | 'ف' | 'ب' | 'ك' | 'ل')) => k = &k[c.len_utf8()..],
            _ => return false,
        }
    }
    false
}

/// The longest phrase of `index` starting at token `i`; with `clitics`, also
/// after a proclitic of the first word (`وتركيا`, `بطرابلس`, `للطرابلسي`).
/// `keep` filters the entries a phrase must have. A tie keeps the bare
/// reading.
pub fn phrase_at<'l>(
    p: &Prepared,
    lex: &'l Lexicon,
    index: &PhraseIndex,
    i: usize,
    with_clitics: bool,
    keep: &dyn Fn(&Entry) -> bool,
) -> Option<PhraseMatch<'l>> {
    let toks = &p.tokens;
    if i >= toks.len() || !(is_word(&toks[i]) || toks[i].kind == TokenKind::Number) {
        return None;
    }
    if !any_stem(&toks[i].key, |s: &str| index.max_words(s) > 0) {
        return None;
    }
    let all = clitics::readings_ref(&toks[i].key);
    let readings = if with_clitics { &all[..] } else { &all[..1] };
    let mut best: Option<PhraseMatch<'l>> = None;
    // one buffer for the phrases of every reading, kept from call to call
    thread_local! {
        static PHRASE: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
    }
    let mut phrase = PHRASE.take();
    for r in readings {
        let max = index.max_words(&r.stem);
        if max == 0 {
            continue;
        }
        phrase.clear();
        phrase.push_str(&r.stem);
        let mut j = i + 1;
        let mut words = 1;
        loop {
            let entries: Vec<&Entry> = index.ids(&phrase).iter().map(|&id| lex.entry(id)).filter(|e| keep(e)).collect();
            if !entries.is_empty() && best.as_ref().is_none_or(|b| j - i > b.last - b.first) {
                best = Some(PhraseMatch { first: i, last: j, skip: r.skip, key: phrase.clone(), entries });
            }
            if words >= max || j >= toks.len() || !(is_word(&toks[j]) || toks[j].kind == TokenKind::Number) {
                break;
            }
            // a phrase does not run across a line break
            if crate::text::has_newline(&p.text[toks[j - 1].bytes.1..toks[j].bytes.0]) {
                break;
            }
            phrase.push(' ');
            phrase.push_str(&toks[j].key);
            words += 1;
            j += 1;
        }
    }
    PHRASE.set(phrase);
    best
}

/// For each distinct word of the text, whether it may open a phrase of
/// `index` (the test [`phrase_at`] starts with), asked when first needed:
/// a rule that tries [`phrase_at`] at every token asks it once a word.
pub struct Opens<'p, 'i> {
    p: &'p Prepared<'p>,
    index: &'i PhraseIndex,
    known: Vec<Option<bool>>,
}

impl<'p, 'i> Opens<'p, 'i> {
    /// The (empty) table of `p`'s words for `index`.
    pub fn new(p: &'p Prepared<'p>, index: &'i PhraseIndex) -> Self {
        Opens { p, index, known: vec![None; p.words().first.len()] }
    }

    /// False when no phrase of the index starts at token `i`, as
    /// [`phrase_at`] would find.
    pub fn may(&mut self, i: usize) -> bool {
        let (p, index) = (self.p, self.index);
        *self.known[p.words().id[i] as usize].get_or_insert_with(|| any_stem(&p.tokens[i].key, |s: &str| index.max_words(s) > 0))
    }
}

/// The UTF-16 start of token `i` after `skip` key characters.
pub fn start_after(p: &Prepared, i: usize, skip: usize) -> u32 {
    p.tokens[i].offset_after_key_chars(p.text, skip)
}

/// A candidate over tokens `[first, last)` whose first `skip` key
/// characters are a clitic outside the span.
#[allow(clippy::too_many_arguments)]
pub fn candidate<'l>(
    p: &Prepared,
    first: usize,
    last: usize,
    skip: usize,
    kind: crate::EntityType,
    key: String,
    entry: Option<&'l Entry>,
    score: f32,
    rule: &'static str,
) -> Candidate<'l> {
    Candidate {
        start: start_after(p, first, skip),
        end: p.tokens[last - 1].end,
        first,
        last,
        kind,
        key,
        entry,
        score,
        rule,
        value: None,
    }
}

/// The key of token `i` without its proclitic, if the token has exactly
/// one reading with a one-letter proclitic whose stem satisfies `f`.
pub fn stem_where(p: &Prepared, i: usize, f: &dyn Fn(&str) -> bool) -> Option<(usize, String)> {
    let t = p.tokens.get(i)?;
    clitics::readings_ref(&t.key).iter().find(|r| f(&r.stem)).map(|r| (r.skip, r.stem.to_string()))
}

/// Whether there is a line break between tokens `i` and `i + 1`.
pub fn line_break_after(p: &Prepared, i: usize) -> bool {
    i + 1 < p.tokens.len() && crate::text::has_newline(&p.text[p.tokens[i].bytes.1..p.tokens[i + 1].bytes.0])
}

#[cfg(test)]
pub(crate) mod testutil {
    use crate::entities::Candidate;
    use crate::text::Prepared;

    /// (type tag, text) of candidates, in order of start.
    pub fn show(p: &Prepared, cands: &[Candidate]) -> Vec<(String, String)> {
        let mut c: Vec<&Candidate> = cands.iter().collect();
        c.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
        c.iter().map(|c| (c.kind.tag().to_string(), p.slice(c.start, c.end).to_string())).collect()
    }

    /// Owned pairs from a table row.
    pub fn want(w: &[(&str, &str)]) -> Vec<(String, String)> {
        w.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Part;

    #[test]
    fn opens_never_rejects_a_token_where_a_phrase_starts() {
        let lex = Lexicon::builtin();
        let texts = [
            ("places and clitics", "زار وزير الداخلية طرابلس وتونس والجزائر ثم عاد إلى طرابلس"),
            ("titles", "استقبل رئيس المجلس الرئاسي الليبي وزير الخارجية التركي"),
        ];
        for (name, text) in texts {
            let p = Prepared::new(text);
            for part in [Part::Name, Part::Title] {
                let ix = lex.phrases(part);
                let mut opens = Opens::new(&p, ix);
                let mut phrases = 0;
                for i in 0..p.tokens.len() {
                    let found = phrase_at(&p, lex, ix, i, true, &|_| true).is_some();
                    phrases += usize::from(found);
                    assert!(!found || opens.may(i), "case {name:?}: a phrase of {part:?} starts at token {i} ({}) but Opens::may says none can", p.tokens[i].key);
                }
                assert!(phrases > 0, "case {name:?}: the text must hold phrases of {part:?} for the test to mean anything");
            }
        }
    }
}
