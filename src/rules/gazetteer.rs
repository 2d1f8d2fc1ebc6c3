//! Named places, nationalities and organizations from the lexicon.
//!
//! At each token the longest phrase of the name lists wins, over every
//! clitic reading of its first word. Then context decides what the
//! lexicon cannot:
//! - an entry marked `common=1` (a city called الجديد, the sea المتوسط)
//!   needs a cue before it (`مدينة`, `ضفتي`, `حركة` …);
//! - a city that is also a known person's name needs the same cue;
//! - `سورية` is the adjective after an indefinite feminine or plural noun
//!   (`قوات سورية`) and the country elsewhere;
//! - a country written with the article it does not take (`الليبيا`) is
//!   still the country;
//! - namesakes (طرابلس in Libya and in Lebanon) resolve to the country the
//!   article talks about most, then to the largest place.

use super::{candidate, line_break_after, phrase_at, PhraseMatch};
use crate::entities::{Candidate, EntityType};
use crate::lexicon::{Entry, Lexicon, Part};
use crate::text::{clitics, Prepared};
use crate::hash::FxHashMap;

/// Words before a place name that make an ambiguous name a place.
const GPE_CUES: &[&str] = &["مدينه", "بلده", "بلديه", "قريه", "محافظه", "ولايه", "منطقه", "ضاحيه", "مدن", "العاصمه", "عاصمه", "اقليم"];
/// Words before a geographic name that make it one (`ضفتي المتوسط`).
const LOC_CUES: &[&str] = &["البحر", "ضفتي", "ضفه", "حوض", "منطقه", "شرق", "غرب", "شمال", "جنوب", "عبر", "سواحل", "مياه", "دول", "بلدان", "جنوبي", "شمالي"];
/// Words before an organization name that is also an ordinary word.
/// (a newspaper, a channel, a club: `صحيفة الحياة`، `فريق الأهلي`, the cue outside the span).
const ORG_CUES: &[&str] = &[
    "حركه", "تنظيم", "قناه", "شركه", "جماعه", "مقاتلي", "عناصر", "صحيفه", "صحيفتا", "جريده", "مجله", "وكاله", "نادي", "فريق", "فريقا", "فريقي", "لاعب",
    "لاعبو", "لاعبي", "مدرب", "جماهير", "مراسل", "مراسله", "موفد", "فضائيه", "تلفزيون", "شاشه", "النادي", "مباراه",
];
/// Words of speech before `ل` + a medium that is also an ordinary word (`قال للجزيرة`).
const SPEECH: &[&str] = &["قال", "وقال", "اكد", "واكد", "اضاف", "واضاف", "صرح", "تصريحات", "تصريح", "حديث", "مقابله", "اوضح", "كشف"];

/// How often the article names each country (ISO code), from countries and
/// nationality words alone: the evidence for picking among namesakes.
pub fn country_evidence(p: &Prepared, lex: &Lexicon) -> FxHashMap<String, u32> {
    let mut out = FxHashMap::default();
    let ix = lex.phrases(Part::Name);
    // each distinct word once, counted as often as the text has it
    let words = p.words();
    let mut times = vec![0u32; words.first.len()];
    for &d in &words.id {
        times[d as usize] += 1;
    }
    for (&first, &n) in words.first.iter().zip(&times) {
        let t = &p.tokens[first as usize];
        if !super::any_stem(&t.key, |s: &str| ix.max_words(s) > 0) {
            continue;
        }
        for r in clitics::readings_ref(&t.key).iter() {
            for &id in ix.ids(&r.stem) {
                let e = lex.entry(id);
                if e.flag("country") || (e.kind == Some(EntityType::Norp) && e.attr("kind") == Some("nat")) {
                    if let Some(cc) = e.attr("cc") {
                        *out.entry(cc.to_string()).or_insert(0) += n;
                    }
                }
            }
        }
    }
    out
}

