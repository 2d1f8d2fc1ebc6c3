//! PERS: person names, known or not (spec: names without titles; nasab
//! chains and family names are part of the name).
//!
//! A name is a chain of name words: given names, family names, the
//! connectors of a nasab (`بن`, `ابن`, `بنت`, `أبو`, `آل`, `عبد` …) each
//! followed by a name word, and words that are in no list at all (the
//! lexicon cannot know `يرلي كايا`) but are not ordinary words either
//! (`data/common_words.tsv`). A chain starts:
//! - after a title, optionally past a nationality, a place or an
//!   organization and an opening quote (`السفير المالطي تشارلز ساليبا`,
//!   `الأمير “عبدالعزيز بن سعود”`): the context licenses unknown words;
//! - after `نظيره` and a nationality (`نظيره السوري محمد الرحمون`);
//! - at a known given name followed by at least one more name word
//!   (`تامر الحفني`, `عماد مصطفى الطرابلسي`).
//! - at a known given name and one more word (not an ordinary word) right
//!   before a comma and a title (`رياض المؤخر، وزير البيئة`).
//!
//! A quoted name after such a context is taken whole. A chain stops at
//! punctuation, at an ordinary word, and at any word another rule has
//! claimed (a date, a place, a nationality). Surname-only mentions are
//! added later, from the names found, by [`crate::entities`].

use super::{candidate, is_quote, is_word, line_break_after, WordSet};
use crate::entities::{Candidate, EntityType};
use crate::lexicon::Lexicon;
use crate::text::{Prepared, Token};

/// Nasab and kunya connectors, normalized (`أل` and `آل` both fold to `ال`).
static CONNECTORS: WordSet = WordSet::new(&["بن", "ابن", "بنت", "ابو", "ابي", "ابا", "ال", "عبد", "ام", "ولد", "بو"]);
/// Words after which a name follows: the counterpart of a minister.
static COUNTERPART: WordSet = WordSet::new(&["نظيره", "نظيرته", "نظيرها", "نظيريه", "نظراءه", "نظرائه", "نظيري", "نظيرهم"]);
const MAX_CHAIN: usize = 6;
/// Verbs of meeting and speech: a name of two or more words may follow them
/// even when no word of it is known (`التقى ماغنوس برونر`).
static VERBS: WordSet = WordSet::new(&[
    "التقي", "استقبل", "بحث", "قال", "اكد", "اعلن", "صرح", "اوضح", "اشار", "اضاف", "زار", "دعا", "طالب", "شدد", "كشف",
    "ناقش", "وصل", "غادر", "اعتبر", "اعرب", "افاد", "ذكر", "التقت", "استقبلت", "قالت", "اكدت", "اعلنت", "صرحت", "اوضحت",
    "اشارت", "اضافت", "زارت", "دعت", "يلتقي", "يستقبل", "يبحث", "يزور", "رحب", "هنا", "ابلغ", "تلقي", "اجري", "وقع",
]);
/// Place and institution nouns that end a name (`مختار قرية الدوايمة`).
static NOT_NAME: WordSet = WordSet::new(&["مدينه", "قريه", "بلده", "محافظه", "ولايه", "منطقه", "مخيم", "قضاء", "حي", "شارع", "ضاحيه", "اقليم", "عاصمه", "مركز", "مكتب", "بيت", "دار"]);

/// What a word can be inside a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameWord {
    /// A connector of a nasab or kunya.
    Connector,
    /// A given name of the lexicon (not an ordinary word).
    Given,
    /// A family name of the lexicon (not an ordinary word).
    Family,
    /// In no list and not an ordinary word.
    Unknown,
    /// An unknown word with the article that is not a masculine nisba
    /// (`الخراز`, but also `القومية`, `الأوقاف`): a name word only after a
    /// given or family name.
    AlNoun,
    /// Not a name word.
    Stop,
}

/// Whether a text writes final ى as ي everywhere (no ى at all): then `علي`
/// may be the preposition على as well as the name, and is a name only
/// before another known name word.
pub fn plain_ya(text: &str) -> bool {
    !text.contains('ى')
}

