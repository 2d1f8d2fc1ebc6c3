//! Who met whom: meetings between the named people of an article.
//!
//! The extractor reads the mentions the recognizer found (PERS, OCC, NORP,
//! ORG, GPE, FAC, DATE) as *units* over the tokens, then works in two
//! passes:
//!
//! 1. **References to people.** Left to right, a reference is a chain of
//!    titles, ranks, nationalities and complements ending in a name
//!    (`وزير الداخلية التركي علي يرلي كايا`, `نظيره السوري محمد الرحمون`,
//!    `رئيس جمهورية تونس “قيس سعيّد”`), or a chain of titles without a name
//!    (`وزير الداخلية المكلف`), which stands for the one person of the
//!    text named with that title. Every named chain teaches the person's
//!    role and, when a nationality or a country sits in it, their country.
//! 2. **Meetings.** At every cue of `data/meeting_triggers.tsv` (a verb such
//!    as `استقبل`, `التقى`, `بحث … مع`, a noun such as `لقاء … مع` after
//!    `عقد`), the subject is the reference just before the verb, or the
//!    first after it, or the subject of the previous meeting when the verb
//!    has none (`والتقى نظيره …`); the other side is the list of
//!    references after it, joined by `و`, `،` or `مع`. Each (subject,
//!    other) pair of distinct named people is one meeting; a pair is
//!    reported once per text.
//!
//! A participant's country is, in order: a nationality or country in their
//! chain at the meeting (`نظيره التركي`), one in any chain of theirs in the
//! text, the nationality of the ministry of their portfolio
//! (`وزارة الداخلية الليبية` for a `وزير الداخلية`), and, for an official of
//! a government not otherwise placed, the country the text speaks of most
//! once the countries of the marked foreigners are set aside.

use crate::entities::EntityType;
use crate::lexicon::Lexicon;
use crate::text::{clitics, Prepared, TokenKind};
use crate::{Group, Meeting, Mention, Participant, Span};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The cue table, embedded.
const CUES_TSV: &str = include_str!("../data/meeting_triggers.tsv");

/// What a cue word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Verb,
    Noun,
    Light,
    Counterpart,
    Rank,
    Skip,
    With,
    Future,
    Qualifier,
    Body,
    Place,
    Delegation,
}

/// One cue of the table.
#[derive(Debug, Clone)]
struct Cue {
    class: Class,
    kind: &'static str,
    /// For verbs: the other side must be joined by مع, و or ب.
    needs_link: bool,
}

/// The parsed cue table: one-word keys in a map, longer ones in a list.
#[derive(Debug)]
struct Cues<'a> {
    /// The one-word cues: keys borrowed from the table's text.
    words: FastMap<&'a str, Cue>,
    phrases: Vec<(Vec<&'a str>, Cue)>,
    /// First words of the phrases.
    firsts: FastMap<&'a str, ()>,
    /// First letters of the first words of the phrases.
    first_letters: Vec<char>,
    /// Signatures (first letter, last letter, length) of every one-word
    /// key and phrase start, sorted: most words fail this test before any
    /// hashing.
    signatures: Vec<u64>,
    /// Bit set over (first letter, last letter) of the same keys: one
    /// memory read rejects most words.
    edges: [u64; 64],
}

fn edge_bit(stem: &str) -> (usize, u64) {
    let first = stem.chars().next().map_or(0, |c| c as usize & 63);
    let last = stem.chars().next_back().map_or(0, |c| c as usize & 63);
    (first, 1u64 << last)
}

fn signature(stem: &str) -> u64 {
    let first = stem.chars().next().map_or(0, u64::from);
    let last = stem.chars().next_back().map_or(0, u64::from);
    (first << 42) | (last << 21) | stem.len() as u64
}

use crate::hash::FxHashMap as FastMap;

/// The first reading of `key` (without its proclitic) that `map` holds:
/// (the map's key, its value, the proclitic). Proclitics as in
/// [`clitics::readings`]: `(و|ف)? (ب|ك|ل)?`, the bare word first, longer
/// before shorter; written out here without allocating, as this runs at
/// every word. `signatures` (see [`Cues`]) lets most words go without a
/// lookup.
fn reading_in<'m, 'a: 'm, V>(map: &'m FastMap<&'a str, V>, cues: &Cues, key: &str) -> Option<(&'m str, &'m V, &'static str)> {
    let look = |stem: &str, pre: &'static str| -> Option<(&'m str, &'m V, &'static str)> {
        let (row, bit) = edge_bit(stem);
        if cues.edges[row] & bit == 0 || stem.chars().nth(1).is_none() || cues.signatures.binary_search(&signature(stem)).is_err() {
            return None;
        }
        map.get_key_value(stem).map(|(k, v)| (*k, v, pre))
    };
    if let Some(hit) = look(key, "") {
        return Some(hit);
    }
    let c1 = key.chars().next()?;
    let rest = &key[c1.len_utf8()..];
    let one: &'static str = match c1 {
        'و' => "و",
        'ف' => "ف",
        'ب' => "ب",
        'ك' => "ك",
        'ل' => "ل",
        _ => return None,
    };
    if matches!(c1, 'و' | 'ف') {
        if let Some(c2) = rest.chars().next() {
            let two: Option<&'static str> = match (c1, c2) {
                ('و', 'ب') => Some("وب"),
                ('ف', 'ب') => Some("فب"),
                ('و', 'ك') => Some("وك"),
                ('ف', 'ك') => Some("فك"),
                ('و', 'ل') => Some("ول"),
                ('ف', 'ل') => Some("فل"),
                _ => None,
            };
            if let Some(hit) = two.and_then(|two| look(&rest[c2.len_utf8()..], two)) {
                return Some(hit);
            }
        }
    }
    look(rest, one)
}

#[cfg(test)]
fn parse_cues(content: &str) -> Result<Cues<'_>, String> {
    parse_cues_checked(content, true)
}

/// [`parse_cues`], checking that keys are in key form only with `check`
/// (the tests check the embedded table; normalizing every key was a
/// fifth of the start's cost of this table).
fn parse_cues_checked(content: &str, check: bool) -> Result<Cues<'_>, String> {
    // about 31 bytes a line: room for every one-word cue, no rehash at start
    let mut words = FastMap::default();
    words.reserve(content.len() / 32);
    let mut phrases = Vec::new();
    let mut header = false;
    for (n, line) in content.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !header {
            header = true;
            if line != "key\tclass\tkind\tlink" {
                return Err(format!("data/meeting_triggers.tsv:{}: header must be key, class, kind, link", n + 1));
            }
            continue;
        }
        let mut cols = [""; 4];
        let mut k = 0;
        for c in line.split('\t') {
            if k < 4 {
                cols[k] = c;
            }
            k += 1;
        }
        let err = |m: &str| format!("data/meeting_triggers.tsv:{}: {m}: {line:?}", n + 1);
        if k != 4 {
            return Err(err("expected 4 tab-separated columns"));
        }
        if check && (crate::text::key(cols[0]) != cols[0] || cols[0].is_empty() || cols[0].contains("  ")) {
            return Err(err(&format!("key is not normalized (should be {:?})", crate::text::key(cols[0]))));
        }
        let class = match cols[1] {
            "verb" => Class::Verb,
            "noun" => Class::Noun,
            "light" => Class::Light,
            "counterpart" => Class::Counterpart,
            "rank" => Class::Rank,
            "skip" => Class::Skip,
            "with" => Class::With,
            "future" => Class::Future,
            "qualifier" => Class::Qualifier,
            "body" => Class::Body,
            "place" => Class::Place,
            "delegation" => Class::Delegation,
            _ => return Err(err("unknown class")),
        };
        let kind = match cols[2] {
            "meeting" => "meeting",
            "reception" => "reception",
            "visit" => "visit",
            "call" => "call",
            "scheduled" => "scheduled",
            "-" if !matches!(class, Class::Verb | Class::Noun) => "",
            _ => return Err(err("kind must be meeting, reception, visit, call or scheduled for verbs and nouns, '-' otherwise")),
        };
        let needs_link = match (class, cols[3]) {
            (Class::Verb, "direct") => false,
            (Class::Verb, "with") => true,
            (Class::Verb, _) => return Err(err("link of a verb must be direct or with")),
            (_, "-") => false,
            _ => return Err(err("link must be '-' for a cue that is not a verb")),
        };
        let cue = Cue { class, kind, needs_link };
        // keys borrowed from the table: no allocation a one-word cue
        if cols[0].contains(' ') {
            phrases.push((cols[0].split(' ').collect(), cue));
        } else {
            words.insert(cols[0], cue);
        }
    }
    let firsts: FastMap<&str, ()> = phrases.iter().map(|(w, _): &(Vec<&str>, Cue)| (w[0], ())).collect();
    let mut first_letters: Vec<char> = firsts.keys().filter_map(|k| k.chars().next()).chain("وفبكل".chars()).collect();
    first_letters.sort_unstable();
    first_letters.dedup();
    let mut signatures: Vec<u64> = words.keys().chain(firsts.keys()).map(|k| signature(k)).collect();
    signatures.sort_unstable();
    signatures.dedup();
    let mut edges = [0u64; 64];
    for k in words.keys().chain(firsts.keys()) {
        let (row, bit) = edge_bit(k);
        edges[row] |= bit;
    }
    Ok(Cues { words, phrases, firsts, first_letters, signatures, edges })
}

