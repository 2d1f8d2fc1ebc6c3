//! The attribute-name filter of lexicon entries, one definition for both
//! sides: `build.rs` (which picks the seed and writes each embedded entry's
//! filter, including this file with `#[path]`) and `src/lexicon/` (which
//! computes the filter of entries parsed from text and answers lookups).

/// The bit of an attribute name: FNV-1a from `seed`, modulo 63 (bit 63 is
/// the "unknown name" flag). Inlined, so that the bit of a literal name
/// under a constant seed is a constant.
#[inline(always)]
pub fn index(seed: u32, name: &[u8]) -> usize {
    let mut h: u32 = 0x811c_9dc5 ^ seed;
    for &b in name {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    (h % 63) as usize
}

/// The names of an attribute column (`k=v;k;…`): the `k` of each field.
pub fn names(attrs: &str) -> impl Iterator<Item = &str> {
    attrs.split(';').filter(move |_| !attrs.is_empty()).map(|f| f.split('=').next().unwrap_or(""))
}

/// The filter of an attribute column under `seed`: the bit of each name,
/// and bit 63 when a name is not the one `bit_names` gives its bit.
pub fn bits<S: AsRef<str>>(seed: u32, bit_names: &[S; 63], attrs: &str) -> u64 {
    let mut bits = 0u64;
    for name in names(attrs) {
        let i = index(seed, name.as_bytes());
        bits |= 1 << i;
        if bit_names[i].as_ref() != name {
            bits |= 1 << 63;
        }
    }
    bits
}
