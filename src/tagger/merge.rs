//! The one policy that combines the rules' spans with the tagger's.
//!
//! The rules (lexicons and patterns) know what they find; the tagger
//! finds what they do not know. For each tagger span (PERS, ORG or a
//! place), in order:
//!
//! 0. **The tagger's veto.** The tagger reads the rules' mentions as
//!    features (stacking: [`super::features::rule_features`]), so when it
//!    tags none of the words of a rule PERS, or of a one-word rule GPE that
//!    is a town (no country or capital), it has seen the rule and
//!    overruled it: the rule span is dropped ([`unbacked`]), unless a rule
//!    title (OCC, a nationality between or not) ends right before the
//!    person (`وزير الداخلية التركي علي يرلي كايا`), a town the tagger backs
//!    at another of its mentions in the text, and a town right after
//!    a word that says it is a place ([`PLACE_CUES`]: `قبالة سواحل زوارة`). Measured on
//!    three corpora (ANERcorp held-out sixth, AQMAR, Wojood val) the
//!    rules' persons and towns that the tagger does not back are mostly
//!    ordinary words (`ذكريات`, `طالب بكشف`, `رالي`).
//! 1. **Confidence.** A span below [`MIN_SCORE`] is dropped, and so is a
//!    span whose last word is an ordinary word of the corpora
//!    (`common_words.tsv`) that no name list knows, a person of two words
//!    or more that opens with one (`سواحل زوارة`), any span opening with
//!    a currency or unit ([`UNITS`]: `شيكل`, `فرنك سويسري`), and an ORG
//!    span that opens with an organization head noun (`org_heads.tsv`: the
//!    rules' grammar of such names already declined it) unless its
//!    confidence is at least [`KEEP_SCORE`] and the word after the head is
//!    no ordinary word (`جامعة آستون`) ([`apply`]). A person may end in an
//!    ordinary word after a connector (`عبد الوحيد`) or in an ordinal
//!    (`محمد الخامس`), and open with a connector (`ابن بطوطة`). An ORG or
//!    a place of confidence at least [`KEEP_SCORE`] may end in an ordinary
//!    word (`تايمز`, `الأهلي`). A span with no Arabic word is dropped (the
//!    model saw 98 Latin tokens in training: `<script>` was a PERS), and so
//!    is a span with a word written with tanwin (`سكنياً`: an indefinite
//!    noun or adjective, never a name in news), and a one-word place
//!    shaped `ال` + masculine plural that no list knows (`الناجون`).
//! 2. **Context is trimmed off the edges.** Rule spans of a title or
//!    date (OCC, DATE) at either edge, and of a nationality (NORP) at the
//!    left edge, are cut off: `الرئيس الأمريكي جورج بوش` tagged PERS, with
//!    OCC `الرئيس` and NORP `الأمريكي`, gives PERS `جورج بوش`.
//!    A rule GPE at the left edge of a tagger PERS is cut off as well
//!    (`السفير الليبي لدى مصر عبد المطلب ثابت`: the tagger's PERS took `مصر`).
//!    Punctuation and numbers at the edges are cut off too.
//! 3. **Rules win on their own ground.** What is left is dropped when it
//!    overlaps a rule span that sticks out of it, or equals one, or
//!    contains a rule span of a type it may not hold: ORG may hold GPE,
//!    LOC, NORP and OCC (spec rule 3: `وزارة الداخلية الليبية`,
//!    `مجلس وزراء الداخلية العرب`); PERS may hold GPE, LOC and NORP (a
//!    nisba: `عماد الطرابلسي`); a place holds nothing.
//!    A tagger PERS or ORG may also hold a shorter rule span of its own
//!    type (`كي مون` inside `بان كي مون`). A tagger PERS of confidence at
//!    least [`TRIM_SCORE`] inside a longer rule PERS replaces it when the
//!    words it leaves out are no listed given or family name, connector or
//!    ordinal, nor a word of a person it tags elsewhere in the text (`شيراك لثنيه`, `الشهيد رفيق الحريري`: the rules' chain ran
//!    over an ordinary word no list knows). Likewise a tagger place of
//!    that confidence inside a longer rule LOC or GPE replaces it, with the
//!    rule's type: the rules took a descriptor or a direction with the name
//!    (`شمال أفريقيا`, `ووسط أفريقيا`; spec rule 8: `منطقة المتوسط` marks
//!    `المتوسط`), which the tagger, trained on ANERcorp and reading the rule
//!    span as a feature, leaves out. A GPE keeps the words of a state's
//!    official name ([`OFFICIAL`]: `جمهورية تونس`), a FAC is never cut
//!    (`قصر قرطاج`), nor a coordination (`الساحل والصحراء`). An ORG is
//!    not cut (the head noun is part of the name: `حركة حماس`,
//!    `جامعة بيرزيت`; cutting it raised ANERcorp cross-validation by 0.5
//!    and cost Wojood val 3 points). Measured by cross-validation inside
//!    the first five sixths of ANERcorp (`scripts/cv-tagger.sh`).
//! 4. **Outermost name wins.** A span that holds rule spans replaces them
//!    (they are removed), if its confidence is at least [`ABSORB_SCORE`];
//!    otherwise it is dropped. A tagger ORG of confidence at least
//!    [`RETYPE_SCORE`] over exactly the words of a rule GPE replaces it
//!    (a club or newspaper named after its city); likewise over a
//!    one-word rule DATE (a month that names a company: `نيسان`), which
//!    is then neither trimmed off the edge nor kept.
//! 5. **Gaps are filled.** A span that overlaps no rule span is added.
//! 6. **Places:** a tagger place is LOC when its first word (without
//!    clitics and article) is a geographic descriptor (`بحر`, `جبل`,
//!    `نهر` …), otherwise GPE (most unknown places in news are cities).
//! 7. Types beyond PERS, ORG, GPE and LOC come only from the rules; spans
//!    start after a proclitic ([`super::clitic_skip`]); the result stays
//!    sorted by start and free of overlaps.

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
    /// Index of the tagger span it comes from.
    pub from: usize,
}

