//! Tokenization: Arabic words, numbers, Latin words, punctuation, symbols.
//!
//! Every token keeps its place in the original text twice over: as a byte
//! range (for slicing the Rust string) and as a UTF-16 range (the unit of
//! JavaScript strings and of every offset the analysis reports). Whitespace
//! separates tokens and is not one. Rules, in order of precedence:
//!
//! - **Arabic word:** Arabic letters, with the diacritics, tatweel and
//!   zero-width/bidi controls that sit *inside* it (a control between two
//!   Arabic letters joins them; at a word's edge it is left out).
//! - **Number:** digits (ASCII, Arabic-Indic, Persian) with one decimal or
//!   thousands separator (`.` `,` `٫` `٬`) allowed between two digits.
//! - **Latin word:** any other alphabetic characters (Latin, Greek,
//!   Cyrillic…), with inner apostrophes and hyphens between letters.
//! - **Symbol:** an emoji or pictograph together with its modifiers, zero
//!   width joiners and variation selectors, so a family emoji is one token.
//! - **Punctuation:** any other visible character, one per token.
//!
//! A lone surrogate cannot reach Rust (a JS string is converted with U+FFFD
//! in its place, one UTF-16 unit for one), so offsets stay exact.

use super::normalize::{fold, is_diacritic, is_format_control, is_ignorable, TATWEEL};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Arabic letters (with marks inside).
    Arabic,
    /// Digits, possibly with inner separators.
    Number,
    /// Latin or other alphabetic script.
    Latin,
    /// Emoji and pictographs with their modifiers.
    Symbol,
    /// One punctuation character.
    Punct,
}

/// One token of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// What the token is made of.
    pub kind: TokenKind,
    /// Byte range in the original `&str`.
    pub bytes: (usize, usize),
    /// UTF-16 range in the original text.
    pub start: u32,
    /// End of the UTF-16 range (exclusive).
    pub end: u32,
    /// The match key (see [`super::normalize`]).
    pub key: String,
}

impl Token {
    /// The token's text in `original`.
    pub fn text<'a>(&self, original: &'a str) -> &'a str {
        &original[self.bytes.0..self.bytes.1]
    }

    /// The UTF-16 offset, in the original text, where the token's key
    /// character number `n` begins (`n` = number of key characters to
    /// skip). Marks after a skipped letter are skipped with it. With `n`
    /// equal to or past the key's length, the token's end.
    pub fn offset_after_key_chars(&self, original: &str, n: usize) -> u32 {
        let mut pos = self.start;
        let mut seen = 0usize;
        for c in self.text(original).chars() {
            if !is_ignorable(c) {
                if seen == n {
                    return pos;
                }
                seen += 1;
            }
            pos += c.len_utf16() as u32;
        }
        self.end
    }

    /// The UTF-16 offset where the token ends once its last `n` key
    /// characters are left out (for suffixes). Marks on a kept letter stay.
    pub fn offset_before_last_key_chars(&self, original: &str, n: usize) -> u32 {
        let total = self.key.chars().count();
        if n == 0 || n >= total {
            return if n == 0 { self.end } else { self.start };
        }
        let keep = total - n;
        // Position right after the keep-th key char and the marks that follow it.
        let mut pos = self.start;
        let mut seen = 0usize;
        for c in self.text(original).chars() {
            if !is_ignorable(c) {
                if seen == keep {
                    return pos;
                }
                seen += 1;
            }
            pos += c.len_utf16() as u32;
        }
        self.end
    }
}

/// Whether `c` is an Arabic letter (not a mark, not a digit, not punctuation).
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    // the basic letters first: most characters of a text
    if ('\u{0621}'..='\u{064A}').contains(&c) {
        return c != TATWEEL;
    }
    matches!(c, '\u{0621}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}' | '\u{FB50}'..='\u{FDFB}' | '\u{FE70}'..='\u{FEFC}')
}

/// Whether `c` may sit inside an Arabic word without being a letter.
fn is_arabic_inner(c: char) -> bool {
    is_diacritic(c) || c == TATWEEL || matches!(c, '\u{06D6}'..='\u{06ED}' | '\u{08CA}'..='\u{08FF}')
}

/// Whether `c` is a digit of one of the three digit sets.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

fn is_symbol(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2190..=0x21FF | 0x2300..=0x23FF | 0x25A0..=0x25FF | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0x00A9 | 0x00AE | 0x2122)
}

fn is_symbol_modifier(c: char) -> bool {
    matches!(c as u32, 0x1F3FB..=0x1F3FF | 0xFE00..=0xFE0F | 0x200D | 0x20E3 | 0xE0020..=0xE007F)
}