/// Builds the cue table and the country codes now (the analyzer's explicit
/// start), not on first use.
pub(crate) fn init_tables(lex: &Lexicon) {
    let _ = cues();
    let _ = country_codes(lex);
}

fn cues() -> &'static Cues<'static> {
    static CUES: OnceLock<Cues<'static>> = OnceLock::new();
    // the keys' form is checked by the tests (parse_cues), not at every start
    CUES.get_or_init(|| parse_cues_checked(CUES_TSV, false).unwrap_or_else(|e| panic!("embedded cue table is malformed: {e}")))
}

/// Any English name of a country (the ISO name of `data/countries.tsv`
/// or the common name of `data/country_names.tsv`) → its ISO code. The
/// other way, code → common name, is `Lexicon::country_name`.
const COUNTRIES_TSV: &str = include_str!("../data/country_names.tsv");

fn country_codes(lex: &Lexicon) -> &'static FastMap<&'static str, Cow<'static, str>> {
    static CODES: OnceLock<FastMap<&'static str, Cow<'static, str>>> = OnceLock::new();
    CODES.get_or_init(|| {
        // names and codes borrowed from the lexicon's arena and the table (only upper-cased codes are copied)
        let mut code_of: FastMap<&'static str, Cow<'static, str>> = FastMap::default();
        for e in lex.country_entries() {
            if e.kind == Some(EntityType::Gpe) && e.attr("country").is_some() && !e.english.is_empty() {
                if let Some(cc) = e.attr("cc") {
                    code_of.entry(e.english).or_insert(Cow::Borrowed(cc));
                }
            }
        }
        for line in COUNTRIES_TSV.lines().filter(|l| !l.starts_with('#') && !l.starts_with("key\t") && !l.trim().is_empty()) {
            if let Some((cc, name)) = line.split_once('\t') {
                let cc = if cc.bytes().any(|b| b.is_ascii_lowercase()) { Cow::Owned(cc.to_ascii_uppercase()) } else { Cow::Borrowed(cc) };
                code_of.insert(name, cc);
            }
        }
        code_of
    })
}

/// The English name of the country with ISO code `cc`.
fn country_name(lex: &Lexicon, cc: &str) -> Option<String> {
    lex.country_name(cc).map(str::to_string)
}

/// The common form of an English country name (`Türkiye` → `Turkey`).
fn canonical_country(lex: &Lexicon, name: &str) -> String {
    country_codes(lex).get(name).and_then(|cc| lex.country_name(cc)).unwrap_or(name).to_string()
}

/// What a unit of the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    /// A mention (index into the mentions).
    Mention(usize, EntityType),
    /// An Arabic or Latin word that no mention covers.
    Word,
    /// A number or a punctuation mark or symbol.
    Other,
}

/// A mention or a token outside mentions.
#[derive(Debug, Clone)]
struct Unit<'a> {
    kind: UnitKind,
    /// First token.
    first: usize,
    /// UTF-16 range (a mention's own range, after its clitic).
    start: u32,
    end: u32,
    /// Key of the proclitic before a mention inside its first token (`ب`
    /// in `بحكومة`), or of a word's proclitic once a cue matched it.
    prefix: Cow<'a, str>,
    /// The match key: the mention's or the token's.
    key: Cow<'a, str>,
    /// A cue this word matches (through a clitic reading), if any.
    cue: Option<(&'static Cue, &'static str)>,
    /// The word may open a multiword cue.
    phrase_start: bool,
    /// A meeting verb whose object is an attached pronoun (`استقبله`).
    obj_pronoun: bool,
    /// Sentence index.
    sent: usize,
}

/// How a reference is joined to what comes before it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Lead {
    with: bool,
    and: bool,
    bi: bool,
}

/// A reference to a person: a chain of titles ending in a name, or titles
/// alone.
#[derive(Debug, Clone, Default)]
struct Ref {
    start: usize,
    end: usize,
    person: Option<u32>,
    /// Keys of the non-rank titles, article removed.
    titles: Vec<String>,
    /// The role as written (UTF-16 range).
    role: Option<(u32, u32)>,
    /// A country the chain states (nationality or place in it).
    country: Option<String>,
    /// The role's complement is an organization that is not a government.
    foreign_body: bool,
    counterpart: bool,
    plural: bool,
    /// The reference's first unit carries و or ب.
    lead: Lead,
    sent: usize,
}

/// What the text says about one person.
#[derive(Debug, Clone, Default)]
struct PersonInfo {
    name: String,
    words: usize,
    mentions: u32,
    role: Option<String>,
    titles: Vec<String>,
    country: Option<String>,
    foreign_body: bool,
}

struct Doc<'a, 'p> {
    p: &'a Prepared<'p>,
    mentions: &'a [Mention],
    groups: FastMap<u32, &'a Group>,
    lex: &'static Lexicon,
    units: Vec<Unit<'a>>,
    /// Country of each place, nationality or organization group, once asked.
    countries: std::cell::RefCell<FastMap<u32, Option<String>>>,
    /// PERS group → the group of the fullest name of that person.
    canon: FastMap<u32, u32>,
}

/// The words of a name as compared: keys without the article (`الطرابلسي`
/// and `لطرابلسي` from `للطرابلسي` meet as `طرابلسي`).
fn name_words(text: &str) -> Vec<String> {
    crate::text::key(text)
        .split_whitespace()
        .map(|w| {
            let w = clitics::without_article(w).unwrap_or(w);
            w.to_string()
        })
        .collect()
}

fn same_word(a: &str, b: &str) -> bool {
    a == b || a.strip_prefix('ل') == Some(b) || b.strip_prefix('ل') == Some(a)
}

/// Whether every word of `short` appears in `long`, in order.
fn inside(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| same_word(w, l)))
}

