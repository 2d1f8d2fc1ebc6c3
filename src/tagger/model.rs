//! The tagger's model: hashed features with quantized weights, first-order
//! transitions, and Viterbi decoding under BIO constraints.
//!
//! File format (`data/tagger.bin`, little-endian):
//!
//! ```text
//! "KTG2"                      magic
//! u8  number of tags          must be NTAGS
//! f32 scale, f32 mu           weight of code q = sign(q) × scale × 127 × ((1+mu)^(|q|/127) − 1) / mu
//!                             (μ-law: fine steps for the many small weights; mu = 0: q × scale)
//! f32 × (NTAGS+1)×NTAGS       transitions; row NTAGS is the sentence start
//! u32 number of features n
//! n × varint                  feature hashes, ascending, as gaps from the previous
//! NTAGS × n × i8              weights, tag by tag (all features of tag 0, then tag 1 …)
//! ```
//!
//! `build.rs` turns that file into the form the analyzer reads in place
//! ([`Parts::table_bytes`], `$OUT_DIR/tagger_table.bin`), so that loading
//! the embedded model builds no hash table and decodes no weight:
//!
//! ```text
//! "KTT1"                      magic
//! f32 scale, f32 mu, f32 × (NTAGS+1)×NTAGS transitions, u32 n   as above
//! u8 w                        4 or 8: bits of a count below
//! 65536 × w bits              how many features have each value of the hash's top 16 bits
//!                             (w = 4, whenever no count is over 15: bucket 2k in the low half of byte k)
//! n × u16                     the low 16 bits of each hash, ascending (so, by bucket)
//! n × NTAGS × i8              weights, feature by feature (a row is 9 adjacent bytes)
//! ```
//!
//! A lookup goes to the features of its top 16 bits (0.46 on average) and
//! compares their low halves, so a hash is found only if the model has
//! exactly it. Loading computes where each bucket starts and decodes the
//! rows through a 256-entry code book: flat loops, no hashing or probing.

// Loops over tag indices read better than iterator chains over 9×9 matrices.
#![allow(clippy::needless_range_loop)]

/// The tags, BIO over the four ANERcorp types. MISC is learned (it helps
/// tell names apart) but never reported.
pub const TAGS: [&str; NTAGS] = ["O", "B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];

/// How many tags.
pub const NTAGS: usize = 9;

/// The index of a tag name (`B-PERS`; `PER` is read as `PERS`), if known.
pub fn tag_index(name: &str) -> Option<usize> {
    let name = match name {
        "B-PER" => "B-PERS",
        "I-PER" => "I-PERS",
        n => n,
    };
    TAGS.iter().position(|t| *t == name)
}

/// Whether tag `t` is an inside tag (`I-…`).
pub fn is_inside(t: usize) -> bool {
    t > 0 && t % 2 == 0
}

/// The type number of tag `t` (1 PERS, 2 ORG, 3 LOC, 4 MISC; 0 for O).
pub fn type_of(t: usize) -> usize {
    t.div_ceil(2)
}

/// Whether tag `cur` may follow `prev` (`None` at the start of a
/// sentence): an `I-X` only after `B-X` or `I-X`.
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    !is_inside(cur) || prev.is_some_and(|p| p != 0 && type_of(p) == type_of(cur))
}

const MAGIC: &[u8; 4] = b"KTG2";

/// A loaded model: the table form of [`Parts::table_bytes`], built
/// from build.rs's table (the embedded model, `tagger::builtin`) or made from a model
/// file ([`Model::from_bytes`]).
#[derive(Debug, Clone)]
pub struct Model {
    /// `trans[p][c]`: prev tag p (NTAGS = start) to tag c.
    trans: [[f32; NTAGS]; NTAGS + 1],
    /// `start[b]..start[b + 1]`: the features whose hash has top 16 bits `b`.
    /// (A fixed-size array: a bucket number of 16 bits needs no bounds check.)
    start: Box<[u32; BUCKETS + 1]>,
    /// The low 16 bits of each feature's hash.
    lo: Vec<u16>,
    /// The weights of each feature, decoded from their codes at load: a
    /// token adds about 20 rows, and nine floats add faster than nine
    /// codes looked up first (+8 % of an analysis when decoded per add).
    rows: Vec<[f32; NTAGS]>,
    /// `trans` with the BIO constraints folded in, for decoding.
    bio: Transitions,
}

const TABLE_MAGIC: &[u8; 4] = b"KTT1";
/// Buckets of the table: one per value of a hash's top 16 bits.
const BUCKETS: usize = 1 << 16;

