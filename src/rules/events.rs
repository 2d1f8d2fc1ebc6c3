//! Named events: a session, summit, conference or forum with its ordinal
//! and the body that holds it (`الدورة الحادية والأربعين لمجلس وزراء
//! الداخلية العرب`, `الدورة الــ41 لمجلس …`), or with the place that names
//! it (`قمة بغداد`). The event keeps the organization inside (spec rule 3).
//! A quoted operation (`عملية "تريتون"`: the name inside the quotes) and
//! an election named by its kind are events too (`الانتخابات البلدية`,
//! `الانتخابات الرئاسية الأمريكية`).

use super::{candidate, WordSet, is_word, stem_where};
use crate::entities::{Candidate, EntityType};
use crate::text::{Prepared, TokenKind};

static HEADS: WordSet = WordSet::new(&[
    "الدوره", "دوره", "القمه", "قمه", "المؤتمر", "مؤتمر", "المنتدي", "منتدي", "الملتقي", "ملتقي", "الاجتماع", "اجتماع",
    "الندوه", "النسخه", "البطوله", "المهرجان", "مهرجان", "معرض", "المعرض",
]);
/// Heads that a place names in the construct state (`قمة بغداد`).
static CONSTRUCT: WordSet = WordSet::new(&["قمه", "مؤتمر", "منتدي", "ملتقي", "مهرجان", "معرض"]);
static ORDINALS: WordSet = WordSet::new(&[
    "الاولي", "الاول", "الثاني", "الثانيه", "الثالث", "الثالثه", "الرابع", "الرابعه", "الخامس", "الخامسه", "السادس",
    "السادسه", "السابع", "السابعه", "الثامن", "الثامنه", "التاسع", "التاسعه", "العاشر", "العاشره", "الحادي", "الحاديه",
    "عشر", "عشره", "العشرين", "الثلاثين", "الاربعين", "الخمسين", "الستين", "السبعين", "الثمانين", "التسعين", "والعشرين",
    "والثلاثين", "والاربعين", "والخمسين", "والستين", "والسبعين", "والثمانين", "والتسعين",
]);

/// Adjectives that name a summit by its region (`القمة العربية`).
static REGIONAL: WordSet = WordSet::new(&["العربيه", "الافريقيه", "الخليجيه", "الاوروبيه", "الاسلاميه", "الاورومتوسطيه", "المغاربيه"]);
/// Heads that a regional adjective names (`القمة العربية الرابعة والثلاثين`).
static REGIONAL_HEADS: WordSet = WordSet::new(&["القمه", "قمه"]);

/// Elections named by their kind (`الانتخابات البلدية`, `الانتخابات الرئاسية الأمريكية`): the
/// spec counts an election as an event; the bare word and an indefinite `انتخابات رئاسية` are generic.
static ELECTIONS: WordSet = WordSet::new(&["الانتخابات"]);
static ELECTION_KINDS: WordSet = WordSet::new(&[
    "الرئاسيه", "التشريعيه", "البرلمانيه", "البلديه", "المحليه", "النيابيه", "الجهويه", "الاقليميه", "العامه", "التكميليه",
]);

/// The end of an ordinal at `j` (`الحادية والأربعين`, `الــ41`, `41`).
fn ordinal(p: &Prepared, j: usize) -> Option<usize> {
    let t = p.tokens.get(j)?;
    if t.kind == TokenKind::Number {
        return Some(j + 1);
    }
    if t.key == "ال" && p.tokens.get(j + 1).is_some_and(|n| n.kind == TokenKind::Number && n.start == t.end) {
        return Some(j + 2);
    }
    let mut e = j;
    while p.tokens.get(e).is_some_and(|t| ORDINALS.contains(&t.key)) {
        e += 1;
    }
    (e > j).then_some(e)
}

