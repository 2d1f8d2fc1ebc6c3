//! Sentence splitting over tokens.
//!
//! A sentence ends after `.` `!` `?` `؟` `…` (and runs of them, with closing
//! quotes or brackets that follow), and at a line break. A period does not
//! end a sentence after a one-letter abbreviation (`د.` for doctor) or
//! between digits (handled by the tokenizer, which keeps `3.5` whole).

use super::tokenize::{Token, TokenKind};

/// A sentence: a range of tokens and the UTF-16 range it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Index of the first token.
    pub first: usize,
    /// Index one past the last token.
    pub last: usize,
    /// UTF-16 start of the first token.
    pub start: u32,
    /// UTF-16 end of the last token.
    pub end: u32,
}

fn is_terminal(key: &str) -> bool {
    matches!(key, "." | "!" | "?" | "؟" | "…")
}

fn is_closing(key: &str) -> bool {
    matches!(key, "\"" | "”" | "’" | "»" | ")" | "]" | "'" | "›")
}

/// Splits the tokens of `text` into sentences. Every token belongs to
/// exactly one sentence; the sentences are in order.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let mut end_here = false;
        if t.kind == TokenKind::Punct && is_terminal(&t.key) {
            let abbreviation = t.key == "."
                && i > 0
                && tokens[i - 1].kind == TokenKind::Arabic
                && tokens[i - 1].key.chars().count() == 1
                && tokens[i - 1].end == t.start;
            if !abbreviation {
                while i + 1 < tokens.len() && tokens[i + 1].kind == TokenKind::Punct && (is_terminal(&tokens[i + 1].key) || is_closing(&tokens[i + 1].key)) {
                    i += 1;
                }
                end_here = true;
            }
        }
        if !end_here && i + 1 < tokens.len() {
            let gap = &text[tokens[i].bytes.1..tokens[i + 1].bytes.0];
            end_here = super::has_newline(gap) || (gap.len() >= 3 && gap.contains('\u{2029}'));
        }
        if end_here || i + 1 == tokens.len() {
            out.push(Sentence { first, last: i + 1, start: tokens[first].start, end: tokens[i].end });
            first = i + 1;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::tokenize;

    fn texts(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        let units: Vec<u16> = text.encode_utf16().collect();
        split(text, &toks).iter().map(|s| String::from_utf16(&units[s.start as usize..s.end as usize]).unwrap()).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("two sentences", "التقى الوزير نظيره. وبحث الجانبان التعاون.", &["التقى الوزير نظيره.", "وبحث الجانبان التعاون."]),
            ("arabic question mark", "هل انتهى؟ نعم", &["هل انتهى؟", "نعم"]),
            ("line break ends a sentence", "العنوان\nالنص هنا", &["العنوان", "النص هنا"]),
            ("doctor abbreviation", "التقى د. عبدالمجيد البنيان.", &["التقى د. عبدالمجيد البنيان."]),
            ("closing quote stays", "قال: “نعم.” ثم غادر", &["قال: “نعم.”", "ثم غادر"]),
            ("decimal does not split", "بلغ 3.5 مليون.", &["بلغ 3.5 مليون."]),
            ("no terminal", "ليبيا وتركيا", &["ليبيا وتركيا"]),
            ("empty", "", &[]),
        ];
        for (name, input, want) in cases {
            assert_eq!(texts(input), *want, "case {name:?}: sentences of {input:?}");
        }
    }
}