/// The parts of a model, as the trainer produces them.
#[derive(Debug, Clone, PartialEq)]
pub struct Parts {
    /// Weight of code 1 near 0, of code 127 = 127 × scale when `mu` is 0.
    pub scale: f32,
    /// μ of the μ-law code (0: linear).
    pub mu: f32,
    /// Transition scores; row NTAGS is the sentence start.
    pub trans: [[f32; NTAGS]; NTAGS + 1],
    /// (feature hash, quantized weights), hashes ascending and distinct, none 0.
    pub features: Vec<(u32, [i8; NTAGS])>,
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let s = self.b.get(self.at..self.at + n).ok_or_else(|| format!("tagger model truncated at byte {}", self.at))?;
        self.at += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
    #[inline]
    fn varint(&mut self) -> Result<u32, String> {
        if let Some(&b) = self.b.get(self.at) {
            if b < 0x80 {
                self.at += 1;
                return Ok(b as u32);
            }
        }
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.take(1)?[0];
            v |= ((b & 0x7f) as u32) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(format!("bad varint before byte {}", self.at))
    }
    /// The next feature hash: the previous one plus a varint gap, which is
    /// never 0 after the first (hashes are stored sorted and distinct) and
    /// never makes 0 (the table's empty slot).
    #[inline]
    fn next_hash(&mut self, prev: u32, not_first: bool) -> Result<u32, String> {
        let gap = self.varint()?;
        if not_first && gap == 0 {
            return Err("repeated feature hash in the tagger model".into());
        }
        let h = prev.checked_add(gap).ok_or("feature hash overflow in the tagger model")?;
        if h == 0 {
            return Err("feature hash 0 in the tagger model".into());
        }
        Ok(h)
    }
}

impl Parts {
    /// The weight a code stands for.
    pub fn weight(&self, q: i8) -> f32 {
        let m = q.unsigned_abs() as f32;
        let w = if self.mu > 0.0 { self.scale * 127.0 * ((1.0 + self.mu).powf(m / 127.0) - 1.0) / self.mu } else { self.scale * m };
        if q < 0 { -w } else { w }
    }

    /// The code nearest to weight `w` (the inverse of [`Parts::weight`], clamped).
    pub fn code(&self, w: f32) -> i8 {
        let m = (w.abs() / self.scale).min(127.0);
        let q = if self.mu > 0.0 { (127.0 * (1.0 + self.mu * m / 127.0).ln() / (1.0 + self.mu).ln()).round() } else { m.round() };
        let q = q.min(127.0) as i8;
        if w < 0.0 { -q } else { q }
    }

