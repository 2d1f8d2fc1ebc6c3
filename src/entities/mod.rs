//! Entity recognition: candidates from the lexicons and rules, merged into
//! flat, non-overlapping mentions per `spec/entities.md`, then grouped into
//! entities.
//!
//! The pipeline of [`recognize`]:
//! 1. [`candidates`]: every rule of [`crate::rules`] proposes spans, which
//!    may overlap (a title offers each of its readings, an organization
//!    overlaps the place inside it). A learned tagger adds its spans here.
//! 2. [`merge`]: the flat set. Longer spans win (the outermost name, spec
//!    rule 3), then the type priority (a date or name before a title), then
//!    the score.
//! 3. Surname and partial mentions: words of the name of a person found in
//!    the text, with the family name among them, are a mention of that
//!    person wherever they stand alone (`التقى الطرابلسي`), also before the
//!    full name appears.
//! 4. [`group`]: mentions of one entity share a group: a surname joins the
//!    full name, a place its GeoNames id, a nationality its country; a
//!    person's group carries the titles and the country the text gives.

use crate::lexicon::{Entry, Lexicon};
use crate::rules;
use crate::text::{clitics, Prepared};
use crate::{Group, Mention, Place};
use serde::{Deserialize, Serialize};
use crate::hash::{FxHashMap as HashMap, FxHashSet};

/// The entity types of `spec/entities.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// A person's name.
    #[serde(rename = "PERS")]
    Pers,
    /// A named organization.
    #[serde(rename = "ORG")]
    Org,
    /// A country, city, state, province or capital.
    #[serde(rename = "GPE")]
    Gpe,
    /// A geographic place that is not political.
    #[serde(rename = "LOC")]
    Loc,
    /// A named building or installation.
    #[serde(rename = "FAC")]
    Fac,
    /// A nationality, religious or political group.
    #[serde(rename = "NORP")]
    Norp,
    /// A title, rank, office or position.
    #[serde(rename = "OCC")]
    Occ,
    /// A named event.
    #[serde(rename = "EVENT")]
    Event,
    /// A calendar date or day.
    #[serde(rename = "DATE")]
    Date,
}

impl EntityType {
    /// Every type, in the spec's order.
    pub const ALL: [EntityType; 9] = [
        EntityType::Pers, EntityType::Org, EntityType::Gpe, EntityType::Loc, EntityType::Fac,
        EntityType::Norp, EntityType::Occ, EntityType::Event, EntityType::Date,
    ];

    /// The tag of the type as the spec writes it (`PERS`, `GPE` …).
    pub fn tag(self) -> &'static str {
        match self {
            EntityType::Pers => "PERS",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Fac => "FAC",
            EntityType::Norp => "NORP",
            EntityType::Occ => "OCC",
            EntityType::Event => "EVENT",
            EntityType::Date => "DATE",
        }
    }

    /// The type of a tag, if it is one of the spec's.
    pub fn from_tag(tag: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.tag() == tag)
    }
}

/// A candidate span before grouping: token range, UTF-16 range, type and
/// the lexicon entry that found it, if any.
#[derive(Debug, Clone)]
pub struct Candidate<'l> {
    /// First UTF-16 unit.
    pub start: u32,
    /// One past the last UTF-16 unit.
    pub end: u32,
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Entity type.
    pub kind: EntityType,
    /// Match key of the phrase (clitics removed).
    pub key: String,
    /// The lexicon entry, if the lexicon found it.
    pub entry: Option<&'l Entry>,
    /// Confidence in [0, 1].
    pub score: f32,
    /// The rule that proposed it (`gazetteer`, `title`, `pers-quoted` …).
    pub rule: &'static str,
    /// For a DATE: its ISO value when it resolves.
    pub value: Option<String>,
}

/// Every candidate span of the rules, overlapping. This is the merge point
/// for other sources (a learned tagger): append their candidates to this
/// list before [`merge`].
pub fn candidates<'l>(p: &Prepared, lex: &'l Lexicon) -> Vec<Candidate<'l>> {
    let base = rules::dates::dateline(p);
    let mut c = rules::gazetteer::find(p, lex);
    c.extend(rules::orgs::find(p, lex));
    c.extend(rules::titles::find(p, lex));
    c.extend(rules::dates::find(p, lex, base));
    let events = rules::events::find(p, &c);
    c.extend(events);
    let persons = rules::persons::find(p, lex, &c);
    c.extend(persons);
    c
}