/// Picks the entry of a phrase: countries before capitals before cities,
/// the country the article names most, then the largest place.
pub fn best_entry<'l>(entries: &[&'l Entry], evidence: &FxHashMap<String, u32>) -> &'l Entry {
    let rank = |e: &Entry| {
        let kind = match e.kind {
            Some(EntityType::Org) => 6,
            Some(EntityType::Gpe) if e.flag("country") => 5,
            Some(EntityType::Gpe) => 4,
            Some(EntityType::Loc) => 3,
            Some(EntityType::Fac) => 3,
            Some(EntityType::Norp) => 2,
            _ => 0,
        };
        let ev = e.attr("cc").and_then(|cc| evidence.get(cc)).copied().unwrap_or(0);
        let pop: u64 = e.attr("pop").and_then(|p| p.parse().ok()).unwrap_or(0);
        (kind, ev.min(1000), e.flag("capital"), pop)
    };
    entries.iter().copied().max_by_key(|e| rank(e)).expect("a phrase match has entries")
}

fn prev_key<'a>(p: &'a Prepared, i: usize) -> Option<&'a str> {
    (i > 0).then(|| p.tokens[i - 1].key.as_str())
}

fn cue_before(p: &Prepared, i: usize, cues: &[&str]) -> bool {
    prev_key(p, i).is_some_and(|k| cues.contains(&k) || clitics::readings_ref(k).iter().any(|r| cues.contains(&&*r.stem)))
}

/// Whether an entry may be taken at token `i` given what stands before it.
fn licensed(p: &Prepared, lex: &Lexicon, m: &PhraseMatch, e: &Entry, evidence: &FxHashMap<String, u32>) -> bool {
    let cues = match e.kind {
        Some(EntityType::Gpe) => GPE_CUES,
        Some(EntityType::Loc) | Some(EntityType::Fac) => LOC_CUES,
        Some(EntityType::Org) => ORG_CUES,
        _ => &[][..],
    };
    let one_word = m.last - m.first == 1;
    let city_only = e.attr("gid").is_some() && !e.flag("country") && !e.flag("capital");
    // a country that is also an ordinary word (مالي "financial") after a preposition only
    if one_word && e.flag("country") && lex.is_common(&m.key) {
        return m.skip > 0 || m.first == 0 || prev_key(p, m.first).is_some_and(is_preposition) || !super::is_word(&p.tokens[m.first - 1]);
    }
    let common_word = one_word && matches!(e.kind, Some(EntityType::Gpe) | Some(EntityType::Loc) | Some(EntityType::Fac)) && !e.flag("country") && lex.is_common(&m.key);
    let person_name = one_word
        && e.kind == Some(EntityType::Gpe)
        && !e.flag("country")
        && (lex.given(&m.key).is_some_and(|g| g.attr("src") == Some("curated")) || lex.family(&m.key).is_some_and(|f| f.attr("src") == Some("curated")));
    // a small foreign town that is one word needs a cue: قارة is a town in Syria and "continent"
    // — unless the article names its country (المهدية in a text about Tunisians)
    let home = e.attr("cc").is_some_and(|cc| cc == "LY" || evidence.get(cc).is_some_and(|&n| n > 0));
    let small_town = one_word && city_only && !home && e.attr("pop").and_then(|p| p.parse::<u64>().ok()).unwrap_or(0) < 100_000;
    // a town found only after stripping a clitic from an ordinary word (كبيرا → ك + بيرا)
    let tok = &p.tokens[m.first];
    // nor a place read inside a person's name (كلاوس → ك + لاوس, فوستر → ف + وستر)
    if m.skip > 0 && (lex.given(&tok.key).is_some_and(|g| !g.common()) || lex.family(&tok.key).is_some_and(|f| !f.common())) {
        return false;
    }
    // a town named like a person (صلاح الدين) followed by a family name or a nisba is the person
    if !e.flag("country") && !e.flag("capital") && m.skip == 0 && !one_word && followed_by_surname(p, lex, m) {
        let first = m.key.split(' ').next().unwrap_or_default();
        if lex.given(first).is_some_and(|g| !g.common()) {
            return false;
        }
    }
    if city_only && m.skip > 0 && (lex.is_common(&tok.key) || m.key.chars().count() < 4 || tok.key.starts_with('ك')) {
        return false;
    }
    // a town spelled like a nisba adjective after a noun (استقرار بحري) needs its country in the text
    let nisba_shape = one_word && city_only && (m.key.ends_with('ي') || m.key.ends_with("يه"));
    if nisba_shape && m.skip == 0 && m.first > 0 && super::is_word(&p.tokens[m.first - 1]) && !is_preposition(&p.tokens[m.first - 1].key) && e.attr("cc").is_none_or(|cc| !evidence.contains_key(cc)) {
        return false;
    }
    if e.common() || common_word || person_name || small_town {
        return cue_before(p, m.first, cues) || (e.kind == Some(EntityType::Org) && e.common() && (quoted(p, m) || told_to(p, m, e) || dateline(p, m, e)));
    }
    true
}