    /// The bytes of the model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(NTAGS as u8);
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.mu.to_le_bytes());
        for row in &self.trans {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out.extend_from_slice(&(self.features.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for (h, _) in &self.features {
            put_varint(&mut out, h - prev);
            prev = *h;
        }
        for t in 0..NTAGS {
            out.extend(self.features.iter().map(|(_, w)| w[t] as u8));
        }
        out
    }

    /// Reads a model file ([`Parts::to_bytes`]).
    pub fn from_bytes(b: &[u8]) -> Result<Parts, String> {
        let mut r = Reader { b, at: 0 };
        let (mut parts, n) = Parts::read_head(&mut r)?;
        let mut h = 0u32;
        let mut features = Vec::with_capacity(n);
        for k in 0..n {
            h = r.next_hash(h, k > 0)?;
            features.push((h, [0i8; NTAGS]));
        }
        for t in 0..NTAGS {
            let col = r.take(n)?;
            for (f, &q) in features.iter_mut().zip(col) {
                f.1[t] = q as i8;
            }
        }
        if r.at != b.len() {
            return Err(format!("{} stray bytes after the tagger model", b.len() - r.at));
        }
        parts.features = features;
        Ok(parts)
    }

    /// The table form of the model (format in the module's documentation),
    /// what [`Model::from_table`] reads in place. `features` must be
    /// ascending and distinct, as [`Parts::from_bytes`] gives them.
    pub fn table_bytes(&self) -> Vec<u8> {
        let n = self.features.len();
        let mut out = Vec::with_capacity(4 + 8 + 4 * NTAGS * (NTAGS + 1) + 4 + 1 + BUCKETS / 2 + n * (2 + NTAGS));
        out.extend_from_slice(TABLE_MAGIC);
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.mu.to_le_bytes());
        for row in &self.trans {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out.extend_from_slice(&(n as u32).to_le_bytes());
        let mut counts = vec![0u8; BUCKETS];
        for (h, _) in &self.features {
            let c = &mut counts[(h >> 16) as usize];
            *c = c.checked_add(1).expect("fewer than 256 features a bucket of the tagger model");
        }
        // 0.45 features a bucket on average (29 K features): 4 bits a count will do unless hashes cluster
        if counts.iter().all(|&c| c < 16) {
            out.push(4);
            out.extend(counts.chunks_exact(2).map(|c| c[0] | c[1] << 4));
        } else {
            out.push(8);
            out.extend_from_slice(&counts);
        }
        for (h, _) in &self.features {
            out.extend_from_slice(&(*h as u16).to_le_bytes());
        }
        for (_, w) in &self.features {
            out.extend(w.iter().map(|&q| q as u8));
        }
        out
    }

    /// Reads the header of a model file: the parts without features, and
    /// the number of features.
    fn read_head(r: &mut Reader) -> Result<(Parts, usize), String> {
        let b = r.b;
        if r.take(4)? != MAGIC {
            return Err("not a tagger model (bad magic)".into());
        }
        let n = r.take(1)?[0] as usize;
        if n != NTAGS {
            return Err(format!("the tagger model has {n} tags, this code knows {NTAGS}"));
        }
        let scale = r.f32()?;
        let mu = r.f32()?;
        if !(mu >= 0.0 && mu.is_finite() && scale.is_finite()) {
            return Err(format!("bad quantization in the tagger model (scale {scale}, mu {mu})"));
        }
        let mut trans = [[0f32; NTAGS]; NTAGS + 1];
        for row in trans.iter_mut() {
            for v in row.iter_mut() {
                *v = r.f32()?;
            }
        }
        let count = r.u32()? as usize;
        if count > b.len() {
            return Err(format!("the tagger model claims {count} features in {} bytes", b.len()));
        }
        Ok((Parts { scale, mu, trans, features: Vec::new() }, count))
    }
}

impl Model {
    /// Reads a model file ([`Parts::to_bytes`]): into the table form,
    /// as build.rs does for the embedded model.
    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        Model::from_table(&Parts::from_bytes(b)?.table_bytes())
    }

    /// Reads the table form ([`Parts::table_bytes`]): no hashing and no
    /// probing, three flat loops (where each bucket starts, the low
    /// halves, the rows through a 256-entry code book).
    pub fn from_table(b: &[u8]) -> Result<Model, String> {
        let head = 4 + 8 + 4 * NTAGS * (NTAGS + 1) + 4;
        if b.len() < head + 1 + BUCKETS / 2 || &b[..4] != TABLE_MAGIC || !matches!(b[head], 4 | 8) {
            return Err("not a tagger model table (bad magic or truncated)".into());
        }
        let (wide, counts_at) = (b[head] == 8, head + 1);
        let counts_len = if wide { BUCKETS } else { BUCKETS / 2 };
        let f32_at = |i: usize| f32::from_le_bytes(b[i..i + 4].try_into().expect("4 bytes"));
        let (scale, mu) = (f32_at(4), f32_at(8));
        let mut trans = [[0f32; NTAGS]; NTAGS + 1];
        for (p, row) in trans.iter_mut().enumerate() {
            for (c, v) in row.iter_mut().enumerate() {
                *v = f32_at(12 + 4 * (p * NTAGS + c));
            }
        }
        let n = u32::from_le_bytes(b[head - 4..head].try_into().expect("4 bytes")) as usize;
        let (lo_at, rows_at) = (counts_at + counts_len, counts_at + counts_len + 2 * n);
        if b.len() != rows_at + NTAGS * n {
            return Err(format!("the tagger model table has {} bytes, {} expected for {n} features", b.len(), rows_at + NTAGS * n));
        }
        let mut start: Box<[u32; BUCKETS + 1]> = vec![0u32; BUCKETS + 1].into_boxed_slice().try_into().expect("BUCKETS + 1 starts");
        let at = bucket_starts(&b[counts_at..lo_at], !wide, &mut start[..]);
        if at as usize != n {
            return Err(format!("the tagger model table's buckets hold {at} features, not {n}"));
        }
        let parts = Parts { scale, mu, trans, features: Vec::new() };
        let mut book = [0f32; 256];
        for (q, v) in book.iter_mut().enumerate() {
            *v = parts.weight(q as u8 as i8);
        }
        // a copy of 2 bytes a feature (the bytes are not aligned for u16) and
        // the rows through the code book, a run of features a call
        let (mut lo, mut rows) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for (l, q) in b[lo_at..rows_at].chunks(2 * RUN).zip(b[rows_at..].chunks(NTAGS * RUN)) {
            decode_run(&book, l, q, &mut lo, &mut rows);
        }
        let bio = Transitions::new(|p, c| trans[p.unwrap_or(NTAGS)][c]);
        Ok(Model { trans, start, lo, rows, bio })
    }

    /// How many features the model has.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the model has no features.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Whether feature `h` has weights in the model.
    pub fn has(&self, h: u32) -> bool {
        self.row_of(h).is_some()
    }

    /// The row of feature `h` (for [`Model::add_row`]), if the model has it.
    #[inline(always)]
    pub fn row_of(&self, h: u32) -> Option<u32> {
        let b = (h >> 16) as usize;
        let (s, e) = (self.start[b] as usize, self.start[b + 1] as usize);
        // most features of an analysis are absent, and most buckets hold none or one
        let lo = h as u16;
        let mut i = s;
        while i < e {
            if self.lo[i] == lo {
                return Some(i as u32);
            }
            i += 1;
        }
        None
    }

    /// Adds the weights of row `r` (from [`Model::row_of`]) to `acc`.
    #[inline(always)]
    pub fn add_row(&self, acc: &mut [f32; NTAGS], r: u32) {
        for (a, &v) in acc.iter_mut().zip(&self.rows[r as usize]) {
            *a += v;
        }
    }

    /// The score of every tag for a token with features `feats`.
    pub fn emissions(&self, feats: &[u32]) -> [f32; NTAGS] {
        let mut acc = [0f32; NTAGS];
        for &h in feats {
            if let Some(r) = self.row_of(h) {
                self.add_row(&mut acc, r);
            }
        }
        acc
    }

    /// The transition score from `prev` (`None`: sentence start) to `cur`.
    pub fn transition(&self, prev: Option<usize>, cur: usize) -> f32 {
        self.trans[prev.unwrap_or(NTAGS)][cur]
    }

    /// The transitions with the BIO constraints folded in, for
    /// [`viterbi_in`] and [`decode_with_costs`].
    pub fn bio(&self) -> &Transitions {
        &self.bio
    }
}

