//! The learned sequence tagger: a linear-chain CRF (elastic net) over
//! hashed features (see [`features`]), decoded with Viterbi under BIO
//! constraints (see [`model`]), trained by `cargo run --release --bin
//! train -- tagger` on ANERcorp and shipped as `data/tagger.bin`.
//!
//! The tagger finds PERS, ORG and LOC names the lexicons do not know;
//! [`merge`] decides which of its spans join the rule-based mentions.

pub mod clusters;
pub mod features;
pub mod merge;
pub mod model;

use crate::entities::EntityType;
use crate::lexicon::Lexicon;
use crate::text::{clitics, Prepared, Token, TokenKind};
use features::{Features, LexIndex};
use model::{decode_with_costs, type_of, viterbi_in, Model, NTAGS};
use std::sync::OnceLock;

/// The embedded model file.
pub const MODEL_BYTES: &[u8] = include_bytes!("../../data/tagger.bin");

/// [`MODEL_BYTES`] in the table form the analyzer reads in place, made by
/// build.rs (`model::Parts::table_bytes`).
const MODEL_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tagger_table.bin"));

/// The embedded model, loaded once per process (read in place from
/// build.rs's table of it).
///
/// Outside the browser, the environment variable `KASHIF_TAGGER_MODEL`
/// names another model file to use instead (for evaluating a model
/// trained on a held-out split: `scripts/eval-tagger.sh`).
pub fn builtin() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        #[cfg(not(target_arch = "wasm32"))]
        if std::env::var_os("KASHIF_TAGGER_MODEL").is_some() {
            return load_embedded("KASHIF_TAGGER_MODEL", MODEL_BYTES, "data/tagger.bin", Model::from_bytes);
        }
        Model::from_table(MODEL_TABLE).unwrap_or_else(|e| panic!("build.rs's table of data/tagger.bin: {e}"))
    })
}

/// Parses an embedded data file once, or, outside the browser, the file
/// that the environment variable `var` names instead (held-out
/// evaluations use tables made without the held-out text). A malformed
/// embedded file is a build error caught by the tests, hence the panic.
pub(crate) fn load_embedded<T>(var: &str, embedded: &[u8], name: &str, parse: fn(&[u8]) -> Result<T, String>) -> T {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(path) = std::env::var_os(var) {
        let path = path.to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{var}={path}: {e}"));
        return parse(&bytes).unwrap_or_else(|e| panic!("{var}={path}: {e}"));
    }
    #[cfg(target_arch = "wasm32")]
    let _ = var;
    parse(embedded).unwrap_or_else(|e| panic!("{name} is malformed: {e}"))
}

/// A span the tagger found: a token range and a type (`Pers`, `Org`, or
/// `Loc` for any place; [`merge`] picks GPE or LOC).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TagSpan {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// `Pers`, `Org` or `Loc`.
    pub kind: EntityType,
    /// Confidence in [0.5, 1): the logistic of how much the best tag
    /// sequence loses when the weakest token of the span is tagged O.
    pub score: f32,
}

/// Reusable buffers of the tagger, so tagging many sentences allocates
/// only while the buffers grow.
#[derive(Debug, Default)]
pub struct Scratch {
    features: Features,
    emis: Vec<[f32; NTAGS]>,
    path: Vec<usize>,
    fwd: Vec<[f32; NTAGS]>,
    bwd: Vec<[f32; NTAGS]>,
    costs: Vec<f32>,
    /// The first tagging of the text (one tag a token) and its emission
    /// scores, for the second pass.
    labels: Vec<usize>,
    first_emis: Vec<[f32; NTAGS]>,
    /// Whether the text is tagged twice (the model has second-pass features).
    two_pass: bool,
}

impl Scratch {
    /// Prepares the tagging of a text whose tokens are `doc` (analyses
    /// each distinct word once); then call [`Scratch::tag_sentence`] for
    /// each of its sentences.
    pub fn begin(&mut self, doc: &[Token], ix: &LexIndex) {
        self.features.begin(doc, ix);
    }

    /// The first pass over the sentences `sents` (token ranges) of the
    /// text given to [`Scratch::begin`], whose rule mentions are `rules`
    /// (as in [`tag`]): when the model has second-pass features
    /// ([`features::reads_labels`]), each sentence is tagged without them
    /// and the tags are counted per word for
    /// [`Features::label_features`] (document-level two-pass tagging,
    /// Krishnan and Manning 2006); the emission scores are kept. Then call
    /// [`Scratch::tag_sentence`] for each sentence.
    pub fn first_pass(&mut self, doc: &[Token], rules: &[(usize, usize, EntityType)], sents: impl Iterator<Item = (usize, usize)>, ix: &LexIndex, model: &Model) {
        self.two_pass = features::reads_labels(model);
        if self.two_pass {
            self.first_labels(doc, rules, sents, ix, model);
            self.features.count_labels(&self.labels);
        }
    }