/// Word shapes that the NER corpora (ANERcorp's first five sixths, Wojood,
/// AQMAR) almost never tag as a person among words in no list: object
/// pronouns and past plurals (`يطاردهم`, `لإقناعهم`, `اندسوا`), imperfect
/// and derived verbs (`يستقبل`, `تتواصل`, `استنكر`), verbal nouns with the
/// article (`التعاون`). Measured on the words of five letters or more that
/// are in no list: 0–2 persons for 180–870 ordinary words each.
fn verb_shape(k: &str) -> bool {
    k.chars().count() >= 5
        && (["هم", "ها", "كم", "تم", "وا", "هما"].iter().any(|s| k.ends_with(s))
            || k.starts_with("است")
            || (k.starts_with("الت") && !k.ends_with('ي'))
            || k.starts_with('ي')
            || k.starts_with('ت'))
}

/// Classifies a token for a name chain.
pub fn classify(lex: &Lexicon, t: &Token, text: &str) -> NameWord {
    classify_in(lex, t, text, false)
}

/// [`classify`] for a text whose [`plain_ya`] is given: in such a text a
/// bare `علي` is [`NameWord::Stop`] (the chain rules take it back before a
/// known name).
pub fn classify_in(lex: &Lexicon, t: &Token, text: &str, plain_ya: bool) -> NameWord {
    // names in Arabic news are written in Arabic letters (هاتف Mate9 is a phone)
    if t.kind != crate::text::TokenKind::Arabic {
        return NameWord::Stop;
    }
    let k = t.key.as_str();
    if CONNECTORS.contains(k) {
        return NameWord::Connector;
    }
    if NOT_NAME.contains(k) {
        return NameWord::Stop;
    }
    // على folds to علي: the letter ى tells the preposition from the name
    // (names spelled with ى, مصطفى, keep it in their canonical form)
    let surface = t.text(text);
    if k == "علي" && (plain_ya || surface.ends_with('ي')) {
        return NameWord::Stop;
    }
    // a short word written with a hamza inside (بأن = ب + أن) is not a name listed without one (بان)
    let hamza = |w: &str| w.chars().skip(1).any(|c| matches!(c, 'أ' | 'إ' | 'ؤ' | 'ئ'));
    let maqsura_clash = |e: &crate::lexicon::Entry| (surface.ends_with('ى') && !e.name.ends_with('ى')) || (k.chars().count() <= 3 && hamza(surface) && !hamza(e.name));
    let (given, family) = (lex.given(k), lex.family(k));
    if given.is_some_and(|g| !g.common() && !maqsura_clash(g)) {
        return NameWord::Given;
    }
    if family.is_some_and(|f| !f.common() && !maqsura_clash(f)) {
        return NameWord::Family;
    }
    if lex.is_common(k) || given.is_some() || family.is_some() {
        return NameWord::Stop;
    }
    // a word with a proclitic (و، ف، بال، لل) is not inside a name, nor an
    // ordinary word behind a preposition (بتاريخ)
    // (ب/ف/ك + the article needs a word of three letters after it: فالتر is Walter)
    let clitic_al = ["بال", "فال", "كال"].iter().any(|c| k.starts_with(c)) && k.chars().count() >= 6;
    if k.chars().count() < 2 || k.starts_with('و') || k.starts_with("لل") || clitic_al {
        return NameWord::Stop;
    }
    // (every test from here to the end that says Stop is pure, so the
    // cheap ones come before the lookups)
    if verb_shape(k) || VERBS.contains(k) {
        return NameWord::Stop;
    }
    // a final ه that is written so (not ة) is mostly a pronoun (مرماه، كتابه); names that end
    // so are listed or end in يه (تريزيغيه) or الله. NER corpora: ~1,000 such words, 3 persons.
    let bare = surface.trim_end_matches(|c: char| ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0640}');
    if k.chars().count() >= 4 && bare.ends_with('ه') && !k.ends_with("يه") && !k.ends_with("الله") {
        return NameWord::Stop;
    }
    // nor is an unlisted noun in ة right after a name (ملاحقة، مصادفة): 22 of 23 in the corpora
    if k.chars().count() >= 4 && bare.ends_with('ة') {
        return NameWord::Stop;
    }
    // a participle with the article (المعلق، المختص، المسئول) describes the person before it
    if k.starts_with("الم") && k.chars().count() >= 6 && !k.ends_with('ي') {
        return NameWord::Stop;
    }
    let listed = |w: &str| {
        lex.is_common(w) || !lex.phrases(crate::lexicon::Part::Title).ids(w).is_empty() || !lex.phrases(crate::lexicon::Part::Head).ids(w).is_empty()
    };
    // a conjunction or preposition before an ordinary word (فوصف، لراديو، بأجدير is no such word)
    let min_stem = |prefix: &str| if prefix == "ف" || prefix == "ل" { 3 } else { 4 };
    if crate::text::clitics::readings_ref(k).iter().skip(1).any(|r| !r.prefix.contains('ك') && r.stem.chars().count() >= min_stem(r.prefix) && listed(&r.stem)) {
        return NameWord::Stop;
    }
    // an ordinary word with a pronoun suffix (حققه، داخليته ← داخلية + ه)
    for (stem, _) in crate::text::clitics::suffix_stems(k) {
        let marbuta = stem.strip_suffix('ت').map(|s| format!("{s}ه"));
        if stem.chars().count() >= 3 && (lex.is_common(stem) || marbuta.as_deref().is_some_and(|m| lex.is_common(m))) {
            return NameWord::Stop;
        }
    }
    // titles, portfolios and organization heads are not names (مدير عام هيئة)
    if !lex.phrases(crate::lexicon::Part::Title).ids(k).is_empty() || !lex.phrases(crate::lexicon::Part::Head).ids(k).is_empty() {
        return NameWord::Stop;
    }
    // with the article, only a masculine nisba is a family name nobody listed
    // (الحفني); القومية، الأوقاف، المساهمين are nouns and adjectives
    if k.starts_with("ال") && !k.ends_with('ي') {
        return NameWord::AlNoun;
    }
    NameWord::Unknown
}

