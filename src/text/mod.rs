//! The text layer: normalization with a map back to the original, tokens
//! with UTF-16 offsets, sentences, and clitic readings.
//!
//! Offsets become UTF-16 here, once, and travel as such to the output.

pub mod clitics;
pub mod normalize;
pub mod sentences;
pub mod tokenize;

pub use normalize::{key, Normalized};
pub use sentences::Sentence;
pub use tokenize::{tokenize, Token, TokenKind};

/// Whether `s` holds a line feed. The gaps between tokens are a byte or
/// two: a plain loop beats the general substring search there.
#[inline]
pub fn has_newline(s: &str) -> bool {
    s.bytes().any(|b| b == b'\n')
}

/// A text prepared for analysis: its tokens and sentences.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    /// The original text.
    pub text: &'a str,
    /// Its tokens, in order.
    pub tokens: Vec<Token>,
    /// Its sentences, in order, covering every token.
    pub sentences: Vec<Sentence>,
    /// Length of the text in UTF-16 code units.
    pub utf16_len: u32,
    /// The text's distinct words, made on first use (see [`Prepared::words`]).
    words: std::cell::OnceCell<Words>,
}

/// The distinct token keys of a text: the stages that look at each word
/// (key phrases, themes, the category's features) analyse a word once per
/// text and index their per-word results by [`Words::id`].
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// For each token, the number of its key among the distinct keys, in
    /// order of first occurrence.
    pub id: Vec<u32>,
    /// For each distinct key, the first token that has it.
    pub first: Vec<u32>,
    /// The open-addressing table of the distinct keys (their numbers, by
    /// the top bits of the key's `str_hash`; `u32::MAX` for empty slots).
    slots: Vec<u32>,
}

impl<'a> Prepared<'a> {
    /// Tokenizes and splits `text`.
    pub fn new(text: &'a str) -> Prepared<'a> {
        let (tokens, utf16_len) = tokenize::tokenize_counting(text);
        let sentences = sentences::split(text, &tokens);
        Prepared { text, tokens, sentences, utf16_len, words: std::cell::OnceCell::new() }
    }

    /// The distinct keys of the tokens (one hash per token, once per text).
    pub fn words(&self) -> &Words {
        self.words.get_or_init(|| {
            // open addressing over the distinct ids, by the top bits of the lexicon's key hash
            let cap = (self.tokens.len() * 2).next_power_of_two().max(16);
            let (mask, shift) = (cap - 1, 64 - cap.trailing_zeros());
            let mut slots = vec![u32::MAX; cap];
            let mut first: Vec<u32> = Vec::new();
            let mut id = Vec::with_capacity(self.tokens.len());
            for (i, t) in self.tokens.iter().enumerate() {
                let key = t.key.as_bytes();
                let mut at = (crate::lexicon::str_hash(&t.key) >> shift) as usize;
                let w = loop {
                    let s = slots[at];
                    if s == u32::MAX {
                        slots[at] = first.len() as u32;
                        first.push(i as u32);
                        break slots[at];
                    }
                    if self.tokens[first[s as usize] as usize].key.as_bytes() == key {
                        break s;
                    }
                    at = (at + 1) & mask;
                };
                id.push(w);
            }
            Words { id, first, slots }
        })
    }

    /// The first token whose key is `key`, if any token has it (a lookup
    /// in the table of [`Prepared::words`]).
    pub fn token_with_key(&self, key: &str) -> Option<usize> {
        let words = self.words();
        let mask = words.slots.len().checked_sub(1)?;
        let shift = 64 - words.slots.len().trailing_zeros();
        let mut at = (crate::lexicon::str_hash(key) >> shift) as usize;
        loop {
            let s = words.slots[at];
            if s == u32::MAX {
                return None;
            }
            let first = words.first[s as usize] as usize;
            if self.tokens[first].key == key {
                return Some(first);
            }
            at = (at + 1) & mask;
        }
    }

    /// The byte offset in `text` of UTF-16 offset `pos` (clamped to the
    /// text; a position inside a surrogate pair moves to the pair's start).
    /// Walks from the nearest token start, so it costs the length of one
    /// token and the gap before it.
    pub fn byte_at(&self, pos: u32) -> usize {
        let k = self.tokens.partition_point(|t| t.start <= pos);
        let (mut byte, mut at) = match k.checked_sub(1).map(|k| &self.tokens[k]) {
            None => (0, 0),
            // a span's end is most often a token's end: no walk over the token
            Some(t) if t.end <= pos => (t.bytes.1, t.end),
            Some(t) => (t.bytes.0, t.start),
        };
        for c in self.text[byte..].chars() {
            let w = c.len_utf16() as u32;
            if at + w > pos {
                break;
            }
            at += w;
            byte += c.len_utf8();
        }
        byte
    }

    /// The original text of the UTF-16 range `[start, end)`.
    pub fn slice(&self, start: u32, end: u32) -> &'a str {
        let (b0, b1) = (self.byte_at(start), self.byte_at(end));
        &self.text[b0..b1.max(b0)]
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.last <= i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_number_the_distinct_keys_in_order_of_first_occurrence() {
        // (name, text, the id of each token, the first token of each id)
        let cases: &[(&str, &str, &[u32], &[u32])] = &[
            ("repeats share an id", "ليبيا وتونس ليبيا", &[0, 1, 0], &[0, 1]),
            ("written forms with the same key are one word", "على علي عليٌ", &[0, 0, 0], &[0]),
            ("punctuation and numbers are words too", "2025 . 2025 .", &[0, 1, 0, 1], &[0, 1]),
            ("empty text", "", &[], &[]),
        ];
        for (name, text, ids, firsts) in cases {
            let p = Prepared::new(text);
            let w = p.words();
            assert_eq!(w.id, *ids, "case {name:?}: ids of the tokens of {text:?}");
            assert_eq!(w.first, *firsts, "case {name:?}: first token of each distinct key");
            for (i, &d) in w.id.iter().enumerate() {
                assert_eq!(p.tokens[i].key, p.tokens[w.first[d as usize] as usize].key, "case {name:?}: token {i} and its word's first token must share a key");
                assert_eq!(p.token_with_key(&p.tokens[i].key), Some(w.first[d as usize] as usize), "case {name:?}: token_with_key of token {i}'s key");
            }
            assert_eq!(p.token_with_key("كلمه"), None, "case {name:?}: a key no token has");
        }
    }

    #[test]
    fn has_newline_finds_only_line_feeds() {
        let cases: &[(&str, &str, bool)] = &[("space", " ", false), ("line feed", " \n ", true), ("carriage return alone", "\r", false), ("empty", "", false)];
        for (name, gap, want) in cases {
            assert_eq!(has_newline(gap), *want, "case {name:?}");
        }
    }
}
