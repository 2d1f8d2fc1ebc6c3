//! The hash of a lexicon key, one definition for both sides: `build.rs`
//! (which orders the embedded word list by it, including this file with
//! `#[path]`) and `src/lexicon/` (its tables and lookups).

/// The hash of a key for the lexicon's tables (`StrMap`, the word list): FxHash over 8-byte words (the tail
/// read as the last 8 bytes, short keys as two overlapping halves, the
/// length mixed in), so a word of the lexicon costs two or three
/// multiplications.
#[inline]
pub fn str_hash(s: &str) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let b = s.as_bytes();
    let mut h = (b.len() as u64).wrapping_mul(K);
    let n = b.len();
    let word = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
    if n >= 8 {
        let mut i = 0;
        while i + 8 <= n {
            h = (h.rotate_left(5) ^ word(i)).wrapping_mul(K);
            i += 8;
        }
        if i < n {
            // the last 8 bytes, overlapping the previous word
            h = (h.rotate_left(5) ^ word(n - 8)).wrapping_mul(K);
        }
    } else if n >= 4 {
        let w = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().expect("4 bytes")) as u64;
        h = (h.rotate_left(5) ^ (w(0) | (w(n - 4) << 32))).wrapping_mul(K);
    } else if n > 0 {
        h = (h.rotate_left(5) ^ (b[0] as u64 | (b[n / 2] as u64) << 8 | (b[n - 1] as u64) << 16)).wrapping_mul(K);
    }
    h
}