/// Splits `text` into tokens. Linear in the length of `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut utf16 = Vec::with_capacity(chars.len() + 1);
    let mut pos = 0u32;
    for &(_, c) in &chars {
        utf16.push(pos);
        pos += c.len_utf16() as u32;
    }
    utf16.push(pos);
    let byte_at = |i: usize| if i < chars.len() { chars[i].0 } else { text.len() };

    let mut tokens = Vec::with_capacity(chars.len() / 4 + 1);
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        // a space is none of the kinds below (the whitespace branch, early)
        if c == ' ' {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if is_arabic_letter(c) || (is_arabic_inner(c) && i + 1 < n && is_arabic_letter(chars[i + 1].1)) {
            kind = TokenKind::Arabic;
            i += 1;
            while i < n {
                let d = chars[i].1;
                if is_arabic_letter(d) || is_arabic_inner(d) {
                    i += 1;
                } else if is_format_control(d) {
                    // A run of controls joins the word only when a letter follows.
                    let mut j = i;
                    while j < n && is_format_control(chars[j].1) {
                        j += 1;
                    }
                    if j < n && is_arabic_letter(chars[j].1) {
                        i = j;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
        } else if is_digit(c) {
            kind = TokenKind::Number;
            i += 1;
            while i < n {
                let d = chars[i].1;
                if is_digit(d) {
                    i += 1;
                } else if matches!(d, '.' | ',' | '٫' | '٬') && i + 1 < n && is_digit(chars[i + 1].1) && is_digit(chars[i - 1].1) {
                    i += 2;
                } else {
                    break;
                }
            }
        } else if c.is_alphabetic() && !is_ignorable(c) {
            kind = TokenKind::Latin;
            i += 1;
            while i < n {
                let d = chars[i].1;
                if (d.is_alphabetic() && !is_arabic_letter(d)) || (d.is_ascii_digit() && chars[i - 1].1.is_alphabetic()) {
                    i += 1;
                } else if matches!(d, '\'' | '’' | '-') && i + 1 < n && chars[i + 1].1.is_alphabetic() && !is_arabic_letter(chars[i + 1].1) {
                    i += 2;
                } else {
                    break;
                }
            }
        } else if is_symbol(c) {
            kind = TokenKind::Symbol;
            i += 1;
            while i < n {
                let d = chars[i].1;
                if is_symbol_modifier(d) {
                    i += 1;
                    if d == '\u{200D}' && i < n && is_symbol(chars[i].1) {
                        i += 1;
                    }
                } else if (0x1F1E6..=0x1F1FF).contains(&(c as u32)) && i == start + 1 && (0x1F1E6..=0x1F1FF).contains(&(d as u32)) {
                    i += 1; // the second regional indicator of a flag
                } else {
                    break;
                }
            }
        } else if c.is_whitespace() || is_ignorable(c) || c.is_control() {
            i += 1;
            continue;
        } else {
            kind = TokenKind::Punct;
            i += 1;
        }
        let (b0, b1) = (byte_at(start), byte_at(i));
        let mut key = String::with_capacity(b1 - b0);
        key.extend(text[b0..b1].chars().filter(|&c| !is_ignorable(c)).map(fold));
        if key.is_empty() {
            continue;
        }
        tokens.push(Token { kind, bytes: (b0, b1), start: utf16[start], end: utf16[i], key });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<(TokenKind, &str)> {
        tokenize(text).iter().map(|t| (t.kind, t.text(text))).collect()
    }

    use TokenKind::*;

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[(TokenKind, &str)])] = &[
            ("arabic words and comma", "ليبيا، وتركيا", &[(Arabic, "ليبيا"), (Punct, "،"), (Arabic, "وتركيا")]),
            ("diacritics stay inside", "المكلّف بحكومة", &[(Arabic, "المكلّف"), (Arabic, "بحكومة")]),
            ("tatweel then digits", "الــ41", &[(Arabic, "الــ"), (Number, "41")]),
            ("iso date", "2025-11-24", &[(Number, "2025"), (Punct, "-"), (Number, "11"), (Punct, "-"), (Number, "24")]),
            ("decimal number", "3.5 مليون", &[(Number, "3.5"), (Arabic, "مليون")]),
            ("arabic-indic digits", "٢٠١٩", &[(Number, "٢٠١٩")]),
            ("latin", "Charles Saliba's", &[(Latin, "Charles"), (Latin, "Saliba's")]),
            ("quotes around a name", "“قيس سعيّد”", &[(Punct, "“"), (Arabic, "قيس"), (Arabic, "سعيّد"), (Punct, "”")]),
            ("emoji family is one token", "👨‍👩‍👧 ليبيا", &[(Symbol, "👨‍👩‍👧"), (Arabic, "ليبيا")]),
            ("flag is one token", "🇱🇾🇹🇷", &[(Symbol, "🇱🇾"), (Symbol, "🇹🇷")]),
            ("zero width joiner inside a word", "عما\u{200D}د", &[(Arabic, "عما\u{200D}د")]),
            ("bidi mark at word edge is dropped", "\u{200F}ليبيا\u{200F}", &[(Arabic, "ليبيا")]),
            ("control chars are spaces", "ليبيا\u{0}تركيا", &[(Arabic, "ليبيا"), (Arabic, "تركيا")]),
            ("html", "<b>ليبيا</b>", &[(Punct, "<"), (Latin, "b"), (Punct, ">"), (Arabic, "ليبيا"), (Punct, "<"), (Punct, "/"), (Latin, "b"), (Punct, ">")]),
            ("only diacritics", "ًٌٍ", &[]),
            ("empty", "", &[]),
        ];
        for (name, input, want) in cases {
            assert_eq!(show(input), *want, "case {name:?}: tokens of {input:?}");
        }
    }

    #[test]
    fn utf16_offsets_with_astral_chars() {
        let text = "😀 عماد 🇱🇾 الطرابلسي";
        let toks = tokenize(text);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for t in &toks {
            let slice = String::from_utf16(&utf16[t.start as usize..t.end as usize]).unwrap();
            assert_eq!(slice, t.text(text), "UTF-16 range of token {:?} does not slice to its text", t.text(text));
        }
        assert_eq!((toks[1].start, toks[1].end), (3, 7));
    }

    #[test]
    fn offsets_inside_token() {
        let text = "وللطرابلسيّ";
        let t = &tokenize(text)[0];
        assert_eq!(t.offset_after_key_chars(text, 2), 2, "skip و and the first ل");
        assert_eq!(t.offset_before_last_key_chars(text, 1), 9, "drop ي together with its shadda");
        let text = "نظيرُه";
        let t = &tokenize(text)[0];
        assert_eq!(t.offset_before_last_key_chars(text, 1), 5, "the damma on ر stays with ر");
    }
}