/// Whether a phrase stands alone between brackets or quotation marks
/// (`( العربي )`, `«الحياة»`): a name, not the ordinary word.
fn quoted(p: &Prepared, m: &PhraseMatch) -> bool {
    let open = |t: &crate::text::Token| super::is_quote(t) || t.key == "(";
    let close = |t: &crate::text::Token| super::is_quote(t) || t.key == ")";
    m.skip == 0 && m.first > 0 && open(&p.tokens[m.first - 1]) && p.tokens.get(m.last).is_some_and(close)
}

/// Whether a news agency stands in a dateline (`الدوحة - قنا :`, `( واس )`).
fn dateline(p: &Prepared, m: &PhraseMatch, e: &Entry) -> bool {
    let open = |t: &crate::text::Token| matches!(t.key.as_str(), "-" | "(" | "/" | "–");
    let close = |t: &crate::text::Token| matches!(t.key.as_str(), ")" | ":" | "-" | "–");
    e.attr("kind") == Some("media")
        && m.skip == 0
        && m.first > 0
        && open(&p.tokens[m.first - 1])
        && (m.last == p.tokens.len() || line_break_after(p, m.last - 1) || close(&p.tokens[m.last]))
}

/// Whether a medium is spoken to: `ل` + the name after a word of speech
/// (`قال للجزيرة`).
fn told_to(p: &Prepared, m: &PhraseMatch, e: &Entry) -> bool {
    e.attr("kind") == Some("media") && m.skip > 0 && p.tokens[m.first].key.starts_with('ل') && prev_key(p, m.first).is_some_and(|k| SPEECH.contains(&k))
}

/// Whether the word after a phrase is a family name or an unlisted masculine
/// nisba with the article (`صلاح الدين الأيوبي`).
fn followed_by_surname(p: &Prepared, lex: &Lexicon, m: &PhraseMatch) -> bool {
    let Some(t) = p.tokens.get(m.last) else { return false };
    let k = t.key.as_str();
    if !super::is_word(t) || super::line_break_after(p, m.last - 1) {
        return false;
    }
    lex.family(k).is_some_and(|f| !f.common())
        || (k.starts_with("ال") && k.ends_with('ي') && !lex.is_common(k) && lex.phrases(Part::Name).ids(k).is_empty())
}