/// Imperfect verbs (يفعل، تفعل، نفعل) and sound plurals are not names.
fn looks_like_verb_or_plural(k: &str) -> bool {
    let n = k.chars().count();
    (!k.starts_with("ال") && (k.starts_with('ي') || k.starts_with('ت') || k.starts_with('ن')) && (4..=6).contains(&n))
        || k.ends_with("ون")
        || k.ends_with("ين") && n > 5
        || k.ends_with("ات")
        || k.ends_with("تان")
        || (!k.starts_with("ال") && k.ends_with("يه") && n >= 5)
}

/// Grows a chain from token `j`: the end (exclusive) of the longest chain
/// of name words, stopping at `blocked` tokens; `None` when there is none.
/// Without `licensed`, unknown words may not open the chain.
/// With `first_given`, the first word counts as a given name whatever it
/// is (`وجومانا` read as و + a given name, `علي` before a known name).
#[allow(clippy::too_many_arguments)]
fn chain(p: &Prepared, lex: &Lexicon, kinds: &dyn Fn(usize) -> NameWord, j: usize, blocked: &[bool], licensed: bool, first_given: bool) -> Option<usize> {
    let n = p.tokens.len();
    let mut end = j;
    let mut k = j;
    let mut prev = NameWord::Stop;
    while k < n && k - j < MAX_CHAIN && !blocked[k] {
        let mut w = if first_given && k == j { NameWord::Given } else { kinds(k) };
        // a name the corpora gave with its و (وأنطونيس) inside a chain opens the next
        // name of a list: لازاروس بابادوبولوس وأنطونيس فوتسيس
        if k > j && p.tokens[k].key.starts_with('و') && lex.given(&p.tokens[k].key).is_some_and(|g| g.attr("src") == Some("corpus")) {
            break;
        }
        // after a title, a given name that is also an ordinary word (الطاهر) opens a name
        // when a name word follows it
        let surface = p.tokens[k].text(p.text);
        let given_spelling = lex.given(&p.tokens[k].key).is_some_and(|g| !surface.ends_with('ى') || g.name.ends_with('ى'));
        if w == NameWord::Stop
            && licensed
            && k == j
            && given_spelling
            && k + 1 < n
            && !blocked[k + 1]
            && matches!(kinds(k + 1), NameWord::Given | NameWord::Family | NameWord::Unknown)
        {
            w = NameWord::Given;
        }
        // كولن باول: a family name that is mostly an ordinary word (بأول) after a given name,
        // written exactly as the lexicon spells it
        if w == NameWord::Stop && k > j && prev == NameWord::Given && lex.family(&p.tokens[k].key).is_some_and(|f| f.name == surface) {
            w = NameWord::Family;
        }
        if w == NameWord::AlNoun && !matches!(prev, NameWord::Given | NameWord::Family) {
            break;
        }
        if w == NameWord::AlNoun && !licensed && looks_like_verb_or_plural(&p.tokens[k].key) {
            break;
        }
        prev = w;
        match w {
            NameWord::Stop => break,
            NameWord::Connector => {
                // a connector needs a name word after it (عبد الله, آل نهيان)
                if k + 1 >= n || blocked[k + 1] || line_break_after(p, k) || !is_word(&p.tokens[k + 1]) || kinds(k + 1) == NameWord::Stop && !p.tokens[k + 1].key.starts_with("ال") {
                    break;
                }
                k += 2;
                // بن عبد الكريم, بن أبي طالب: a second connector takes its word too
                if CONNECTORS.contains(&p.tokens[k - 1].key) && k < n && !blocked[k] && is_word(&p.tokens[k]) && !line_break_after(p, k - 1) && (p.tokens[k].key.starts_with("ال") || kinds(k) != NameWord::Stop) {
                    k += 1;
                }
                end = k;
                // the word after a connector is a name word: بن عبد + الكريم الخطابي
                prev = NameWord::Given;
            }
            NameWord::Unknown if k == j && !licensed => break,
            // after a title, an imperfect verb is no name (الوزير يرجح)
            NameWord::Unknown if k == j && (p.tokens[k].key.starts_with('ي') && (4..=5).contains(&p.tokens[k].key.chars().count()) || (p.tokens[k].key.starts_with('ت') || p.tokens[k].key.starts_with('ن')) && p.tokens[k].key.chars().count() == 4) => break,
            // without a title, an unknown word after a given name must not look like a verb
            // or a plural (عماد يرتبك، كريم المساهمين)
            NameWord::Unknown if !licensed && looks_like_verb_or_plural(&p.tokens[k].key) => break,
            _ => {
                k += 1;
                end = k;
            }
        }
        if k < n && line_break_after(p, k - 1) {
            break;
        }
    }
    (end > j).then_some(end)
}