/// PERS groups that name one person: a shorter name whose words all appear,
/// in order, in exactly one longer name of the text (`الطرابلسي`, `عماد
/// الطرابلسي` → `عماد مصطفى الطرابلسي`) joins it, whatever the recognizer
/// grouped. Two full names sharing a surname stay apart.
fn same_people(mentions: &[Mention]) -> FastMap<u32, u32> {
    let mut names: Vec<(u32, Vec<String>)> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == EntityType::Pers) {
        let w = name_words(&m.text);
        match names.iter_mut().find(|(g, _)| *g == m.entity) {
            Some((_, old)) if old.len() >= w.len() => {}
            Some((_, old)) => *old = w,
            None => names.push((m.entity, w)),
        }
    }
    names.sort_by_key(|(g, w)| (std::cmp::Reverse(w.len()), *g));
    let mut canon: FastMap<u32, u32> = FastMap::default();
    for i in 0..names.len() {
        let (g, w) = &names[i];
        let longer: Vec<u32> = names[..i].iter().filter(|(_, l)| l.len() > w.len() && inside(w, l)).map(|(h, _)| canon.get(h).copied().unwrap_or(*h)).collect();
        let target = match longer.as_slice() {
            [first, rest @ ..] if rest.iter().all(|x| x == first) => *first,
            _ => *g,
        };
        canon.insert(*g, target);
    }
    canon
}

fn strip_article(k: &str) -> &str {
    clitics::without_article(k).unwrap_or(k)
}

fn single_char(k: &str) -> Option<char> {
    let mut cs = k.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '\'' | '‘' | '’' | '„' | '(' | ')')
}

fn is_quote(k: &str) -> bool {
    single_char(k).is_some_and(is_quote_char)
}

fn is_comma(k: &str) -> bool {
    matches!(single_char(k), Some('،' | ','))
}

impl<'a, 'p> Doc<'a, 'p> {
    fn new(p: &'a Prepared<'p>, mentions: &'a [Mention], groups: &'a [Group]) -> Self {
        let cues = cues();
        let mut units = Vec::with_capacity(p.tokens.len());
        let toks = &p.tokens;
        let mut mi = 0;
        let mut i = 0;
        let mut sent = 0;
        let words = p.words();
        #[allow(clippy::type_complexity)]
        let mut memo: Vec<Option<(Option<(&'static Cue, &'static str)>, &'static str, bool, bool)>> = vec![None; words.first.len()];
        while i < toks.len() {
            while mi < mentions.len() && mentions[mi].end <= toks[i].start {
                mi += 1;
            }
            if let Some(m) = mentions.get(mi).filter(|m| m.start < toks[i].end && m.end > toks[i].start) {
                let mut last = i + 1;
                while last < toks.len() && toks[last].start < m.end {
                    last += 1;
                }
                let prefix = if m.start > toks[i].start { Cow::Owned(crate::text::key(p.slice(toks[i].start, m.start))) } else { Cow::Borrowed("") };
                while sent + 1 < p.sentences.len() && p.sentences[sent].last <= i {
                    sent += 1;
                }
                units.push(Unit {
                    kind: UnitKind::Mention(mi, m.kind),
                    first: i,
                    start: m.start,
                    end: m.end,
                    prefix,
                    key: Cow::Owned(crate::text::key(&m.text)),
                    cue: None,
                    phrase_start: false,
                    obj_pronoun: false,
                    sent,
                });
                mi += 1;
                i = last;
                continue;
            }
            let t = &toks[i];
            let word = matches!(t.kind, TokenKind::Arabic | TokenKind::Latin);
            // what the cue tables say of a word depends on its key alone:
            // asked once for each distinct word
            let (cue, prefix, obj_pronoun, phrase_start) = *memo[words.id[i] as usize].get_or_insert_with(|| {
                let (mut cue, prefix) = match if word { reading_in(&cues.words, cues, &t.key) } else { None } {
                    Some((k, c, pre)) => (Some((c, k)), pre),
                    None => (None, ""),
                };
                // استقبله نظيره …: a meeting verb with its object as a pronoun.
                let mut obj_pronoun = false;
                let mut prefix = prefix;
                if word && cue.is_none() {
                    if let Some(stem) = t.key.strip_suffix('ه').or_else(|| t.key.strip_suffix("ها")) {
                        if let Some((k, c, pre)) = reading_in(&cues.words, cues, stem).filter(|x| x.1.class == Class::Verb && !x.1.needs_link) {
                            cue = Some((c, k));
                            prefix = pre;
                            obj_pronoun = true;
                        }
                    }
                }
                let phrase_start = word
                    && t.key.chars().next().is_some_and(|c| cues.first_letters.binary_search(&c).is_ok())
                    && reading_in(&cues.firsts, cues, &t.key).is_some();
                (cue, prefix, obj_pronoun, phrase_start)
            });
            while sent + 1 < p.sentences.len() && p.sentences[sent].last <= i {
                sent += 1;
            }
            units.push(Unit {
                kind: if word { UnitKind::Word } else { UnitKind::Other },
                first: i,
                start: t.start,
                end: t.end,
                prefix: Cow::Borrowed(prefix),
                key: Cow::Borrowed(t.key.as_str()),
                cue,
                phrase_start,
                obj_pronoun,
                sent,
            });
            i += 1;
        }
        let canon = same_people(mentions);
        let countries = std::cell::RefCell::new(FastMap::default());
        Doc { p, mentions, groups: groups.iter().map(|g| (g.id, g)).collect(), lex: Lexicon::builtin(), units, countries, canon }
    }

    /// The person a PERS group stands for (see [`same_people`]).
    fn person(&self, group: u32) -> u32 {
        self.canon.get(&group).copied().unwrap_or(group)
    }

    fn class(&self, u: usize) -> Option<Class> {
        self.units.get(u).and_then(|x| x.cue).map(|(c, _)| c.class)
    }

    /// A multiword cue of `class` starting at unit `u`: the unit after it.
    fn phrase_at(&self, u: usize, class: Class) -> Option<usize> {
        let first = self.units.get(u)?;
        if !first.phrase_start {
            return None;
        }
        'outer: for (words, cue) in &cues().phrases {
            if cue.class != class {
                continue;
            }
            // the key is a proclitic (or none) + the phrase's first word
            let Some(pre) = first.key.strip_suffix(words[0]) else { continue };
            if !["", "و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك", "ول", "فل"].contains(&pre) {
                continue;
            }
            for (k, w) in words.iter().enumerate().skip(1) {
                match self.units.get(u + k) {
                    Some(x) if x.kind == UnitKind::Word && x.key == *w && x.sent == first.sent => {}
                    _ => continue 'outer,
                }
            }
            return Some(u + words.len());
        }
        None
    }

    fn mention(&self, u: usize) -> Option<(&'a Mention, EntityType)> {
        match self.units.get(u)?.kind {
            UnitKind::Mention(i, t) => Some((&self.mentions[i], t)),
            _ => None,
        }
    }

    fn is_type(&self, u: usize, t: EntityType) -> bool {
        matches!(self.units.get(u).map(|x| x.kind), Some(UnitKind::Mention(_, k)) if k == t)
    }

    /// The country (English name) a place, nationality or organization
    /// mention points to.
    fn country_of(&self, m: &Mention) -> Option<String> {
        // Once per group: the mentions of a group name one place.
        if let Some(c) = self.countries.borrow().get(&m.entity) {
            return c.clone();
        }
        let c = self.compute_country(m);
        self.countries.borrow_mut().insert(m.entity, c.clone());
        c
    }