/// Finds the named places, nationalities and organizations of the text.
pub fn find<'l>(p: &Prepared, lex: &'l Lexicon) -> Vec<Candidate<'l>> {
    let evidence = country_evidence(p, lex);
    let ix = lex.phrases(Part::Name);
    let mut out = Vec::new();
    let mut opens = super::Opens::new(p, ix);
    let mut i = 0;
    while i < p.tokens.len() {
        let m = if opens.may(i) { phrase_at(p, lex, ix, i, true, &|e| e.kind.is_some()) } else { None };
        let picked = m.and_then(|mut m| {
            let ok: Vec<&Entry> = m.entries.iter().copied().filter(|e| licensed(p, lex, &m, e, &evidence)).collect();
            if ok.is_empty() {
                return None;
            }
            m.entries = ok;
            Some(m)
        });
        if let Some(m) = picked {
            let mut e = best_entry(&m.entries, &evidence);
            // العاصمة تونس, مدينة الجزائر: the city, not the country of the same name
            if e.flag("country") && cue_before(p, m.first, &["العاصمه", "مدينه", "عاصمه"]) {
                if let Some(city) = m.entries.iter().copied().filter(|x| x.kind == Some(EntityType::Gpe) && x.attr("gid").is_some() && !x.flag("country")).max_by_key(|x| x.flag("capital")) {
                    e = city;
                }
            }
            // سورية: the adjective after an indefinite feminine or plural noun it agrees with
            // (قوات سورية، جمهورية عربية سورية); the country elsewhere (جنوب سورية، تحولت سورية)
            if let Some(norp) = m.entries.iter().find(|x| x.kind == Some(EntityType::Norp)) {
                let agrees = |k: &str| !k.starts_with("ال") && (k.ends_with('ه') || k.ends_with("ات")) && k.chars().count() >= 3;
                if e.kind == Some(EntityType::Gpe) && m.skip == 0 && i > 0 && super::is_word(&p.tokens[i - 1]) && !is_preposition(&p.tokens[i - 1].key) && agrees(&p.tokens[i - 1].key) {
                    e = norp;
                }
            }
            let kind = e.kind.expect("filtered on kind");
            out.push(candidate(p, m.first, m.last, m.skip, kind, m.key.clone(), Some(e), 0.9, "gazetteer"));
            i = m.last;
            continue;
        }
        // الليبيا: a country that takes no article, written with one
        if let Some(rest) = p.tokens[i].key.strip_prefix("ال") {
            if let Some(e) = ix.ids(rest).iter().map(|&id| lex.entry(id)).find(|e| e.flag("country") && !e.key.starts_with("ال") && !e.key.contains(' ') && !lex.is_common(rest)) {
                if rest.chars().count() >= 4 {
                    out.push(candidate(p, i, i + 1, 0, EntityType::Gpe, rest.to_string(), Some(e), 0.7, "gazetteer-article"));
                }
            }
        }
        i += 1;
    }
    out
}