/// Features (or count bytes) the start hands to one call of [`decode_run`]
/// (or [`starts_run`]).
///
/// The start runs once, in V8's baseline tier: a function that runs long
/// is recompiled by TurboFan in the background, and wasm has no on-stack
/// replacement, so a single long loop would be recompiled for nothing. A
/// small function called for each run of items is recompiled once and
/// the later runs use that code (docs/performance.md, "Built once").
const RUN: usize = 1024;

/// Decodes the low halves (`lo_bytes`, 2 bytes each) and the rows (`codes`,
/// NTAGS codes each) of a run of features through the code book `book`.
#[inline(never)]
fn decode_run(book: &[f32; 256], lo_bytes: &[u8], codes: &[u8], lo: &mut Vec<u16>, rows: &mut Vec<[f32; NTAGS]>) {
    lo.extend(lo_bytes.chunks_exact(2).map(|k| u16::from_le_bytes([k[0], k[1]])));
    rows.extend(codes.chunks_exact(NTAGS).map(|q| std::array::from_fn(|t| book[q[t] as usize])));
}

/// Where each bucket of a build.rs table starts, from how many keys each
/// holds (`counts`: a byte each, or two 4-bit counts a byte when
/// `nibbles`, bucket 2k in the low half of byte k): `start[b]..start[b +
/// 1]` are bucket b's keys (`start[0]` is 0). Returns how many keys in all.
/// Used by the tagger model's table and the tagger's lexicon index.
pub fn bucket_starts(counts: &[u8], nibbles: bool, start: &mut [u32]) -> u32 {
    let per_byte = if nibbles { 2 } else { 1 };
    let mut at = 0u32;
    for (c, s) in counts.chunks(RUN).zip(start[1..].chunks_mut(RUN * per_byte)) {
        at = starts_run(c, nibbles, s, at);
    }
    at
}

/// [`bucket_starts`] for a run of `counts`: `start` gets the end of each
/// of their buckets, counting on from `at` keys; returns the keys so far.
#[inline(never)]
fn starts_run(counts: &[u8], nibbles: bool, start: &mut [u32], mut at: u32) -> u32 {
    if nibbles {
        for (s, &c) in start.chunks_exact_mut(2).zip(counts) {
            at += (c & 15) as u32;
            s[0] = at;
            at += (c >> 4) as u32;
            s[1] = at;
        }
    } else {
        for (s, &c) in start.iter_mut().zip(counts) {
            at += c as u32;
            *s = at;
        }
    }
    at
}

/// `f32::max` for an `m` that is not NaN, by a comparison: in wasm
/// `f32::max` is a call (`fmaxf`, for its NaN rules), this is a select.
/// The same value: a NaN `v` leaves `m`.
#[inline]
pub(crate) fn max(m: f32, v: f32) -> f32 {
    if v > m {
        v
    } else {
        m
    }
}

