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
}

impl<'a> Prepared<'a> {
    /// Tokenizes and splits `text`.
    pub fn new(text: &'a str) -> Prepared<'a> {
        let tokens = tokenize(text);
        let sentences = sentences::split(text, &tokens);
        let utf16_len = tokenize::utf16_units(text.as_bytes());
        Prepared { text, tokens, sentences, utf16_len }
    }

    /// The byte offset in `text` of UTF-16 offset `pos` (clamped to the
    /// text; a position inside a surrogate pair moves to the pair's start).
    /// Walks from the nearest token start, so it costs the length of one
    /// token and the gap before it.
    pub fn byte_at(&self, pos: u32) -> usize {
        let k = self.tokens.partition_point(|t| t.start <= pos);
        let (mut byte, mut at) = if k == 0 { (0, 0) } else { (self.tokens[k - 1].bytes.0, self.tokens[k - 1].start) };
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
