//! OCC: titles, offices and ranks (spec rules 2 and 10).
//!
//! A title of `data/titles.tsv` (longest phrase, after a clitic) takes with
//! it what belongs to the office and is not a name: the portfolio of a
//! minister (`وزير الداخلية`), a generic institution noun with the article
//! (`رئيس الجامعة`), and modifiers (`المكلف`, `السابق`). It never takes a
//! name: `وزير الداخلية التركي` stops before the nationality, `رئيس جامعة
//! نايف …` stops before the organization. Each shorter reading is also a
//! candidate, so when a name overlaps the longer one the merge keeps the
//! bare title. Weak titles (`لواء`, `د`, `عضو`: also ordinary words) count
//! only right before a name, a quotation mark or a nationality.

use super::{candidate, is_quote, is_word, phrase_at};
use crate::entities::{Candidate, EntityType};
use crate::lexicon::{Entry, Lexicon, Part};
use crate::text::Prepared;

fn is_title_start(e: &Entry) -> bool {
    e.kind == Some(EntityType::Occ) && e.attr("kind") != Some("modifier")
}

/// Whether the word at `i` can open a name after a weak title; an office
/// (not a rank) may also be followed by the country or body it serves
/// (`أمير قطر`, `عضو المجلس الرئاسي`).
fn name_follows(p: &Prepared, lex: &Lexicon, i: usize, office: bool) -> bool {
    let Some(t) = p.tokens.get(i) else { return false };
    if office {
        let named = super::phrase_at(p, lex, lex.phrases(Part::Name), i, false, &|e| {
            e.flag("country") || e.kind == Some(EntityType::Org)
        });
        if named.is_some() {
            return true;
        }
    }
    if is_quote(t) {
        return true;
    }
    if !is_word(t) {
        return false;
    }
    let k = t.key.as_str();
    let norp = lex.phrases(Part::Name).ids(k).iter().any(|&id| lex.entry(id).kind == Some(EntityType::Norp));
    norp || lex.given(k).is_some_and(|g| !g.common()) || lex.family(k).is_some_and(|f| !f.common())
}

