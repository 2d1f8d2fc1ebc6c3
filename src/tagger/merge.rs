//! The one policy that combines the rules' spans with the tagger's.
//!
//! The rules (lexicons and patterns) know what they find; the tagger
//! finds what they do not know. So:
//!
//! 1. **Rules win.** Every rule span is kept as it is. Types beyond
//!    PERS/ORG/GPE/LOC (OCC, NORP, DATE, EVENT, FAC) come only from rules.
//! 2. **The tagger fills gaps.** A tagger span (PERS, ORG or a place) that
//!    overlaps no rule span is added.
//! 3. **Context is trimmed off.** A tagger span that overlaps only
//!    context spans of the rules (OCC, NORP, DATE: a title or nationality
//!    glued to a name) keeps its tokens outside them, if they form one
//!    run: `الرئيس جورج بوش` tagged PERS with OCC `الرئيس` gives PERS
//!    `جورج بوش`.
//! 4. **Names are not second-guessed.** A tagger span that overlaps a rule
//!    span of a name type (PERS, ORG, GPE, LOC, FAC, EVENT) is dropped:
//!    the rules already named that stretch of text.
//! 5. **Places:** a tagger place is LOC when its first word (without
//!    clitics and article) is a geographic descriptor (`بحر`, `جبل`,
//!    `نهر` …), otherwise GPE (most unknown places in news are cities).
//! 6. A tagger span needs a confidence of at least [`MIN_SCORE`] and an
//!    Arabic or Latin word at both ends.
//! 7. Spans start after a proclitic ([`super::clitic_skip`]) and the
//!    result stays sorted by start and free of overlaps.

use super::TagSpan;
use crate::entities::{Candidate, EntityType};
use crate::lexicon::Lexicon;
use crate::text::{clitics, Prepared, Token, TokenKind};

/// The least confidence for a tagger span to be added.
pub const MIN_SCORE: f32 = 0.5;

/// First words that make a tagger place a LOC (geographic, not political).
const GEO_DESCRIPTORS: &[&str] = &[
    "بحر", "محيط", "خليج", "نهر", "جبل", "جبال", "صحراء", "صحراء", "جزيره", "جزر", "وادي", "سهل", "هضبه", "قناه", "مضيق", "بحيره", "شبه",
];

/// A span the merge accepts from the tagger: token range and final type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accepted {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// PERS, ORG, GPE or LOC.
    pub kind: EntityType,
}

fn is_context(t: EntityType) -> bool {
    matches!(t, EntityType::Occ | EntityType::Norp | EntityType::Date)
}

fn is_word(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Arabic | TokenKind::Latin)
}

/// Whether the first word of a place is a geographic descriptor.
fn is_geographic(t: &Token) -> bool {
    clitics::readings(&t.key).iter().any(|r| {
        let bare = clitics::without_article(&r.stem).unwrap_or(&r.stem);
        GEO_DESCRIPTORS.contains(&bare)
    })
}

/// Applies the policy. `rules` are the rule spans as (first token, one
/// past the last token, type), sorted and not overlapping; `tagged` the
/// tagger's spans in order. Returns the tagger spans to add, in order;
/// none overlaps a rule span or another.
pub fn merge(tokens: &[Token], rules: &[(usize, usize, EntityType)], tagged: &[TagSpan]) -> Vec<Accepted> {
    let mut out: Vec<Accepted> = Vec::new();
    for s in tagged {
        if s.score < MIN_SCORE || !matches!(s.kind, EntityType::Pers | EntityType::Org | EntityType::Loc) {
            continue;
        }
        let overlapping: Vec<&(usize, usize, EntityType)> = rules.iter().filter(|r| r.0 < s.last && s.first < r.1).collect();
        let (mut first, mut last) = (s.first, s.last);
        if !overlapping.is_empty() {
            if !overlapping.iter().all(|r| is_context(r.2)) {
                continue;
            }
            // Tokens of the span outside every rule span must form one run.
            let free: Vec<usize> = (s.first..s.last).filter(|&k| !overlapping.iter().any(|r| r.0 <= k && k < r.1)).collect();
            let Some(&a) = free.first() else { continue };
            let b = *free.last().expect("non-empty") + 1;
            if b - a != free.len() {
                continue;
            }
            (first, last) = (a, b);
        }
        // Trim punctuation and numbers at the edges.
        while first < last && !is_word(&tokens[first]) {
            first += 1;
        }
        while last > first && !is_word(&tokens[last - 1]) {
            last -= 1;
        }
        if first == last || out.last().is_some_and(|o| o.last > first) {
            continue;
        }
        let kind = match s.kind {
            EntityType::Loc if !is_geographic(&tokens[first]) => EntityType::Gpe,
            k => k,
        };
        out.push(Accepted { first, last, kind });
    }
    out
}

