//! Feature extraction for the tagger: every feature is a 32-bit FNV-1a
//! hash of a template number and the bytes of its pieces, computed
//! without allocating a string per feature.
//!
//! Templates (one per token, over a window of two tokens each side, the
//! sentence edges padded with `<s>` and `</s>`):
//!
//! | id | feature |
//! |---:|---------|
//! | 1 | bias |
//! | 2–6 | normalized word at offsets 0, −1, −2, +1, +2 |
//! | 7, 8 | word bigrams (−1, 0) and (0, +1) |
//! | 9, 10 | prefixes and suffixes of 1–4 letters of the word |
//! | 11 | stem of each clitic reading ([`crate::text::clitics::readings`]) |
//! | 12 | the word without its article |
//! | 13 | clitic pattern: longest proclitic, article, pronoun suffix |
//! | 14 | word shape: script kind and length bucket |
//! | 15–19 | lexicon tags of the word (any reading) at offsets 0, −1, +1, −2, +2 |
//! | 20 | lexicon phrase the word is in (B/I and tag) |
//! | 21, 22 | lexicon tag at 0 with the word at −1, and with the word at +1 |
//! | 23, 24 | shape at −1 and +1 |
//! | 25 | stems of the neighbours −1 and +1 |
//!
//! Lexicon tags are the raw tags of `data/*.tsv` (`GPE`, `NORP`, `OCC`,
//! `GIVEN`, …; a GPE with a `city` attribute also gives `GPE:city`), so
//! new lexicon files feed the tagger without code changes (retrain).

use crate::lexicon::{Entry, Lexicon, Part};
use crate::text::{clitics, Token, TokenKind};

/// Most lexicon tags kept per token.
const MAX_LEX: usize = 10;

/// FNV-1a, 32 bits.
#[derive(Clone, Copy)]
struct Fnv(u32);

impl Fnv {
    fn new(template: u8) -> Fnv {
        Fnv(0x811c_9dc5).byte(template)
    }
    fn byte(self, b: u8) -> Fnv {
        Fnv((self.0 ^ b as u32).wrapping_mul(0x0100_0193))
    }
    fn bytes(mut self, bs: &[u8]) -> Fnv {
        for &b in bs {
            self = self.byte(b);
        }
        self
    }
    /// A piece followed by a separator, so that ("ab","c") ≠ ("a","bc").
    fn piece(self, s: &str) -> Fnv {
        self.bytes(s.as_bytes()).byte(0xff)
    }
    /// The hash, never 0 (0 marks an empty slot of the model's table).
    fn finish(self) -> u32 {
        self.0.max(1)
    }
}

/// The hash of a plain string piece (used for lexicon tags).
fn hash_str(s: &str) -> u32 {
    Fnv::new(0).piece(s).finish()
}

/// What the features need to know about one token, computed once.
#[derive(Clone, Copy, Debug, Default)]
struct Info {
    /// Hashes of the lexicon tags of the word (any clitic reading).
    lex: [u32; MAX_LEX],
    /// How many of `lex` are set.
    nlex: usize,
    /// Lexicon phrase membership: hash of the tag, and whether this token
    /// begins the phrase; 0 when none.
    phrase: u32,
    phrase_begin: bool,
    /// Shape: kind and length bucket packed in one byte.
    shape: u8,
}

fn shape_of(t: &Token) -> u8 {
    let kind = match t.kind {
        TokenKind::Arabic => 0,
        TokenKind::Number => 1,
        TokenKind::Latin => 2,
        TokenKind::Symbol => 3,
        TokenKind::Punct => 4,
    };
    let len = t.key.chars().count();
    let bucket = match len {
        0..=2 => 0,
        3 => 1,
        4 => 2,
        5 => 3,
        6..=7 => 4,
        _ => 5,
    };
    kind * 8 + bucket
}

/// The features of the tokens of one sentence, flat: token `i` has
/// `feats[offsets[i]..offsets[i + 1]]`. Reuse one value across sentences
/// to avoid allocating.
#[derive(Debug, Default, Clone)]
pub struct Features {
    /// Feature hashes of all tokens, one token after the other.
    pub feats: Vec<u32>,
    /// Start of each token's features in `feats`, plus the end.
    pub offsets: Vec<usize>,
    infos: Vec<Info>,
    scratch: String,
}

impl Features {
    /// How many tokens the last call to [`Features::extract`] covered.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The features of token `i`.
    pub fn of(&self, i: usize) -> &[u32] {
        &self.feats[self.offsets[i]..self.offsets[i + 1]]
    }

