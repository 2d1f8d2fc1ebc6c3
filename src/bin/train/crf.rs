//! A linear-chain CRF over the tagger's features, trained by L-BFGS (with
//! OWL-QN for an L1 term): `train tagger --objective crf`.
//!
//! The model is the runtime's: a token's score for tag `t` is the sum of
//! its features' weights for `t`, plus a transition score from the
//! previous tag (row `NTAGS` at the start of a sentence), and only the
//! tag pairs the runtime Viterbi allows ([`allowed`]: `I-X` after `B-X`
//! or `I-X`) exist. Training minimizes the negative conditional
//! log-likelihood of the gold tags plus `l1 Σ|w| + l2/2 Σw²` over every
//! weight. Deterministic: one thread, sentences and features summed in a
//! fixed order, no randomness.

use kashif::tagger::model::{allowed, NTAGS};

/// Transition parameters after the emission weights: `(NTAGS + 1) × NTAGS`
/// (row `NTAGS` is the start of a sentence).
pub const NTRANS: usize = (NTAGS + 1) * NTAGS;

/// Training sentences in flat arrays: the feature ids of every token, the
/// token ranges of the sentences, the gold tags.
#[derive(Debug, Default, Clone)]
pub struct Data {
    /// Feature ids of every token, one token after the other.
    feats: Vec<u32>,
    /// `feats[tok[i]..tok[i + 1]]` are token i's features.
    tok: Vec<usize>,
    /// `sent[j]..sent[j + 1]` are sentence j's tokens.
    sent: Vec<usize>,
    /// Gold tag of every token.
    gold: Vec<u8>,
    /// Number of features (emission weights are `nf × NTAGS`).
    nf: usize,
}

impl Data {
    /// Builds the data from sentences of (feature ids per token, gold tags);
    /// every id below `nf`. A gold pair the constraints forbid is made `B-`.
    pub fn new<'a>(sents: impl Iterator<Item = (&'a [Vec<u32>], &'a [usize])>, nf: usize) -> Data {
        let mut d = Data { tok: vec![0], sent: vec![0], nf, ..Data::default() };
        for (fs, gold) in sents {
            let mut prev = None;
            for (f, &g) in fs.iter().zip(gold) {
                debug_assert!(f.iter().all(|&x| (x as usize) < nf), "a feature id beyond nf");
                d.feats.extend_from_slice(f);
                d.tok.push(d.feats.len());
                let g = if allowed(prev, g) { g } else { g - 1 };
                d.gold.push(g as u8);
                prev = Some(g);
            }
            d.sent.push(d.gold.len());
        }
        d
    }

    /// Number of parameters: emission weights, then the transitions.
    pub fn dim(&self) -> usize {
        self.nf * NTAGS + NTRANS
    }

    /// Number of tokens.
    pub fn tokens(&self) -> usize {
        self.gold.len()
    }
}

/// Buffers of [`nll`], reused across sentences.
#[derive(Default)]
struct Buffers {
    emis: Vec<[f64; NTAGS]>,
    alpha: Vec<[f64; NTAGS]>,
    beta: Vec<[f64; NTAGS]>,
    scale: Vec<f64>,
}