/// Runs the embedded tagger over `p` and adds the spans the policy
/// accepts to the rule candidates `candidates` (sorted, not overlapping),
/// which stay sorted by start and free of overlaps.
pub fn apply<'l>(p: &Prepared, lex: &'l Lexicon, candidates: &mut Vec<Candidate<'l>>) {
    let tagged = super::tag(p, lex, super::builtin());
    if tagged.is_empty() {
        return;
    }
    let rules: Vec<(usize, usize, EntityType)> = candidates.iter().map(|c| (c.first, c.last, c.kind)).collect();
    let accepted = merge(&p.tokens, &rules, &tagged);
    if accepted.is_empty() {
        return;
    }
    let words = super::word_keys(p);
    for a in accepted {
        let first = &p.tokens[a.first];
        let skip = super::clitic_skip(first, lex, &words);
        let start = first.offset_after_key_chars(p.text, skip);
        let end = p.tokens[a.last - 1].end;
        let score = tagged.iter().find(|s| s.first <= a.first && a.last <= s.last).map_or(0.6, |s| s.score);
        let mut key: String = first.key.chars().skip(skip).collect();
        for t in &p.tokens[a.first + 1..a.last] {
            key.push(' ');
            key.push_str(&t.key);
        }
        candidates.push(Candidate { start, end, first: a.first, last: a.last, kind: a.kind, key, entry: None, score: score.min(0.85) });
    }
    candidates.sort_by_key(|c| c.start);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;
    use EntityType::*;

    #[test]
    fn table() {
        // Tokens: 0 قال 1 الرئيس 2 الأمريكي 3 جورج 4 بوش 5 في 6 بحر 7 قزوين 8 و 9 طرابلس 10 .
        let text = "قال الرئيس الأمريكي جورج بوش في بحر قزوين و طرابلس .";
        let toks = tokenize(text);
        let t = |first, last, kind| TagSpan { first, last, kind, score: 0.9 };
        let cases: &[(&str, &[(usize, usize, EntityType)], &[TagSpan], &[(usize, usize, EntityType)])] = &[
            ("no rules: the tagger span is added", &[], &[t(3, 5, Pers)], &[(3, 5, Pers)]),
            ("rule span elsewhere: both kept", &[(1, 2, Occ)], &[t(3, 5, Pers)], &[(3, 5, Pers)]),
            ("title glued to the name is trimmed off", &[(1, 2, Occ), (2, 3, Norp)], &[t(1, 5, Pers)], &[(3, 5, Pers)]),
            ("context inside the span splits it: dropped", &[(3, 4, Date)], &[t(2, 5, Pers)], &[]),
            ("overlap with a rule name: dropped", &[(9, 10, Gpe)], &[t(8, 10, Loc)], &[]),
            ("same stretch as a rule name: dropped", &[(3, 5, Pers)], &[t(3, 5, Pers)], &[]),
            ("span only over context: dropped", &[(1, 2, Occ)], &[t(1, 2, Pers)], &[]),
            ("unknown place is GPE", &[], &[t(9, 10, Loc)], &[(9, 10, Gpe)]),
            ("place opened by a descriptor is LOC", &[], &[t(6, 8, Loc)], &[(6, 8, Loc)]),
            ("low confidence: dropped", &[], &[TagSpan { first: 3, last: 5, kind: Pers, score: 0.2 }], &[]),
            ("punctuation at the edge is trimmed", &[], &[t(9, 11, Loc)], &[(9, 10, Gpe)]),
            ("types beyond PERS/ORG/LOC never come from the tagger", &[], &[t(1, 2, Occ)], &[]),
        ];
        for (name, rules, tagged, want) in cases {
            let got: Vec<(usize, usize, EntityType)> = merge(&toks, rules, tagged).into_iter().map(|a| (a.first, a.last, a.kind)).collect();
            assert_eq!(got, *want, "case {name:?}: merge policy in src/tagger/merge.rs");
        }
    }

    #[test]
    fn result_never_overlaps() {
        let toks = tokenize("أ ب ج د ه و ز");
        let tagged: Vec<TagSpan> = (0..6).map(|i| TagSpan { first: i, last: i + 2, kind: Org, score: 0.9 }).collect();
        let rules = [(2, 3, Occ)];
        let got = merge(&toks, &rules, &tagged);
        let mut all: Vec<(usize, usize)> = got.iter().map(|a| (a.first, a.last)).chain(rules.iter().map(|r| (r.0, r.1))).collect();
        all.sort();
        for w in all.windows(2) {
            assert!(w[0].1 <= w[1].0, "spans {:?} and {:?} overlap", w[0], w[1]);
        }
    }
}