/// A quoted name at `j` (the opening quote): the tokens inside when they
/// are 1–6 words and the first is not an ordinary word.
fn quoted(p: &Prepared, lex: &Lexicon, j: usize, blocked: &[bool]) -> Option<(usize, usize)> {
    if !p.tokens.get(j).is_some_and(is_quote) {
        return None;
    }
    let mut k = j + 1;
    while k < p.tokens.len() && is_word(&p.tokens[k]) && !blocked[k] && k - j <= MAX_CHAIN {
        k += 1;
    }
    let closed = p.tokens.get(k).is_some_and(is_quote);
    if !closed || k == j + 1 || k - j > MAX_CHAIN + 1 {
        return None;
    }
    (classify(lex, &p.tokens[j + 1], p.text) != NameWord::Stop).then_some((j + 1, k))
}

/// A one-word town of the city table that is not a capital.
pub fn is_minor_place(c: &Candidate) -> bool {
    c.kind == EntityType::Gpe && c.last - c.first == 1 && c.entry.is_some_and(|e| e.attr("gid").is_some() && !e.flag("capital") && !e.flag("country") && e.attr("cc") != Some("LY"))
}

/// Whether a minor place (see [`is_minor_place`]) gives way to a name
/// chain: a town of under a million people, or one spelled like a name
/// word (أبا is a connector and a city of 1.2 million in Nigeria).
fn yields_to_name(lex: &Lexicon, key: &str, c: &Candidate) -> bool {
    let small = c.entry.is_some_and(|e| e.attr("pop").and_then(|p| p.parse::<u64>().ok()).unwrap_or(0) < 1_000_000);
    small || CONNECTORS.contains(key) || lex.given(key).is_some() || lex.family(key).is_some()
}