/// Event candidates, given the organization and place candidates found so far.
pub fn find<'l>(p: &Prepared, named: &[Candidate<'l>]) -> Vec<Candidate<'l>> {
    let mut by_first: crate::hash::FxHashMap<usize, Vec<&Candidate<'l>>> = crate::hash::FxHashMap::default();
    for c in named.iter().filter(|c| matches!(c.kind, EntityType::Org | EntityType::Gpe)) {
        by_first.entry(c.first).or_default().push(c);
    }
    let mut out = Vec::new();
    for i in 0..p.tokens.len() {
        // عملية "تريتون": an operation named in quotation marks (the quotes and the word عملية stay out)
        if is_word(&p.tokens[i]) && super::any_stem(&p.tokens[i].key, |s: &str| s == "عمليه") && p.tokens.get(i + 1).is_some_and(super::is_quote) {
            let mut k = i + 2;
            while k < p.tokens.len() && k - (i + 2) < 4 && is_word(&p.tokens[k]) {
                k += 1;
            }
            if k > i + 2 && p.tokens.get(k).is_some_and(super::is_quote) && !(i + 1..k).any(|t| super::line_break_after(p, t)) {
                let key = p.tokens[i + 2..k].iter().map(|t| t.key.as_str()).collect::<Vec<_>>().join(" ");
                out.push(candidate(p, i + 2, k, 0, EntityType::Event, key, None, 0.75, "event-operation"));
            }
            continue;
        }
        if is_word(&p.tokens[i]) && super::any_stem(&p.tokens[i].key, |s: &str| ELECTIONS.contains(s)) {
            let Some((skip, head)) = stem_where(p, i, &|s| ELECTIONS.contains(s)) else { continue };
            if p.tokens.get(i + 1).is_some_and(|t| ELECTION_KINDS.contains(&t.key)) && !super::line_break_after(p, i) {
                // a nationality after the kind names the country's election (spec rule 3: it stays inside)
                let norp = named.iter().filter(|c| c.kind == EntityType::Norp && c.first == i + 2 && c.start == p.tokens[i + 2].start).map(|c| c.last).max();
                let end = norp.unwrap_or(i + 2);
                let key = std::iter::once(head).chain(p.tokens[i + 1..end].iter().map(|t| t.key.clone())).collect::<Vec<_>>().join(" ");
                out.push(candidate(p, i, end, skip, EntityType::Event, key, None, 0.75, "event-election"));
            }
            continue;
        }
        if !is_word(&p.tokens[i]) || !super::any_stem(&p.tokens[i].key, |s: &str| HEADS.contains(s)) {
            continue;
        }
        let Some((skip, head)) = stem_where(p, i, &|s| HEADS.contains(s)) else { continue };
        let mut j = i + 1;
        // القمة العربية (الرابعة والثلاثين): a summit named by its region
        if REGIONAL_HEADS.contains(&head) && p.tokens.get(j).is_some_and(|t| REGIONAL.contains(&t.key)) {
            let end = ordinal(p, j + 1).unwrap_or(j + 1);
            let key = std::iter::once(head.clone()).chain(p.tokens[i + 1..end].iter().map(|t| t.key.clone())).collect::<Vec<_>>().join(" ");
            out.push(candidate(p, i, end, skip, EntityType::Event, key, None, 0.8, "event-regional"));
            continue;
        }
        let ord = ordinal(p, j);
        if let Some(e) = ord {
            j = e;
        }
        // the body or place right after: ل + ORG, or ORG/GPE in the construct state
        let next = by_first.get(&j).and_then(|v| v.iter().copied().max_by_key(|c| c.last));
        let Some(body) = next else { continue };
        let via_lam = p.tokens[j].key.starts_with('ل') && body.start > p.tokens[j].start;
        let construct = CONSTRUCT.contains(&head) && body.start == p.tokens[j].start && body.kind == EntityType::Gpe;
        if ord.is_none() && !construct {
            continue;
        }
        if !(via_lam || construct || ord.is_some() && body.kind == EntityType::Org) {
            continue;
        }
        let key = std::iter::once(head.clone()).chain(p.tokens[i + 1..body.last].iter().map(|t| t.key.clone())).collect::<Vec<_>>().join(" ");
        out.push(candidate(p, i, body.last, skip, EntityType::Event, key, None, 0.8, "event"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::rules::testutil::{show, want};

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[(&str, &str)])] = &[
            ("ordinal words and body", "أعمال الدورة الحادية والأربعين لمجلس وزراء الداخلية العرب التي", &[("EVENT", "الدورة الحادية والأربعين لمجلس وزراء الداخلية العرب")]),
            ("ordinal number with tatweel", "في الدورة الــ41 لمجلس وزراء الداخلية العرب.", &[("EVENT", "الدورة الــ41 لمجلس وزراء الداخلية العرب")]),
            ("summit named by a city", "على هامش قمة بغداد", &[("EVENT", "قمة بغداد")]),
            ("regional summit with ordinal", "تنعقد القمة العربية الرابعة والثلاثين في بغداد", &[("EVENT", "القمة العربية الرابعة والثلاثين")]),
            ("session without a body is not named", "في الدورة الثانية من البرنامج", &[]),
            ("an election named by its kind", "قبل إجراء الإنتخابات التشريعية المقبلة بأشهر", &[("EVENT", "الإنتخابات التشريعية")]),
            ("an election with its country's nationality", "فوزه في الانتخابات الرئاسية الأمريكية أمس", &[("EVENT", "الانتخابات الرئاسية الأمريكية")]),
            ("an operation named in quotes", "شاركت في عملية \"صوفيا\" البحرية", &[("EVENT", "صوفيا")]),
            ("an operation without a name", "في عملية أمنية \"ناجحة جدا", &[]),
            ("elections alone are generic", "تنظيم الانتخابات في موعدها وانتخابات رئاسية", &[]),
        ];
        let lex = Lexicon::builtin();
        for (name, text, w) in cases {
            let p = Prepared::new(text);
            let mut named = crate::rules::orgs::find(&p, lex);
            named.extend(crate::rules::gazetteer::find(&p, lex));
            assert_eq!(show(&p, &find(&p, &named)), want(w), "case {name:?}: events of {text:?}");
        }
    }
}