/// What the policy decides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// Tagger spans to add, in order.
    pub added: Vec<Accepted>,
    /// Indices of rule spans to remove (held by an added span), ascending.
    pub removed: Vec<usize>,
}

/// The least confidence for a tagger ORG or place to be kept although it
/// ends in an ordinary word (step 1).
pub const KEEP_SCORE: f32 = 0.9;

/// The least confidence for a tagger span that replaces rule spans.
pub const ABSORB_SCORE: f32 = 0.75;

fn is_word(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Arabic | TokenKind::Latin)
}

/// Words that open the official name of a state (spec rule 8: `جمهورية تونس`,
/// `المملكة العربية السعودية` are whole GPEs).
const OFFICIAL: &[&str] = &["جمهوريه", "دوله", "مملكه", "اماره", "سلطنه", "امارات", "ولايه", "ولايات", "اتحاد", "عربيه", "متحده"];

/// Whether a word belongs to the official name of a state ([`OFFICIAL`]).
fn official(t: &Token) -> bool {
    reads_as_one_of(t, OFFICIAL)
}

/// Currencies and units (normalized, without article): a tagger span opening
/// with one is no name (`شيكل`, `فرنك سويسري`, `برميل`). `ريال` (ريال مدريد)
/// and `درهم` (Durham) are names too often to be here.
const UNITS: &[&str] = &[
    "دولار", "دولارات", "يورو", "دينار", "دنانير", "جنيه", "جنيهات", "ليره", "ليرات", "فرنك", "فرنكات", "شيكل", "شيكلات", "روبل", "روبيه", "بيزو",
    "برميل", "براميل", "طن", "اطنان", "كيلومتر", "كيلومترات", "كيلوغرام", "كيلوجرام", "ميجابايت", "ميغابايت", "مليمتر", "ميغاواط", "ميجاوات", "هكتار",
];

/// Whether a word is a currency or unit ([`UNITS`]; any clitic reading, article or not).
fn is_unit(t: &Token) -> bool {
    reads_as_one_of(t, UNITS)
}

/// Whether a clitic reading of a word, without its article, is one of `words`.
fn reads_as_one_of(t: &Token, words: &[&str]) -> bool {
    clitics::readings_ref(&t.key).iter().any(|r| words.contains(&clitics::without_article(&r.stem).unwrap_or(&r.stem)))
}

/// Words before a town that say it is a place (the tagger's veto spares
/// the town after them).
const PLACE_CUES: &[&str] = &["مدينه", "مدن", "بلده", "بلدات", "قريه", "قري", "ساحل", "سواحل", "شاطي", "شواطي", "ضواحي", "مخيم", "ميناء", "محافظه", "ولايه", "اقليم", "منطقه"];

/// Whether a word is a [`PLACE_CUES`] word (any clitic reading, article or not).
fn is_place_cue(t: &Token) -> bool {
    reads_as_one_of(t, PLACE_CUES)
}

/// Whether the first word of a place is a geographic descriptor.
fn is_geographic(t: &Token) -> bool {
    clitics::readings(&t.key).iter().any(|r| {
        let bare = clitics::without_article(&r.stem).unwrap_or(&r.stem);
        GEO_DESCRIPTORS.contains(&bare)
    })
}

/// Whether a tagger span of type `outer` may hold a rule span of type
/// `inner` (a shorter name of the same type is a partial reading of it).
fn may_hold(outer: EntityType, inner: EntityType) -> bool {
    use EntityType::*;
    match outer {
        Org => matches!(inner, Gpe | Loc | Norp | Occ | Org),
        Pers => matches!(inner, Gpe | Loc | Norp | Pers),
        _ => false,
    }
}

/// The least confidence for a tagger PERS to replace a longer rule PERS
/// that holds it, when the words it leaves out are no listed names.
pub const TRIM_SCORE: f32 = 0.9;

/// The least confidence for a tagger ORG to retype a rule GPE of exactly
/// the same words (a club or newspaper named after its city:
/// `أنقذ برشلونة من الخسارة`).
pub const RETYPE_SCORE: f32 = 0.9;

