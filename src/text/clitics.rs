//! Clitic segmentation, as candidates rather than blind stripping.
//!
//! Arabic attaches conjunctions (و، ف), prepositions (ب، ل، ك) and the
//! article (ال) to the front of a word, and pronouns (ه، ها، هم …) to its
//! end. `وزير` is not `و` + `زير`, so this module never decides: it lists
//! the readings a word allows, each with the stem it leaves, and the
//! lexicon or a rule picks the one it knows.
//!
//! Proclitics follow the grammar `(و|ف)? (ب|ك|ل)? (ال)?`. When `ل` meets
//! the article, the article's alef is not written: `لل` + rest is read as
//! `ل` + `ال` + rest, so `للطرابلسي` gives the stem `الطرابلسي` and skips one
//! letter (spec rule 11: the span starts after the first `ل`).
//! A reading must leave a stem of at least two letters (three when the
//! article is the last thing stripped, so `الى` keeps its letters).

/// Proclitics that may open a word, longest first, as (written prefix in
/// key form, whether it ends in `لل`: the `ل` preposition on an article
/// whose alef is not written). A prefix ending in the article itself
/// (`وال`, `بال`) needs no entry: the article stays in the stem, so `و`
/// and `ب` already give that reading.
/// `readings_ref` uses it split by first letter (the tables below, which a
/// test checks against it).
#[cfg_attr(not(test), allow(dead_code))]
const PREFIXES: &[(&str, bool)] = &[
    ("ولل", true), ("فلل", true),
    ("لل", true),
    ("وب", false), ("فب", false), ("وك", false), ("فك", false), ("ول", false), ("فل", false),
    ("و", false), ("ف", false), ("ب", false), ("ك", false), ("ل", false),
];

/// [`PREFIXES`] by first letter, each in the order of the table.
const WAW: [(&str, bool); 5] = [("ولل", true), ("وب", false), ("وك", false), ("ول", false), ("و", false)];
const FA: [(&str, bool); 5] = [("فلل", true), ("فب", false), ("فك", false), ("فل", false), ("ف", false)];
const LAM: [(&str, bool); 2] = [("لل", true), ("ل", false)];
const BA: [(&str, bool); 1] = [("ب", false)];
const KAF: [(&str, bool); 1] = [("ك", false)];

use std::borrow::Cow;

/// One reading of a word's front.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// How many key characters of the word lie outside the stem's span.
    pub skip: usize,
    /// The stem's key as the lexicon stores it (with its article, if any).
    pub stem: String,
    /// The proclitic string as written (empty for the bare word).
    pub prefix: &'static str,
}

/// One reading of a word's front that borrows its stem from the word
/// (only the `لل` reading, whose stem gains the article's alef, owns one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadingRef<'a> {
    /// How many key characters of the word lie outside the stem's span.
    pub skip: usize,
    /// The stem's key as the lexicon stores it (with its article, if any).
    pub stem: Cow<'a, str>,
    /// The proclitic string as written (empty for the bare word).
    pub prefix: &'static str,
}

/// The most readings a word can have: the bare word and `ولل`, `ول`, `و`.
const MAX_READINGS: usize = 6;

/// The readings of a word, held inline (no heap allocation); derefs to a
/// slice in the order of [`readings`].
#[derive(Debug, Clone, Default)]
pub struct Readings<'a> {
    items: [ReadingRef<'a>; MAX_READINGS],
    len: usize,
}

impl<'a> std::ops::Deref for Readings<'a> {
    type Target = [ReadingRef<'a>];
    fn deref(&self) -> &[ReadingRef<'a>] {
        &self.items[..self.len]
    }
}

/// Every reading of the front of `key`, as [`readings`] gives them, without
/// allocating (except for the rare `لل` stem): the form for hot loops.
pub fn readings_ref(key: &str) -> Readings<'_> {
    let mut out = Readings::default();
    out.items[0] = ReadingRef { skip: 0, stem: Cow::Borrowed(key), prefix: "" };
    out.len = 1;
    // every proclitic starts with one of these letters
    if !matches!(key.chars().next(), Some('و' | 'ف' | 'ب' | 'ك' | 'ل')) {
        return out;
    }
    // only the prefixes that start with the word's first letter, in the
    // order of PREFIXES (the others cannot match)
    let candidates: &[(&str, bool)] = match key.as_bytes()[1] {
        0x88 => &WAW, // و
        0x81 => &FA,  // ف
        0x84 => &LAM, // ل
        0xA8 => &BA,  // ب
        _ => &KAF,    // ك
    };
    for &(prefix, lam_article) in candidates {
        let Some(rest) = key.strip_prefix(prefix) else { continue };
        if rest.chars().nth(1).is_none() {
            continue;
        }
        let plen = prefix.chars().count();
        let (stem, skip) = if lam_article { (Cow::Owned(format!("ال{rest}")), plen - 1) } else { (Cow::Borrowed(rest), plen) };
        if out.iter().any(|r| r.stem == stem) {
            continue;
        }
        out.items[out.len] = ReadingRef { skip, stem, prefix };
        out.len += 1;
    }
    out
}