    fn compute_country(&self, m: &Mention) -> Option<String> {
        let lookup = |k: &str| -> Option<String> {
            let mut best: Option<(u8, &str)> = None;
            for e in self.lex.get(k) {
                let rank = match e.kind {
                    Some(EntityType::Gpe) if e.attr("country").is_some() => 0,
                    Some(EntityType::Norp) => 1,
                    Some(EntityType::Gpe) => 2,
                    _ => continue,
                };
                if let Some(cc) = e.attr("cc") {
                    if best.is_none_or(|b| rank < b.0) {
                        best = Some((rank, cc));
                    }
                }
            }
            best.and_then(|(_, cc)| country_name(self.lex, cc))
        };
        let found = match m.kind {
            EntityType::Gpe | EntityType::Norp => lookup(&crate::text::key(&m.text)),
            EntityType::Org => {
                let key = crate::text::key(&m.text);
                // Word boundaries, to look phrases up as slices of the key.
                let mut bounds: Vec<(usize, usize)> = Vec::new();
                let mut at = 0;
                for w in key.split(' ') {
                    bounds.push((at, at + w.len()));
                    at += w.len() + 1;
                }
                // Longest phrase first, then left to right: سفارة جمهورية مصر → مصر.
                let mut found = None;
                'n: for n in (1..=bounds.len().min(2)).rev() {
                    for w in bounds.windows(n).skip(usize::from(n == 1)) {
                        if let Some(c) = lookup(&key[w[0].0..w[n - 1].1]) {
                            found = Some(c);
                            break 'n;
                        }
                    }
                }
                found
            }
            _ => None,
        };
        found.or_else(|| {
            let g = self.groups.get(&m.entity).filter(|g| g.kind != EntityType::Pers)?;
            g.country.as_deref().map(|c| canonical_country(self.lex, c))
        })
    }

    /// The country of a nationality adjective (`الأمريكي` → United States).
    fn nationality(&self, word: &str) -> Option<String> {
        self.lex.get(word).filter(|e| e.kind == Some(EntityType::Norp)).find_map(|e| e.attr("cc")).and_then(|cc| country_name(self.lex, cc))
    }

    /// Whether an organization is not a state's (a university, a company,
    /// a UN agency), by its head noun.
    fn is_body_org(&self, m: &Mention) -> bool {
        let key = crate::text::key(&m.text);
        let c = cues();
        let first = key.split(' ').next().unwrap_or_default();
        c.words.get(first).is_some_and(|x| x.class == Class::Body)
            || c.phrases.iter().any(|(w, x)| x.class == Class::Body && key.starts_with(&w.join(" ")))
    }

    /// Parses a reference starting at unit `u`.
    fn parse_ref(&self, u: usize) -> Option<Ref> {
        let sent = self.units.get(u)?.sent;
        let mut r = Ref { start: u, sent, ..Ref::default() };
        let first = &self.units[u];
        r.lead.and = first.prefix.starts_with('و') || first.prefix.starts_with('ف');
        r.lead.bi = first.prefix.ends_with('ب');
        let mut role: Option<(u32, u32)> = None;
        let mut role_open = false;
        let mut titled = false;
        let mut rank_span: Option<(u32, u32)> = None;
        let mut k = u;
        while k < self.units.len() && self.units[k].sent == sent {
            let unit = &self.units[k];
            let at_start = k == u;
            match unit.kind {
                UnitKind::Mention(_, EntityType::Pers) if at_start || unit.prefix.is_empty() => {
                    r.person = self.mention(k).map(|(m, _)| self.person(m.entity));
                    k += 1;
                    if self.units.get(k).is_some_and(|x| x.kind == UnitKind::Other && (x.key == "”" || x.key == "\"" || x.key == "»")) {
                        k += 1;
                    }
                    break;
                }
                UnitKind::Mention(mi, EntityType::Occ) => {
                    let key = strip_article(&unit.key).to_string();
                    let m = &self.mentions[mi];
                    let rank = self.is_rank_key(&unit.key);
                    if !at_start && !unit.prefix.is_empty() && !titled {
                        break;
                    }
                    if !at_start && unit.prefix.starts_with('و') {
                        // A conjunction opens the next reference.
                        break;
                    }
                    if r.country.is_none() && unit.key.contains(' ') {
                        // المبعوث الأمريكي as one title: the nationality inside it.
                        r.country = unit.key.split(' ').skip(1).find_map(|w| self.nationality(w));
                    }
                    if rank {
                        rank_span.get_or_insert((m.start, m.end));
                        role_open = false;
                    } else {
                        if key.starts_with("وزراء") || key.starts_with("رؤساء") || key.starts_with("سفراء") || key.starts_with("قاده") {
                            r.plural = true;
                        }
                        r.titles.push(key);
                        if role.is_none() {
                            role = Some((m.start, m.end));
                            role_open = true;
                        } else {
                            role_open = false;
                        }
                    }
                    titled = true;
                }
                UnitKind::Mention(mi, EntityType::Norp) => {
                    if !at_start && unit.prefix.starts_with('و') {
                        break;
                    }
                    let m = &self.mentions[mi];
                    if r.country.is_none() {
                        r.country = self.country_of(m);
                    }
                    // After an organization of the role, the nationality is the organization's.
                    if role_open && k > u && matches!(self.units[k - 1].kind, UnitKind::Mention(_, EntityType::Org | EntityType::Gpe)) {
                        if let Some(rs) = role.as_mut() {
                            rs.1 = m.end;
                        }
                    }
                    role_open = false;
                }
                UnitKind::Mention(mi, EntityType::Org | EntityType::Gpe) if titled || r.counterpart => {
                    let m = &self.mentions[mi];
                    let is_org = unit.kind == UnitKind::Mention(mi, EntityType::Org);
                    let after_fi = k > u && self.units[k - 1].kind == UnitKind::Word && self.units[k - 1].key == "في";
                    let prep = unit.prefix.ends_with('ب') || unit.prefix.ends_with('ل') || after_fi;
                    if unit.prefix.starts_with('و') {
                        break;
                    }
                    if prep && !is_org {
                        // في طرابلس: a place, not part of the title.
                        break;
                    }
                    let c = self.country_of(m);
                    if r.country.is_none() {
                        r.country = c.clone();
                    }
                    if is_org && !prep && c.is_none() && self.is_body_org(m) {
                        r.foreign_body = true;
                    }
                    if role_open && !prep {
                        if let Some(rs) = role.as_mut() {
                            rs.1 = m.end;
                        }
                    } else {
                        role_open = false;
                    }
                }
                UnitKind::Word => {
                    let class = unit.cue.map(|(c, _)| c.class);
                    if at_start && class == Some(Class::Counterpart) {
                        r.counterpart = true;
                    } else if class == Some(Class::Rank) && (at_start || !unit.prefix.starts_with('و')) {
                        rank_span.get_or_insert((unit.start, unit.end));
                        titled = true;
                        role_open = false;
                    } else if unit.key == "في" && titled && self.is_type(k + 1, EntityType::Org) {
                        role_open = false;
                    } else if (unit.key == "لدي" || unit.key == "الي") && titled && self.is_type(k + 1, EntityType::Gpe) {
                        // سفير الولايات المتحدة لدى ليبيا: the post, not the country represented.
                        role_open = false;
                        k += 2;
                        continue;
                    } else if let Some(next) = self.phrase_at(k, Class::Rank) {
                        titled = true;
                        role_open = false;
                        k = next;
                        continue;
                    } else if let Some(next) = self.words_to_name(k, role_open && !r.plural) {
                        // رئيس جامعة نايف العربية للعلوم الأمنية د “…”: words the
                        // recognizer left out, between a title and its name.
                        if role_open {
                            if let Some(rs) = role.as_mut() {
                                rs.1 = self.units[next - 1].end;
                            }
                        }
                        k = next;
                        continue;
                    } else {
                        break;
                    }
                }
                UnitKind::Other => {
                    if is_quote(&unit.key) || (is_comma(&unit.key) && (titled || r.counterpart) && r.person.is_none()) {
                        role_open = role_open && !is_comma(&unit.key);
                    } else {
                        break;
                    }
                }
                _ => break,
            }
            k += 1;
        }
        r.end = k;
        if r.person.is_none() {
            // Titles alone: back up over trailing punctuation.
            while r.end > r.start && self.units[r.end - 1].kind == UnitKind::Other {
                r.end -= 1;
            }
            if r.titles.is_empty() || r.end == r.start {
                return None;
            }
        } else {
            self.postposed_title(&mut r, &mut role);
        }
        r.role = role.or(rank_span.filter(|_| !r.counterpart));
        Some(r)
    }

    /// `الطرابلسي، وزير الداخلية الليبي،`: a title after the name belongs
    /// to it when no other name follows.
    fn postposed_title(&self, r: &mut Ref, role: &mut Option<(u32, u32)>) {
        let mut k = r.end;
        let sent = r.sent;
        if self.units.get(k).is_some_and(|x| is_comma(&x.key)) {
            k += 1;
        }
        let Some(first) = self.units.get(k).filter(|x| x.sent == sent && matches!(x.kind, UnitKind::Mention(_, EntityType::Occ)) && x.prefix.is_empty()) else {
            return;
        };
        if self.is_rank_key(&first.key) {
            return;
        }
        let mut titles = vec![strip_article(&first.key).to_string()];
        let span = (first.start, first.end);
        let mut end = span.1;
        let mut country = None;
        k += 1;
        while let Some(x) = self.units.get(k).filter(|x| x.sent == sent && x.prefix.is_empty()) {
            match x.kind {
                UnitKind::Mention(mi, EntityType::Norp) => country = country.or_else(|| self.country_of(&self.mentions[mi])),
                UnitKind::Mention(mi, EntityType::Org | EntityType::Gpe) => {
                    country = country.or_else(|| self.country_of(&self.mentions[mi]));
                    end = self.mentions[mi].end;
                }
                UnitKind::Mention(_, EntityType::Occ) => titles.push(strip_article(&x.key).to_string()),
                UnitKind::Mention(_, EntityType::Pers) => return,
                _ => break,
            }
            k += 1;
        }
        // A name right after (past quotes or a comma) means the title is the next person's.
        let mut j = k;
        while self.units.get(j).is_some_and(|x| x.kind == UnitKind::Other && (is_quote(&x.key) || is_comma(&x.key))) {
            j += 1;
        }
        if self.is_type(j, EntityType::Pers) || self.class(j) == Some(Class::Rank) || self.units.get(j).is_some_and(|x| self.is_rank_key(&x.key)) || self.words_to_name(k, true).is_some() {
            return;
        }
        r.titles.extend(titles);
        if role.is_none() {
            *role = Some((span.0, end));
        }
        if r.country.is_none() {
            r.country = country;
        }
        r.end = k;
    }

    /// After a title, up to six plain words (no cue, no comma) that lead
    /// to a name or a rank before it: the unit where those words end.
    fn words_to_name(&self, k: usize, titled: bool) -> Option<usize> {
        if !titled {
            return None;
        }
        // A title may end the text: then no words follow it.
        let sent = self.units.get(k)?.sent;
        let mut j = k;
        while j < self.units.len() && j <= k + 6 && self.units[j].sent == sent {
            let u = &self.units[j];
            match u.kind {
                // A word opening with و is most often و + a verb or noun: a new clause.
                UnitKind::Word if !matches!(self.class(j), Some(Class::Verb | Class::Noun | Class::Light | Class::With | Class::Counterpart | Class::Rank)) && !u.key.starts_with('و') => {}
                UnitKind::Word if self.class(j) == Some(Class::Rank) => return (j > k).then_some(j),
                UnitKind::Mention(_, EntityType::Org | EntityType::Gpe | EntityType::Loc | EntityType::Norp) if u.prefix.is_empty() || u.prefix == "ل" => {}
                UnitKind::Mention(_, EntityType::Pers) => return (j > k && u.prefix.is_empty()).then_some(j),
                UnitKind::Mention(_, EntityType::Occ) if self.is_rank_key(&u.key) => return (j > k).then_some(j),
                UnitKind::Other if is_quote(&u.key) => {
                    return (j > k && self.is_type(j + 1, EntityType::Pers)).then_some(j);
                }
                _ => return None,
            }
            j += 1;
        }
        None
    }

    fn is_rank_key(&self, key: &str) -> bool {
        cues().words.get(key).is_some_and(|c| c.class == Class::Rank)
    }

    /// Every reference of the text, left to right, never overlapping.
    fn refs(&self) -> Vec<Ref> {
        let mut out = Vec::new();
        let mut u = 0;
        while u < self.units.len() {
            let starts = match self.units[u].kind {
                UnitKind::Mention(_, t) => matches!(t, EntityType::Pers | EntityType::Occ | EntityType::Norp),
                UnitKind::Word => matches!(self.class(u), Some(Class::Counterpart | Class::Rank)) || self.phrase_at(u, Class::Rank).is_some(),
                UnitKind::Other => false,
            };
            if starts {
                if let Some(r) = self.parse_ref(u) {
                    if r.end > u {
                        u = r.end;
                        out.push(r);
                        continue;
                    }
                }
            }
            u += 1;
        }
        out
    }
}