fn is_preposition(k: &str) -> bool {
    // وبين، ومن: a conjunction before the preposition
    let k = k.strip_prefix('و').filter(|r| r.chars().count() >= 2).unwrap_or(k);
    matches!(k, "في" | "من" | "الي" | "علي" | "عن" | "مع" | "بين" | "و" | "ثم" | "او" | "حول" | "نحو" | "داخل" | "خارج" | "الى")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::{show, want};

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[(&str, &str)])] = &[
            ("countries with clitics", "بين ليبيا وتركيا ولليبيا", &[("GPE", "ليبيا"), ("GPE", "تركيا"), ("GPE", "ليبيا")]),
            ("official long form", "زيارة المملكة العربية السعودية", &[("GPE", "المملكة العربية السعودية")]),
            ("capital and city", "بين طرابلس وفاليتا وبنغازي", &[("GPE", "طرابلس"), ("GPE", "فاليتا"), ("GPE", "بنغازي")]),
            ("nationality forms", "الأتراك والتركية وليبيين", &[("NORP", "الأتراك"), ("NORP", "التركية"), ("NORP", "ليبيين")]),
            ("regional adjective is not NORP", "الدول العربية والأوروبيين", &[]),
            ("sea needs a cue", "في المتوسط من الحالات", &[]),
            ("sea after a cue", "ضفتي المتوسط", &[("LOC", "المتوسط")]),
            ("sea in full", "البحر المتوسط", &[("LOC", "البحر المتوسط")]),
            ("descriptor stays outside", "قارة أوروبا", &[("LOC", "أوروبا")]),
            ("country written with the article", "تعد الليبيا بوابة", &[("GPE", "الليبيا")]),
            ("organization", "دول الاتحاد الأوروبي", &[("ORG", "الاتحاد الأوروبي")]),
            ("facility", "استقبل بقصر قرطاج", &[("FAC", "قصر قرطاج")]),
            ("region", "في ليبيا والعالم العربي", &[("GPE", "ليبيا"), ("LOC", "العالم العربي")]),
            ("a person's name is not a clitic and a country", "عمدة المدينة كلاوس فوفرايت", &[]),
            ("a town named like a person before a nisba", "منبر صلاح الدين الأيوبي الذي", &[]),
            ("the town alone", "محافظة صلاح الدين شمال بغداد", &[("GPE", "صلاح الدين"), ("GPE", "بغداد")]),
            ("country after a conjunction and a preposition", "بين فنزويلا وبين سورية كثيرة", &[("GPE", "فنزويلا"), ("GPE", "سورية")]),
            ("syria after a noun it cannot describe", "في جنوب سورية وتحولت سورية", &[("GPE", "سورية"), ("GPE", "سورية")]),
            ("syrian after a feminine noun", "أطلقت قوات سورية النار", &[("NORP", "سورية")]),
            ("a newspaper that is an ordinary word needs a cue", "في الحياة اليومية", &[]),
            ("a newspaper after its cue, the cue outside", "نشرت صحيفة الحياة تقريرا", &[("ORG", "الحياة")]),
            ("a club after a sports cue", "سجل لاعب الزمالك هدفا", &[("ORG", "الزمالك")]),
            ("a medium between brackets", "صحيفة ( العربي ) الكويتية", &[("ORG", "العربي"), ("NORP", "الكويتية")]),
            ("a news agency in a dateline", "الدوحة - قنا : قال", &[("GPE", "الدوحة"), ("ORG", "قنا")]),
            ("the town of the same name elsewhere", "في محافظة قنا بمصر", &[("GPE", "قنا"), ("GPE", "مصر")]),
            ("a club after its definite cue, the cue outside", "رئيس النادي الأهلي أن", &[("ORG", "الأهلي")]),
            ("a medium spoken to (spec rule 11: after the first ل)", "وقال للجزيرة إن", &[("ORG", "لجزيرة")]),
            ("the peninsula is no channel", "شبه الجزيرة العربية", &[("LOC", "شبه الجزيرة العربية")]),
            ("an island is no channel", "تفصل الجزيرة عن", &[]),
            ("a company name that is also a month needs a cue", "في نيسان الماضي", &[]),
            ("an international body", "قالت منظمة الأغذية والزراعة", &[("ORG", "منظمة الأغذية والزراعة")]),
            ("a small town of a country the text names", "وصل الوفد التونسي إلى المهدية صباحا", &[("NORP", "التونسي"), ("GPE", "المهدية")]),
            ("a small foreign town alone needs a cue", "وصل الوفد إلى المهدية صباحا", &[]),
            ("a club before a city's name wins as the longer phrase", "فاز مانشستر يونايتد على", &[("ORG", "مانشستر يونايتد")]),
        ];
        for (name, text, w) in cases {
            let p = Prepared::new(text);
            let got = show(&p, &find(&p, Lexicon::builtin()));
            assert_eq!(got, want(w), "case {name:?}: gazetteer spans of {text:?}");
        }
    }

    #[test]
    fn capital_after_its_cue_is_the_city() {
        let lex = Lexicon::builtin();
        let cases: &[(&str, &str, bool)] = &[("the country", "زار تونس", true), ("the capital", "في العاصمة تونس", false)];
        for (name, text, country) in cases {
            let p = Prepared::new(text);
            let c = find(&p, lex);
            let e = c[0].entry.expect("تونس has an entry");
            assert_eq!(e.flag("country"), *country, "case {name:?}: {text:?} should name the {}", if *country { "country" } else { "city" });
        }
    }

    #[test]
    fn namesakes_follow_the_article() {
        let lex = Lexicon::builtin();
        let cases: &[(&str, &str, &str)] = &[
            ("Libyan article", "زار طرابلس وزير ليبي", "LY"),
            ("Lebanese article", "زار طرابلس وبيروت في لبنان والتقى مسؤولين لبنانيين", "LB"),
            ("no evidence: the larger city", "زار طرابلس", "LY"),
        ];
        for (name, text, cc) in cases {
            let p = Prepared::new(text);
            let c = find(&p, lex);
            let t = c.iter().find(|c| c.key == "طرابلس").unwrap_or_else(|| panic!("case {name:?}: طرابلس not found"));
            assert_eq!(t.entry.and_then(|e| e.attr("cc")), Some(*cc), "case {name:?}: طرابلس should resolve to {cc}");
        }
    }
}