    /// Computes the features of every token of `toks` (one sentence).
    pub fn extract(&mut self, toks: &[Token], lex: &Lexicon) {
        self.feats.clear();
        self.offsets.clear();
        self.infos.clear();
        self.infos.resize(toks.len(), Info::default());
        for (i, t) in toks.iter().enumerate() {
            let info = &mut self.infos[i];
            info.shape = shape_of(t);
            if matches!(t.kind, TokenKind::Arabic | TokenKind::Latin) {
                lexicon_tags(&t.key, lex, info);
            }
        }
        self.phrases(toks, lex);
        for i in 0..toks.len() {
            self.offsets.push(self.feats.len());
            token(toks, &self.infos, i, &mut self.feats);
        }
        self.offsets.push(self.feats.len());
    }

    /// Marks multi-word lexicon phrases (longest match from the left over
    /// every clitic reading of the first word).
    fn phrases(&mut self, toks: &[Token], lex: &Lexicon) {
        let mut i = 0;
        while i < toks.len() {
            if !matches!(toks[i].kind, TokenKind::Arabic | TokenKind::Latin) {
                i += 1;
                continue;
            }
            let mut best: Option<(usize, u32)> = None;
            for r in clitics::readings(&toks[i].key) {
                let max = lex.max_words(&r.stem);
                if max < 2 {
                    continue;
                }
                self.scratch.clear();
                self.scratch.push_str(&r.stem);
                let mut j = i + 1;
                while j < toks.len() && j - i < max && matches!(toks[j].kind, TokenKind::Arabic | TokenKind::Latin | TokenKind::Number) {
                    self.scratch.push(' ');
                    self.scratch.push_str(&toks[j].key);
                    j += 1;
                    if let Some(tag) = lex.get(&self.scratch).find_map(class_tag) {
                        if best.is_none_or(|(end, _)| j > end) {
                            best = Some((j, hash_str(tag)));
                        }
                    }
                }
            }
            match best {
                Some((end, tag)) => {
                    for k in i..end {
                        self.infos[k].phrase = tag;
                        self.infos[k].phrase_begin = k == i;
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
    }

}

/// Appends the features of token `i` to `out`.
fn token(toks: &[Token], infos: &[Info], i: usize, out: &mut Vec<u32>) {
    {
        let mut push = |f: Fnv| out.push(f.finish());
        let word = |k: isize| -> &str {
            let j = i as isize + k;
            if j < 0 {
                "<s>"
            } else if j as usize >= toks.len() {
                "</s>"
            } else {
                toks[j as usize].key.as_str()
            }
        };
        let info = |k: isize| -> Option<Info> {
            let j = i as isize + k;
            (j >= 0 && (j as usize) < toks.len()).then(|| infos[j as usize])
        };
        let w0 = word(0);
        let me = infos[i];
        push(Fnv::new(1));
        for (tpl, k) in [(2u8, 0isize), (3, -1), (4, -2), (5, 1), (6, 2)] {
            push(Fnv::new(tpl).piece(word(k)));
        }
        push(Fnv::new(7).piece(word(-1)).piece(w0));
        push(Fnv::new(8).piece(w0).piece(word(1)));

        let n = w0.chars().count();
        if toks[i].kind == TokenKind::Arabic || toks[i].kind == TokenKind::Latin {
            for len in 1..=4usize.min(n) {
                let p_end = w0.char_indices().nth(len).map_or(w0.len(), |(b, _)| b);
                push(Fnv::new(9).byte(len as u8).piece(&w0[..p_end]));
                let s_start = w0.char_indices().nth(n - len).map_or(0, |(b, _)| b);
                push(Fnv::new(10).byte(len as u8).piece(&w0[s_start..]));
            }
            let readings = clitics::readings(w0);
            for r in readings.iter().skip(1) {
                push(Fnv::new(11).piece(&r.stem));
            }
            if let Some(bare) = clitics::without_article(w0) {
                push(Fnv::new(12).piece(bare));
            }
            // Clitic pattern: the longest proclitic, article after it, pronoun suffix.
            let longest = readings.get(1);
            let pre = longest.map_or("", |r| r.prefix);
            let art = longest.map_or(w0, |r| r.stem.as_str()).starts_with("ال");
            let suf = clitics::suffix_readings(w0).last().map_or("", |s| s.1);
            push(Fnv::new(13).piece(pre).byte(art as u8).piece(suf));
        }
        push(Fnv::new(14).byte(me.shape));
        for (tpl, k) in [(15u8, 0isize), (16, -1), (17, 1), (18, -2), (19, 2)] {
            if let Some(inf) = info(k) {
                for &l in &inf.lex[..inf.nlex] {
                    push(Fnv::new(tpl).bytes(&l.to_le_bytes()));
                }
            }
        }
        if me.phrase != 0 {
            push(Fnv::new(20).byte(me.phrase_begin as u8).bytes(&me.phrase.to_le_bytes()));
        }
        for &l in &me.lex[..me.nlex] {
            push(Fnv::new(21).bytes(&l.to_le_bytes()).piece(word(-1)));
            push(Fnv::new(22).bytes(&l.to_le_bytes()).piece(word(1)));
        }
        push(Fnv::new(23).byte(info(-1).map_or(255, |x| x.shape)));
        push(Fnv::new(24).byte(info(1).map_or(255, |x| x.shape)));
        for k in [-1isize, 1] {
            let j = i as isize + k;
            if j >= 0 && (j as usize) < toks.len() && toks[j as usize].kind == TokenKind::Arabic {
                for r in clitics::readings(&toks[j as usize].key).iter().skip(1) {
                    push(Fnv::new(25).byte(k as u8).piece(&r.stem));
                }
            }
        }
    }
}

/// Whether `s` looks like a type tag of a data file (`GPE`, `PERS`, `OCC`).
fn is_tag(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
}

/// The type tag of an entry (whichever of its second and third columns
/// holds one).
fn class_tag(e: &Entry) -> Option<&str> {
    [e.tag.as_str(), e.name.as_str()].into_iter().find(|s| is_tag(s))
}

/// Adds the classes of a lexicon entry: its type tag, and the tag refined
/// by the entry's `part` or `kind` attribute or its `country`, `capital`
/// or `pop` (city) attribute. Entries the data files derived from the NER
/// corpora themselves (`src=corpus`) are skipped: the tagger learns those
/// words from the corpora directly, and using them would leak the
/// held-out sixth into the features.
fn entry_classes(e: &Entry, add: &mut impl FnMut(u32)) {
    if e.attr("src") == Some("corpus") {
        return;
    }
    let Some(tag) = class_tag(e) else { return };
    add(hash_str(tag));
    let list = match e.part {
        Part::Name => "name",
        Part::Title => "title",
        Part::Head => "head",
        Part::Given => "given",
        Part::Family => "family",
        Part::Common => "common",
    };
    add(Fnv::new(0).piece(tag).piece(list).finish());
    let sub = ["part", "kind"].iter().find_map(|k| e.attr(k)).or_else(|| ["country", "capital", "pop"].into_iter().find(|k| e.attr(k).is_some()));
    if let Some(sub) = sub {
        add(Fnv::new(0).piece(tag).piece(sub).finish());
    }
}

/// Collects the lexicon classes of every reading of `key` (and of each
/// stem without its article) into `info`.
fn lexicon_tags(key: &str, lex: &Lexicon, info: &mut Info) {
    let mut add = |h: u32| {
        if info.nlex < MAX_LEX && !info.lex[..info.nlex].contains(&h) {
            info.lex[info.nlex] = h;
            info.nlex += 1;
        }
    };
    for r in clitics::readings(key) {
        let stems = [Some(r.stem.as_str()), clitics::without_article(&r.stem)];
        for s in stems.into_iter().flatten() {
            for e in lex.get(s).chain(lex.given(s)).chain(lex.family(s)) {
                entry_classes(e, &mut add);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn feats_of(text: &str) -> Features {
        let toks = tokenize(text);
        let mut f = Features::default();
        f.extract(&toks, Lexicon::builtin());
        f
    }

    #[test]
    fn same_word_same_features_whatever_the_diacritics() {
        let a = feats_of("زار الوزيرُ ليبيا");
        let b = feats_of("زار الوزير ليبيا");
        for i in 0..3 {
            assert_eq!(a.of(i), b.of(i), "token {i}: features must be computed on the normalized key");
        }
    }

    #[test]
    fn features_depend_on_the_window() {
        let a = feats_of("في طرابلس اليوم");
        let b = feats_of("في طرابلس أمس");
        assert_ne!(a.of(1), b.of(1), "the word at +1 is a feature of the middle token");
        assert_eq!(a.len(), 3);
        assert!(a.of(0).iter().all(|&h| h != 0), "0 is reserved for empty table slots");
    }

    #[test]
    fn lexicon_tags_see_through_clitics() {
        let lex = Lexicon::builtin();
        let cases: &[(&str, &str, bool)] = &[
            ("country", "ليبيا", true),
            ("country after wa", "وليبيا", true),
            ("country after li", "لليبيا", true),
            ("plain word", "كتاب", false),
        ];
        let gpe = hash_str("GPE");
        for (name, word, want) in cases {
            let mut info = Info::default();
            lexicon_tags(word, lex, &mut info);
            assert_eq!(info.lex[..info.nlex].contains(&gpe), *want, "case {name:?}: GPE tag of {word:?}");
        }
    }

    #[test]
    fn phrase_membership() {
        let f = feats_of("زار المملكة العربية السعودية");
        let toks = tokenize("زار المملكة العربية السعودية");
        let mut g = Features::default();
        g.extract(&toks, Lexicon::builtin());
        assert_eq!(g.infos[0].phrase, 0, "زار is in no phrase");
        assert!(g.infos[1].phrase != 0 && g.infos[1].phrase_begin, "المملكة begins the phrase");
        assert!(g.infos[3].phrase != 0 && !g.infos[3].phrase_begin, "السعودية is inside the phrase");
        assert_eq!(f.len(), 4);
    }
}