/// Applies the policy. `rules` are the rule spans as (first token, one
/// past the last token, type), sorted and not overlapping; `tagged` the
/// tagger's spans in order. The added spans overlap no kept rule span
/// and no other added span.
pub fn merge(tokens: &[Token], rules: &[(usize, usize, EntityType)], tagged: &[TagSpan], listed: &dyn Fn(usize) -> bool) -> Merged {
    use EntityType::*;
    let mut out = Merged::default();
    // Rule spans are sorted and do not overlap, so their ends are sorted
    // too: binary searches keep the policy O(n log n) on any text.
    let covering = |k: usize| {
        let i = rules.partition_point(|r| r.1 <= k);
        (i < rules.len() && rules[i].0 <= k).then_some(i)
    };
    for (n, s) in tagged.iter().enumerate() {
        if s.score < MIN_SCORE || !matches!(s.kind, Pers | Org | Loc) {
            continue;
        }
        let (mut first, mut last) = (s.first, s.last);
        // A sure ORG may hold a one-word date: a month that names a
        // company (`نيسان`).
        let sure_org = s.kind == Org && s.score >= RETYPE_SCORE;
        let bare_month = |r: (usize, usize, EntityType)| r.2 == Date && r.1 == r.0 + 1 && tokens[r.0].kind == TokenKind::Arabic;
        // Trim context and non-words off the edges.
        loop {
            let before = (first, last);
            while first < last && !is_word(&tokens[first]) {
                first += 1;
            }
            while last > first && !is_word(&tokens[last - 1]) {
                last -= 1;
            }
            if first < last {
                if let Some(r) = covering(first).map(|i| rules[i]) {
                    // A person's name does not open with a place either (`لدى مصر عبد المطلب ثابت`).
                    if (matches!(r.2, Occ | Date | Norp) || (s.kind == Pers && r.2 == Gpe)) && !(sure_org && bare_month(r)) {
                        first = r.1.min(last);
                    }
                }
            }
            if first < last {
                if let Some(r) = covering(last - 1).map(|i| rules[i]) {
                    if matches!(r.2, Occ | Date) && !(sure_org && bare_month(r)) {
                        last = r.0.max(first);
                    }
                }
            }
            if (first, last) == before {
                break;
            }
        }
        if first >= last {
            continue;
        }
        let from = rules.partition_point(|r| r.1 <= first);
        let inside: Vec<usize> = (from..rules.len()).take_while(|&i| rules[i].0 < last).collect();
        let retype = sure_org && inside.len() == 1 && matches!(rules[inside[0]], r if (r.0, r.1) == (first, last) && (r.2 == Gpe || bare_month(r)));
        // A sure person inside a longer rule person: the rule's chain ran over words
        // that are no listed name (`شيراك لثنيه`, `الشهيد رفيق الحريري`).
        let narrower = s.kind == Pers
            && s.score >= TRIM_SCORE
            && inside.len() == 1
            && matches!(rules[inside[0]], r if r.2 == Pers && r.0 <= first && last <= r.1 && (r.0, r.1) != (first, last)
                && (r.0..first).chain(last..r.1).all(|k| !listed(k)));
        // A sure ORG or place inside a longer rule span of its type: the rule took a
        // descriptor or a nationality with the name (`شركة موتورولا`, `شمال أفريقيا`).
        // A GPE keeps the words of a state's official name (`جمهورية تونس`); a FAC is never cut.
        let narrower_name = s.kind == Loc
            && s.score >= TRIM_SCORE
            && inside.len() == 1
            && matches!(rules[inside[0]], r if r.0 <= first && last <= r.1 && (r.0, r.1) != (first, last)
                && matches!(r.2, Loc | Gpe)
                && (r.0..first).chain(last..r.1).all(|k| r.2 != Gpe || !official(&tokens[k]))
                // a name coordinated inside the rule's (`الساحل والصحراء`) is not a descriptor
                && (r.0 + 1..r.1).all(|k| !tokens[k].key.starts_with("وال")));
        let retype = retype || narrower || narrower_name;
        let ok = retype
            || inside.iter().all(|&i| {
                let r = rules[i];
                first <= r.0 && r.1 <= last && (r.0, r.1) != (first, last) && (may_hold(s.kind, r.2) || (sure_org && bare_month(r)))
            });
        if !ok || (!inside.is_empty() && s.score < ABSORB_SCORE) {
            continue;
        }
        if out.added.last().is_some_and(|o| o.last > first) {
            continue;
        }
        let kind = match s.kind {
            // a narrower place keeps the rule's type (`أفريقيا` of `شمال أفريقيا` is a LOC)
            Loc if narrower_name => rules[inside[0]].2,
            Loc if !is_geographic(&tokens[first]) => Gpe,
            k => k,
        };
        out.removed.extend(inside);
        out.added.push(Accepted { first, last, kind, from: n });
    }
    out.removed.sort_unstable();
    out.removed.dedup();
    out
}