fn priority(t: EntityType) -> u8 {
    match t {
        EntityType::Event => 9,
        EntityType::Date => 8,
        EntityType::Org => 7,
        EntityType::Gpe => 6,
        EntityType::Fac => 5,
        EntityType::Loc => 5,
        EntityType::Pers => 4,
        EntityType::Norp => 3,
        EntityType::Occ => 2,
    }
}

/// The flat set of mentions: longest first, then type priority, then
/// score; a candidate that overlaps one already taken is dropped. The
/// result is sorted by start.
pub fn merge<'l>(mut cands: Vec<Candidate<'l>>) -> Vec<Candidate<'l>> {
    cands.retain(|c| c.start < c.end);
    cands.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(priority(b.kind).cmp(&priority(a.kind)))
            .then(b.score.total_cmp(&a.score))
            .then(a.start.cmp(&b.start))
    });
    // taken spans are disjoint: a new one overlaps iff the taken span that
    // starts last before its end reaches past its start
    let mut occupied: std::collections::BTreeMap<u32, u32> = std::collections::BTreeMap::new();
    let mut taken: Vec<Candidate<'l>> = Vec::new();
    for c in cands {
        let overlaps = occupied.range(..c.end).next_back().is_some_and(|(_, &end)| end > c.start);
        if !overlaps {
            occupied.insert(c.start, c.end);
            taken.push(c);
        }
    }
    taken.sort_by_key(|c| c.start);
    taken
}