/// The transition scores with the BIO constraints folded in (−∞ where a
/// tag may not follow), both ways round: `from[p][c]`, row `p` (row
/// NTAGS: sentence start) to column `c`, and `into[c][p]`, the same
/// scores by column. Made once per model ([`Model::bio`]).
#[derive(Debug, Clone)]
pub struct Transitions {
    from: [[f32; NTAGS]; NTAGS + 1],
    into: [[f32; NTAGS + 1]; NTAGS],
}

/// The tags any tag may be followed by (O and every B-): from every row.
const OPEN: [usize; 5] = [0, 1, 3, 5, 7];

impl Transitions {
    /// The constrained table of a transition function (`None`: sentence start).
    pub fn new(trans: impl Fn(Option<usize>, usize) -> f32) -> Transitions {
        let mut from = [[f32::NEG_INFINITY; NTAGS]; NTAGS + 1];
        let mut into = [[f32::NEG_INFINITY; NTAGS + 1]; NTAGS];
        for (p, row) in from.iter_mut().enumerate() {
            let prev = (p < NTAGS).then_some(p);
            for (c, v) in row.iter_mut().enumerate() {
                if allowed(prev, c) {
                    *v = trans(prev, c);
                    into[c][p] = *v;
                }
            }
        }
        Transitions { from, into }
    }

    /// The best predecessor of tag `c` given the scores `prev` of the
    /// token before: the first tag (in order) of the highest `prev[p] +
    /// from[p][c]`, 0 when all are −∞ (what a max-plus step keeping
    /// back-pointers would have kept).
    #[inline]
    fn best_before(&self, prev: &[f32; NTAGS], c: usize) -> usize {
        let (mut m, mut bp) = (f32::NEG_INFINITY, 0);
        let mut visit = |p: usize| {
            let v = prev[p] + self.into[c][p];
            if v > m {
                (m, bp) = (v, p);
            }
        };
        if is_inside(c) {
            // only B-X and I-X may come before I-X
            visit(c - 1);
            visit(c);
        } else {
            (0..NTAGS).for_each(visit);
        }
        bp
    }
}

/// One max-plus step plus the emissions `e`: the best score of each tag
/// over the previous tags. Only allowed pairs are visited: O and B- after
/// any tag, I-X after B-X and I-X (the others are −∞ in the table, and a
/// maximum does not depend on the order).
#[inline]
fn step(score: &[f32; NTAGS], t: &Transitions, e: &[f32; NTAGS]) -> [f32; NTAGS] {
    let mut next = [0f32; NTAGS];
    for c in OPEN {
        let col = &t.into[c];
        let mut m = f32::NEG_INFINITY;
        for p in 0..NTAGS {
            m = max(m, score[p] + col[p]);
        }
        next[c] = m + e[c];
    }
    for c in [2, 4, 6, 8] {
        let col = &t.into[c];
        next[c] = max(max(f32::NEG_INFINITY, score[c - 1] + col[c - 1]), score[c] + col[c]) + e[c];
    }
    next
}

/// The best tag sequence under the BIO constraints, given the emission
/// scores of each token and a transition function. `fwd` is scratch
/// space (the forward scores, reused to avoid allocating).
pub fn viterbi(emis: &[[f32; NTAGS]], trans: impl Fn(Option<usize>, usize) -> f32, fwd: &mut Vec<[f32; NTAGS]>, out: &mut Vec<usize>) {
    decode(emis, &Transitions::new(trans), fwd, out);
}

/// [`viterbi`] with a model's constrained transitions ([`Model::bio`]).
pub fn viterbi_in(emis: &[[f32; NTAGS]], t: &Transitions, fwd: &mut Vec<[f32; NTAGS]>, out: &mut Vec<usize>) {
    decode(emis, t, fwd, out);
}

/// Viterbi with the constrained transitions `t`, keeping the forward
/// (max-product) scores of every token in `fwd`; the back-pointers are
/// recomputed from them along the best path only ([`Transitions::best_before`]:
/// the same additions and comparisons as a forward pass keeping them all).
fn decode(emis: &[[f32; NTAGS]], t: &Transitions, fwd: &mut Vec<[f32; NTAGS]>, out: &mut Vec<usize>) {
    out.clear();
    fwd.clear();
    let n = emis.len();
    if n == 0 {
        return;
    }
    let mut score = [0f32; NTAGS];
    for c in 0..NTAGS {
        score[c] = t.from[NTAGS][c] + emis[0][c];
    }
    fwd.reserve(n);
    fwd.push(score);
    for e in &emis[1..] {
        score = step(&score, t, e);
        fwd.push(score);
    }
    let mut best = 0;
    for c in 1..NTAGS {
        if score[c] > score[best] {
            best = c;
        }
    }
    out.resize(n, 0);
    out[n - 1] = best;
    for i in (1..n).rev() {
        out[i - 1] = t.best_before(&fwd[i - 1], out[i]);
    }
}

