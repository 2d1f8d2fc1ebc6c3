// What the tagger's lexicon index ([`LexIndex`]) keeps of a lexicon entry.
// Shared source: `include!`d by src/tagger/features.rs, and by build.rs,
// which builds the index of the embedded lexicon with exactly this code
// (the test `lex_index_builtin_is_new` compares the two).

/// Most lexicon classes kept per word.
const MAX_LEX: usize = 8;

/// 64-bit FNV-1a, streamed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Fnv(u64);

impl Fnv {
    const START: Fnv = Fnv(0xcbf2_9ce4_8422_2325);
    #[inline]
    fn byte(self, b: u8) -> Fnv {
        Fnv((self.0 ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
    }
    /// The bytes one after the other, four a step (the same hash: fewer
    /// loop tests than one byte a step).
    #[inline]
    fn bytes(mut self, bs: &[u8]) -> Fnv {
        let mut quads = bs.chunks_exact(4);
        for q in &mut quads {
            self = self.byte(q[0]).byte(q[1]).byte(q[2]).byte(q[3]);
        }
        for &b in quads.remainder() {
            self = self.byte(b);
        }
        self
    }
}

/// The FNV-1a hash of a string.
fn hash(s: &str) -> u64 {
    Fnv::START.bytes(s.as_bytes()).0
}

/// Whether `s` looks like a type tag of a data file (`GPE`, `PERS`, `OCC`).
fn is_tag(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
}

/// The classes of a lexicon entry with type tag `tag` in list `list`
/// (`name`, `title`, `head`, `given`, `family`): the tag, the tag refined
/// by the list, and the tag refined by `sub` ([`class_sub`]) if any.
fn tag_classes(tag: &str, list: &str, sub: Option<&str>, add: &mut impl FnMut(u64)) {
    add(hash(tag));
    add(Fnv::START.bytes(tag.as_bytes()).byte(0xff).bytes(list.as_bytes()).0);
    if let Some(sub) = sub {
        add(Fnv::START.bytes(tag.as_bytes()).byte(0xfe).bytes(sub.as_bytes()).0);
    }
}

/// The refinement of an entry's class: the value of its `part` or `kind`
/// attribute, else the name of its `country`, `capital` or `pop` (city)
/// attribute, given a reader of its attributes.
fn class_sub<'a>(attr: impl Fn(&str) -> Option<&'a str>) -> Option<&'a str> {
    ["part", "kind"].iter().find_map(|k| attr(k)).or_else(|| ["country", "capital", "pop"].into_iter().find(|k| attr(k).is_some()))
}

/// What a lexicon key gives the tagger.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Rec {
    /// Classes of the key as a word: `classes[..len]`.
    classes: [u64; MAX_LEX],
    len: u8,
    /// The most words of a phrase starting with this word (names and titles).
    max_words: u8,
    /// The class of the phrase whose whole key this is (0: none).
    phrase: u64,
}

/// Adds `h` to a small set kept in an array.
#[inline]
fn add_to<const N: usize>(set: &mut [u64; N], n: &mut u8, h: u64) {
    let k = *n as usize;
    if k < N && !set[..k].contains(&h) {
        set[k] = h;
        *n += 1;
    }
}

/// A table of [`Rec`]s by key hash under construction.
trait RecTable {
    /// The record of key hash `h`, made empty when new.
    fn rec_mut(&mut self, h: u64) -> &mut Rec;
}

/// Indexes one entry that has a class tag (`tag`): a one-word key gets
/// the entry's `classes`; a phrase of a phrase list (`phrases`: names,
/// titles, heads) gets the tag's class as its phrase class, and its first
/// word the phrase's length when the list opens phrases (`opens`: names,
/// titles).
fn index_into(t: &mut impl RecTable, key: &str, tag: &str, classes: &[u64], phrases: bool, opens: bool) {
    let b = key.as_bytes();
    let first_len = b.iter().position(|&c| c == b' ').unwrap_or(b.len());
    if first_len == b.len() {
        let rec = t.rec_mut(hash(key));
        for &h in classes {
            add_to(&mut rec.classes, &mut rec.len, h);
        }
    } else if phrases {
        let rec = t.rec_mut(hash(key));
        if rec.phrase == 0 {
            rec.phrase = hash(tag);
        }
        if opens {
            let words = 2 + b[first_len + 1..].iter().filter(|&&c| c == b' ').count();
            let rec = t.rec_mut(hash(&key[..first_len]));
            rec.max_words = rec.max_words.max(words.min(255) as u8);
        }
    }
}