    /// The first tagging of the sentences `sents` of the text given to
    /// [`Scratch::begin`] into [`Scratch::labels`]: each token's best tag
    /// by its emission scores alone (no transitions, no Viterbi: the
    /// second pass only counts tags per word); the scores are kept.
    pub fn first_labels(&mut self, doc: &[Token], rules: &[(usize, usize, EntityType)], sents: impl Iterator<Item = (usize, usize)>, ix: &LexIndex, model: &Model) {
        self.labels.clear();
        self.first_emis.clear();
        for (a, b) in sents {
            // tokens between sentences (none, usually) are O with no scores
            self.labels.resize(a, 0);
            self.first_emis.resize(a, [0.0; NTAGS]);
            self.sentence_emissions(doc, rules, a, b, ix, model);
            self.labels.extend(self.emis.iter().map(|e| {
                let mut m = 0;
                for t in 1..NTAGS {
                    if e[t] > e[m] {
                        m = t;
                    }
                }
                m
            }));
            self.first_emis.extend_from_slice(&self.emis);
        }
        self.labels.resize(doc.len(), 0);
        self.first_emis.resize(doc.len(), [0.0; NTAGS]);
    }

    /// The emission scores of the sentence `doc[first..last]` after
    /// [`Scratch::first_pass`], returned: the first pass's scores plus the
    /// rows of the second-pass features, added in place (or, with a model
    /// that has none, [`Scratch::sentence_emissions`] into `self.emis`).
    fn final_emissions(&mut self, doc: &[Token], rules: &[(usize, usize, EntityType)], first: usize, last: usize, ix: &LexIndex, model: &Model) -> &[[f32; NTAGS]] {
        if !self.two_pass {
            self.sentence_emissions(doc, rules, first, last, ix, model);
            return &self.emis;
        }
        let emis = &mut self.first_emis[first..last];
        self.features.label_features(&self.labels, first, last, |i, h| {
            if let Some(r) = model.row_of(h) {
                model.add_row(&mut emis[i], r);
            }
        });
        emis
    }

    /// Tags the sentence `doc[first..last]` of the text given to
    /// [`Scratch::begin`] and [`Scratch::first_pass`], whose rule mentions
    /// are `rules` (as in [`tag`]); the result is in `self.path()`.
    pub fn tag_sentence(&mut self, doc: &[Token], rules: &[(usize, usize, EntityType)], first: usize, last: usize, ix: &LexIndex, model: &Model) {
        let (mut fwd, mut path) = (std::mem::take(&mut self.fwd), std::mem::take(&mut self.path));
        viterbi_in(self.final_emissions(doc, rules, first, last, ix, model), model.bio(), &mut fwd, &mut path);
        (self.fwd, self.path) = (fwd, path);
    }

    /// The tags of the first pass (one a token of the text; all O when the
    /// model has no second-pass features).
    pub fn labels(&self) -> &[usize] {
        &self.labels
    }

    /// The emission scores of the sentence `doc[first..last]` into
    /// `self.emis`: the rows of its features, then of the rules' spans as
    /// features ([`features::rule_features`]).
    fn sentence_emissions(&mut self, doc: &[Token], rules: &[(usize, usize, EntityType)], first: usize, last: usize, ix: &LexIndex, model: &Model) {
        self.features.emissions(doc, first, last, ix, model, &mut self.emis);
        let emis = &mut self.emis;
        features::rule_features(rules, first, last, |i, h| {
            if let Some(r) = model.row_of(h) {
                model.add_row(&mut emis[i], r);
            }
        });
    }

    /// The tags of the last sentence tagged (indices into [`model::TAGS`]).
    pub fn path(&self) -> &[usize] {
        &self.path
    }

    /// The emission scores of the last sentence tagged.
    pub fn emissions(&self) -> &[[f32; NTAGS]] {
        &self.emis
    }

    /// The features of the last sentence tagged.
    pub fn features(&self) -> &Features {
        &self.features
    }
}