/// Viterbi ([`viterbi`]) and the cost of forcing each token to `O`
/// ([`o_costs`]) in one forward pass and one backward pass, with a
/// model's constrained transitions ([`Model::bio`]). Costs are computed
/// only from the first token whose best tag satisfies `wanted` on (the
/// backward pass stops there; earlier costs are left 0, and with no such
/// token there is no backward pass at all): the caller reads the costs of
/// the spans it keeps only.
pub fn decode_with_costs(emis: &[[f32; NTAGS]], t: &Transitions, fwd: &mut Vec<[f32; NTAGS]>, bwd: &mut Vec<[f32; NTAGS]>, out: &mut Vec<usize>, costs: &mut Vec<f32>, wanted: impl Fn(usize) -> bool) {
    decode(emis, t, fwd, out);
    let from = out.iter().position(|&tag| wanted(tag)).unwrap_or(out.len());
    backward_costs(emis, t, fwd, bwd, costs, from);
}

/// For each token, how much lower the best path is when that token is
/// forced to `O` (0 when the best path already has `O` there): the cost of
/// dropping the token from an entity. Max-product forward and backward
/// passes under the same constraints as [`viterbi`].
pub fn o_costs(emis: &[[f32; NTAGS]], trans: impl Fn(Option<usize>, usize) -> f32, fwd: &mut Vec<[f32; NTAGS]>, bwd: &mut Vec<[f32; NTAGS]>, out: &mut Vec<f32>) {
    let t = Transitions::new(trans);
    let mut path = Vec::new();
    decode(emis, &t, fwd, &mut path);
    backward_costs(emis, &t, fwd, bwd, out, 0);
}

