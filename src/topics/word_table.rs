//! Word sets read in place: the key phrase finder's stopwords, verbs and
//! calendar words (`data/stopwords-ar.txt`, `data/verbs-ar.txt`,
//! `data/stopwords-calendar-ar.txt`) are laid out by `build.rs` (which
//! includes this file with `#[path]`) as open-addressing tables, so the
//! start builds nothing and a lookup hashes the key once.
//!
//! One table holds the three lists, each word with a flag byte (which
//! lists hold it), so a word is looked up once for all three.
//!
//! Layout ([`layout`]): `bits` (u8), then `2^bits` slots (u16 LE: 0 for an
//! empty slot, else one past the offset of the word's record in the
//! arena), then the arena: per word its length in bytes (u8), the low
//! byte of its `str_hash`, its flags (u8) and its bytes. A word sits in
//! the first free slot from the top `bits` bits of its `str_hash` on
//! (linear probing); at least half the slots stay empty.

use super::str_hash;

/// Flag of a stopword (`data/stopwords-ar.txt`).
pub const STOP: u8 = 1;
/// Flag of a verb (`data/verbs-ar.txt`).
pub const VERB: u8 = 2;
/// Flag of a calendar word (`data/stopwords-calendar-ar.txt`).
pub const CALENDAR: u8 = 4;
/// The word lists of the key phrase table, under `data/`, and their flags.
pub const LISTS: [(&str, u8); 3] = [("stopwords-ar.txt", STOP), ("verbs-ar.txt", VERB), ("stopwords-calendar-ar.txt", CALENDAR)];

/// The words of a word list file: comment lines (`#`) and the header
/// line first are skipped, then one word a line (trimmed; blank lines
/// skipped).
pub fn words_of(txt: &str) -> impl Iterator<Item = &str> {
    txt.lines().skip_while(|l| l.starts_with('#')).skip(1).map(str::trim).filter(|l| !l.is_empty())
}

/// The table of `words`, each with its flags (a word listed twice gets
/// the union of its flags), in the layout of the module doc.
#[cfg_attr(not(test), allow(dead_code))]
pub fn layout<'a>(words: impl IntoIterator<Item = (&'a str, u8)>) -> Vec<u8> {
    let mut list: Vec<(&str, u8)> = Vec::new();
    for (w, f) in words {
        assert!(f != 0, "word {w:?} without flags");
        match list.iter_mut().find(|(x, _)| *x == w) {
            Some(e) => e.1 |= f,
            None => list.push((w, f)),
        }
    }
    let mut bits = 2u32;
    while (1usize << bits) < list.len() * 2 {
        bits += 1;
    }
    let mask = (1usize << bits) - 1;
    let mut slots = vec![0u16; 1 << bits];
    let mut arena: Vec<u8> = Vec::new();
    for (w, f) in &list {
        assert!(w.len() < 256, "word {w:?} is over 255 bytes");
        let h = str_hash(w);
        let at = u16::try_from(arena.len() + 1).expect("a word table's arena under 64 KB");
        arena.extend_from_slice(&[w.len() as u8, h as u8, *f]);
        arena.extend_from_slice(w.as_bytes());
        let mut k = (h >> (64 - bits)) as usize;
        while slots[k] != 0 {
            k = (k + 1) & mask;
        }
        slots[k] = at;
    }
    let mut out = vec![bits as u8];
    for s in slots {
        out.extend_from_slice(&s.to_le_bytes());
    }
    out.extend_from_slice(&arena);
    out
}

/// A word table in the layout of [`layout`], read in place.
#[derive(Debug, Clone, Copy)]
pub struct WordTable<'a> {
    bits: u32,
    slots: &'a [u8],
    arena: &'a [u8],
}

#[allow(dead_code)]
impl<'a> WordTable<'a> {
    /// The table made by [`layout`].
    pub const fn new(table: &'a [u8]) -> WordTable<'a> {
        let Some((&bits, rest)) = table.split_first() else { panic!("an empty word table") };
        let (slots, arena) = rest.split_at(2 << bits);
        WordTable { bits: bits as u32, slots, arena }
    }

    /// The flags of `word`, 0 when it is not in the table.
    pub fn get(&self, word: &str) -> u8 {
        let w = word.as_bytes();
        let h = str_hash(word);
        let mask = (1usize << self.bits) - 1;
        let mut k = (h >> (64 - self.bits)) as usize;
        loop {
            let at = u16::from_le_bytes([self.slots[2 * k], self.slots[2 * k + 1]]) as usize;
            if at == 0 {
                return 0;
            }
            // length and hash byte first: most slots differ there
            let rec = &self.arena[at - 1..];
            if rec[0] as usize == w.len() && rec[1] == h as u8 && &rec[3..3 + w.len()] == w {
                return rec[2];
            }
            k = (k + 1) & mask;
        }
    }

    /// The words of the table with their flags, in no particular order.
    pub fn words(&self) -> Vec<(&'a str, u8)> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < self.arena.len() {
            let len = self.arena[at] as usize;
            let w = std::str::from_utf8(&self.arena[at + 3..at + 3 + len]).expect("UTF-8 words");
            out.push((w, self.arena[at + 2]));
            at += 3 + len;
        }
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The text of a list of [`LISTS`].
    pub(crate) fn list_text(file: &str) -> &'static str {
        match file {
            "stopwords-ar.txt" => include_str!("../../data/stopwords-ar.txt"),
            "verbs-ar.txt" => include_str!("../../data/verbs-ar.txt"),
            "stopwords-calendar-ar.txt" => include_str!("../../data/stopwords-calendar-ar.txt"),
            _ => panic!("{file}: add it to list_text"),
        }
    }

    #[test]
    fn tables_answer_as_the_lists() {
        let txt = "# comment\nkey\nفي\nمن\n\nعلى \nفي\n";
        let t = layout(words_of(txt).map(|w| (w, 1)).chain([("من", 2), ("قال", 2)]));
        let table = WordTable::new(&t);
        assert_eq!(table.words().len(), 4, "four distinct words: the header, comments and blank lines are no words");
        let cases: &[(&str, &str, u8)] = &[
            ("listed", "في", 1),
            ("in both lists", "من", 3),
            ("second list only", "قال", 2),
            ("trimmed", "على", 1),
            ("header", "key", 0),
            ("prefix of a word", "ف", 0),
            ("longer than a word", "فيه", 0),
            ("empty", "", 0),
        ];
        for (name, w, want) in cases {
            assert_eq!(table.get(w), *want, "case {name:?}: {w:?}");
        }
    }
}
