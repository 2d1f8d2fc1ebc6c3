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

/// The character at byte `i` of `b` (valid UTF-8, `i` at a character
/// boundary) and its length in bytes.
#[inline]
fn char_at(b: &[u8], i: usize) -> (char, usize) {
    let x = b[i] as u32;
    let (c, w) = if x < 0x80 {
        (x, 1)
    } else if x < 0xE0 {
        (((x & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
    } else if x < 0xF0 {
        (((x & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F), 3)
    } else {
        (((x & 0x07) << 18) | ((b[i + 1] as u32 & 0x3F) << 12) | ((b[i + 2] as u32 & 0x3F) << 6) | (b[i + 3] as u32 & 0x3F), 4)
    };
    (char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER), w)
}

/// UTF-16 code units of the UTF-8 bytes `b` (whole characters): one per
/// character, two for those of four bytes.
#[inline]
pub(crate) fn utf16_units(b: &[u8]) -> u32 {
    b.iter().map(|&x| ((x as i8) >= -0x40) as u32 + (x >= 0xF0) as u32).sum()
}

/// The characters U+0600..U+063F that normalization keeps as they are, by
/// their low six bits (the second byte of their UTF-8 form, `D8 xx`): ا
/// U+0627 and the letters U+0628..U+063A but ة U+0629.
const KEPT_D8: u64 = ((1u64 << 0x3B) - (1u64 << 0x27)) & !(1u64 << 0x29);
/// The same for U+0640..U+067F (`D9 xx`): U+0641..U+064A but ى U+0649.
const KEPT_D9: u64 = ((1u64 << 0x0B) - (1u64 << 0x01)) & !(1u64 << 0x09);

/// Whether the two-byte character `x y` is one that normalization keeps
/// as it is (the runs [`push_key`] copies whole).
#[inline]
fn kept_as_is(x: u8, y: u8) -> bool {
    let y = y as u32 & 0x3F;
    (x == 0xD8 && KEPT_D8 >> y & 1 != 0) || (x == 0xD9 && KEPT_D9 >> y & 1 != 0)
}

/// Appends the match key of `s` to `out` (as [`super::normalize::key`]):
/// runs of characters that normalization keeps as they are are copied
/// whole; two-byte characters of the Arabic block are decoded inline.
pub(crate) fn push_key(out: &mut String, s: &str) {
    let b = s.as_bytes();
    let mut run = 0;
    let mut k = 0;
    while k < b.len() {
        let x = b[k];
        let (c, w) = if x < 0x80 {
            if !x.is_ascii_uppercase() {
                k += 1;
                continue;
            }
            (x as char, 1)
        } else if x == 0xD8 || x == 0xD9 {
            // U+0600..U+067F: the letters no stage changes, the bulk of a
            // text, stay in the run (a bit set over the second byte)
            let y = b[k + 1] as u32 & 0x3F;
            if (if x == 0xD8 { KEPT_D8 } else { KEPT_D9 }) >> y & 1 != 0 {
                k += 2;
                continue;
            }
            let c = ((x as u32 & 0x1F) << 6) | y;
            (char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER), 2)
        } else {
            char_at(b, k)
        };
        let keep = !is_ignorable(c);
        let f = if keep { fold(c) } else { c };
        if keep && f == c {
            k += w;
            continue;
        }
        out.push_str(&s[run..k]);
        if keep {
            out.push(f);
        }
        k += w;
        run = k;
    }
    out.push_str(&s[run..]);
}

/// Splits `text` into tokens. Linear in the length of `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_counting(text).0
}

/// [`tokenize`], and the length of `text` in UTF-16 code units (counted
/// on the way: the bytes after the last token are all that is left).
pub(crate) fn tokenize_counting(text: &str) -> (Vec<Token>, u32) {
    let b = text.as_bytes();
    let n = b.len();
    let at = |i: usize| char_at(b, i);
    // UTF-16 offset of a byte position, from a cursor that only moves forward.
    let (mut cur_byte, mut cur_utf16) = (0usize, 0u32);
    let mut utf16_of = |to: usize| {
        cur_utf16 += utf16_units(&b[cur_byte..to]);
        cur_byte = to;
        cur_utf16
    };

    let mut tokens = Vec::with_capacity(n / 8 + 1);
    let mut i = 0;
    while i < n {
        // a space is none of the kinds below (the whitespace branch, early)
        if b[i] == b' ' {
            i += 1;
            continue;
        }
        // the two-byte characters of the Arabic block, decoded here
        let (c, w) = if (0xD8..=0xDB).contains(&b[i]) && i + 1 < n {
            (char::from_u32(((b[i] as u32 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F)).unwrap_or(char::REPLACEMENT_CHARACTER), 2)
        } else {
            at(i)
        };
        let start = i;
        let kind;
        // every character of the token one that normalization keeps as it
        // is: its key is its text (only Arabic words are followed)
        let mut plain = false;
        if is_arabic_letter(c) || (is_arabic_inner(c) && i + w < n && is_arabic_letter(at(i + w).0)) {
            kind = TokenKind::Arabic;
            plain = w == 2 && kept_as_is(b[i], b[i + 1]);
            i += w;
            while i < n {
                // ASCII (a space, most often) is no letter, mark or control
                if b[i] < 0x80 {
                    break;
                }
                // the two-byte characters of the Arabic block, decoded here
                if (0xD8..=0xDB).contains(&b[i]) && i + 1 < n {
                    let d = char::from_u32(((b[i] as u32 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F)).unwrap_or(char::REPLACEMENT_CHARACTER);
                    if is_arabic_letter(d) || is_arabic_inner(d) {
                        plain &= kept_as_is(b[i], b[i + 1]);
                        i += 2;
                        continue;
                    }
                }
                let (d, dw) = at(i);
                if is_arabic_letter(d) || is_arabic_inner(d) {
                    plain = false;
                    i += dw;
                } else if is_format_control(d) {
                    // A run of controls joins the word only when a letter follows.
                    let mut j = i;
                    while j < n {
                        let (e, ew) = at(j);
                        if !is_format_control(e) {
                            break;
                        }
                        j += ew;
                    }
                    if j < n && is_arabic_letter(at(j).0) {
                        plain = false;
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
            i += w;
            let mut prev = c;
            while i < n {
                let (d, dw) = at(i);
                if is_digit(d) {
                    i += dw;
                    prev = d;
                } else if matches!(d, '.' | ',' | '٫' | '٬') && i + dw < n && is_digit(at(i + dw).0) && is_digit(prev) {
                    let (e, ew) = at(i + dw);
                    i += dw + ew;
                    prev = e;
                } else {
                    break;
                }
            }
        } else if c.is_alphabetic() && !is_ignorable(c) {
            kind = TokenKind::Latin;
            i += w;
            let mut prev = c;
            while i < n {
                let (d, dw) = at(i);
                if (d.is_alphabetic() && !is_arabic_letter(d)) || (d.is_ascii_digit() && prev.is_alphabetic()) {
                    i += dw;
                    prev = d;
                } else if matches!(d, '\'' | '’' | '-') && i + dw < n && {
                    let e = at(i + dw).0;
                    e.is_alphabetic() && !is_arabic_letter(e)
                } {
                    let (e, ew) = at(i + dw);
                    i += dw + ew;
                    prev = e;
                } else {
                    break;
                }
            }
        } else if is_symbol(c) {
            kind = TokenKind::Symbol;
            i += w;
            while i < n {
                let (d, dw) = at(i);
                if is_symbol_modifier(d) {
                    i += dw;
                    if d == '\u{200D}' && i < n && is_symbol(at(i).0) {
                        i += at(i).1;
                    }
                } else if (0x1F1E6..=0x1F1FF).contains(&(c as u32)) && i == start + w && (0x1F1E6..=0x1F1FF).contains(&(d as u32)) {
                    i += dw; // the second regional indicator of a flag
                } else {
                    break;
                }
            }
        } else if c.is_whitespace() || is_ignorable(c) || c.is_control() {
            i += w;
            continue;
        } else {
            kind = TokenKind::Punct;
            i += w;
        }
        let key = if plain {
            // what push_key would copy, run by run
            text[start..i].to_string()
        } else {
            let mut key = String::with_capacity(i - start);
            push_key(&mut key, &text[start..i]);
            key
        };
        if key.is_empty() {
            continue;
        }
        let (s16, e16) = (utf16_of(start), utf16_of(i));
        tokens.push(Token { kind, bytes: (start, i), start: s16, end: e16, key });
    }
    let len = utf16_of(n);
    (tokens, len)
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