/// Adds the partial mentions of the persons found: a run of words that
/// are all words of one person's name and include the family name
/// (`الطرابلسي`, `يرلي كايا`, after a clitic: `للطرابلسي`), or two or more of
/// them, is that person where no other mention covers it (a one-word
/// foreign town of the same spelling gives way). A surname an apposed
/// title licensed counts though its shape is a participle's (`المؤخر`).
fn add_partial_names<'l>(p: &Prepared, lex: &'l Lexicon, taken: &mut Vec<Candidate<'l>>) {
    use rules::persons::{classify_in, plain_ya, NameWord};
    let plain = plain_ya(p.text);
    let classify = |lex: &Lexicon, t: &crate::text::Token, text: &str| classify_in(lex, t, text, plain);
    let mut names: Vec<Vec<&str>> = Vec::new();
    let mut seen_names: FxHashSet<Vec<&str>> = FxHashSet::default();
    // a given name alone is the person whose full name starts with it, when only one does
    let mut firsts: Vec<(&str, usize)> = Vec::new();
    for c in taken.iter().filter(|c| c.kind == EntityType::Pers && c.last - c.first >= 2) {
        let t = &p.tokens[c.first];
        if classify(lex, t, p.text) == NameWord::Given {
            match firsts.iter_mut().find(|(k, _)| *k == t.key) {
                Some(f) => f.1 += 1,
                None => firsts.push((&t.key, 1)),
            }
        }
    }
    // surnames an apposed title licensed (`رياض المؤخر، وزير البيئة`: a participle's shape)
    let apposed: Vec<&str> = taken.iter().filter(|c| c.rule == "pers-before-title").map(|c| p.tokens[c.last - 1].key.as_str()).collect();
    for c in taken.iter().filter(|c| c.kind == EntityType::Pers) {
        let lastw = &p.tokens[c.last - 1];
        let words: Vec<&str> = p.tokens[c.first..c.last].iter().map(|t| t.key.as_str()).collect();
        let multi = words.len() >= 2 && p.tokens[c.last - 2].key != "ال";
        // the last word of a full name, even a given name (محمود توفيق → توفيق)
        let surname_ok = match classify(lex, lastw, p.text) {
            NameWord::Family | NameWord::Unknown | NameWord::AlNoun => true,
            NameWord::Given => multi,
            _ => false,
        } || c.rule == "pers-before-title";
        let surname_ok = surname_ok && lastw.key.chars().count() >= 3;
        if (multi || c.rule == "pers-after-title") && surname_ok && seen_names.insert(words.clone()) {
            names.push(words);
        }
    }
    if names.is_empty() {
        return;
    }
    let n = p.tokens.len();
    // which candidate covers each token
    let mut cover: Vec<Option<usize>> = vec![None; n];
    for (ci, c) in taken.iter().enumerate() {
        for x in &mut cover[c.first..c.last] {
            *x = Some(ci);
        }
    }
    let yields = |ci: usize| rules::persons::is_minor_place(&taken[ci]);
    // word → the names that have it
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::default();
    for (ni, words) in names.iter().enumerate() {
        for w in words {
            let v = by_word.entry(w).or_default();
            if !v.contains(&ni) {
                v.push(ni);
            }
        }
    }
    // every clitic reading of a word ends as the word does: a word whose
    // last byte ends no name word cannot match (bit `byte % 64`)
    let lasts: u64 = by_word.keys().fold(0, |m, w| m | w.as_bytes().last().map_or(0, |&b| 1 << (b % 64)));
    let mut added = Vec::new();
    let mut drop = Vec::new();
    let mut i = 0;
    while i < n {
        if !rules::is_word(&p.tokens[i]) || cover[i].is_some_and(|ci| !yields(ci)) || p.tokens[i].key.as_bytes().last().is_some_and(|&b| lasts & 1 << (b % 64) == 0) {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, usize, String)> = None;
        let readings = clitics::readings_ref(&p.tokens[i].key);
        let mut cands: Vec<usize> = readings.iter().flat_map(|r| by_word.get(&*r.stem).into_iter().flatten().copied()).collect();
        if cands.is_empty() {
            i += 1;
            continue;
        }
        cands.sort_unstable();
        cands.dedup();
        for words in cands.iter().map(|&ni| &names[ni]) {
            let surname = words.last().expect("names are not empty");
            for r in readings.iter() {
                let stem: &str = &r.stem;
                if !words.contains(&stem) || (r.skip == 0 && classify(lex, &p.tokens[i], p.text) == NameWord::Stop && !apposed.contains(&stem)) {
                    continue;
                }
                let mut j = i + 1;
                let mut key = stem.to_string();
                let mut has_surname = stem == *surname;
                while j < n && j - i < words.len() && words.contains(&p.tokens[j].key.as_str()) && cover[j].is_none_or(yields) && classify(lex, &p.tokens[j], p.text) != NameWord::Stop {
                    has_surname |= p.tokens[j].key == *surname;
                    key.push(' ');
                    key.push_str(&p.tokens[j].key);
                    j += 1;
                }
                let lone_first = j - i == 1 && stem == *words.first().expect("names are not empty") && firsts.iter().any(|(k, n)| *k == stem && *n == 1);
                // عبد الله, أبو حمزة: the word after a connector is no mention by itself (الله)
                // and الله alone is no one (نصر الله → not every الله of the text)
                let after_connector = j - i == 1 && (stem == "الله" || words.iter().position(|w| *w == stem).is_some_and(|x| x > 0 && matches!(words[x - 1], "عبد" | "ابو" | "ابي" | "ابا" | "ام")));
                if (has_surname || j - i >= 2 || lone_first) && !after_connector && best.as_ref().is_none_or(|b| j - i > b.1 - i) {
                    best = Some((r.skip, j, key));
                }
            }
        }
        match best {
            Some((skip, j, key)) => {
                for ci in cover[i..j].iter().flatten() {
                    drop.push(*ci);
                }
                added.push(rules::candidate(p, i, j, skip, EntityType::Pers, key, None, 0.7, "pers-partial"));
                i = j;
            }
            None => i += 1,
        }
    }
    drop.sort_unstable();
    drop.dedup();
    for ci in drop.into_iter().rev() {
        taken.remove(ci);
    }
    taken.extend(added);
    taken.sort_by_key(|c| c.start);
}

/// Recognizes the entities of a prepared text: mentions sorted by start,
/// never overlapping, and their groups in order of first mention.
pub fn recognize(p: &Prepared, lex: &Lexicon) -> (Vec<Mention>, Vec<Group>) {
    recognize_with(p, lex, Vec::new())
}

/// [`recognize`] with extra candidates from another source (a learned
/// tagger): they enter the same merge as the rules' candidates, so a
/// longer or higher-priority span wins whoever proposed it.
pub fn recognize_with<'l>(p: &Prepared, lex: &'l Lexicon, extra: Vec<Candidate<'l>>) -> (Vec<Mention>, Vec<Group>) {
    recognize_tagged(p, lex, extra, crate::tagger::merge::apply)
}