/// Runs the embedded tagger over `p` and adds the spans the policy
/// accepts to the rule candidates `candidates` (sorted, not overlapping),
/// which stay sorted by start and free of overlaps, after removing the
/// rule persons and one-word towns the tagger does not back
/// ([`unbacked`]). Returns whether it changed them.
pub fn apply<'l>(p: &Prepared, lex: &'l Lexicon, candidates: &mut Vec<Candidate<'l>>) -> bool {
    let model = super::builtin();
    if model.is_empty() {
        return false;
    }
    let owned;
    let ix = if std::ptr::eq(lex, Lexicon::builtin()) {
        super::features::LexIndex::builtin()
    } else {
        owned = super::features::LexIndex::new(lex);
        &owned
    };
    apply_model(p, lex, ix, model, candidates)
}

/// [`apply`] with a given model and the lexicon index of `lex` (the
/// trainer's cross-validation runs models it has just trained).
pub fn apply_model<'l>(p: &Prepared, lex: &'l Lexicon, ix: &super::features::LexIndex, model: &super::model::Model, candidates: &mut Vec<Candidate<'l>>) -> bool {
    if model.is_empty() {
        return false;
    }
    let rules: Vec<(usize, usize, EntityType)> = candidates.iter().map(|c| (c.first, c.last, c.kind)).collect();
    let tagged = super::tag(p, &rules, ix, model);
    // Rule mentions the tagger does not back: it read them as features
    // (stacking) and tagged none of their words.
    // A rule person right after a title (OCC, with a nationality between or not:
    // `وزير الداخلية التركي علي يرلي كايا`) has its context as evidence and is not vetoed.
    // The spans are sorted and do not overlap: the one ending where span i starts is span i - 1.
    let right_before = |i: usize, kind: EntityType| i > 0 && rules[i - 1].1 == rules[i].0 && rules[i - 1].2 == kind;
    let after_title = |i: usize| right_before(i, EntityType::Occ) || (right_before(i, EntityType::Norp) && right_before(i - 1, EntityType::Occ));
    // A town right after a word that says "town", "coast"… (`قبالة سواحل زوارة`) has that word as evidence.
    let after_cue = |i: usize| rules[i].0 > 0 && is_place_cue(&p.tokens[rules[i].0 - 1]);
    let mut unbacked = unbacked(&rules, &tagged, p.tokens.len(), |i| {
        let c = &candidates[i];
        let town = c.kind == EntityType::Gpe && c.last - c.first == 1 && c.rule.starts_with("gazetteer") && !c.entry.is_some_and(|e| e.flag("country") || e.flag("capital")) && !after_cue(i);
        (c.kind == EntityType::Pers && !after_title(i)) || town
    });
    // One sense per text: a town the tagger backs at one mention is backed at all of them
    // (`إلى المهدية … في المهدية`).
    if !unbacked.is_empty() {
        let backed: Vec<&str> = (0..candidates.len()).filter(|i| candidates[*i].kind == EntityType::Gpe && unbacked.binary_search(i).is_err()).map(|i| candidates[i].key.as_str()).collect();
        unbacked.retain(|&i| !(candidates[i].kind == EntityType::Gpe && backed.contains(&candidates[i].key.as_str())));
    }
    let mut changed = false;
    let rules = if unbacked.is_empty() {
        rules
    } else {
        let mut k = 0;
        candidates.retain(|_| {
            k += 1;
            unbacked.binary_search(&(k - 1)).is_err()
        });
        changed = true;
        candidates.iter().map(|c| (c.first, c.last, c.kind)).collect()
    };
    if tagged.is_empty() {
        return changed;
    }
    let plain = crate::rules::persons::plain_ya(p.text);
    let connector = |t: &Token| crate::rules::persons::classify_in(lex, t, p.text, plain) == crate::rules::persons::NameWord::Connector;
    let tagged: Vec<TagSpan> = tagged
        .into_iter()
        .filter(|s| {
            let toks = &p.tokens[s.first..s.last];
            let mut words = toks.iter().filter(|t| is_word(t));
            let first_word = words.next();
            // A person's last word may be an ordinary word after a connector (`عبد الوحيد`,
            // `علي عبد القوي`) or a sovereign's ordinal (`محمد الخامس`).
            let name_end = || {
                let mut back = toks.iter().rev().filter(|t| is_word(t));
                let (last, before) = (back.next(), back.next());
                s.kind == EntityType::Pers && before.is_some_and(|b| connector(b) || last.is_some_and(|l| crate::rules::persons::ORDINALS.contains(&l.key)))
            };
            let common_end = ends_in_common_word(toks, lex) && !name_end();
            // nor does a person open with one (`سواحل زوارة`), unless it is a connector (`ابن بطوطة`)
            let common_start = s.kind == EntityType::Pers && s.last - s.first > 1 && starts_with_common_word(toks, lex) && !first_word.is_some_and(&connector);
            // An ORG opening with a head noun: the rules declined it, unless the tagger is sure and
            // the name goes on with a word that is no ordinary word (`جامعة آستون`, `معهد ماساشوسيتس للتكنولوجيا`).
            let head = s.kind == EntityType::Org
                && opens_with_head(&p.tokens[s.first], lex)
                && !(s.score >= KEEP_SCORE && words.next().is_some_and(|t| !is_common_word(t, lex)));
            // nor does any name open with a currency or unit (`شيكل`, `فرنك سويسري`)
            let unit = first_word.is_some_and(is_unit);
            // A span without an Arabic word is dropped: Latin words are 98 of ANERcorp's 150,000 tokens.
            let arabic = p.tokens[s.first..s.last].iter().any(|t| t.kind == TokenKind::Arabic);
            // A word written with tanwin (`سكنياً`, `طويلةٍ`) is an indefinite noun or adjective: no name.
            let tanwin = toks.iter().any(|t| has_tanwin(t.text(p.text)));
            // A one-word place shaped like a masculine plural with the article (`الناجون`) that no
            // list knows is a noun or participle.
            let plural = matches!(s.kind, EntityType::Gpe | EntityType::Loc) && s.last - s.first == 1 && plural_shape(&p.tokens[s.first], lex);
            // A sure ORG or place may end in an ordinary word (`واشنطن تايمز`).
            arabic && !head && !unit && !tanwin && !plural && !common_start && (!common_end || (s.kind != EntityType::Pers && s.score >= KEEP_SCORE))
        })
        .collect();
    // the words a narrower tagger person may leave out of a rule person: no listed name, no
    // connector, and no word of a person the tagger finds anywhere in the text (`يرلي كايا`)
    let mut tagged_names: Vec<&str> = tagged.iter().filter(|s| s.kind == EntityType::Pers).flat_map(|s| p.tokens[s.first..s.last].iter().map(|t| t.key.as_str())).collect();
    tagged_names.sort_unstable();
    let listed = |k: usize| {
        use crate::rules::persons::{classify_in, NameWord};
        let key = p.tokens[k].key.as_str();
        // a sovereign's ordinal belongs to the name (`ألفونسو الثالث عشر`)
        crate::rules::persons::ORDINALS.contains(key)
            || key == "عشر"
            || tagged_names.binary_search(&key).is_ok()
            || matches!(classify_in(lex, &p.tokens[k], p.text, plain), NameWord::Given | NameWord::Family | NameWord::Connector)
    };
    let merged = merge(&p.tokens, &rules, &tagged, &listed);
    if merged.added.is_empty() {
        return changed;
    }
    let mut k = 0;
    let mut removed = merged.removed.iter().peekable();
    candidates.retain(|_| {
        let drop = removed.next_if_eq(&&k).is_some();
        k += 1;
        !drop
    });
    let words = super::word_keys(p);
    for a in merged.added {
        let first = &p.tokens[a.first];
        let skip = super::clitic_skip(first, lex, &words);
        let start = first.offset_after_key_chars(p.text, skip);
        let end = p.tokens[a.last - 1].end;
        let score = tagged[a.from].score;
        let mut key: String = first.key.chars().skip(skip).collect();
        for t in &p.tokens[a.first + 1..a.last] {
            key.push(' ');
            key.push_str(&t.key);
        }
        candidates.push(Candidate { start, end, first: a.first, last: a.last, kind: a.kind, key, entry: None, score: score.min(0.85), rule: "tagger", value: None });
    }
    candidates.sort_by_key(|c| c.start);
    true
}