/// Every reading of the front of `key` (a normalized word): the bare word
/// first, then longer prefixes before shorter ones, without repeats. Each
/// stem keeps its article (`والهجره` → `الهجره`), because the article
/// belongs to the span; `لل…` gives the stem `ال…` with one letter skipped.
/// Allocates every stem; hot loops use [`readings_ref`].
pub fn readings(key: &str) -> Vec<Reading> {
    readings_ref(key).iter().map(|r| Reading { skip: r.skip, stem: r.stem.to_string(), prefix: r.prefix }).collect()
}

/// The article-less form of a stem: `الطرابلسي` → `طرابلسي`, if what is left
/// has at least two letters.
pub fn without_article(stem: &str) -> Option<&str> {
    let rest = stem.strip_prefix("ال")?;
    (rest.chars().count() >= 2).then_some(rest)
}

/// Pronoun suffixes, longest first, in key form (ة is already folded to ه).
const SUFFIXES: &[&str] = &["هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ك", "ي"];

/// Every reading of the end of `key`: (stem, suffix), the bare word first.
/// A stem keeps at least three letters.
pub fn suffix_readings(key: &str) -> Vec<(String, &'static str)> {
    let mut out = vec![(key.to_string(), "")];
    out.extend(suffix_stems(key).map(|(stem, s)| (stem.to_string(), s)));
    out
}

/// The readings of [`suffix_readings`] after the bare word, borrowed from
/// `key` (no allocation): the form for hot loops.
pub fn suffix_stems(key: &str) -> impl Iterator<Item = (&str, &'static str)> {
    let len = key.chars().count();
    SUFFIXES.iter().filter_map(move |&s| {
        let slen = s.chars().count();
        (key.ends_with(s) && len >= slen + 3).then(|| (&key[..key.len() - s.len()], s))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_tables_by_letter_are_the_table() {
        for (letter, table) in [('و', &WAW[..]), ('ف', &FA[..]), ('ل', &LAM[..]), ('ب', &BA[..]), ('ك', &KAF[..])] {
            let want: Vec<(&str, bool)> = PREFIXES.iter().copied().filter(|(p, _)| p.starts_with(letter)).collect();
            assert_eq!(table, &want[..], "the table of {letter} must list the PREFIXES that start with it, in their order");
            assert_eq!(letter.to_string().as_bytes()[1], table[0].0.as_bytes()[1], "readings_ref picks the table of {letter} by its second UTF-8 byte");
        }
    }

    fn stems(key: &str) -> Vec<(usize, String)> {
        readings(key).into_iter().map(|r| (r.skip, r.stem)).collect()
    }

    #[test]
    fn prefix_table() {
        let cases: &[(&str, &str, &[(usize, &str)])] = &[
            ("wazir is also a bare word", "وزير", &[(0, "وزير"), (1, "زير")]),
            ("conjunction on a country", "وتركيا", &[(0, "وتركيا"), (1, "تركيا")]),
            ("preposition on a city", "بطرابلس", &[(0, "بطرابلس"), (1, "طرابلس")]),
            ("lam meets the article", "للطرابلسي", &[(0, "للطرابلسي"), (1, "الطرابلسي"), (1, "لطرابلسي")]),
            ("wa + lam + article", "وللطرابلسي", &[(0, "وللطرابلسي"), (2, "الطرابلسي"), (2, "لطرابلسي"), (1, "للطرابلسي")]),
            ("wa + article keeps the article", "والهجره", &[(0, "والهجره"), (1, "الهجره")]),
            ("fa + bi + article", "فبالوزاره", &[(0, "فبالوزاره"), (2, "الوزاره"), (1, "بالوزاره")]),
            ("li on a country", "لليبيا", &[(0, "لليبيا"), (1, "اليبيا"), (1, "ليبيا")]),
            ("two letters are not stripped to one", "بل", &[(0, "بل")]),
        ];
        for (name, key, want) in cases {
            let want: Vec<(usize, String)> = want.iter().map(|(s, t)| (*s, t.to_string())).collect();
            assert_eq!(stems(key), want, "case {name:?}: readings of {key:?}");
        }
    }

    #[test]
    fn suffixes() {
        assert_eq!(suffix_readings("نظيره"), vec![("نظيره".into(), ""), ("نظير".into(), "ه")]);
        assert_eq!(suffix_readings("بلادهم")[1], ("بلاد".into(), "هم"));
        assert_eq!(suffix_readings("له"), vec![("له".into(), "")], "too short to strip");
    }

    #[test]
    fn article() {
        assert_eq!(without_article("الطرابلسي"), Some("طرابلسي"));
        assert_eq!(without_article("الي"), None);
    }
}