/// Person candidates. `others` are the candidates of the other rules:
/// titles license a name after them, and every other span blocks a chain.
pub fn find<'l>(p: &Prepared, lex: &'l Lexicon, others: &[Candidate<'l>]) -> Vec<Candidate<'l>> {
    let n = p.tokens.len();
    // every other span blocks a chain, except a one-word foreign town
    // (كايا is a town in Burkina Faso and a Turkish surname): a longer name wins
    let mut blocked = vec![false; n];
    for c in others.iter().filter(|c| !is_minor_place(c) || !yields_to_name(lex, &p.tokens[c.first].key, c)) {
        for b in &mut blocked[c.first..c.last] {
            *b = true;
        }
    }
    let mut by_first: crate::hash::FxHashMap<usize, Vec<&Candidate>> = crate::hash::FxHashMap::default();
    for c in others {
        by_first.entry(c.first).or_default().push(c);
    }
    let at = |j: usize, kinds: &[EntityType]| by_first.get(&j).and_then(|v| v.iter().copied().filter(|c| kinds.contains(&c.kind)).max_by_key(|c| c.last));
    // each distinct word is classified once, when a rule first asks (a
    // token written otherwise than the word's first occurrence, `على` and
    // `علي`, on its own: the class reads the written form)
    let words = p.words();
    let cache: Vec<std::cell::OnceCell<NameWord>> = (0..words.first.len()).map(|_| std::cell::OnceCell::new()).collect();
    let plain = plain_ya(p.text);
    let kinds = |k: usize| {
        let d = words.id[k] as usize;
        let first = &p.tokens[words.first[d] as usize];
        if first.bytes == p.tokens[k].bytes || first.text(p.text) == p.tokens[k].text(p.text) {
            *cache[d].get_or_init(|| classify_in(lex, first, p.text, plain))
        } else {
            classify_in(lex, &p.tokens[k], p.text, plain)
        }
    };
    let mut out = Vec::new();
    let push_at = |out: &mut Vec<Candidate<'l>>, first: usize, last: usize, skip: usize, score: f32, rule: &'static str| {
        let mut key = p.tokens[first..last].iter().map(|t| t.key.as_str()).collect::<Vec<_>>().join(" ");
        key.drain(..key.char_indices().nth(skip).map_or(0, |(b, _)| b));
        out.push(candidate(p, first, last, skip, EntityType::Pers, key, None, score, rule));
    };
    // contexts: the token after a title (longest reading), or after نظيره
    let mut starts: Vec<usize> = Vec::new();
    for c in others.iter().filter(|c| c.kind == EntityType::Occ) {
        starts.push(c.last);
    }
    for (i, t) in p.tokens.iter().enumerate() {
        if COUNTERPART.contains(&t.key) {
            starts.push(i + 1);
        }
    }
    starts.sort_unstable();
    starts.dedup();
    for &s in &starts {
        let mut j = s;
        // past a nationality, an official place or organization named with the title
        for _ in 0..2 {
            if let Some(c) = at(j, &[EntityType::Norp, EntityType::Gpe, EntityType::Org]) {
                j = c.last;
            }
        }
        // السفير الليبي لدى مصر عبد المطلب ثابت: the host country after لدى
        if p.tokens.get(j).is_some_and(|t| t.key == "لدي") {
            if let Some(c) = at(j + 1, &[EntityType::Gpe]) {
                j = c.last;
            }
        }
        // a comma may stand between the title and the name: وزير الداخلية، عماد
        let mut after_comma = false;
        if p.tokens.get(j).is_some_and(|t| t.key == "،" || t.key == ",") {
            j += 1;
            after_comma = true;
        }
        if let Some((a, b)) = quoted(p, lex, j, &blocked) {
            push_at(&mut out, a, b, 0, 0.85, "pers-quoted");
            continue;
        }
        if j < n && !blocked[j] {
            if let Some(e) = chain(p, lex, &kinds, j, &blocked, !after_comma, false) {
                // الملك محمد السادس: a sovereign's ordinal belongs to the name
                let royal = s > 0 && super::any_stem(&p.tokens[s - 1].key, |x: &str| ROYAL.contains(x));
                let e = if royal { regnal(p, e, &blocked) } else { e };
                push_at(&mut out, j, e, 0, 0.8, "pers-after-title");
            }
        }
    }
    // after a verb of meeting or speech: two or more name words, none an ordinary word
    for i in 0..n.saturating_sub(2) {
        let verb = super::any_stem(&p.tokens[i].key, |s: &str| VERBS.contains(s))
            && crate::text::clitics::readings_ref(&p.tokens[i].key).iter().any(|r| (r.prefix.is_empty() || r.prefix == "و" || r.prefix == "ف") && VERBS.contains(&r.stem));
        let j = i + 1;
        if !verb || blocked[j] || line_break_after(p, i) {
            continue;
        }
        let first = kinds(j);
        if !matches!(first, NameWord::Unknown | NameWord::Given) || p.tokens[j].key.starts_with("ال") {
            continue;
        }
        if let Some(e) = chain(p, lex, &kinds, j, &blocked, true, false) {
            let plain = p.tokens[j..e].iter().all(|t| !looks_like_verb_or_plural(&t.key) && !t.key.starts_with("ال"));
            if e - j >= 2 && plain {
                push_at(&mut out, j, e, 0, 0.65, "pers-after-verb");
            }
        }
    }
    // علي written with ي (على, the preposition, is written with ى or, in some texts, also so)
    let ali_ya = |i: usize| p.tokens[i].key == "علي" && p.tokens[i].text(p.text).ends_with('ي');
    // a known given name and at least one more name word
    for i in 0..n {
        // عبد + a word with the article (عبد الله، عبد الحميد) is a given name too
        let abd = p.tokens[i].key == "عبد" && p.tokens.get(i + 1).is_some_and(|t| t.key.starts_with("ال") && !blocked[i + 1]);
        if blocked[i] || !(abd || (lex.given(&p.tokens[i].key).is_some() && kinds(i) == NameWord::Given)) {
            continue;
        }
        if i > 0 && !blocked[i - 1] && (matches!(kinds(i - 1), NameWord::Given | NameWord::Connector) || ali_ya(i - 1)) {
            continue; // inside a chain that starts earlier (علي حسن: see below)
        }
        if let Some(e) = chain(p, lex, &kinds, i, &blocked, false, false) {
            // عبدالله الثاني: a lone given name with a sovereign's ordinal
            let royal = (i.saturating_sub(3)..i).any(|b| super::any_stem(&p.tokens[b].key, |x: &str| ROYAL.contains(x)));
            let e = if e - i == 1 && !abd && royal { regnal(p, e, &blocked) } else { e };
            if e - i >= if abd { 3 } else { 2 } {
                push_at(&mut out, i, e, 0, 0.75, "pers-given");
            }
        }
    }
    // a kunya (أبو حمزة، أبو عبد الله) and a given name after و (وجومانا مراد in a list of
    // people), or علي before a known name where the text writes على as علي
    for i in 0..n {
        if blocked[i] || !is_word(&p.tokens[i]) {
            continue;
        }
        // inside a chain that starts earlier: asked only of a word that
        // opens one of the three below (classifying every word costs more
        // than these tests)
        let inside = || i > 0 && !blocked[i - 1] && matches!(kinds(i - 1), NameWord::Given | NameWord::Connector);
        let k = p.tokens[i].key.as_str();
        let next = |j: usize| if j < n && !blocked[j] && !line_break_after(p, j - 1) { kinds(j) } else { NameWord::Stop };
        let known_given = |w: &str| lex.given(w).is_some_and(|g| !g.common()) && lex.family(w).is_none_or(|f| !f.common());
        let bare = k.strip_prefix('و');
        let kunya = |w: &str| KUNYA.contains(&w) && (next(i + 1) == NameWord::Given || p.tokens.get(i + 1).is_some_and(|t| t.key == "عبد"));
        if kunya(k) || bare.is_some_and(kunya) {
            if inside() {
                continue;
            }
            let skip = usize::from(!kunya(k));
            if let Some(e) = chain(p, lex, &kinds, i, &blocked, false, true) {
                if e - i >= 2 {
                    push_at(&mut out, i, e, skip, 0.7, "pers-kunya");
                }
            }
        } else if bare.is_some_and(|r| r.chars().count() >= 3 && known_given(r)) && !lex.is_common(k) && lex.given(k).is_none() && lex.family(k).is_none() {
            if inside() {
                continue;
            }
            // the next name of a list (a person ends right before, or before a comma), or
            // a name whose next word is known
            let listed = out.iter().any(|c| c.last == i || (c.last + 1 == i && matches!(p.tokens[i - 1].key.as_str(), "،" | ",")));
            if matches!(next(i + 1), NameWord::Given | NameWord::Family) || (listed && next(i + 1) == NameWord::Unknown) {
                if let Some(e) = chain(p, lex, &kinds, i, &blocked, false, true) {
                    if e - i >= 2 {
                        push_at(&mut out, i, e, 1, 0.7, "pers-given-after-and");
                    }
                }
            }
        } else if ali_ya(i) && matches!(next(i + 1), NameWord::Given | NameWord::Family) {
            if inside() {
                continue;
            }
            if let Some(e) = chain(p, lex, &kinds, i, &blocked, false, true) {
                push_at(&mut out, i, e, 0, 0.7, "pers-given");
            }
        }
    }
    // a known given name and one more word right before a comma and a title (`رياض المؤخر،
    // وزير البيئة`): the apposed office licenses a surname the word shapes stop (a participle
    // with the article, المؤخر) or that no list knows; not an ordinary word, not a title
    for i in 0..n.saturating_sub(3) {
        // the comma first: it rules out almost every position before a word is classified
        if !matches!(p.tokens[i + 2].key.as_str(), "،" | ",") || blocked[i] || blocked[i + 1] {
            continue;
        }
        if kinds(i) != NameWord::Given || line_break_after(p, i) || at(i + 3, &[EntityType::Occ]).is_none() {
            continue;
        }
        if i > 0 && !blocked[i - 1] && matches!(kinds(i - 1), NameWord::Given | NameWord::Connector) {
            continue;
        }
        if out.iter().any(|c| c.first <= i + 1 && i < c.last) {
            continue;
        }
        let w = &p.tokens[i + 1];
        let k = w.key.as_str();
        let surname = match kinds(i + 1) {
            NameWord::Family | NameWord::Unknown | NameWord::AlNoun => true,
            NameWord::Stop => {
                k.starts_with("الم")
                    && k.chars().count() >= 5
                    && w.kind == crate::text::TokenKind::Arabic
                    && !lex.is_common(k)
                    && lex.phrases(crate::lexicon::Part::Title).ids(k).is_empty()
                    && lex.phrases(crate::lexicon::Part::Head).ids(k).is_empty()
            }
            _ => false,
        };
        if surname {
            push_at(&mut out, i, i + 2, 0, 0.7, "pers-before-title");
        }
    }
    out
}

/// Titles of sovereigns, after which an ordinal is part of the name.
static ROYAL: WordSet = WordSet::new(&["الملك", "الملكه", "ملك", "السلطان", "البابا", "الامبراطور", "الامبراطوره", "العاهل", "الشاه", "القيصر"]);
/// Kunya words: أبو + a given name is a name by itself.
const KUNYA: &[&str] = &["ابو", "ابي", "ابا", "ام"];
/// Ordinals of sovereigns (`الثاني`, `الثالث عشر`).
pub(crate) static ORDINALS: WordSet = WordSet::new(&["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر", "الحادي"]);

/// The end of a name at `e` extended over a sovereign's ordinal after it.
fn regnal(p: &Prepared, e: usize, blocked: &[bool]) -> usize {
    if e < p.tokens.len() && !blocked[e] && ORDINALS.contains(&p.tokens[e].key) && !line_break_after(p, e - 1) {
        if p.tokens.get(e + 1).is_some_and(|t| t.key == "عشر") && !blocked.get(e + 1).copied().unwrap_or(true) {
            return e + 2;
        }
        if p.tokens[e].key != "الحادي" {
            return e + 1;
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::{show, want};

    fn persons(text: &str) -> Vec<(String, String)> {
        let lex = Lexicon::builtin();
        let p = Prepared::new(text);
        let mut others = crate::rules::gazetteer::find(&p, lex);
        others.extend(crate::rules::titles::find(&p, lex));
        others.extend(crate::rules::orgs::find(&p, lex));
        others.extend(crate::rules::dates::find(&p, lex, None));
        let mut c = find(&p, lex, &others);
        c.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
        c.dedup_by_key(|c| c.start);
        show(&p, &c)
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[(&str, &str)])] = &[
            ("rank then known and unknown names, date after", "لواء عماد مصطفى الطرابلسي اليوم الاثنين", &[("PERS", "عماد مصطفى الطرابلسي")]),
            ("title, nationality, foreign name", "وزير الداخلية التركي علي يرلي كايا والوفد المرافق", &[("PERS", "علي يرلي كايا")]),
            ("ambassador, nationality, transliterated name", "مع السفير المالطي تشارلز ساليبا آليات تفعيل", &[("PERS", "تشارلز ساليبا")]),
            ("no name after the title", "مع السفير المالطي التي تهدف", &[]),
            ("a name apposed to a title after a comma", "وصرح سمير المؤدب، وزير الصحة، بأن", &[("PERS", "سمير المؤدب")]),
            ("a given name and a participle before a comma and no title", "وصرح سمير المؤدب، بأن", &[]),
            ("counterpart, nationality, quoted name", "نظيره السوري ” محمد الرحمون”، وتباحث", &[("PERS", "محمد الرحمون")]),
            ("quoted nasab chain with al", "نظيره الإماراتي “سيف بن زايد أل نهيان ” ، علاقات", &[("PERS", "سيف بن زايد أل نهيان")]),
            ("given name and unknown nisba", "السفارة المصرية، تامر الحفني، مجموعة", &[("PERS", "تامر الحفني")]),
            ("title then surname only", "وقدم الوزير الطرابلسي رؤية وزارة", &[("PERS", "الطرابلسي")]),
            ("common given name after a title", "وزير الخارجية الطاهر الباعور، أمس", &[("PERS", "الطاهر الباعور")]),
            ("ambassador to a host country", "مع السفير الليبي لدى مصر عبد المطلب ثابت سبل", &[("PERS", "عبد المطلب ثابت")]),
            ("family name with the article after a given name", "المتحدث باسم الوزارة العميد طارق الخراز إن", &[("PERS", "طارق الخراز")]),
            ("institution after a title is no name", "رئيس اللجنة القومية العربية في نابلس", &[]),
            ("abd compound without a title", "ونقلت الوكالة عن عبد الله اللافي قوله", &[("PERS", "عبد الله اللافي")]),
            ("commissioner with a foreign name", "برئاسة المفوض ماغنوس برونر، وبحث", &[("PERS", "ماغنوس برونر")]),
            ("unknown name after a verb of meeting", "والتقى ماغنوس برونر في", &[("PERS", "ماغنوس برونر")]),
            ("ordinary words after a verb", "وقال بيان صادر عن", &[]),
            ("verb with a pronoun after a given name", "وهو نجاح حققه الفريق", &[]),
            ("dual nouns after a verb", "وأعلنت شركتان متخصصتان أن", &[]),
            ("the preposition ala is not Ali", "أكد على ضرورة التعاون", &[]),
            ("given name alone is not a person", "قال محمد إن", &[]),
            ("western given name", "أعلن الرئيس الفرنسي إيمانويل ماكرون أمس", &[("PERS", "إيمانويل ماكرون")]),
            ("ali with ya before ordinary words is the preposition", "اتفق الجانبان علي طرحها علي بساط البحث", &[]),
            ("ali with ya before a known name", "وقال علي حسن المجيد إن", &[("PERS", "علي حسن المجيد")]),
            ("the preposition with alif maqsura before a name", "تغلب على محمد صلاح في", &[("PERS", "محمد صلاح")]),
            ("a past plural verb ends the name", "زعيم تنظيم القاعدة أسامة بن لادن اندسوا وسط", &[("PERS", "أسامة بن لادن")]),
            ("a participle with the article ends the name", "وقال أليكس فيشمان المعلق العسكري", &[("PERS", "أليكس فيشمان")]),
            ("a pronoun suffix ends the name", "وأحمد خليل مرماه", &[("PERS", "أحمد خليل")]),
            ("an unlisted noun in taa marbuta ends the name", "للحكومة مناحيم مازوز ملاحقة وزير", &[("PERS", "مناحيم مازوز")]),
            ("a second connector takes its word", "رفضها الأمير محمد بن عبد الكريم الخطابي )", &[("PERS", "محمد بن عبد الكريم الخطابي")]),
            ("kunya", "خلال خطب ابو حمزة المصري التي", &[("PERS", "ابو حمزة")]),
            ("a list of people joined by wa", "بطولة فتحي عبد الوهاب وجومانا مراد من", &[("PERS", "فتحي عبد الوهاب"), ("PERS", "جومانا مراد")]),
            ("a sovereign's ordinal", "جلالة الملك محمد السادس في", &[("PERS", "محمد السادس")]),
            ("an ordinal without a sovereign is a rank", "وكان ترتيب محفوظ الثاني على", &[]),
            ("a family name that is also an ordinary word, spelled as listed", "وقال كولن باول إن", &[("PERS", "كولن باول")]),
            ("a person's name is no clitic and a country", "ويري عمدة المدينة كلاوس فوفرايت هذا", &[("PERS", "كلاوس فوفرايت")]),
            ("a preposition with a hamza is no short name", "شهادة بأن عبد الرازق الشرقاوي من", &[("PERS", "عبد الرازق الشرقاوي")]),
            ("a verb of speech after a title is no name", "وكانت الوزيرة الأميركية صرحت في وقت", &[]),
            ("a short name that starts like fa + article", "وزير الخارجية فرانك فالتر شتاينماير سيتوجه", &[("PERS", "فرانك فالتر شتاينماير")]),
        ];
        for (name, text, w) in cases {
            assert_eq!(persons(text), want(w), "case {name:?}: persons of {text:?}");
        }
    }
}