/// A participant being assembled.
#[derive(Debug, Clone)]
struct Side {
    person: u32,
    role: Option<String>,
    country: Option<String>,
    counterpart: bool,
}

/// The meetings a text reports, one per pair of named participants.
pub fn extract(p: &Prepared, mentions: &[Mention], groups: &[Group]) -> Vec<Meeting> {
    if !mentions.iter().any(|m| m.kind == EntityType::Pers) {
        return Vec::new();
    }
    let doc = Doc::new(p, mentions, groups);
    let mut refs = doc.refs();
    let people = people(&doc, &refs);
    resolve_titles(&mut refs, &people);
    let counts: std::cell::OnceCell<Vec<(String, usize)>> = std::cell::OnceCell::new();
    let mut marked: Vec<String> = refs.iter().filter(|r| r.person.is_some()).filter_map(|r| r.country.clone()).collect();
    marked.sort();
    marked.dedup();
    let by_end: FastMap<usize, usize> = refs.iter().enumerate().map(|(i, r)| (r.end, i)).collect();

    let mut out: Vec<Meeting> = Vec::new();
    let mut seen: Vec<(u32, u32)> = Vec::new();
    let mut carried: Option<u32> = people
        .iter()
        .filter(|(_, i)| i.mentions >= 2)
        .max_by_key(|(id, i)| (i.mentions, std::cmp::Reverse(**id)))
        .map(|(id, _)| *id);
    let mut next_ref = 0;
    for t in 0..doc.units.len() {
        while next_ref < refs.len() && refs[next_ref].start <= t {
            next_ref += 1;
        }
        let Some((cue, _)) = doc.units[t].cue else { continue };
        if !matches!(cue.class, Class::Verb | Class::Noun) || refs[..next_ref].last().is_some_and(|r| r.end > t) {
            continue;
        }
        let found = match cue.class {
            Class::Verb => verb_meeting(&doc, &refs, &by_end, t, next_ref, cue, carried),
            _ => noun_meeting(&doc, &refs, &by_end, t, next_ref, carried),
        };
        let Some((subjects, others)) = found else { continue };
        let sent = doc.units[t].sent;
        let kind = if cue.kind != "scheduled" && is_future(&doc, t) { "scheduled" } else { cue.kind };
        let subject_role = subjects.first().and_then(|&s| side(&doc, &refs[s], &people).role);
        for &s in &subjects {
            let Some(sp) = refs[s].person else { continue };
            carried = Some(sp);
            for &o in &others {
                let Some(op) = refs[o].person else { continue };
                if op == sp {
                    continue;
                }
                let pair = (sp.min(op), sp.max(op));
                if seen.contains(&pair) {
                    continue;
                }
                seen.push(pair);
                let a = side(&doc, &refs[s], &people);
                let mut b = side(&doc, &refs[o], &people);
                if b.counterpart && refs[o].role.is_none() {
                    b.role = subject_role.as_deref().map(counterpart_role);
                }
                let mut sides = [a, b];
                fill_countries(&doc, &mut sides, &people, |other| home_country(counts.get_or_init(|| country_counts(&doc)), &marked, other));
                let span = doc.p.sentences[sent];
                out.push(Meeting {
                    participants: sides
                        .into_iter()
                        .map(|x| Participant {
                            name: people.get(&x.person).map(|i| i.name.clone()).unwrap_or_default(),
                            entity: x.person,
                            role: x.role,
                            country: x.country,
                        })
                        .collect(),
                    kind: kind.to_string(),
                    place: place_in(&doc, &refs, sent, refs[s].end.max(refs[o].end) + 8),
                    date: date_in(&doc, sent),
                    evidence: Span { start: span.start, end: span.end, text: doc.p.slice(span.start, span.end).to_string() },
                });
            }
        }
    }
    out
}