/// Tags every sentence of `p` and returns the PERS, ORG and LOC spans
/// (MISC is dropped), in order. `rules` are the rules' mentions of `p`
/// ([`crate::entities::rule_spans`]): the model reads them as features
/// ([`features::rule_features`]); an empty slice says the rules found
/// nothing.
pub fn tag(p: &Prepared, rules: &[(usize, usize, EntityType)], ix: &LexIndex, model: &Model) -> Vec<TagSpan> {
    thread_local! {
        // The buffers of the last text tagged on this thread, reused.
        static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
    }
    SCRATCH.with(|s| match s.try_borrow_mut() {
        Ok(mut scratch) => tag_with(&mut scratch, p, rules, ix, model),
        Err(_) => tag_with(&mut Scratch::default(), p, rules, ix, model),
    })
}

/// [`tag`] with the caller's buffers.
pub fn tag_with(scratch: &mut Scratch, p: &Prepared, rules: &[(usize, usize, EntityType)], ix: &LexIndex, model: &Model) -> Vec<TagSpan> {
    let mut out = Vec::new();
    scratch.begin(&p.tokens, ix);
    scratch.first_pass(&p.tokens, rules, p.sentences.iter().map(|s| (s.first, s.last)), ix, model);
    for s in &p.sentences {
        let (mut fwd, mut bwd, mut path, mut costs) = (std::mem::take(&mut scratch.fwd), std::mem::take(&mut scratch.bwd), std::mem::take(&mut scratch.path), std::mem::take(&mut scratch.costs));
        let emis = scratch.final_emissions(&p.tokens, rules, s.first, s.last, ix, model);
        decode_with_costs(emis, model.bio(), &mut fwd, &mut bwd, &mut path, &mut costs, |t| matches!(type_of(t), 1..=3));
        (scratch.fwd, scratch.bwd, scratch.path, scratch.costs) = (fwd, bwd, path, costs);
        let path = &scratch.path;
        let mut i = 0;
        while i < path.len() {
            let t = path[i];
            if t == 0 {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < path.len() && model::is_inside(path[j]) && type_of(path[j]) == type_of(t) {
                j += 1;
            }
            let kind = match type_of(t) {
                1 => Some(EntityType::Pers),
                2 => Some(EntityType::Org),
                3 => Some(EntityType::Loc),
                _ => None,
            };
            if let Some(kind) = kind {
                // The cheapest way to lose a token of the span.
                // (a comparison, not f32::min: in wasm that is a call to fminf; the same value, no cost is NaN)
                let margin = scratch.costs[i..j].iter().copied().fold(f32::INFINITY, |m, c| if c < m { c } else { m });
                out.push(TagSpan { first: s.first + i, last: s.first + j, kind, score: 1.0 / (1.0 + (-margin).exp()) });
            }
            i = j;
        }
    }
    out
}

/// How many key characters of token `tok` are a proclitic outside the
/// span (spec rule 4 and 11). A reading is taken when its stem (or the
/// stem without its article) is a lexicon key, when the stem carries the
/// article (`وال…`, `بال…`, `لل…`: a clitic for sure), or when the stem
/// appears as a word of its own elsewhere in the text (`وسوريا` beside
/// `سوريا`). Otherwise the word is kept whole: `وليد`, `بيروت`, `فرنسا`.
pub fn clitic_skip(tok: &Token, lex: &Lexicon, words: &[&str]) -> usize {
    if tok.kind != TokenKind::Arabic {
        return 0;
    }
    let readings = clitics::readings(&tok.key);
    let known = |s: &str| lex.get(s).next().is_some() || clitics::without_article(s).is_some_and(|b| lex.get(b).next().is_some());
    for r in readings.iter().skip(1) {
        if known(&r.stem) {
            return r.skip;
        }
    }
    for r in readings.iter().skip(1) {
        if r.stem.starts_with("ال") && clitics::without_article(&r.stem).is_some() {
            return r.skip;
        }
    }
    for r in readings.iter().skip(1) {
        if words.binary_search(&r.stem.as_str()).is_ok() {
            return r.skip;
        }
    }
    0
}

/// The distinct keys of the words of `p`, sorted (for [`clitic_skip`]).
pub fn word_keys<'p>(p: &'p Prepared) -> Vec<&'p str> {
    let mut v: Vec<&str> = p.tokens.iter().filter(|t| t.kind == TokenKind::Arabic).map(|t| t.key.as_str()).collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_loads() {
        let m = Model::from_bytes(MODEL_BYTES).unwrap_or_else(|e| panic!("data/tagger.bin: {e}; retrain with `cargo run --release --bin train -- tagger`"));
        assert!(m.len() > 1000, "data/tagger.bin has only {} features: was it trained?", m.len());
    }

    #[test]
    fn build_table_is_the_model_file() {
        // build.rs's table must give every feature of data/tagger.bin the weights the file gives it
        let parts = model::Parts::from_bytes(MODEL_BYTES).expect("data/tagger.bin parses");
        let table = Model::from_table(MODEL_TABLE).expect("build.rs's table loads");
        assert_eq!(table.len(), parts.features.len(), "build.rs's table has another number of features than data/tagger.bin: rebuild");
        for (h, codes) in &parts.features {
            assert_eq!(table.emissions(&[*h]), codes.map(|q| parts.weight(q)), "feature {h}: build.rs's table must hold the file's weights");
        }
        for (p, c) in [(None, 0), (None, 1), (Some(1), 2), (Some(8), 0)] {
            assert_eq!(table.transition(p, c), parts.trans[p.unwrap_or(NTAGS)][c], "transition {p:?} → {c}");
        }
        let absent = (1..).map(|k: u32| k.wrapping_mul(0x9E37_79B9)).find(|h| parts.features.binary_search_by_key(h, |f| f.0).is_err()).expect("a hash");
        assert!(!table.has(absent), "feature {absent} is not in the file but is found in the table");
    }

    #[test]
    fn tagger_finds_an_unknown_person() {
        let text = "وقال الرئيس الأمريكي جورج بوش في مؤتمر صحفي إن بلاده ستواصل الحرب.";
        let p = Prepared::new(text);
        let spans = tag(&p, &crate::entities::rule_spans(&p, Lexicon::builtin()), LexIndex::builtin(), builtin());
        let found: Vec<(EntityType, String)> = spans
            .iter()
            .map(|s| (s.kind, p.slice(p.tokens[s.first].start, p.tokens[s.last - 1].end).to_string()))
            .collect();
        assert!(found.contains(&(EntityType::Pers, "جورج بوش".to_string())), "the model should tag جورج بوش as PERS, found {found:?}");
    }

    #[test]
    fn fused_emissions_match_the_features() {
        // Features::emissions (cached rows per word) must add exactly the
        // rows Model::emissions adds for the features of Features::extract.
        let cases: &[(&str, &str)] = &[
            ("repeated words and clitics", "قال الرئيس الأمريكي جورج بوش إن الرئيس سيزور بغداد. وقال بوش في بغداد إن وبغداد تنتظر."),
            ("one word", "بوش"),
            ("latin, numbers and punctuation", "أعلنت شركة Apple يوم 12 مايو 2024 عن هاتف iPhone جديد، وقالت Apple إنه أسرع."),
        ];
        let (ix, model) = (LexIndex::builtin(), builtin());
        for (name, text) in cases {
            let p = Prepared::new(text);
            let (mut a, mut b) = (Features::default(), Features::default());
            a.begin(&p.tokens, ix);
            b.begin(&p.tokens, ix);
            let mut fused = Vec::new();
            for s in &p.sentences {
                a.extract(&p.tokens, s.first, s.last, ix);
                b.emissions(&p.tokens, s.first, s.last, ix, model, &mut fused);
                assert_eq!(fused.len(), s.last - s.first, "case {name:?}: one row of scores per token");
                for (i, e) in fused.iter().enumerate() {
                    let want = model.emissions(a.of(i));
                    assert!(e.iter().zip(&want).all(|(x, y)| x.to_bits() == y.to_bits()), "case {name:?}, token {}: fused {e:?} != {want:?}; the runs of features in features.rs must keep the order of Features::extract", s.first + i);
                }
            }
        }
    }

    #[test]
    fn clitics_of_a_tagged_word() {
        let lex = Lexicon::builtin();
        let text = "زار سوريا ثم وسوريا وليد ووليد بيروت والقاهرة لليبيا وكامبيرو";
        let p = Prepared::new(text);
        let words = word_keys(&p);
        let cases: &[(&str, usize, usize)] = &[
            ("wa on a word seen alone in the text", 3, 1),
            ("a name that starts with wa", 4, 0),
            ("wa on that name, seen alone in the text", 5, 1),
            ("ba that is part of the name", 6, 0),
            ("wa before the article", 7, 1),
            ("li on a known country", 8, 1),
            ("wa on an unknown name never seen alone", 9, 0),
        ];
        for (name, i, want) in cases {
            assert_eq!(clitic_skip(&p.tokens[*i], lex, &words), *want, "case {name:?}: token {:?}", p.tokens[*i].key);
        }
    }
}