/// The rule spans (indices into `rules`, ascending) for which `eligible`
/// holds and of whose tokens the tagger tagged none (`tagged` are all its
/// spans, whatever their confidence). The tagger reads the rules' spans as
/// features (stacking, [`super::features::rule_features`]); tagging all of
/// a span's words O is its informed disagreement.
pub fn unbacked(rules: &[(usize, usize, EntityType)], tagged: &[TagSpan], ntokens: usize, eligible: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut covered = vec![false; ntokens];
    for s in tagged {
        for c in &mut covered[s.first..s.last] {
            *c = true;
        }
    }
    (0..rules.len()).filter(|&i| eligible(i) && !covered[rules[i].0..rules[i].1].iter().any(|&x| x)).collect()
}

/// Whether a word is a head noun of organization names (`org_heads.tsv`):
/// the rules' grammar of such names already declined the span.
fn opens_with_head(t: &Token, lex: &Lexicon) -> bool {
    clitics::readings(&t.key).iter().any(|r| lex.get(&r.stem).any(|e| e.part == crate::lexicon::Part::Head))
}

/// Whether a word is written with tanwin (U+064B..U+064D): names in news
/// never are, indefinite nouns and adjectives often (`برجاً سكنياً`).
fn has_tanwin(word: &str) -> bool {
    word.chars().any(|c| ('\u{64B}'..='\u{64D}').contains(&c))
}

/// Whether a word is `ال` + a masculine sound plural (`الناجون`, `والمتظاهرون`) in every
/// reading that no list knows: a plural noun or participle, no place.
fn plural_shape(t: &Token, lex: &Lexicon) -> bool {
    let rs = clitics::readings(&t.key);
    rs.iter().any(|r| r.stem.starts_with("ال") && r.stem.ends_with("ون") && r.stem.chars().count() >= 6)
        && !rs.iter().any(|r| lex.get(&r.stem).next().is_some())
}