/// Subjects and other sides of a verb cue at unit `t`.
fn verb_meeting(doc: &Doc, refs: &[Ref], by_end: &FastMap<usize, usize>, t: usize, next_ref: usize, cue: &Cue, carried: Option<u32>) -> Option<(Vec<usize>, Vec<usize>)> {
    let pre = subject_before(doc, by_end, t);
    let after = list_after(doc, refs, t + 1, next_ref);
    if after.is_empty() {
        return None;
    }
    let carried_ref = |refs: &[Ref]| carried.and_then(|c| refs.iter().position(|r| r.person == Some(c)));
    if doc.units[t].obj_pronoun {
        // استقبله X: X is the subject; the pronoun stands for the last person named before.
        let sent = doc.units[t].sent;
        let object = last_person_before(refs, t, sent).or_else(|| carried_ref(refs))?;
        return Some((vec![after[0].0], vec![object]));
    }
    if let Some(pre) = pre {
        if cue.needs_link && !after[0].1.with && !after[0].1.bi && !after[0].1.and {
            return None;
        }
        return Some((vec![pre], after.iter().map(|x| x.0).collect()));
    }
    if let Some(k) = after.iter().position(|x| x.1.with) {
        let subjects: Vec<usize> = if k == 0 { carried_ref(refs).into_iter().collect() } else { after[..k].iter().map(|x| x.0).collect() };
        return Some((subjects, after[k..].iter().map(|x| x.0).collect()));
    }
    let (first, lead) = after[0];
    if refs[first].counterpart || lead.bi {
        return Some((carried_ref(refs).into_iter().collect(), after.iter().map(|x| x.0).collect()));
    }
    let rest = &after[1..];
    if rest.is_empty() || (cue.needs_link && !(rest[0].1.and || rest[0].1.bi)) {
        return None;
    }
    Some((vec![first], rest.iter().map(|x| x.0).collect()))
}

/// Subjects and other sides of a noun cue (`لقاء … مع`) at unit `t`.
fn noun_meeting(doc: &Doc, refs: &[Ref], by_end: &FastMap<usize, usize>, t: usize, next_ref: usize, carried: Option<u32>) -> Option<(Vec<usize>, Vec<usize>)> {
    let unit = &doc.units[t];
    let sent = unit.sent;
    let cue_key = unit.cue.map(|c| c.1).unwrap_or_default();
    let pronoun = cue_key.ends_with('ه') || cue_key.ends_with("ها");
    let call = unit.cue.is_some_and(|c| c.0.kind == "call");
    let light = (t.saturating_sub(8)..t).rev().find(|&l| doc.units[l].sent == sent && doc.class(l) == Some(Class::Light));
    // تلقى X اتصالا من Y: a call received.
    let received = light.is_some_and(|l| {
        let k = doc.units[l].cue.map(|c| c.1).unwrap_or_default();
        k.starts_with("تلق") || k.starts_with("يتلق")
    });
    let is_link = |k: usize| doc.class(k) == Some(Class::With) || (call && received && doc.units[k].key == "من");
    // The other side: after مع within three words (لقائه الأخير مع), or
    // right after a noun with a pronoun (خلال لقائه وزير الخارجية …).
    let mut k = t + 1;
    let mut subject = None;
    let mut from = None;
    while k < doc.units.len() && k <= t + 4 && doc.units[k].sent == sent {
        if is_link(k) {
            from = Some(if doc.class(k) == Some(Class::With) { k } else { k + 1 });
            break;
        }
        if let Some(i) = ref_starting_at(refs, k) {
            if refs[i].end < doc.units.len() && is_link(refs[i].end) && subject.is_none() {
                // لقاء X مع Y
                subject = Some(i);
                k = refs[i].end;
                continue;
            }
            if pronoun && subject.is_none() {
                from = Some(k);
                break;
            }
            return None;
        }
        if doc.units[k].kind == UnitKind::Other && !is_quote(&doc.units[k].key) {
            return None;
        }
        k += 1;
    }
    let after = list_after(doc, refs, from?, next_ref);
    if after.is_empty() {
        return None;
    }
    let subject = subject.or_else(|| {
        if pronoun {
            // The pronoun stands for the last person named before it in the sentence, or the text's subject.
            let before = last_person_before(refs, t, sent);
            return before.or_else(|| carried.and_then(|c| refs.iter().position(|r| r.person == Some(c))));
        }
        // عقد X لقاء مع Y / X عقد لقاء مع Y
        let light = light?;
        subject_before(doc, by_end, light).or_else(|| {
            // the first person after `light` that ends by `t` (starts and ends increase along `refs`)
            let from = refs.partition_point(|r| r.start <= light);
            (from..refs.len()).take_while(|&i| refs[i].end <= t).find(|&i| refs[i].person.is_some())
        })
    })?;
    Some((vec![subject], after.iter().map(|x| x.0).collect()))
}

/// The reference starting at unit `k`. References run left to right
/// without overlapping, so their starts (and their ends) increase.
fn ref_starting_at(refs: &[Ref], k: usize) -> Option<usize> {
    let i = refs.partition_point(|r| r.start < k);
    (i < refs.len() && refs[i].start == k).then_some(i)
}

/// The last reference to a person in sentence `sent` that ends by unit `t`.
fn last_person_before(refs: &[Ref], t: usize, sent: usize) -> Option<usize> {
    let upto = refs.partition_point(|r| r.end <= t);
    // sentences do not decrease along `refs`: stop at the first earlier one
    (0..upto).rev().take_while(|&i| refs[i].sent >= sent).find(|&i| refs[i].sent == sent && refs[i].person.is_some())
}

/// The reference that ends right before unit `t` (past quotes and قد).
fn subject_before(doc: &Doc, by_end: &FastMap<usize, usize>, t: usize) -> Option<usize> {
    let sent = doc.units[t].sent;
    let mut k = t;
    loop {
        if let Some(&i) = by_end.get(&k).filter(|_| k > 0 && doc.units[k - 1].sent == sent) {
            return Some(i);
        }
        if k > 0 && doc.units[k - 1].sent == sent && (is_quote(&doc.units[k - 1].key) || doc.units[k - 1].key == "قد") {
            k -= 1;
        } else {
            return None;
        }
    }
}

