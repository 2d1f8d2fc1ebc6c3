//! Productive organization and facility names, and official state names.
//!
//! An organization name is a head noun of `data/org_heads.tsv` in the
//! construct state (no article: `وزارة`, `حكومة`, `جامعة`, `سفارة` …)
//! followed by what the head takes (`takes=`):
//! - `portfolio`: a ministry portfolio (`وزارة الداخلية`);
//! - `gpe` / `norp`: a place or a nationality (`سفارة جمهورية مصر`);
//! - `name`: a person or family name, known or not (`حكومة الدبيبة`,
//!   `جامعة نايف`);
//! - `gen`/`adj`: a noun with the article and the nisba adjectives after
//!   it (`حكومة الوحدة الوطنية`), coordinated nouns (`والتنمية`) and a
//!   `ل` phrase (`للعلوم الأمنية`).
//!
//! A nationality adjective right after the name belongs to it (spec rule
//! 3: `وزارة الداخلية الليبية`), and so does `العرب` (`مجلس وزراء
//! الداخلية العرب`); other adjectives (`المستمرة`) stay out. Heads that are
//! also plain nouns (`قوات`, `مركز`, `لجنة`) make a name only when the
//! complement holds a proper name or a portfolio (`قوات الأمن` is generic).
//! With the article, a few heads make a name with a nationality only
//! (`السفارة المصرية`); alone they are generic (spec rule 5).
//!
//! `جمهورية`/`مملكة`/`دولة`/`سلطنة` + a country is the country's official
//! name: one GPE (spec rule 8).

use super::{candidate, WordSet, is_word, line_break_after, phrase_at};
use crate::entities::{Candidate, EntityType};
use crate::lexicon::{Entry, Lexicon, Part};
use crate::text::{clitics, Prepared};

/// Heads whose complement may be any noun phrase with the article.
static STRONG: WordSet = WordSet::new(&[
    "وزاره", "حكومه", "جامعه", "سفاره", "قنصليه", "منظمه", "هيئه", "جهاز", "مفوضيه", "وكاله", "شركه", "حزب",
    "مؤسسه", "مصرف", "بنك", "بعثه", "اتحاد", "جمعيه", "جريده", "صحيفه", "مجله", "اذاعه", "قناه", "تلفزيون", "مطار", "ميناء", "قصر", "سجن", "مستشفي", "معبر",
]);
/// Heads that, with the article, make a name with a nationality adjective.
static DEFINITE_WITH_NORP: WordSet = WordSet::new(&["سفاره", "قنصليه", "وزاره", "حكومه", "بعثه"]);
/// State words that make an official name with a country.
static STATE_WORDS: WordSet = WordSet::new(&["جمهوريه", "مملكه", "دوله", "سلطنه", "اماره", "الجمهوريه", "المملكه"]);
/// Adjectives that date or rank a body and are not part of its name.
static NOT_NAME_ADJ: WordSet = WordSet::new(&[
    "الحاليه", "الحالي", "الماضيه", "الماضي", "التاليه", "التالي", "الجاريه", "الجاري", "المعنيه", "المعني", "الاولي",
    "السابقه", "السابق", "المقبله", "المقبل", "المختصه", "الرسميه", "الرسمي", "المحليه", "المحلي", "الاساسيه", "الرئيسيه",
    "الشرعيه", "الاجنبيه", "المعترف", "الحيويه", "اليوميه", "الاسبوعيه", "الدوريه", "الميدانيه",
]);
/// Plural gentilics that end an organization name (`مجلس وزراء الداخلية العرب`).
static TRAILING: WordSet = WordSet::new(&["العرب", "الافارقه", "الاوروبيين", "الخليجيين"]);

fn entity_at<'l>(p: &Prepared, lex: &'l Lexicon, j: usize, kind: EntityType) -> Option<(usize, &'l Entry)> {
    // a place that is also an ordinary word (مدينة is Medina) is not a complement
    let m = phrase_at(p, lex, lex.phrases(Part::Name), j, false, &|e| e.kind == Some(kind) && !(e.common() || (kind == EntityType::Gpe && !e.flag("country") && !e.key.contains(' ') && lex.is_common(e.key))))?;
    // a country before its capital or a city of the same name
    let e = m.entries.iter().copied().find(|e| e.flag("country")).unwrap_or(m.entries[0]);
    Some((m.last, e))
}

/// `جمهورية تونس` → the GPE of the country, ending where the country ends.
fn state_name<'l>(p: &Prepared, lex: &'l Lexicon, j: usize) -> Option<(usize, &'l Entry)> {
    let t = p.tokens.get(j)?;
    if !STATE_WORDS.contains(&t.key) {
        return None;
    }
    let (end, e) = entity_at(p, lex, j + 1, EntityType::Gpe)?;
    e.flag("country").then_some((end, e))
}