/// [`recognize_with`] with the learned tagger's step given: `tagger`
/// adds its names to the rules' flat mentions and says whether it changed
/// them ([`crate::tagger::merge::apply`], or a model being evaluated by
/// the trainer: `crate::tagger::merge::apply_model`).
pub fn recognize_tagged<'l>(
    p: &Prepared,
    lex: &'l Lexicon,
    extra: Vec<Candidate<'l>>,
    tagger: impl FnOnce(&Prepared, &'l Lexicon, &mut Vec<Candidate<'l>>) -> bool,
) -> (Vec<Mention>, Vec<Group>) {
    let mut all = candidates(p, lex);
    all.extend(extra);
    let mut taken = merge(all);
    add_partial_names(p, lex, &mut taken);
    // The learned tagger adds the names the rules do not know (policy:
    // src/tagger/merge.rs); the names it adds get their partial mentions too.
    if tagger(p, lex, &mut taken) {
        add_partial_names(p, lex, &mut taken);
    }
    group(p, lex, &taken)
}

/// The rules' flat mentions of a prepared text, before the learned tagger
/// adds its own: (first token, one past the last token, type), sorted and
/// not overlapping. The tagger reads them as features (stacking), and its
/// trainer makes them the same way.
pub fn rule_spans(p: &Prepared, lex: &Lexicon) -> Vec<(usize, usize, EntityType)> {
    let mut taken = merge(candidates(p, lex));
    add_partial_names(p, lex, &mut taken);
    taken.iter().map(|c| (c.first, c.last, c.kind)).collect()
}

/// What a mention belongs to, for grouping.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum GroupKey<'a> {
    /// A person: the name words (connectors left out).
    Person(Vec<&'a str>),
    /// Anything else: type and identity (GeoNames id, country code, key).
    Other(EntityType, std::borrow::Cow<'a, str>),
}

fn person_words(key: &str) -> Vec<&str> {
    key.split(' ').filter(|w| !matches!(*w, "بن" | "ابن" | "بنت" | "ال" | "ابو" | "ابي")).collect()
}

fn other_key<'a>(c: &'a Candidate) -> std::borrow::Cow<'a, str> {
    match c.entry {
        Some(e) => std::borrow::Cow::Owned(match (c.kind, e.attr("gid"), e.attr("cc")) {
            (EntityType::Norp, _, Some(cc)) => format!("cc:{cc}:{}", e.attr("kind").unwrap_or_default()),
            (_, Some(gid), _) => format!("gid:{gid}"),
            (EntityType::Gpe, None, Some(cc)) if e.flag("country") => format!("cc:{cc}"),
            _ => crate::text::key(e.name),
        }),
        None => std::borrow::Cow::Borrowed(&c.key),
    }
}

/// The titles and country the text gives a person: the OCC, NORP, GPE and
/// ORG mentions right before the name (`وزير الداخلية التركي علي …`).
fn person_context(p: &Prepared, lex: &Lexicon, taken: &[Candidate], at: usize) -> (Vec<String>, Option<String>) {
    let mut titles = Vec::new();
    let mut country = None;
    let mut k = at;
    let mut tok = taken[at].first;
    for _ in 0..5 {
        // skip quotes and commas
        while tok > 0 && matches!(p.tokens[tok - 1].key.as_str(), "،" | "," | "\"" | "“" | "”" | "«" | "»") {
            tok -= 1;
        }
        if k == 0 || taken[k - 1].last != tok {
            break;
        }
        k -= 1;
        let c = &taken[k];
        // سفير إيطاليا لدى ليبيا: the country after لدى hosts the ambassador
        if c.kind == EntityType::Gpe && c.first > 0 && p.tokens[c.first - 1].key == "لدي" {
            tok = c.first - 1;
            continue;
        }
        match c.kind {
            EntityType::Occ => titles.insert(0, p.slice(c.start, c.end).to_string()),
            EntityType::Norp | EntityType::Gpe | EntityType::Org => {
                if country.is_none() {
                    country = c.entry.and_then(|e| e.attr("cc")).and_then(|cc| lex.country_name(cc)).map(str::to_string);
                }
            }
            _ => break,
        }
        tok = c.first;
    }
    (titles, country)
}