/// The references after unit `from` in its sentence that a list may hold,
/// with how each is joined; stops at the first word that is not a
/// connector, a date, a place or a skip word.
fn list_after(doc: &Doc, refs: &[Ref], from: usize, next_ref: usize) -> Vec<(usize, Lead)> {
    let Some(sent) = doc.units.get(from.saturating_sub(1)).map(|u| u.sent) else { return Vec::new() };
    let mut out: Vec<(usize, Lead)> = Vec::new();
    let mut k = from;
    let mut ri = next_ref;
    while ri < refs.len() && refs[ri].start < from {
        ri += 1;
    }
    let mut lead = Lead::default();
    let mut gap = 0;
    // Words left in a place phrase (بمقر المجلس في طرابلس).
    let mut in_place = 0;
    while k < doc.units.len() && doc.units[k].sent == sent && gap <= 10 {
        if ri < refs.len() && refs[ri].start == k {
            let r = &refs[ri];
            let l = Lead { with: lead.with, and: lead.and || r.lead.and, bi: lead.bi || r.lead.bi };
            // Past the second item (subject then other side), a list needs a joint.
            if out.len() >= 2 && !(l.with || l.and || l.bi || gap_had_comma(doc, out.last().map_or(from, |x| refs[x.0].end), k)) {
                break;
            }
            out.push((ri, l));
            k = r.end;
            ri += 1;
            lead = Lead::default();
            gap = 0;
            continue;
        }
        let u = &doc.units[k];
        if let Some(next) = doc.phrase_at(k, Class::Skip) {
            k = next;
            gap += 1;
            continue;
        }
        match u.kind {
            UnitKind::Other if u.key == "؛" || u.key == ":" => break,
            UnitKind::Other => in_place = 0,
            UnitKind::Mention(_, EntityType::Date) => {}
            UnitKind::Mention(_, EntityType::Gpe | EntityType::Fac | EntityType::Loc | EntityType::Org) if in_place > 0 || is_locative(doc, k) => {}
            UnitKind::Mention(..) => break,
            UnitKind::Word if in_place > 0 && u.cue.is_none() && !u.key.starts_with('و') => in_place -= 1,
            UnitKind::Word => {
                let class = doc.class(k);
                if u.key == "و" || u.key == "ف" {
                    lead.and = true;
                } else if u.key == "ب" {
                    lead.bi = true;
                } else if class == Some(Class::With) {
                    lead.with = true;
                    lead.and |= u.prefix.starts_with('و');
                } else if class == Some(Class::Place) && (!u.prefix.is_empty() || k > 0 && doc.units[k - 1].key == "في") {
                    in_place = 3;
                } else if class == Some(Class::Delegation) {
                    // وفدا من الاتحاد الأوروبي برئاسة السفير X: the head of the delegation.
                    in_place = 4;
                } else if let Some(next) = doc.words_to_name(k, lead.with && out.len() <= 1) {
                    // مع ممثل منظمة الصحة العالمية في ليبيا X: words the recognizer left out before a name.
                    k = next;
                    gap += 1;
                    continue;
                } else if u.key == "في" || class == Some(Class::Skip) || (u.key == "بين" && out.is_empty()) {
                    // Connectors and adverbs between the people.
                } else {
                    break;
                }
            }
        }
        k += 1;
        gap += 1;
    }
    out
}

fn gap_had_comma(doc: &Doc, from: usize, to: usize) -> bool {
    doc.units[from.min(to)..to].iter().any(|u| is_comma(&u.key))
}

/// Whether the place-like mention at unit `k` is a place of the meeting
/// (after ب, في or a place noun), not a person's complement.
fn is_locative(doc: &Doc, k: usize) -> bool {
    let u = &doc.units[k];
    if u.prefix.ends_with('ب') || u.prefix.ends_with("في") {
        return true;
    }
    k > 0 && {
        let prev = &doc.units[k - 1];
        prev.key == "في" || prev.key == "ب" || (prev.kind == UnitKind::Word && prev.cue.is_some_and(|c| c.0.class == Class::Place)) || is_locative_chain(doc, k - 1)
    }
}

fn is_locative_chain(doc: &Doc, k: usize) -> bool {
    matches!(doc.units[k].kind, UnitKind::Mention(_, EntityType::Org | EntityType::Fac)) && k > 0 && doc.units[k - 1].cue.is_some_and(|c| c.0.class == Class::Place)
}

/// Whether the sentence of cue `t` says the meeting is yet to come.
fn is_future(doc: &Doc, t: usize) -> bool {
    let sent = doc.units[t].sent;
    let mut k = t;
    while k > 0 && doc.units[k - 1].sent == sent {
        k -= 1;
    }
    while k < doc.units.len() && doc.units[k].sent == sent {
        let u = &doc.units[k];
        let date_word = matches!(u.kind, UnitKind::Mention(_, EntityType::Date)) && cues().words.get(u.key.as_ref()).is_some_and(|c| c.class == Class::Future);
        if date_word || doc.class(k) == Some(Class::Future) || doc.phrase_at(k, Class::Future).is_some() {
            return true;
        }
        k += 1;
    }
    false
}

/// Names, roles, titles and countries of the people of the text.
fn people(doc: &Doc, refs: &[Ref]) -> FastMap<u32, PersonInfo> {
    let mut out: FastMap<u32, PersonInfo> = FastMap::default();
    for m in doc.mentions.iter().filter(|m| m.kind == EntityType::Pers) {
        let info = out.entry(doc.person(m.entity)).or_default();
        info.mentions += 1;
        let words = m.text.split_whitespace().count();
        if words > info.words || (words == info.words && m.text.chars().count() > info.name.chars().count()) {
            info.words = words;
            info.name = clean_name(&m.text);
        }
    }
    for r in refs {
        let Some(pid) = r.person else { continue };
        let Some(info) = out.get_mut(&pid) else { continue };
        info.titles.extend(r.titles.iter().cloned());
        if let Some((s, e)) = r.role {
            let text = doc.p.slice(s, e).to_string();
            let better = match &info.role {
                None => true,
                Some(old) => doc.is_rank_key(&crate::text::key(old)) && !doc.is_rank_key(&crate::text::key(&text)),
            };
            if better {
                info.role = Some(text);
            }
        }
        if info.country.is_none() && !r.counterpart {
            info.country = r.country.clone();
        }
        info.foreign_body |= r.foreign_body;
    }
    // What the recognizer says of the person's groups comes after what the chains say.
    let mut ids: Vec<&u32> = doc.groups.keys().collect();
    ids.sort();
    for id in ids {
        let g = doc.groups[id];
        if g.kind != EntityType::Pers {
            continue;
        }
        let Some(info) = out.get_mut(&doc.person(*id)) else { continue };
        let words = g.name.split_whitespace().count();
        if words > info.words {
            info.words = words;
            info.name = clean_name(&g.name);
        }
        for t in &g.titles {
            let k = crate::text::key(t);
            info.titles.push(strip_article(&k).to_string());
            if info.role.is_none() && !doc.is_rank_key(&k) {
                info.role = Some(t.clone());
            }
        }
        if info.country.is_none() {
            info.country = g.country.as_deref().map(|c| canonical_country(doc.lex, c));
        }
    }
    // A counterpart's nationality is theirs too, unless another chain says otherwise.
    for r in refs {
        if let (Some(pid), true, Some(c)) = (r.person, r.counterpart, r.country.as_ref()) {
            if let Some(info) = out.get_mut(&pid) {
                info.country.get_or_insert_with(|| c.clone());
            }
        }
    }
    out
}

fn clean_name(s: &str) -> String {
    s.trim_matches(|c: char| is_quote_char(c) || c.is_whitespace()).to_string()
}

/// Titles without a name stand for the one person of the text named with
/// that title (and of that country, when the title says one).
fn resolve_titles(refs: &mut [Ref], people: &FastMap<u32, PersonInfo>) {
    let mut ids: Vec<(&u32, &PersonInfo)> = people.iter().collect();
    ids.sort_unstable_by_key(|x| x.0);
    for r in refs.iter_mut().filter(|r| r.person.is_none() && !r.plural) {
        let Some(title) = r.titles.first() else { continue };
        let single = !title.contains(' ');
        let mut found: Option<u32> = None;
        let mut count = 0;
        for &(id, info) in &ids {
            let fits = info.titles.iter().any(|t| t == title || (single && t.split(' ').next() == Some(title.as_str())));
            let same_country = match (&r.country, &info.country) {
                (Some(a), Some(b)) => a == b,
                (Some(_), None) => false,
                (None, _) => true,
            };
            if fits && same_country {
                count += 1;
                found = Some(*id);
            }
        }
        if count == 1 {
            r.person = found;
        }
    }
}