/// The OCC candidates of the text.
pub fn find<'l>(p: &Prepared, lex: &'l Lexicon) -> Vec<Candidate<'l>> {
    let ix = lex.phrases(Part::Title);
    let mut out = Vec::new();
    let mut opens = super::Opens::new(p, ix);
    let mut i = 0;
    while i < p.tokens.len() {
        let Some(m) = (if opens.may(i) { phrase_at(p, lex, ix, i, true, &is_title_start) } else { None }) else {
            i += 1;
            continue;
        };
        let e = m.entries[0];
        // آمر (commander) and أمر (order) share a key: the written hamza decides
        let surface = p.tokens[m.first].text(p.text);
        let surface = surface.chars().skip(m.skip).collect::<String>();
        if e.name.starts_with('آ') && (surface.starts_with('أ') || surface.starts_with('إ')) {
            i = m.last;
            continue;
        }
        if e.flag("weak") && !name_follows(p, lex, m.last, e.attr("kind") == Some("office")) {
            i = m.last;
            continue;
        }
        // a shorter title inside a longer one (رئيس in رئيس بلدية): offered too, so
        // that an organization overlapping the longer one leaves the shorter
        for k in m.first + 1..m.last {
            let mut key = m.key.split(' ').next().unwrap_or_default().to_string();
            for t in &p.tokens[m.first + 1..k] {
                key.push(' ');
                key.push_str(&t.key);
            }
            if let Some(short) = ix.ids(&key).iter().map(|&id| lex.entry(id)).find(|x| is_title_start(x) && !x.flag("weak")) {
                out.push(candidate(p, m.first, k, m.skip, EntityType::Occ, key, Some(short), 0.7, "title"));
            }
        }
        let mut ends = vec![m.last];
        let mut j = m.last;
        if e.attr("takes") == Some("portfolio") {
            // وزير الداخلية; وزير الدولة للاتصال والشؤون السياسية: after the first
            // portfolio, more joined by ل or و
            let is_portfolio = |x: &Entry| x.tag == "PORTFOLIO";
            let lam = |pm: &super::PhraseMatch, first: char| pm.skip > 0 && first == 'ل';
            let first_char = p.tokens.get(j).and_then(|t| t.key.chars().next()).unwrap_or(' ');
            let first = phrase_at(p, lex, ix, j, false, &is_portfolio).or_else(|| phrase_at(p, lex, ix, j, true, &is_portfolio).filter(|pm| lam(pm, first_char)));
            if let Some(pm) = first {
                j = pm.last;
                ends.push(j);
                while let Some(pm) = phrase_at(p, lex, ix, j, true, &is_portfolio).filter(|pm| pm.skip > 0 && matches!(p.tokens[j].key.chars().next(), Some('ل' | 'و'))) {
                    j = pm.last;
                    ends.push(j);
                }
            }
        } else if e.attr("takes") == Some("inst") && j < p.tokens.len() {
            // رئيس الجامعة: a generic institution with the article, named by nothing
            let k = &p.tokens[j].key;
            if let Some(head) = k.strip_prefix("ال") {
                if lex.phrases(Part::Head).ids(head).iter().any(|&id| lex.entry(id).flag("generic")) {
                    j += 1;
                    ends.push(j);
                }
            }
        }
        while let Some(md) = phrase_at(p, lex, ix, j, false, &|x| x.attr("kind") == Some("modifier")) {
            j = md.last;
            ends.push(j);
        }
        for (n, &end) in ends.iter().enumerate().rev() {
            let mut key = m.key.clone();
            for t in &p.tokens[m.last..end] {
                key.push(' ');
                key.push_str(&t.key);
            }
            out.push(candidate(p, m.first, end, m.skip, EntityType::Occ, key, Some(e), 0.8 - 0.01 * (ends.len() - 1 - n) as f32, "title"));
        }
        i = j.max(m.last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::{show, want};

    /// The longest candidate at each start, as the merge would keep it alone.
    fn longest(p: &Prepared) -> Vec<(String, String)> {
        let mut c = find(p, Lexicon::builtin());
        c.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
        c.dedup_by_key(|c| c.start);
        show(p, &c)
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[(&str, &str)])] = &[
            ("minister with portfolio and modifier", "وزير الداخلية المكلّف بحكومة", &[("OCC", "وزير الداخلية المكلّف")]),
            ("minister of state with joined portfolios", "وزير الدولة للاتصال والشؤون السياسية وليد", &[("OCC", "وزير الدولة للاتصال والشؤون السياسية")]),
            ("emir of a country", "التقى أمير قطر الشيخ", &[("OCC", "أمير"), ("OCC", "الشيخ")]),
            ("member of a council", "عضو المجلس الرئاسي عبد", &[("OCC", "عضو")]),
            ("order is not commander", "صدر أمر بالقبض", &[]),
            ("nationality stays outside", "وزير الداخلية التركي علي", &[("OCC", "وزير الداخلية")]),
            ("plural title with portfolio", "ووزراء الداخلية العرب", &[("OCC", "وزراء الداخلية")]),
            ("president with generic institution", "وأعرب رئيس الجامعة عن", &[("OCC", "رئيس الجامعة")]),
            ("president before a named university", "رئيس جامعة نايف", &[("OCC", "رئيس")]),
            ("charge d'affaires", "يلتقي القائم بأعمال سفارة", &[("OCC", "القائم بأعمال")]),
            ("secretary general after wa", "والأمين العام لمجلس", &[("OCC", "الأمين العام")]),
            ("weak rank before a name", "لواء عماد مصطفى", &[("OCC", "لواء")]),
            ("weak rank alone is a brigade", "لواء المشاة", &[]),
            ("doctor abbreviation before a quote", "د “عبدالمجيد”", &[("OCC", "د")]),
            ("ambassador then nationality", "السفير المالطي", &[("OCC", "السفير")]),
            ("prince", "الأمير “عبدالعزيز", &[("OCC", "الأمير")]),
        ];
        for (name, text, w) in cases {
            let p = Prepared::new(text);
            assert_eq!(longest(&p), want(w), "case {name:?}: titles of {text:?}");
        }
    }

    #[test]
    fn mayor_of_a_municipality_leaves_the_bare_title() {
        let p = Prepared::new("رئيس بلدية نابلس");
        let m = crate::entities::merge(crate::entities::candidates(&p, Lexicon::builtin()));
        assert_eq!(show(&p, &m), want(&[("OCC", "رئيس"), ("ORG", "بلدية نابلس")]), "the municipality is named: OCC رئيس + ORG");
    }

    #[test]
    fn shorter_readings_are_candidates_too() {
        let p = Prepared::new("وزير الداخلية المكلف");
        let got = show(&p, &find(&p, Lexicon::builtin()));
        assert_eq!(got, want(&[("OCC", "وزير الداخلية المكلف"), ("OCC", "وزير الداخلية"), ("OCC", "وزير")]), "each reading of the title must be offered to the merge");
    }
}
