//! Entity recognition: candidates from the lexicons, refined into flat,
//! non-overlapping mentions per `spec/entities.md`, then grouped into
//! entities.
//!
//! Lookup: at every token, each clitic reading of the token (see
//! [`crate::text::clitics`]) starts a phrase; the longest phrase of the
//! lexicon wins, and its span starts after the clitic (spec rule 4 and 11).
//! Mentions are taken left to right, so they never overlap.

use crate::lexicon::{Entry, Lexicon};
use crate::text::{clitics, Prepared, TokenKind};
use crate::{Group, Mention, Place};
use serde::{Deserialize, Serialize};

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
}

/// Finds lexicon phrases: at each token, the longest phrase over every
/// clitic reading of its first word.
pub fn lookup<'l>(p: &Prepared, lex: &'l Lexicon) -> Vec<Candidate<'l>> {
    let toks = &p.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].kind != TokenKind::Arabic && toks[i].kind != TokenKind::Latin {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, Candidate<'l>)> = None;
        for reading in clitics::readings(&toks[i].key) {
            let max = lex.max_words(&reading.stem);
            if max == 0 {
                continue;
            }
            let mut phrase = reading.stem.clone();
            let mut words = 1;
            let mut j = i + 1;
            loop {
                if let Some(entry) = lex.get(&phrase).find(|e| e.kind.is_some()) {
                    if best.as_ref().is_none_or(|(w, _)| words > *w) {
                        best = Some((words, Candidate {
                            start: toks[i].offset_after_key_chars(p.text, reading.skip),
                            end: toks[j - 1].end,
                            first: i,
                            last: j,
                            kind: entry.kind.expect("filtered"),
                            key: phrase.clone(),
                            entry: Some(entry),
                            score: 0.9,
                        }));
                    }
                }
                // Phrases never cross sentence-ending punctuation: stop at non-words.
                if words >= max || j >= toks.len() || !matches!(toks[j].kind, TokenKind::Arabic | TokenKind::Latin | TokenKind::Number) {
                    break;
                }
                phrase.push(' ');
                phrase.push_str(&toks[j].key);
                words += 1;
                j += 1;
            }
        }
        match best {
            Some((_, c)) => {
                i = c.last;
                out.push(c);
            }
            None => i += 1,
        }
    }
    out
}

/// Recognizes the entities of a prepared text: mentions sorted by start,
/// never overlapping, and their groups in order of first mention.
pub fn recognize(p: &Prepared, lex: &Lexicon) -> (Vec<Mention>, Vec<Group>) {
    let mut candidates = lookup(p, lex);
    // The learned tagger adds the names the rules do not know (policy: src/tagger/merge.rs).
    crate::tagger::merge::apply(p, lex, &mut candidates);
    let mut groups: Vec<Group> = Vec::new();
    let mut group_keys: Vec<(EntityType, String)> = Vec::new();
    let mut mentions = Vec::with_capacity(candidates.len());
    for c in candidates {
        let canonical = c.entry.map(|e| e.name.clone()).unwrap_or_else(|| p.slice(c.start, c.end).to_string());
        let gkey = (c.kind, crate::text::key(&canonical));
        let id = match group_keys.iter().position(|k| *k == gkey) {
            Some(i) => {
                groups[i].mentions += 1;
                groups[i].id
            }
            None => {
                let id = groups.len() as u32;
                groups.push(Group {
                    id,
                    kind: c.kind,
                    name: canonical,
                    english: c.entry.map(|e| e.english.clone()).filter(|e| !e.is_empty()),
                    mentions: 1,
                    titles: Vec::new(),
                    country: c.entry.and_then(|e| e.attr("cc")).and_then(|cc| lex.country_name(cc)).map(str::to_string),
                    place: c.entry.and_then(place_of),
                });
                group_keys.push(gkey);
                id
            }
        };
        mentions.push(Mention {
            start: c.start,
            end: c.end,
            kind: c.kind,
            text: p.slice(c.start, c.end).to_string(),
            normalized: c.key,
            entity: id,
            score: c.score,
            value: None,
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
    groups.into_iter().filter(|g| mentions.iter().any(|m| m.entity == g.id)).collect()
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
        assert_eq!(g[0].place.as_ref().map(|p| p.country.as_str()), Some("LY"));
    }
}