/// The countries the text names (places, nationalities, organizations
/// of a country), most named first.
fn country_counts(doc: &Doc) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for m in doc.mentions.iter().filter(|m| matches!(m.kind, EntityType::Gpe | EntityType::Norp | EntityType::Org)) {
        if let Some(c) = doc.country_of(m) {
            match counts.iter_mut().find(|x| x.0 == c) {
                Some(x) => x.1 += 1,
                None => counts.push((c, 1)),
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
}

/// The country an official of the text represents when nothing closer
/// says it: the most named country that is not the other side's nor one
/// a nationality gives to someone (`marked`), named twice (or the only
/// such one) and not tied. Two officials of one country, only one of
/// them marked, get no country this way: the text does not say it.
fn home_country(counts: &[(String, usize)], marked: &[String], other: Option<&str>) -> Option<String> {
    let rest: Vec<&(String, usize)> = counts.iter().filter(|(c, _)| Some(c.as_str()) != other && !marked.contains(c)).collect();
    let (c, n) = rest.first()?;
    ((*n >= 2 || rest.len() == 1) && rest.get(1).is_none_or(|x| x.1 < *n)).then(|| c.clone())
}

fn side(doc: &Doc, r: &Ref, people: &FastMap<u32, PersonInfo>) -> Side {
    let pid = r.person.unwrap_or(u32::MAX);
    let info = people.get(&pid);
    let local_role = r.role.map(|(s, e)| doc.p.slice(s, e).to_string());
    let role = match (&local_role, info.and_then(|i| i.role.clone())) {
        (Some(l), Some(g)) if doc.is_rank_key(&crate::text::key(l)) => Some(g),
        (Some(l), _) => Some(l.clone()),
        (None, g) => g,
    };
    Side { person: pid, role, country: r.country.clone(), counterpart: r.counterpart }
}

/// The role of `نظيره`: the subject's role without its qualifiers
/// (`وزير الداخلية المكلف` → `وزير الداخلية`).
fn counterpart_role(role: &str) -> String {
    let words: Vec<&str> = role.split_whitespace().collect();
    let keep: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !cues().words.get(crate::text::key(w).as_str()).is_some_and(|c| c.class == Class::Qualifier))
        .collect();
    keep.join(" ")
}

fn fill_countries(doc: &Doc, sides: &mut [Side; 2], people: &FastMap<u32, PersonInfo>, home: impl Fn(Option<&str>) -> Option<String>) {
    for s in sides.iter_mut() {
        if s.country.is_none() {
            s.country = people.get(&s.person).and_then(|i| i.country.clone());
        }
        if s.country.is_none() {
            s.country = people.get(&s.person).and_then(|i| ministry_country(doc, i));
        }
    }
    for i in 0..2 {
        if sides[i].country.is_some() {
            continue;
        }
        let Some(info) = people.get(&sides[i].person) else { continue };
        if info.role.is_none() || info.foreign_body {
            continue;
        }
        let other = sides[1 - i].country.clone();
        sides[i].country = home(other.as_deref());
    }
}

/// `وزير الداخلية` and an ORG `وزارة الداخلية الليبية` in the text: Libya.
fn ministry_country(doc: &Doc, info: &PersonInfo) -> Option<String> {
    let portfolio = info.titles.iter().find_map(|t| t.strip_prefix("وزير ").map(|p| p.split(' ').next().unwrap_or_default().to_string()))?;
    let want = format!("وزاره {portfolio}");
    let mut found: Option<String> = None;
    for u in &doc.units {
        let UnitKind::Mention(mi, EntityType::Org) = u.kind else { continue };
        if u.key.starts_with(&want) {
            if let Some(c) = doc.country_of(&doc.mentions[mi]) {
                if found.as_ref().is_some_and(|f| *f != c) {
                    return None;
                }
                found = Some(c);
            }
        }
    }
    found
}

/// The place of the meeting as written in its sentence, before unit
/// `until` (a few words past its people), if any: a place noun after ب or
/// في with what follows it, or a named place after them.
fn place_in(doc: &Doc, refs: &[Ref], sent: usize, until: usize) -> Option<String> {
    // the one reference (they do not overlap) that may hold unit k
    let inside = |k: usize| refs.get(refs.partition_point(|r| r.end <= k)).is_some_and(|r| r.person.is_some() && r.start <= k);
    let s = doc.p.sentences[sent];
    let lo = doc.units.partition_point(|u| u.first < s.first);
    let mut k = lo;
    while k < doc.units.len().min(until) && doc.units[k].sent == sent {
        let u = &doc.units[k];
        if inside(k) {
            k += 1;
            continue;
        }
        let place_noun = u.kind == UnitKind::Word
            && u.cue.is_some_and(|c| c.0.class == Class::Place)
            && (u.prefix.ends_with('ب') || (k > 0 && matches!(doc.units[k - 1].key.as_ref(), "في" | "ب")));
        let named = matches!(u.kind, UnitKind::Mention(_, EntityType::Gpe | EntityType::Fac)) && is_locative(doc, k) && next_to_people(doc, refs, k);
        if place_noun || named {
            let start = if place_noun { doc.p.tokens[u.first].offset_after_key_chars(doc.p.text, u.prefix.chars().count()) } else { u.start };
            let mut end = u.end;
            let mut j = k + 1;
            let mut words = 0;
            while let Some(x) = doc.units.get(j).filter(|x| x.sent == sent) {
                match x.kind {
                    UnitKind::Mention(_, EntityType::Gpe | EntityType::Fac | EntityType::Org | EntityType::Norp) if x.prefix.is_empty() || x.prefix == "ب" => end = x.end,
                    UnitKind::Word if x.key == "في" && matches!(doc.units.get(j + 1).map(|y| y.kind), Some(UnitKind::Mention(_, EntityType::Gpe))) => {}
                    // بمقر الوزارة: the place noun's own complement.
                    UnitKind::Word if place_noun && words < 2 && x.cue.is_none() && x.key.starts_with("ال") && !inside(j) => {
                        words += 1;
                        end = x.end;
                    }
                    _ => break,
                }
                j += 1;
            }
            return Some(doc.p.slice(start, end).to_string());
        }
        k += 1;
    }
    None
}

/// Whether only punctuation, dates, `في`, `ب` and adverbs stand between
/// unit `k` and a person or a meeting cue before it: `التقى X في طرابلس`
/// is a place of the meeting, `بحث X مع Y الأوضاع في غزة` is a topic.
fn next_to_people(doc: &Doc, refs: &[Ref], k: usize) -> bool {
    let sent = doc.units[k].sent;
    let mut j = k;
    while j > 0 && doc.units[j - 1].sent == sent {
        let u = &doc.units[j - 1];
        if refs.get(refs.partition_point(|r| r.end < j)).is_some_and(|r| r.end == j && r.person.is_some()) || u.cue.is_some_and(|c| matches!(c.0.class, Class::Verb | Class::Noun)) {
            return true;
        }
        let filler = match u.kind {
            UnitKind::Other => true,
            UnitKind::Mention(_, EntityType::Date) => true,
            UnitKind::Word => matches!(u.key.as_ref(), "في" | "ب" | "وذلك") || u.cue.is_some_and(|c| c.0.class == Class::Skip),
            _ => false,
        };
        if !filler {
            return false;
        }
        j -= 1;
    }
    false
}

/// The date of the meeting in its sentence (the ISO value when the
/// recognizer resolved it), if any.
fn date_in(doc: &Doc, sent: usize) -> Option<String> {
    let s = doc.p.sentences[sent];
    doc.mentions
        .iter()
        .filter(|m| m.kind == EntityType::Date && m.start >= s.start && m.end <= s.end)
        .map(|m| m.value.clone().unwrap_or_else(|| m.text.clone()))
        .next()
}

#[cfg(test)]
mod tests;