/// The negative log-likelihood of the gold tags of `data` under weights
/// `w` (emission weights then transitions), and its gradient into `grad`
/// (overwritten). Forward-backward with scaled probabilities (Rabiner):
/// one exponential per tag and token.
pub fn nll(data: &Data, w: &[f64], grad: &mut [f64]) -> f64 {
    assert_eq!(w.len(), data.dim(), "one weight a parameter");
    assert_eq!(grad.len(), data.dim(), "one gradient entry a parameter");
    grad.iter_mut().for_each(|g| *g = 0.0);
    let (ew, tw) = w.split_at(data.nf * NTAGS);
    let (eg, tg) = grad.split_at_mut(data.nf * NTAGS);
    // exp of the transitions, 0 where the constraints forbid the pair
    let mut m = [[0f64; NTAGS]; NTAGS + 1];
    for p in 0..=NTAGS {
        for c in 0..NTAGS {
            if allowed((p < NTAGS).then_some(p), c) {
                m[p][c] = tw[p * NTAGS + c].exp();
            }
        }
    }
    let mut b = Buffers::default();
    let mut total = 0.0;
    for j in 0..data.sent.len() - 1 {
        let (s0, s1) = (data.sent[j], data.sent[j + 1]);
        let n = s1 - s0;
        if n == 0 {
            continue;
        }
        let gold = &data.gold[s0..s1];
        // emission scores
        b.emis.clear();
        let mut gold_score = 0.0;
        for i in 0..n {
            let mut e = [0f64; NTAGS];
            for &f in &data.feats[data.tok[s0 + i]..data.tok[s0 + i + 1]] {
                let row = &ew[f as usize * NTAGS..][..NTAGS];
                for (a, x) in e.iter_mut().zip(row) {
                    *a += x;
                }
            }
            let g = gold[i] as usize;
            let p = if i == 0 { NTAGS } else { gold[i - 1] as usize };
            gold_score += e[g] + tw[p * NTAGS + g];
            b.emis.push(e);
        }
        // potentials: exp(e - max), the maxima go to log Z
        let mut log_z = 0.0;
        for e in b.emis.iter_mut() {
            let mx = e.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            log_z += mx;
            for x in e.iter_mut() {
                *x = (*x - mx).exp();
            }
        }
        let psi = &b.emis;
        // scaled forward
        b.alpha.clear();
        b.scale.clear();
        for i in 0..n {
            let mut a = [0f64; NTAGS];
            if i == 0 {
                for c in 0..NTAGS {
                    a[c] = m[NTAGS][c] * psi[0][c];
                }
            } else {
                let prev = b.alpha[i - 1];
                for (p, &ap) in prev.iter().enumerate() {
                    if ap != 0.0 {
                        for c in 0..NTAGS {
                            a[c] += ap * m[p][c];
                        }
                    }
                }
                for c in 0..NTAGS {
                    a[c] *= psi[i][c];
                }
            }
            let z: f64 = a.iter().sum();
            if z <= 0.0 || !z.is_finite() {
                // every allowed path underflowed: an infinite loss (the line search steps back)
                return f64::INFINITY;
            }
            for x in a.iter_mut() {
                *x /= z;
            }
            log_z += z.ln();
            b.alpha.push(a);
            b.scale.push(z);
        }
        total += log_z - gold_score;
        // scaled backward
        b.beta.clear();
        b.beta.resize(n, [0.0; NTAGS]);
        b.beta[n - 1] = [1.0; NTAGS];
        for i in (0..n - 1).rev() {
            let mut nb = [0f64; NTAGS];
            for c in 0..NTAGS {
                nb[c] = psi[i + 1][c] * b.beta[i + 1][c] / b.scale[i + 1];
            }
            let mut be = [0f64; NTAGS];
            for p in 0..NTAGS {
                let mut s = 0.0;
                for c in 0..NTAGS {
                    s += m[p][c] * nb[c];
                }
                be[p] = s;
            }
            b.beta[i] = be;
        }
        // expected counts minus gold counts
        for i in 0..n {
            let g = gold[i] as usize;
            let (ai, bi) = (b.alpha[i], b.beta[i]);
            let mut marg: [f64; NTAGS] = std::array::from_fn(|c| ai[c] * bi[c]);
            marg[g] -= 1.0;
            for &f in &data.feats[data.tok[s0 + i]..data.tok[s0 + i + 1]] {
                let row = &mut eg[f as usize * NTAGS..][..NTAGS];
                for (r, x) in row.iter_mut().zip(&marg) {
                    *r += x;
                }
            }
            if i == 0 {
                for c in 0..NTAGS {
                    tg[NTAGS * NTAGS + c] += marg[c];
                }
            } else {
                let gp = gold[i - 1] as usize;
                tg[gp * NTAGS + g] -= 1.0;
                for c in 0..NTAGS {
                    let nb = psi[i][c] * b.beta[i][c] / b.scale[i];
                    if nb == 0.0 {
                        continue;
                    }
                    for p in 0..NTAGS {
                        tg[p * NTAGS + c] += b.alpha[i - 1][p] * m[p][c] * nb;
                    }
                }
            }
        }
    }
    total
}

/// Settings of [`minimize`].
#[derive(Debug, Clone, Copy)]
pub struct Lbfgs {
    /// Pairs of the inverse-Hessian approximation.
    pub memory: usize,
    /// Most iterations.
    pub max_iter: usize,
    /// Stop when the objective fell by less than this share over the last
    /// `past` iterations.
    pub epsilon: f64,
    /// See `epsilon`.
    pub past: usize,
    /// L1 coefficient (0: plain L-BFGS; above: OWL-QN, Andrew & Gao 2007).
    pub l1: f64,
}