/// Function words that start like the article (إلى → الي, التي, الذي).
static AL_FUNCTION: WordSet = WordSet::new(&["الي", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي", "الا", "الان", "اللي", "اللذان", "اللتان"]);

/// A word with the article that can be part of a name (not a function word).
fn is_al_word(k: &str) -> bool {
    k.starts_with("ال") && k.chars().count() >= 4 && !AL_FUNCTION.contains(k)
}

fn is_nisba(k: &str) -> bool {
    is_al_word(k) && (k.ends_with('ي') || k.ends_with("يه")) && !NOT_NAME_ADJ.contains(k)
}

/// Whether token `j` may be an unknown or known name word (not ordinary).
fn name_word(p: &Prepared, lex: &Lexicon, j: usize) -> bool {
    let Some(t) = p.tokens.get(j) else { return false };
    if !is_word(t) {
        return false;
    }
    let k = t.key.as_str();
    // a preposition before a known word is no name (مستشفى لرويترز)
    let behind_clitic = clitics::readings_ref(k).iter().skip(1).any(|r| !r.prefix.contains('ك') && r.stem.chars().count() >= 3 && (lex.is_common(&r.stem) || !lex.phrases(Part::Name).ids(&r.stem).is_empty()));
    lex.given(k).is_some_and(|g| !g.common())
        || lex.family(k).is_some_and(|f| !f.common())
        || (!lex.is_common(k)
            && !behind_clitic
            && lex.phrases(Part::Head).ids(k).is_empty()
            && k.chars().count() >= 3
            && lex.phrases(Part::Title).ids(k).is_empty()
            && !k.ends_with("ات")
            && !k.ends_with("ون")
            // an indefinite feminine adjective (سينيغالية، دؤوبة) describes, it does not name
            && !(k.ends_with('ه') && k.chars().count() >= 5 && !k.starts_with("ال")))
}

/// Titles of sovereigns that, with their name, make the complement of a head.
static ROYAL: WordSet = WordSet::new(&["الملك", "السلطان", "الامير", "الشيخ", "الامام"]);

/// Whether token `j` continues a foreign name: a name word without the
/// article that is in no list of places or organizations, no given name
/// (a person may follow: بلدية طولكرم محمد أمين) and no plural.
fn foreign_name_word(p: &Prepared, lex: &Lexicon, j: usize) -> bool {
    let t = &p.tokens[j];
    is_word(t)
        && !t.key.starts_with("ال")
        && lex.phrases(Part::Name).ids(&t.key).is_empty()
        && lex.phrases(Part::Head).ids(&t.key).is_empty()
        && !["ين", "ون", "ات", "تان"].iter().any(|s| t.key.ends_with(s))
        && lex.given(&t.key).is_none()
        && name_word(p, lex, j)
}

/// The end of the complement of a head at token `j` (exclusive) and whether
/// it holds a proper name or portfolio.
fn complement(p: &Prepared, lex: &Lexicon, head: &Entry, j: usize) -> Option<(usize, bool)> {
    let takes = head.attr("takes").unwrap_or_default();
    let takes = |w: &str| takes.split(',').any(|t| t == w);
    let n = p.tokens.len();
    if j >= n || !is_word(&p.tokens[j]) {
        return None;
    }
    let mut end;
    let mut proper = false;
    let k = p.tokens[j].key.as_str();
    if let Some(pm) = takes("portfolio").then(|| phrase_at(p, lex, lex.phrases(Part::Title), j, false, &|x| x.tag == "PORTFOLIO")).flatten() {
        end = pm.last;
        proper = true;
    } else if let Some((e, _)) = entity_at(p, lex, j, EntityType::Org) {
        // منظمة أطباء بلا حدود, حركة حماس: a head before a known organization
        return Some((e, true));
    } else if let Some((e, _)) = takes("gpe").then(|| state_name(p, lex, j).or_else(|| entity_at(p, lex, j, EntityType::Gpe))).flatten() {
        end = e;
        proper = true;
    } else if let Some((e, _)) = takes("norp").then(|| entity_at(p, lex, j, EntityType::Norp)).flatten() {
        return Some((e, true));
    } else if takes("name") && ROYAL.contains(k) && name_word(p, lex, j + 1) && !p.tokens[j + 1].key.starts_with("ال") {
        // جامعة الملك سعود، جامعة السلطان قابوس: a sovereign's title and name
        end = j + 2;
        proper = true;
    } else if is_al_word(k) && (takes("gen") || takes("adj") || takes("name")) && !NOT_NAME_ADJ.contains(k) {
        if entity_at(p, lex, j, EntityType::Norp).is_some() {
            return None;
        }
        if lex.family(k).is_some_and(|f| !f.common()) || (!lex.is_common(k) && name_word(p, lex, j)) {
            proper = true;
        }
        end = j + 1;
    } else if takes("name") && name_word(p, lex, j) {
        end = j + 1;
        proper = true;
        // حكومة إيهود أولمرت: a given name opens a person's full name, all of it in the ORG
        if lex.given(k).is_some_and(|g| !g.common()) {
            while end < n && end - j < 4 && !line_break_after(p, end - 1) && is_word(&p.tokens[end]) {
                let w = p.tokens[end].key.as_str();
                let known = lex.given(w).is_some_and(|g| !g.common()) || lex.family(w).is_some_and(|f| !f.common());
                if !(known || (name_word(p, lex, end) && !w.starts_with("ال") && entity_at(p, lex, end, EntityType::Norp).is_none())) {
                    break;
                }
                end += 1;
            }
        }
    } else {
        return None;
    }
    // a foreign name of two or three words (مانشستر يونايتد، نيويورك تايمز، كونكو فيليبس)
    if proper && !k.starts_with("ال") && end == j + 1 {
        while end < n && end - j < 3 && !line_break_after(p, end - 1) && foreign_name_word(p, lex, end) {
            end += 1;
        }
    }
    // nisba adjectives, coordinated nouns, a ل phrase
    let mut linked = false;
    while end < n && end - j < 7 && !line_break_after(p, end - 1) {
        let k = p.tokens[end].key.as_str();
        if !is_word(&p.tokens[end]) {
            break;
        }
        if entity_at(p, lex, end, EntityType::Norp).is_some() && !matches!(k, "العربيه" | "العربي" | "الاسلاميه" | "الاسلامي") {
            break;
        }
        if is_nisba(k) {
            end += 1;
        } else if let Some(rest) = k.strip_prefix("وال") {
            let head_word = !lex.phrases(Part::Head).ids(rest).is_empty();
            if rest.chars().count() >= 3 && !head_word && !lex.is_common(k) && !lex.is_common(&format!("ال{rest}")) {
                end += 1;
            } else {
                break;
            }
        } else if !linked && (k.starts_with("لل") || k.starts_with("لا")) && k.chars().count() >= 5 && takes("link") {
            linked = true;
            proper = true;
            end += 1;
        } else {
            break;
        }
    }
    Some((trailing(p, lex, end), proper))
}

/// A nationality adjective or plural gentilic after a name belongs to it.
fn trailing(p: &Prepared, lex: &Lexicon, end: usize) -> usize {
    if let Some((e, _)) = entity_at(p, lex, end, EntityType::Norp) {
        return e;
    }
    if p.tokens.get(end).is_some_and(|t| TRAILING.contains(&t.key)) {
        return end + 1;
    }
    end
}

/// The organization and facility candidates made by head patterns, and
/// the official state names.
pub fn find<'l>(p: &Prepared, lex: &'l Lexicon) -> Vec<Candidate<'l>> {
    let heads = lex.phrases(Part::Head);
    let mut out = Vec::new();
    // whether a word may open an organization, asked once for each distinct word
    let words = p.words();
    let mut opens: Vec<Option<bool>> = vec![None; words.first.len()];
    for i in 0..p.tokens.len() {
        if !is_word(&p.tokens[i]) {
            continue;
        }
        let may = |s: &str| heads.max_words(s) > 0 || STATE_WORDS.contains(s) || s.strip_prefix("ال").is_some_and(|b| DEFINITE_WITH_NORP.contains(b));
        if !*opens[words.id[i] as usize].get_or_insert_with(|| super::any_stem(&p.tokens[i].key, may)) {
            continue;
        }
        for r in clitics::readings_ref(&p.tokens[i].key).iter() {
            // جمهورية مصر, دولة ليبيا
            if STATE_WORDS.contains(&r.stem) {
                if let Some((end, e)) = entity_at(p, lex, i + 1, EntityType::Gpe).filter(|(_, e)| e.flag("country")) {
                    let key = std::iter::once(r.stem.to_string()).chain(p.tokens[i + 1..end].iter().map(|t| t.key.clone())).collect::<Vec<_>>().join(" ");
                    out.push(candidate(p, i, end, r.skip, EntityType::Gpe, key, Some(e), 0.85, "state-name"));
                }
            }
            // head: one or two words
            let max = heads.max_words(&r.stem);
            if max == 0 {
                continue;
            }
            let mut head_end = i + 1;
            let mut head_key = r.stem.to_string();
            let mut head: Option<&Entry> = heads.ids(&head_key).first().map(|&id| lex.entry(id));
            if i + 1 < p.tokens.len() && max >= 2 {
                let two = format!("{} {}", r.stem, p.tokens[i + 1].key);
                if let Some(&id) = heads.ids(&two).first() {
                    head = Some(lex.entry(id));
                    head_end = i + 2;
                    head_key = two;
                }
            }
            let Some(h) = head else { continue };
            let kind = h.kind.unwrap_or(EntityType::Org);
            // a definite head (الوزارة) is generic, unless the list has it with its article
            let bare = head_key.as_str();
            let Some((end, proper)) = complement(p, lex, h, head_end) else { continue };
            if !STRONG.contains(bare) && !proper {
                continue;
            }
            let key = std::iter::once(head_key.clone()).chain(p.tokens[head_end..end].iter().map(|t| t.key.clone())).collect::<Vec<_>>().join(" ");
            out.push(candidate(p, i, end, r.skip, kind, key, None, 0.75, "org-head"));
            break;
        }
        // السفارة المصرية: a definite head with a nationality
        for r in clitics::readings_ref(&p.tokens[i].key).iter() {
            let Some(bare) = r.stem.strip_prefix("ال") else { continue };
            if !DEFINITE_WITH_NORP.contains(bare) {
                continue;
            }
            if let Some((end, _)) = entity_at(p, lex, i + 1, EntityType::Norp).filter(|(_, e)| e.attr("kind") == Some("nat")) {
                let key = format!("{} {}", r.stem, p.tokens[i + 1..end].iter().map(|t| t.key.as_str()).collect::<Vec<_>>().join(" "));
                out.push(candidate(p, i, end, r.skip, EntityType::Org, key, None, 0.7, "org-definite-norp"));
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::{show, want};

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[(&str, &str)])] = &[
            ("ministry with portfolio", "بديوان وزارة الداخلية في طرابلس", &[("ORG", "وزارة الداخلية")]),
            ("ministry with nationality", "منتسبي وزارة الداخلية الليبية، إضافة", &[("ORG", "وزارة الداخلية الليبية")]),
            ("other adjective stays out", "جهود وزارة الداخلية المستمرة", &[("ORG", "وزارة الداخلية")]),
            ("government with adjectives after a clitic", "المكلف بحكومة الوحدة الوطنية لواء", &[("ORG", "حكومة الوحدة الوطنية")]),
            ("government with a family name", "وزير الداخلية بحكومة الدبيبة، عماد", &[("ORG", "حكومة الدبيبة")]),
            ("embassy of an official state name", "سفارة جمهورية مصر في طرابلس", &[("ORG", "سفارة جمهورية مصر"), ("GPE", "جمهورية مصر")]),
            ("definite embassy with nationality", "بأعمال السفارة المصرية، تامر", &[("ORG", "السفارة المصرية")]),
            ("university with name and link", "رئيس جامعة نايف العربية للعلوم الأمنية د", &[("ORG", "جامعة نايف العربية للعلوم الأمنية")]),
            ("council of ministers with gentilic", "لمجلس وزراء الداخلية العرب التي", &[("ORG", "مجلس وزراء الداخلية العرب")]),
            ("generic forces", "برامج لقوات الأمن الليبية", &[]),
            ("generic definite ministry", "أن الوزارة تبذل", &[]),
            ("state name alone", "رئيس جمهورية تونس", &[("GPE", "جمهورية تونس")]),
            ("airport with a city", "وصل إلى مطار مصراتة الدولي", &[("FAC", "مطار مصراتة الدولي")]),
            ("government of a full name", "فشلا ذريعا لحكومة ايهود اولمرت بعد", &[("ORG", "حكومة ايهود اولمرت")]),
            ("university named after a king", "في جامعة الملك سعود في", &[("ORG", "جامعة الملك سعود")]),
            ("club with a two-word foreign name", "مدرب نادي مانشستر يونايتد أن", &[("ORG", "نادي مانشستر يونايتد")]),
            ("a port with a foreign town's name", "رست السفينة في مرفأ كاتانيا ليلا", &[("FAC", "مرفأ كاتانيا")]),
            ("a person's given name after the place is not the org's", "ومحاسبة بلدية طولكرم محمد أمين", &[("ORG", "بلدية طولكرم")]),
        ];
        for (name, text, w) in cases {
            let p = Prepared::new(text);
            let got = show(&p, &find(&p, Lexicon::builtin()));
            assert_eq!(got, want(w), "case {name:?}: org patterns of {text:?}");
        }
    }
}