/// The backward pass of [`o_costs`], given the forward scores: the costs
/// of the tokens `from..` (those before are 0, not computed).
fn backward_costs(emis: &[[f32; NTAGS]], t: &Transitions, fwd: &[[f32; NTAGS]], bwd: &mut Vec<[f32; NTAGS]>, out: &mut Vec<f32>, from: usize) {
    const NEG: f32 = f32::NEG_INFINITY;
    let n = emis.len();
    out.clear();
    bwd.clear();
    if n == 0 {
        return;
    }
    out.resize(n, 0.0);
    if from >= n {
        return;
    }
    bwd.resize(n, [0.0; NTAGS]);
    for i in (from..n - 1).rev() {
        let mut nb = [0f32; NTAGS];
        for c in 0..NTAGS {
            nb[c] = emis[i + 1][c] + bwd[i + 1][c];
        }
        let mut b = [NEG; NTAGS];
        for p in 0..NTAGS {
            // The columns `p` may go to: O, every B-, and I- of its own type
            // (the others are −∞ in `t`; a maximum does not depend on order).
            let row = &t.from[p];
            let mut m = NEG;
            for c in OPEN {
                m = max(m, row[c] + nb[c]);
            }
            if p > 0 {
                let i = p + p % 2;
                m = max(m, row[i] + nb[i]);
            }
            b[p] = m;
        }
        bwd[i] = b;
    }
    let best = fwd[n - 1].iter().copied().fold(NEG, max);
    for i in from..n {
        out[i] = max(0.0, best - (fwd[i][0] + bwd[i][0]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_constraints() {
        let b_pers = tag_index("B-PERS").unwrap();
        let i_pers = tag_index("I-PERS").unwrap();
        let i_org = tag_index("I-ORG").unwrap();
        let cases: &[(&str, Option<usize>, usize, bool)] = &[
            ("I at the start", None, i_pers, false),
            ("B at the start", None, b_pers, true),
            ("I after O", Some(0), i_pers, false),
            ("I after B of the same type", Some(b_pers), i_pers, true),
            ("I after I of the same type", Some(i_pers), i_pers, true),
            ("I after B of another type", Some(b_pers), i_org, false),
            ("O after I", Some(i_org), 0, true),
        ];
        for (name, prev, cur, want) in cases {
            assert_eq!(allowed(*prev, *cur), *want, "case {name:?}: {:?} -> {}", prev.map(|p| TAGS[p]), TAGS[*cur]);
        }
    }

    #[test]
    fn backward_pass_skips_only_forbidden_pairs() {
        // backward_costs() visits, from each tag, only the tags that may
        // follow it: O and every B- after anything, I-X after B-X and I-X.
        for p in 0..NTAGS {
            for c in 0..NTAGS {
                let visited = matches!(c, 0 | 1 | 3 | 5 | 7) || (p > 0 && c == p + p % 2);
                assert_eq!(allowed(Some(p), c), visited, "{} -> {}: backward_costs in model.rs assumes another BIO shape", TAGS[p], TAGS[c]);
            }
        }
    }

    #[test]
    fn viterbi_never_breaks_bio() {
        // Emissions that, taken greedily, would give O I-ORG I-PERS.
        let mut emis = vec![[0f32; NTAGS]; 3];
        emis[0][0] = 1.0;
        emis[1][tag_index("I-ORG").unwrap()] = 5.0;
        emis[1][tag_index("B-ORG").unwrap()] = 4.0;
        emis[2][tag_index("I-PERS").unwrap()] = 5.0;
        emis[2][tag_index("I-ORG").unwrap()] = 2.0;
        let (mut back, mut out) = (Vec::new(), Vec::new());
        viterbi(&emis, |_, _| 0.0, &mut back, &mut out);
        let tags: Vec<&str> = out.iter().map(|&t| TAGS[t]).collect();
        assert_eq!(tags, ["O", "B-ORG", "I-ORG"], "the best path that respects BIO");
        for w in out.windows(2) {
            assert!(allowed(Some(w[0]), w[1]), "{} -> {} breaks BIO", TAGS[w[0]], TAGS[w[1]]);
        }
    }

    #[test]
    fn viterbi_matches_full_back_pointers() {
        // decode() recomputes back-pointers along the best path only; it must
        // pick what a full max-plus pass over all 9 × 9 pairs keeping every
        // back-pointer picks (first maximum wins), ties included.
        fn reference(emis: &[[f32; NTAGS]], trans: impl Fn(Option<usize>, usize) -> f32) -> Vec<usize> {
            let t = |p: Option<usize>, c: usize| if allowed(p, c) { trans(p, c) } else { f32::NEG_INFINITY };
            let mut score: [f32; NTAGS] = std::array::from_fn(|c| t(None, c) + emis[0][c]);
            let mut back = vec![[0usize; NTAGS]];
            for e in &emis[1..] {
                let (mut next, mut bp) = ([f32::NEG_INFINITY; NTAGS], [0usize; NTAGS]);
                for p in 0..NTAGS {
                    for c in 0..NTAGS {
                        let v = score[p] + t(Some(p), c);
                        if v > next[c] {
                            (next[c], bp[c]) = (v, p);
                        }
                    }
                }
                for c in 0..NTAGS {
                    next[c] += e[c];
                }
                score = next;
                back.push(bp);
            }
            let mut best = 0;
            for c in 1..NTAGS {
                if score[c] > score[best] {
                    best = c;
                }
            }
            let mut out = vec![best; emis.len()];
            for i in (1..emis.len()).rev() {
                out[i - 1] = back[i][out[i]];
            }
            out
        }
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = |levels: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % levels) as f32 - (levels / 2) as f32
        };
        let (mut fwd, mut out) = (Vec::new(), Vec::new());
        for case in 0..400 {
            // few levels: many exact ties, in emissions and transitions
            let levels = if case % 2 == 0 { 3 } else { 1000 };
            let n = 1 + case % 17;
            let emis: Vec<[f32; NTAGS]> = (0..n).map(|_| std::array::from_fn(|_| next(levels))).collect();
            let tr: Vec<f32> = (0..(NTAGS + 1) * NTAGS).map(|_| next(levels) / 4.0).collect();
            let trans = |p: Option<usize>, c: usize| tr[p.unwrap_or(NTAGS) * NTAGS + c];
            viterbi(&emis, trans, &mut fwd, &mut out);
            assert_eq!(out, reference(&emis, trans), "case {case}: decode() must give the path of a full pass with back-pointers");
        }
    }

    #[test]
    fn cost_of_dropping_a_token() {
        let mut emis = vec![[0f32; NTAGS]; 3];
        emis[1][tag_index("B-PERS").unwrap()] = 3.0;
        emis[2][tag_index("I-PERS").unwrap()] = 1.0;
        let (mut f, mut b, mut out) = (Vec::new(), Vec::new(), Vec::new());
        o_costs(&emis, |_, _| 0.0, &mut f, &mut b, &mut out);
        assert_eq!(out, [0.0, 4.0, 1.0], "O costs nothing where the best path has O; O for B-PERS also loses the I-PERS after it (3 + 1); O for I-PERS loses 1");
    }

    #[test]
    fn viterbi_uses_transitions() {
        let mut emis = vec![[0f32; NTAGS]; 2];
        emis[0][tag_index("B-LOC").unwrap()] = 1.0;
        emis[1][0] = 1.0;
        emis[1][tag_index("I-LOC").unwrap()] = 0.5;
        let (mut back, mut out) = (Vec::new(), Vec::new());
        let bonus = |p: Option<usize>, c: usize| if p == tag_index("B-LOC") && c == tag_index("I-LOC").unwrap() { 1.0 } else { 0.0 };
        viterbi(&emis, bonus, &mut back, &mut out);
        assert_eq!(out, [tag_index("B-LOC").unwrap(), tag_index("I-LOC").unwrap()]);
    }

    #[test]
    fn model_round_trip_and_lookup() {
        let mut trans = [[0f32; NTAGS]; NTAGS + 1];
        trans[NTAGS][1] = 0.25;
        trans[3][4] = -1.5;
        // 40 features (the table grows past its smallest size), hashes far apart and close together
        let mut features: Vec<(u32, [i8; NTAGS])> = vec![(7, [1, -2, 0, 0, 0, 0, 0, 0, 3]), (1 << 20, [0, 0, 0, 0, 0, 0, 0, 0, -128]), (u32::MAX, [127; NTAGS])];
        features.extend((0..37).map(|k| (1000 + 3 * k as u32, [k as i8 - 18, 0, 1, 2, 3, 4, 5, 6, -(k as i8)])));
        features.sort_by_key(|f| f.0);
        let parts = Parts { scale: 0.5, mu: 0.0, trans, features };
        let m = Model::from_bytes(&parts.to_bytes()).expect("what Parts::to_bytes writes, Model::from_bytes reads");
        assert_eq!(m.len(), parts.features.len(), "one row a feature");
        for (h, code) in &parts.features {
            assert!(m.has(*h), "feature {h} was written but is not found");
            assert_eq!(m.emissions(&[*h]), code.map(|q| parts.weight(q)), "feature {h}: the row must hold the weights of its codes");
        }
        for h in [1u32, 8, 1001, 1 << 21] {
            assert!(!m.has(h), "feature {h} was never written but is found");
        }
        let e = m.emissions(&[7, 999, 1 << 20]);
        assert_eq!(e[0], 0.5);
        assert_eq!(e[1], -1.0);
        assert_eq!(e[8], (3.0 - 128.0) * 0.5, "weights of two features add up");
        assert_eq!(m.transition(None, 1), 0.25);
        assert_eq!(m.transition(Some(3), 4), -1.5);
    }

    #[test]
    fn mu_law_codes() {
        let p = Parts { scale: 0.1, mu: 64.0, trans: [[0.0; NTAGS]; NTAGS + 1], features: vec![] };
        assert_eq!(p.weight(0), 0.0, "code 0 is weight 0");
        assert!((p.weight(127) - 12.7).abs() < 1e-4, "code 127 is 127 × scale, got {}", p.weight(127));
        assert_eq!(p.weight(-5), -p.weight(5), "codes are symmetric");
        assert!(p.weight(1) < 0.1 / 4.0, "small weights get finer steps than the linear code, got {}", p.weight(1));
        for w in [-12.7f32, -3.0, -0.02, 0.0, 0.01, 0.3, 5.0, 12.7, 40.0] {
            let back = p.weight(p.code(w));
            let step = (p.weight(p.code(w).saturating_add(1)) - p.weight(p.code(w))).abs().max(1e-6);
            assert!((back - w.clamp(-12.7, 12.7)).abs() <= step, "weight {w} comes back as {back}");
        }
    }

    #[test]
    fn bad_files_are_refused() {
        let good = Parts { scale: 1.0, mu: 0.0, trans: [[0.0; NTAGS]; NTAGS + 1], features: vec![(5, [1; NTAGS])] }.to_bytes();
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("bad magic", b"XXXX".to_vec(), "magic"),
            ("truncated", good[..good.len() - 1].to_vec(), "truncated"),
            ("stray bytes", [good.clone(), vec![0]].concat(), "stray"),
            ("wrong tag count", { let mut b = good.clone(); b[4] = 3; b }, "tags"),
        ];
        for (name, bytes, want) in cases {
            let err = Model::from_bytes(&bytes).expect_err(name);
            assert!(err.contains(want), "case {name:?}: error {err:?} should mention {want:?}");
        }
    }
}