impl Default for Lbfgs {
    fn default() -> Self {
        Lbfgs { memory: 10, max_iter: 200, epsilon: 1e-4, past: 5, l1: 0.0 }
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Minimizes `f(x) + l1 Σ|x|` from `x` (updated in place); `f` returns its
/// value and writes its gradient. L-BFGS (two-loop recursion) with a
/// backtracking line search; with `l1 > 0`, OWL-QN: the pseudo-gradient,
/// the direction kept in its orthant, steps projected onto it (a weight
/// that would cross 0 stops at 0, which is what makes the model sparse).
/// Returns the final objective.
pub fn minimize(x: &mut [f64], opt: &Lbfgs, mut f: impl FnMut(&[f64], &mut [f64]) -> f64, log: &mut dyn FnMut(String)) -> f64 {
    let n = x.len();
    let l1 = opt.l1;
    let full = |fx: f64, x: &[f64]| fx + if l1 > 0.0 { l1 * x.iter().map(|v| v.abs()).sum::<f64>() } else { 0.0 };
    let pseudo = |x: &[f64], g: &[f64], pg: &mut [f64]| {
        for i in 0..x.len() {
            pg[i] = if l1 == 0.0 {
                g[i]
            } else if x[i] > 0.0 {
                g[i] + l1
            } else if x[i] < 0.0 {
                g[i] - l1
            } else if g[i] + l1 < 0.0 {
                g[i] + l1
            } else if g[i] - l1 > 0.0 {
                g[i] - l1
            } else {
                0.0
            };
        }
    };
    let mut g = vec![0.0; n];
    let mut fx = full(f(x, &mut g), x);
    let mut pg = vec![0.0; n];
    pseudo(x, &g, &mut pg);
    let (mut s_hist, mut y_hist, mut rho): (Vec<Vec<f64>>, Vec<Vec<f64>>, Vec<f64>) = (Vec::new(), Vec::new(), Vec::new());
    let mut d = vec![0.0; n];
    let mut xn = vec![0.0; n];
    let mut gn = vec![0.0; n];
    let mut history = vec![fx];
    let mut alpha_buf = Vec::new();
    for iter in 0..opt.max_iter {
        // d = −H pg (two loops)
        for (di, &p) in d.iter_mut().zip(&pg) {
            *di = -p;
        }
        alpha_buf.clear();
        for k in (0..s_hist.len()).rev() {
            let a = rho[k] * dot(&s_hist[k], &d);
            for (di, yi) in d.iter_mut().zip(&y_hist[k]) {
                *di -= a * yi;
            }
            alpha_buf.push(a);
        }
        if let (Some(s), Some(y)) = (s_hist.last(), y_hist.last()) {
            let gamma = dot(s, y) / dot(y, y);
            d.iter_mut().for_each(|v| *v *= gamma);
        }
        for k in 0..s_hist.len() {
            let bta = rho[k] * dot(&y_hist[k], &d);
            let a = alpha_buf[s_hist.len() - 1 - k];
            for (di, si) in d.iter_mut().zip(&s_hist[k]) {
                *di += (a - bta) * si;
            }
        }
        if l1 > 0.0 {
            // keep the direction in the orthant the pseudo-gradient descends
            for (di, &p) in d.iter_mut().zip(&pg) {
                if *di * p >= 0.0 {
                    *di = 0.0;
                }
            }
        }
        let slope = dot(&d, &pg);
        if slope >= 0.0 {
            if s_hist.is_empty() {
                log(format!("iteration {iter}: no descent direction; stopping"));
                break;
            }
            // a bad curvature history: start over from the steepest descent
            s_hist.clear();
            y_hist.clear();
            rho.clear();
            continue;
        }
        // backtracking line search (Armijo), projected onto the orthant with L1
        let mut step = if s_hist.is_empty() { 1.0 / dot(&d, &d).sqrt().max(1.0) } else { 1.0 };
        let mut accepted = false;
        let mut fxn = fx;
        for _ in 0..40 {
            for i in 0..n {
                let v = x[i] + step * d[i];
                xn[i] = if l1 > 0.0 {
                    let orthant = if x[i] != 0.0 { x[i].signum() } else { -pg[i].signum() };
                    if v * orthant <= 0.0 {
                        0.0
                    } else {
                        v
                    }
                } else {
                    v
                };
            }
            fxn = full(f(&xn, &mut gn), &xn);
            let dec: f64 = if l1 > 0.0 { (0..n).map(|i| pg[i] * (xn[i] - x[i])).sum() } else { step * slope };
            if fxn.is_finite() && fxn <= fx + 1e-4 * dec {
                accepted = true;
                break;
            }
            step *= 0.5;
        }
        if !accepted {
            log(format!("iteration {iter}: the line search failed; stopping"));
            break;
        }
        let s: Vec<f64> = xn.iter().zip(x.iter()).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = gn.iter().zip(&g).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &y);
        if sy > 1e-12 {
            if s_hist.len() == opt.memory {
                s_hist.remove(0);
                y_hist.remove(0);
                rho.remove(0);
            }
            s_hist.push(s);
            y_hist.push(y);
            rho.push(1.0 / sy);
        }
        x.copy_from_slice(&xn);
        g.copy_from_slice(&gn);
        fx = fxn;
        pseudo(x, &g, &mut pg);
        history.push(fx);
        if iter % 10 == 9 {
            let nz = x.iter().filter(|v| **v != 0.0).count();
            log(format!("iteration {}: objective {fx:.3}, {nz} non-zero weights", iter + 1));
        }
        if history.len() > opt.past {
            let before = history[history.len() - 1 - opt.past];
            if (before - fx) / fx.abs().max(1.0) < opt.epsilon {
                log(format!("iteration {}: objective {fx:.3}, converged", iter + 1));
                break;
            }
        }
    }
    fx
}

/// Trains the CRF: weights (emission `nf × NTAGS`, then transitions) that
/// minimize [`nll`] + `l1 Σ|w| + l2/2 Σw²`.
pub fn train(data: &Data, l1: f64, l2: f64, max_iter: usize, log: &mut dyn FnMut(String)) -> Vec<f64> {
    let mut w = vec![0.0; data.dim()];
    let opt = Lbfgs { l1, max_iter, ..Lbfgs::default() };
    log(format!("CRF: {} tokens, {} parameters, l1 {l1}, l2 {l2}", data.tokens(), data.dim()));
    minimize(
        &mut w,
        &opt,
        |w, g| {
            let mut v = nll(data, w, g);
            if l2 > 0.0 {
                for (gi, wi) in g.iter_mut().zip(w) {
                    *gi += l2 * wi;
                }
                v += 0.5 * l2 * dot(w, w);
            }
            v
        },
        log,
    );
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences as (feature ids per token, gold tags).
    type Sents = Vec<(Vec<Vec<u32>>, Vec<usize>)>;

    /// A tiny data set: 3 features, sentences with every kind of tag pair.
    fn tiny() -> (Sents, usize) {
        let sents = vec![
            (vec![vec![0, 1], vec![2], vec![1]], vec![1, 2, 0]),
            (vec![vec![2], vec![0], vec![0, 2], vec![1]], vec![0, 3, 4, 5]),
            (vec![vec![1]], vec![5]),
            (vec![vec![0, 1, 2], vec![2]], vec![7, 8]),
        ];
        (sents, 3)
    }

    fn data() -> Data {
        let (s, nf) = tiny();
        Data::new(s.iter().map(|(f, g)| (f.as_slice(), g.as_slice())), nf)
    }

    /// The negative log-likelihood by enumerating every allowed tag sequence.
    fn brute_nll(s: &[(Vec<Vec<u32>>, Vec<usize>)], w: &[f64], nf: usize) -> f64 {
        let score = |fs: &[Vec<u32>], y: &[usize]| -> f64 {
            let mut v = 0.0;
            for (i, &t) in y.iter().enumerate() {
                v += fs[i].iter().map(|&f| w[f as usize * NTAGS + t]).sum::<f64>();
                let p = if i == 0 { NTAGS } else { y[i - 1] };
                v += w[nf * NTAGS + p * NTAGS + t];
            }
            v
        };
        let mut total = 0.0;
        for (fs, gold) in s {
            let n = fs.len();
            let mut z = 0.0;
            let mut y = vec![0usize; n];
            for code in 0..NTAGS.pow(n as u32) {
                let mut c = code;
                for t in y.iter_mut() {
                    *t = c % NTAGS;
                    c /= NTAGS;
                }
                if (0..n).all(|i| allowed(if i == 0 { None } else { Some(y[i - 1]) }, y[i])) {
                    z += score(fs, &y).exp();
                }
            }
            total += z.ln() - score(fs, gold);
        }
        total
    }

    fn weights(d: &Data) -> Vec<f64> {
        // a fixed, varied point (no randomness needed)
        (0..d.dim()).map(|i| ((i * 37 % 23) as f64 - 11.0) / 7.0).collect()
    }

    #[test]
    fn nll_matches_enumeration() {
        let (s, nf) = tiny();
        let d = data();
        let w = weights(&d);
        let mut g = vec![0.0; d.dim()];
        let got = nll(&d, &w, &mut g);
        let want = brute_nll(&s, &w, nf);
        assert!((got - want).abs() < 1e-9 * want.abs().max(1.0), "forward pass: log-likelihood {got} against enumeration {want}: check the scaling of alpha");
    }

    #[test]
    fn gradient_matches_finite_differences() {
        let d = data();
        let w = weights(&d);
        let mut g = vec![0.0; d.dim()];
        nll(&d, &w, &mut g);
        let mut scratch = vec![0.0; d.dim()];
        let h = 1e-6;
        for i in 0..d.dim() {
            let (mut a, mut b) = (w.clone(), w.clone());
            a[i] += h;
            b[i] -= h;
            let fd = (nll(&d, &a, &mut scratch) - nll(&d, &b, &mut scratch)) / (2.0 * h);
            assert!((fd - g[i]).abs() < 1e-5 * fd.abs().max(1.0), "parameter {i}: gradient {} against finite difference {fd} (emission rows first, then transitions)", g[i]);
        }
    }

    #[test]
    fn lbfgs_minimizes_a_quadratic_and_rosenbrock() {
        // f(x) = Σ c_i (x_i − t_i)²: the minimum is t
        let c = [1.0, 10.0, 0.1, 4.0];
        let t = [1.0, -2.0, 3.0, 0.5];
        let mut x = vec![0.0; 4];
        let opt = Lbfgs { epsilon: 1e-12, ..Lbfgs::default() };
        minimize(&mut x, &opt, |x, g| (0..4).map(|i| { g[i] = 2.0 * c[i] * (x[i] - t[i]); c[i] * (x[i] - t[i]).powi(2) }).sum(), &mut |_| {});
        for i in 0..4 {
            assert!((x[i] - t[i]).abs() < 1e-4, "quadratic: x[{i}] = {} instead of {}", x[i], t[i]);
        }
        let mut x = vec![-1.2, 1.0];
        let opt = Lbfgs { epsilon: 1e-14, past: 3, max_iter: 500, ..Lbfgs::default() };
        minimize(
            &mut x,
            &opt,
            |x, g| {
                let (a, b) = (x[0], x[1]);
                g[0] = -2.0 * (1.0 - a) - 400.0 * a * (b - a * a);
                g[1] = 200.0 * (b - a * a);
                (1.0 - a).powi(2) + 100.0 * (b - a * a).powi(2)
            },
            &mut |_| {},
        );
        assert!((x[0] - 1.0).abs() < 1e-3 && (x[1] - 1.0).abs() < 1e-3, "Rosenbrock: ended at {x:?} instead of (1, 1)");
    }

    #[test]
    fn owlqn_finds_the_lasso_solution() {
        // f(x) = Σ (x_i − t_i)² / 2 + l1 Σ|x_i|: x_i = sign(t_i) max(|t_i| − l1, 0)
        let t = [3.0, -0.5, 0.2, -2.0, 0.0];
        let l1 = 1.0;
        let mut x = vec![0.5; 5];
        let opt = Lbfgs { l1, epsilon: 1e-12, ..Lbfgs::default() };
        minimize(&mut x, &opt, |x, g| (0..5).map(|i| { g[i] = x[i] - t[i]; 0.5 * (x[i] - t[i]).powi(2) }).sum(), &mut |_| {});
        for i in 0..5 {
            let want = t[i].signum() * (t[i].abs() - l1).max(0.0);
            assert!((x[i] - want).abs() < 1e-6, "lasso: x[{i}] = {} instead of {want} (OWL-QN must put weights exactly at 0)", x[i]);
        }
        assert_eq!(x[1], 0.0, "a weight the L1 term removes is exactly 0");
    }

    #[test]
    fn crf_training_fits_the_tiny_set_and_is_deterministic() {
        let d = data();
        let a = train(&d, 0.01, 0.1, 100, &mut |_| {});
        let b = train(&d, 0.01, 0.1, 100, &mut |_| {});
        assert_eq!(a, b, "the same data must give the same weights");
        let mut g = vec![0.0; d.dim()];
        let fitted = nll(&d, &a, &mut g);
        let zero = nll(&d, &vec![0.0; d.dim()], &mut g);
        assert!(fitted < 0.5 * zero, "training should lower the loss well below the uniform model's: {fitted} vs {zero}");
    }
}