/// The English spelling of a person's name when the lexicon knows every
/// word of it (`خليفة حفتر` → `Khalifa Haftar`).
fn english_name(lex: &Lexicon, key: &str) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    for w in key.split(' ') {
        let en = match w {
            "بن" => "bin".to_string(),
            "ابن" => "Ibn".to_string(),
            "بنت" => "bint".to_string(),
            "ابو" | "ابي" | "ابا" => "Abu".to_string(),
            "ال" => "Al".to_string(),
            _ => {
                let e = lex.given(w).filter(|e| !e.english.is_empty()).or_else(|| lex.family(w).filter(|e| !e.english.is_empty()))?;
                e.english.to_string()
            }
        };
        out.push(en);
    }
    (!out.is_empty()).then(|| out.join(" "))
}

/// Groups the mentions: surname and partial mentions of a person join the
/// fullest name that contains their words; places join by GeoNames id,
/// countries and nationalities by country.
pub fn group(p: &Prepared, lex: &Lexicon, taken: &[Candidate]) -> (Vec<Mention>, Vec<Group>) {
    let keys: Vec<GroupKey> = taken
        .iter()
        .map(|c| if c.kind == EntityType::Pers { GroupKey::Person(person_words(&c.key)) } else { GroupKey::Other(c.kind, other_key(c)) })
        .collect();
    // persons: the fullest names first, each partial name joins the fullest that contains it
    let mut person_of: Vec<Option<usize>> = vec![None; taken.len()];
    let mut order: Vec<usize> = (0..taken.len()).filter(|&i| taken[i].kind == EntityType::Pers).collect();
    order.sort_by_key(|&i| match &keys[i] {
        GroupKey::Person(w) => (std::cmp::Reverse(w.len()), i),
        _ => (std::cmp::Reverse(0), i),
    });
    // first word → heads (fullest names) that contain it
    let mut heads_by_word: HashMap<&str, Vec<usize>> = HashMap::default();
    for &i in &order {
        let GroupKey::Person(words) = &keys[i] else { continue };
        let Some(first) = words.first() else { continue };
        let head = heads_by_word.get(first).and_then(|hs| {
            hs.iter().copied().find(|&h| match &keys[h] {
                GroupKey::Person(hw) => words.iter().all(|w| hw.contains(w)),
                _ => false,
            })
        });
        match head {
            Some(h) => person_of[i] = Some(h),
            None => {
                person_of[i] = Some(i);
                for w in words {
                    let v = heads_by_word.entry(w).or_default();
                    if !v.contains(&i) {
                        v.push(i);
                    }
                }
            }
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    // keyed by reference: the keys live as long as this table
    let mut group_of_key: HashMap<&GroupKey, u32> = HashMap::default();
    let mut mentions = Vec::with_capacity(taken.len());
    for (i, c) in taken.iter().enumerate() {
        let gkey = &keys[person_of[i].unwrap_or(i)];
        let id = match group_of_key.get(gkey) {
            Some(id) => *id,
            None => {
                let id = groups.len() as u32;
                let (name, english, country, place) = match c.kind {
                    EntityType::Pers => {
                        let h = &taken[person_of[i].unwrap_or(i)];
                        (p.slice(h.start, h.end).to_string(), english_name(lex, &h.key), None, None)
                    }
                    _ => {
                        let name = c.entry.map(|e| e.name.to_string()).unwrap_or_else(|| p.slice(c.start, c.end).to_string());
                        let english = c.entry.map(|e| e.english).filter(|e| !e.is_empty()).map(str::to_string);
                        let country = c.entry.and_then(|e| e.attr("cc")).and_then(|cc| lex.country_name(cc)).map(str::to_string);
                        (name, english, country, c.entry.and_then(place_of))
                    }
                };
                groups.push(Group { id, kind: c.kind, name, english, mentions: 0, titles: Vec::new(), country, place });
                group_of_key.insert(gkey, id);
                id
            }
        };
        let g = &mut groups[id as usize];
        g.mentions += 1;
        if c.kind == EntityType::Pers {
            let (titles, country) = person_context(p, lex, taken, i);
            for t in titles {
                if !g.titles.contains(&t) {
                    g.titles.push(t);
                }
            }
            if g.country.is_none() {
                g.country = country;
            }
        }
        mentions.push(Mention {
            start: c.start,
            end: c.end,
            kind: c.kind,
            text: p.slice(c.start, c.end).to_string(),
            normalized: c.key.clone(),
            entity: id,
            score: c.score,
            value: c.value.clone(),
        });
    }
    (mentions, groups)
}

/// Where a lexicon entry is on the map, if its attributes say.
fn place_of(e: &Entry) -> Option<Place> {
    let lat = e.attr("lat")?.parse().ok()?;
    let lon = e.attr("lon")?.parse().ok()?;
    Some(Place { geonames: e.attr("gid").and_then(|g| g.parse().ok()), country: e.attr("cc")?.to_string(), lat, lon })
}

/// The groups that at least one of `mentions` refers to (after a type
/// filter removed some mentions), with their counts.
pub fn keep_mentioned(groups: Vec<Group>, mentions: &[Mention]) -> Vec<Group> {
    groups
        .into_iter()
        .filter_map(|mut g| {
            let n = mentions.iter().filter(|m| m.entity == g.id).count() as u32;
            g.mentions = n;
            (n > 0).then_some(g)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(EntityType, String)> {
        let p = Prepared::new(text);
        recognize(&p, Lexicon::builtin()).0.into_iter().map(|m| (m.kind, m.text)).collect()
    }

    #[test]
    fn table() {
        use EntityType::*;
        let cases: &[(&str, &str, &[(EntityType, &str)])] = &[
            ("country after a conjunction", "بين ليبيا وتركيا", &[(Gpe, "ليبيا"), (Gpe, "تركيا")]),
            ("city after a preposition", "في طرابلس وبطرابلس", &[(Gpe, "طرابلس"), (Gpe, "طرابلس")]),
            ("lam on a country", "زيارة لليبيا", &[(Gpe, "ليبيا")]),
            ("longest phrase wins", "المملكة العربية السعودية", &[(Gpe, "المملكة العربية السعودية")]),
            ("title with portfolio then nationality", "وزير الداخلية التركي", &[(Occ, "وزير الداخلية"), (Norp, "التركي")]),
            ("diacritics inside a match", "وزيرُ الدّاخليّة", &[(Occ, "وزيرُ الدّاخليّة")]),
            ("wazir is not wa + zir", "وزير", &[(Occ, "وزير")]),
            ("no entity in latin", "Tripoli and Ankara", &[]),
            ("title before an organization", "رئيس جامعة نايف العربية للعلوم الأمنية", &[(Occ, "رئيس"), (Org, "جامعة نايف العربية للعلوم الأمنية")]),
            ("organization keeps the nationality", "وزارة الداخلية الليبية", &[(Org, "وزارة الداخلية الليبية")]),
            ("president of a state", "رئيس جمهورية تونس “قيس سعيّد” استقبل", &[(Occ, "رئيس"), (Gpe, "جمهورية تونس"), (Pers, "قيس سعيّد")]),
            ("surname with lam on the article", "التقى عماد الطرابلسي ثم دعا للطرابلسي", &[(Pers, "عماد الطرابلسي"), (Pers, "لطرابلسي")]),
            ("surname before the full name", "تصريح الطرابلسي: ثم قال عماد الطرابلسي", &[(Pers, "الطرابلسي"), (Pers, "عماد الطرابلسي")]),
            ("allah alone is no mention of a name with it", "قال السيد حسن نصر الله إن الله معنا", &[(Pers, "حسن نصر الله")]),
            ("a surname an apposed title licensed, alone later", "وصرح سمير المؤدب، وزير الصحة، بأن الوضع جيد. وأضاف المؤدب أن", &[(Pers, "سمير المؤدب"), (Occ, "وزير الصحة"), (Pers, "المؤدب")]),
            ("the word after abd is no mention", "قال أبو عبد الله إن عبد الله والله", &[(Pers, "أبو عبد الله"), (Pers, "عبد الله")]),
        ];
        for (name, input, want) in cases {
            let want: Vec<(EntityType, String)> = want.iter().map(|(t, s)| (*t, s.to_string())).collect();
            assert_eq!(found(input), want, "case {name:?}: entities of {input:?}");
        }
    }

    #[test]
    fn mentions_of_one_place_share_a_group() {
        let p = Prepared::new("طرابلس ثم بطرابلس");
        let (m, g) = recognize(&p, Lexicon::builtin());
        assert_eq!(m[0].entity, m[1].entity);
        assert_eq!(g[0].mentions, 2);
        let place = g[0].place.as_ref().expect("طرابلس should carry its place");
        assert_eq!((place.country.as_str(), place.geonames), ("LY", Some(2210247)), "طرابلس is Tripoli, Libya (GeoNames 2210247)");
    }

    #[test]
    fn persons_group_with_titles_and_country() {
        let text = "استقبل وزير الداخلية التركي علي يرلي كايا نظيره. وأشاد يرلي كايا بالتعاون، وقال كايا إن";
        let p = Prepared::new(text);
        let (m, g) = recognize(&p, Lexicon::builtin());
        let persons: Vec<&Mention> = m.iter().filter(|m| m.kind == EntityType::Pers).collect();
        assert_eq!(persons.len(), 3, "three mentions of the minister: {persons:?}");
        assert!(persons.iter().all(|x| x.entity == persons[0].entity), "partial names must join the full name: {persons:?}");
        let grp = &g[persons[0].entity as usize];
        assert_eq!(grp.name, "علي يرلي كايا");
        assert_eq!(grp.titles, vec!["وزير الداخلية".to_string()]);
        assert_eq!(grp.country.as_deref(), Some("Turkey"), "the nationality before the name gives the country, by its common name");
        assert_eq!(grp.mentions, 3);
    }

    #[test]
    fn english_names_of_persons() {
        let lex = Lexicon::builtin();
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("both words known", "خليفه حفتر", Some("Khalifa Haftar")),
            ("nasab chain", "سيف بن زايد", Some("Saif bin Zayed")),
            ("unknown word", "علي يرلي كايا", None),
        ];
        for (name, key, want) in cases {
            assert_eq!(english_name(lex, key).as_deref(), *want, "case {name:?}: English of {key:?}");
        }
    }

    /// Every rule looks ahead; cutting a text anywhere must never make one
    /// read past the end.
    #[test]
    fn every_prefix_of_a_dense_text_is_safe() {
        let text = "date 2025-11-24 التقى وزير الداخلية التركي علي يرلي كايا، أمس الثلاثاء 12/3/2024 في 5 آذار/مارس 2024، \
                    نظيره السوري “محمد الرحمون” والأمين العام لمجلس وزراء الداخلية العرب في الدورة الــ41 لمجلس وزراء الداخلية العرب \
                    ورئيس جمهورية تونس عام 2019 م والقمة العربية الرابعة و2020-01-0";
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for &(b, _) in &chars {
            let p = Prepared::new(&text[..b]);
            let (m, g) = recognize(&p, Lexicon::builtin());
            assert!(m.iter().all(|x| (x.entity as usize) < g.len()), "prefix of {b} bytes: mention with a missing group");
        }
    }

    #[test]
    fn extra_candidates_enter_the_merge() {
        let p = Prepared::new("قال فلان الفلاني إن");
        let lex = Lexicon::builtin();
        assert!(merge(candidates(&p, lex)).is_empty(), "no rule knows this name");
        let extra = vec![rules::candidate(&p, 1, 3, 0, EntityType::Pers, "فلان الفلاني".into(), None, 0.6, "tagger")];
        // without the learned tagger, whose veto of untagged persons depends on the model
        let (m, g) = recognize_tagged(&p, lex, extra, |_, _, _| false);
        assert_eq!(m.iter().map(|m| (m.kind, m.text.as_str())).collect::<Vec<_>>(), vec![(EntityType::Pers, "فلان الفلاني")], "an extra candidate must enter the merge like a rule's");
        assert_eq!(g.len(), 1);
    }

    #[test]
    fn merge_prefers_outermost_then_priority() {
        let p = Prepared::new("سفارة جمهورية مصر");
        let c = candidates(&p, Lexicon::builtin());
        let m = merge(c);
        assert_eq!(m.len(), 1, "the embassy contains the state name: {m:?}");
        assert_eq!(m[0].kind, EntityType::Org);
    }
}