/// Whether the first word of a span is an ordinary word of the corpora
/// (as [`ends_in_common_word`]).
fn starts_with_common_word(toks: &[Token], lex: &Lexicon) -> bool {
    toks.iter().find(|t| is_word(t)).is_some_and(|t| is_common_word(t, lex))
}

/// Whether a word is an ordinary word of the corpora that no list knows in any reading.
fn is_common_word(t: &Token, lex: &Lexicon) -> bool {
    let rs = clitics::readings(&t.key);
    lex.is_common(&t.key) && !rs.iter().any(|r| lex.get(&r.stem).next().is_some() || lex.given(&r.stem).is_some() || lex.family(&r.stem).is_some())
}

/// Whether the last word of a span is an ordinary word of the corpora
/// (`common_words.tsv`): names end in a name (`منظمة تمتلك إمكانيات`
/// is not one).
fn ends_in_common_word(toks: &[Token], lex: &Lexicon) -> bool {
    toks.iter().rev().find(|t| is_word(t)).is_some_and(|t| is_common_word(t, lex))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;
    use EntityType::*;

    #[test]
    fn plural_shape_is_no_place() {
        let lex = Lexicon::builtin();
        let cases: &[(&str, &str, bool)] = &[
            ("a plural participle with the article", "الناجون", true),
            ("with a conjunction", "والمتظاهرون", true),
            ("a listed country ending in ون", "الكاميرون", false),
            ("a city", "طرابلس", false),
            ("no article", "ناجون", false),
        ];
        for &(case, word, want) in cases {
            let toks = tokenize(word);
            assert_eq!(plural_shape(&toks[0], lex), want, "{case}: plural_shape({word}) should be {want}");
        }
    }

    #[test]
    fn tanwin_marks_no_name() {
        let cases: &[(&str, &str, bool)] = &[
            ("an indefinite adjective with fathatan", "سكنياً", true),
            ("dammatan", "كبيرٌ", true),
            ("kasratan", "طويلةٍ", true),
            ("a name with a shadda only", "سعيّد", false),
            ("a bare name", "طرابلس", false),
        ];
        for &(case, word, want) in cases {
            assert_eq!(has_tanwin(word), want, "{case}: has_tanwin({word}) should be {want}");
        }
    }

    #[test]
    fn units_are_no_names() {
        let cases: &[(&str, &str, bool)] = &[
            ("a currency", "شيكل", true),
            ("a currency with a clitic and the article", "بالدولار", true),
            ("a unit", "برميل", true),
            ("ريال opens ريال مدريد: not a unit here", "ريال", false),
            ("a city", "طرابلس", false),
        ];
        for &(case, word, want) in cases {
            let toks = tokenize(word);
            assert_eq!(is_unit(&toks[0]), want, "{case}: is_unit({word}) should be {want}; see UNITS");
        }
    }

    #[test]
    fn table() {
        // Tokens: 0 قال 1 الرئيس 2 الأمريكي 3 جورج 4 بوش 5 في 6 بحر 7 قزوين 8 و 9 طرابلس 10 .
        //         11 وزارة 12 الداخلية 13 الليبية 14 عماد 15 الطرابلسي
        let text = "قال الرئيس الأمريكي جورج بوش في بحر قزوين و طرابلس . وزارة الداخلية الليبية عماد الطرابلسي";
        let toks = tokenize(text);
        let t = |first, last, kind| TagSpan { first, last, kind, score: 0.9 };
        let weak = |first, last, kind| TagSpan { first, last, kind, score: 0.6 };
        type Case<'a> = (&'a str, &'a [(usize, usize, EntityType)], &'a [TagSpan], &'a [(usize, usize, EntityType)], &'a [usize]);
        let cases: &[Case] = &[
            ("no rules: the tagger span is added", &[], &[t(3, 5, Pers)], &[(3, 5, Pers)], &[]),
            ("rule span elsewhere: both kept", &[(1, 2, Occ)], &[t(3, 5, Pers)], &[(3, 5, Pers)], &[]),
            ("title and nationality glued to the name are trimmed off", &[(1, 2, Occ), (2, 3, Norp)], &[t(1, 5, Pers)], &[(3, 5, Pers)], &[]),
            ("a date inside a name: dropped", &[(3, 4, Date)], &[t(2, 5, Pers)], &[], &[]),
            ("overlap with a rule place that sticks out: dropped", &[(9, 10, Gpe)], &[t(8, 10, Loc)], &[], &[]),
            ("same stretch as a rule name: the rule wins", &[(3, 5, Pers)], &[t(3, 5, Pers)], &[], &[]),
            ("a rule person inside a tagger org: dropped", &[(14, 16, Pers)], &[t(11, 16, Org)], &[], &[]),
            ("a longer name than the rule's: the outermost wins", &[(15, 16, Pers)], &[t(14, 16, Pers)], &[(14, 16, Pers)], &[0]),
            ("a weak longer name does not replace the rule's", &[(15, 16, Pers)], &[weak(14, 16, Pers)], &[], &[]),
            ("a sure org over exactly a rule city retypes it", &[(9, 10, Gpe)], &[TagSpan { first: 9, last: 10, kind: Org, score: 0.95 }], &[(9, 10, Org)], &[0]),
            ("a place opening a tagger person is trimmed off", &[(9, 10, Gpe)], &[t(9, 12, Pers)], &[(11, 12, Pers)], &[]),
            ("an org may open with a place", &[(9, 10, Gpe)], &[t(9, 12, Org)], &[(9, 12, Org)], &[0]),
            ("a sure org over a bare month retypes it (نيسان the company)", &[(4, 5, Date)], &[TagSpan { first: 4, last: 5, kind: Org, score: 0.95 }], &[(4, 5, Org)], &[0]),
            ("a sure org holds a bare month at its edge", &[(3, 4, Date)], &[TagSpan { first: 3, last: 5, kind: Org, score: 0.95 }], &[(3, 5, Org)], &[0]),
            ("a less sure org leaves the month alone", &[(4, 5, Date)], &[TagSpan { first: 4, last: 5, kind: Org, score: 0.8 }], &[], &[]),
            ("a sure person over a month: the date is trimmed off", &[(4, 5, Date)], &[TagSpan { first: 3, last: 5, kind: Pers, score: 0.95 }], &[(3, 4, Pers)], &[]),
            ("a less sure org leaves the city alone", &[(9, 10, Gpe)], &[TagSpan { first: 9, last: 10, kind: Org, score: 0.8 }], &[], &[]),
            ("a person over exactly a rule city: the rule wins", &[(9, 10, Gpe)], &[TagSpan { first: 9, last: 10, kind: Pers, score: 0.95 }], &[], &[]),
            ("span only over context: dropped", &[(1, 2, Occ)], &[t(1, 2, Pers)], &[], &[]),
            ("org holds its nationality (outermost wins)", &[(13, 14, Norp)], &[t(11, 14, Org)], &[(11, 14, Org)], &[0]),
            ("org holds a title span of its name", &[(12, 13, Occ)], &[t(11, 14, Org)], &[(11, 14, Org)], &[0]),
            ("weak org does not replace rules", &[(13, 14, Norp)], &[weak(11, 14, Org)], &[], &[]),
            ("person holds a nisba", &[(15, 16, Norp)], &[t(14, 16, Pers)], &[(14, 16, Pers)], &[0]),
            ("a place never holds a rule span", &[(9, 10, Gpe)], &[t(9, 11, Loc)], &[], &[]),
            ("unknown place is GPE", &[], &[t(9, 10, Loc)], &[(9, 10, Gpe)], &[]),
            ("place opened by a descriptor is LOC", &[], &[t(6, 8, Loc)], &[(6, 8, Loc)], &[]),
            ("low confidence: dropped", &[], &[TagSpan { first: 3, last: 5, kind: Pers, score: 0.2 }], &[], &[]),
            ("punctuation at the edge is trimmed", &[], &[t(9, 11, Loc)], &[(9, 10, Gpe)], &[]),
            ("types beyond PERS/ORG/LOC never come from the tagger", &[], &[t(1, 2, Occ)], &[], &[]),
            ("a sure person inside a longer rule person replaces it (the chain ran over a word)", &[(3, 6, Pers)], &[t(3, 5, Pers)], &[(3, 5, Pers)], &[0]),
            ("the same at the left edge (الشهيد رفيق الحريري)", &[(2, 5, Pers)], &[t(3, 5, Pers)], &[(3, 5, Pers)], &[0]),
            ("a less sure person inside a rule person: the rule wins", &[(3, 6, Pers)], &[TagSpan { first: 3, last: 5, kind: Pers, score: 0.8 }], &[], &[]),
            ("an org inside a longer rule org: the rule wins (spec: حركة حماس, جامعة بيرزيت)", &[(11, 14, Org)], &[t(12, 14, Org)], &[], &[]),
            ("a sure place inside a longer rule place replaces it, keeping its type (شمال أفريقيا)", &[(6, 8, Loc)], &[t(7, 8, Loc)], &[(7, 8, Loc)], &[0]),
            ("a less sure place inside a rule place: the rule wins", &[(6, 8, Loc)], &[TagSpan { first: 7, last: 8, kind: Loc, score: 0.8 }], &[], &[]),
            ("a sure place inside a rule GPE replaces it", &[(8, 10, Gpe)], &[t(9, 10, Loc)], &[(9, 10, Gpe)], &[0]),
            ("a sure org inside a rule place: the rule wins", &[(6, 8, Loc)], &[t(7, 8, Org)], &[], &[]),
        ];
        for (name, rules, tagged, want, removed) in cases {
            let m = merge(&toks, rules, tagged, &|_| false);
            let got: Vec<(usize, usize, EntityType)> = m.added.iter().map(|a| (a.first, a.last, a.kind)).collect();
            assert_eq!(got, *want, "case {name:?}: added spans (policy in src/tagger/merge.rs)");
            assert_eq!(m.removed, *removed, "case {name:?}: removed rule spans");
        }
    }

    #[test]
    fn place_cues_before_a_town() {
        let toks = tokenize("قبالة سواحل زوارة في مدينة والمدينة وبلدة رئيس");
        let cases: &[(&str, usize, bool)] = &[
            ("coasts", 1, true),
            ("a town name", 2, false),
            ("town", 4, true),
            ("town with wa and the article", 5, true),
            ("village with wa", 6, true),
            ("not a place word", 7, false),
        ];
        for (name, i, want) in cases {
            assert_eq!(is_place_cue(&toks[*i]), *want, "case {name:?}: {:?}; see PLACE_CUES", toks[*i].key);
        }
    }

    #[test]
    fn unbacked_rule_spans() {
        let t = |first, last, kind| TagSpan { first, last, kind, score: 0.6 };
        let rules = [(1, 2, Occ), (3, 5, Pers), (6, 7, Gpe), (9, 10, Gpe)];
        type Case<'a> = (&'a str, &'a [TagSpan], &'a [usize]);
        let cases: &[Case] = &[
            ("no tagger span: every eligible rule span is unbacked", &[], &[1, 2, 3]),
            ("a tagger span over one word of the person backs it", &[t(4, 5, Pers)], &[2, 3]),
            ("any type backs (a person the tagger calls an org)", &[t(3, 5, Org), t(9, 10, Loc)], &[2]),
            ("a tagger span beside the rule span does not back it", &[t(5, 6, Loc), t(7, 9, Org)], &[1, 2, 3]),
        ];
        for (name, tagged, want) in cases {
            // the title (0) is never eligible: only persons and places may be dropped
            let got = unbacked(&rules, tagged, 12, |i| rules[i].2 != Occ);
            assert_eq!(got, *want, "case {name:?}: rule spans the tagger does not back (src/tagger/merge.rs, unbacked)");
        }
    }

    #[test]
    fn narrower_person_keeps_listed_words() {
        // 3 جورج 4 بوش 5 في: a tagger person over جورج alone does not cut a listed name off the rule's
        let toks = tokenize("قال الرئيس الأمريكي جورج بوش في");
        let tagged = [TagSpan { first: 3, last: 4, kind: Pers, score: 0.95 }];
        let m = merge(&toks, &[(3, 5, Pers)], &tagged, &|k| k == 4);
        assert!(m.added.is_empty() && m.removed.is_empty(), "a word the name lists know (token 4) must stay in the rule's person: {m:?}");
        let m = merge(&toks, &[(3, 5, Pers)], &tagged, &|_| false);
        assert_eq!((m.added.len(), m.removed.as_slice()), (1, &[0][..]), "an unlisted word may be left out by a sure tagger person: {m:?}");
    }

    #[test]
    fn official_names_of_states_stay_whole() {
        // 0 زار 1 جمهورية 2 تونس 3 و 4 قطاع 5 غزة
        let toks = tokenize("زار جمهورية تونس و قطاع غزة");
        let t = |first, last| TagSpan { first, last, kind: EntityType::Loc, score: 0.95 };
        let m = merge(&toks, &[(1, 3, EntityType::Gpe)], &[t(2, 3)], &|_| false);
        assert!(m.added.is_empty() && m.removed.is_empty(), "جمهورية تونس is one GPE (spec rule 8): the tagger's تونس must not cut it, got {m:?}");
        let m = merge(&toks, &[(4, 6, EntityType::Gpe)], &[t(5, 6)], &|_| false);
        assert_eq!((m.added.len(), m.removed.as_slice()), (1, &[0][..]), "a descriptor (قطاع) may be left out by a sure tagger place: {m:?}");
        // 0 منطقة 1 الساحل 2 والصحراء
        let toks = tokenize("منطقة الساحل والصحراء");
        let m = merge(&toks, &[(1, 3, EntityType::Loc)], &[t(1, 2)], &|_| false);
        assert!(m.added.is_empty() && m.removed.is_empty(), "الساحل والصحراء is one region: a coordinated name must not be cut off, got {m:?}");
        let m = merge(&toks, &[(1, 3, EntityType::Loc)], &[t(2, 3)], &|_| false);
        assert!(m.added.is_empty() && m.removed.is_empty(), "الساحل والصحراء is one region: its second name must not cut it, got {m:?}");
    }

    #[test]
    fn result_never_overlaps() {
        let toks = tokenize("أ ب ج د ه و ز");
        let tagged: Vec<TagSpan> = (0..6).map(|i| TagSpan { first: i, last: i + 2, kind: Org, score: 0.9 }).collect();
        let rules = [(2, 3, Occ)];
        let got = merge(&toks, &rules, &tagged, &|_| false);
        let kept = rules.iter().enumerate().filter(|(i, _)| !got.removed.contains(i)).map(|(_, r)| (r.0, r.1));
        let mut all: Vec<(usize, usize)> = got.added.iter().map(|a| (a.first, a.last)).chain(kept).collect();
        all.sort();
        for w in all.windows(2) {
            assert!(w[0].1 <= w[1].0, "spans {:?} and {:?} overlap", w[0], w[1]);
        }
    }
}
