//! DATE spans (spec rules 6 and 13) with an ISO `value` when it resolves.
//!
//! Recognized: numeric dates (`2025-11-24`, `24/11/2025`); a day, month
//! and year in any order the press uses (`12 مارس 2024`, `12 آذار/مارس`),
//! with Gregorian months in both name sets (يناير and كانون الثاني), the
//! Maghreb names (جانفي، أفريل) and Hijri months; years after عام / العام /
//! سنة / منذ; weekdays (`اليوم الاثنين`, `الأحد-الاثنين`, `الاثنين المقبل`);
//! and deictic days (`اليوم`, `أمس`, `أول أمس`, `غدا`).
//! A relative day gets its value from the dateline: the first full date of
//! the text's opening. Month names that are also ordinary words (مايو is
//! not, but آب، أيار، صفر، رمضان are) count only next to a day or a year or
//! after `شهر`. The time of day (`مساء`) and vague periods stay outside.

use super::{candidate, is_word, stem_where};
use crate::entities::{Candidate, EntityType};
use crate::lexicon::Lexicon;
use crate::hash::FxHashMap;
use crate::text::{Prepared, TokenKind};
use std::sync::OnceLock;

/// A calendar date.
pub type Ymd = (i32, u32, u32);

/// (key, month, Hijri?, needs a day/year/شهر next to it)
const MONTHS: &[(&str, u32, bool, bool)] = &[
    ("يناير", 1, false, false), ("فبراير", 2, false, false), ("مارس", 3, false, false), ("ابريل", 4, false, false),
    ("مايو", 5, false, false), ("يونيو", 6, false, false), ("يونيه", 6, false, false), ("يوليو", 7, false, false),
    ("يوليه", 7, false, false), ("اغسطس", 8, false, false), ("سبتمبر", 9, false, false), ("اكتوبر", 10, false, false),
    ("نوفمبر", 11, false, false), ("ديسمبر", 12, false, false),
    ("جانفي", 1, false, false), ("فيفري", 2, false, false), ("افريل", 4, false, false), ("ماي", 5, false, true),
    ("جوان", 6, false, false), ("جويليه", 7, false, false), ("اوت", 8, false, true),
    ("كانون الثاني", 1, false, false), ("شباط", 2, false, false), ("اذار", 3, false, false), ("نيسان", 4, false, false),
    ("ايار", 5, false, true), ("حزيران", 6, false, false), ("تموز", 7, false, true), ("اب", 8, false, true),
    ("ايلول", 9, false, false), ("تشرين الاول", 10, false, false), ("تشرين الثاني", 11, false, false), ("كانون الاول", 12, false, false),
    ("محرم", 1, true, true), ("صفر", 2, true, true), ("ربيع الاول", 3, true, false), ("ربيع الاخر", 4, true, false),
    ("ربيع الثاني", 4, true, false), ("جمادي الاولي", 5, true, false), ("جمادي الاخره", 6, true, false),
    ("جمادي الثانيه", 6, true, false), ("رجب", 7, true, true), ("شعبان", 8, true, true), ("رمضان", 9, true, true),
    ("شوال", 10, true, true), ("ذو القعده", 11, true, false), ("ذي القعده", 11, true, false), ("ذو الحجه", 12, true, false),
    ("ذي الحجه", 12, true, false),
];

/// Weekdays with the article, 0 = Sunday.
const WEEKDAYS: &[&str] = &["الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت"];
/// Relative words after a month, weekday or year, with their direction.
const RELATIVE: &[(&str, i32)] = &[("الماضي", -1), ("الماضيه", -1), ("المنصرم", -1), ("المنصرمه", -1), ("الفائت", -1), ("الفارط", -1), ("الفارطه", -1), ("المقبل", 1), ("المقبله", 1), ("القادم", 1), ("القادمه", 1), ("الجاري", 0), ("الحالي", 0), ("الحاليه", 0)];
/// Deictic days: (words, offset in days).
const DEICTIC: &[(&[&str], i64)] = &[(&["اول", "امس"], -2), (&["امس"], -1), (&["البارحه"], -1), (&["بعد", "غد"], 2), (&["غدا"], 1), (&["اليوم"], 0)];
/// Demonstratives before a year word that make it this year (`هذا العام`, `هذه السنة`).
const THIS_YEAR: &[(&str, &str)] = &[("هذا", "العام"), ("هذه", "السنه")];
/// Words that introduce a year.
const YEAR_WORDS: &[&str] = &["عام", "العام", "سنه", "السنه", "عامي"];

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil((y, m, d): Ymd) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((yoe + era * 400 + if m <= 2 { 1 } else { 0 }) as i32, m, d)
}

/// ISO form of a date.
pub fn iso((y, m, d): Ymd) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn weekday(d: Ymd) -> i64 {
    (days_from_civil(d) + 4).rem_euclid(7) // 1970-01-01 was a Thursday
}

fn num(p: &Prepared, i: usize) -> Option<u32> {
    let t = p.tokens.get(i)?;
    (t.kind == TokenKind::Number && t.key.chars().all(|c| c.is_ascii_digit()) && t.key.len() <= 4).then(|| t.key.parse().ok()).flatten()
}

fn punct(p: &Prepared, i: usize, set: &[&str]) -> bool {
    p.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct && set.contains(&t.key.as_str()))
}

fn adjacent(p: &Prepared, a: usize, b: usize) -> bool {
    match (p.tokens.get(a), p.tokens.get(b)) {
        (Some(x), Some(y)) => x.end == y.start,
        _ => false,
    }
}

fn valid(d: Ymd) -> bool {
    (1..=12).contains(&d.1) && d.2 >= 1 && d.2 <= 31 && (1800..=2200).contains(&d.0)
}

/// A numeric date at `i`: (end, date).
fn numeric(p: &Prepared, i: usize) -> Option<(usize, Ymd)> {
    let a = num(p, i)?;
    let seps: &[&str] = &["-", "/", "."];
    // 24/11/2025 and 24 / 11 / 2025; a dash or dot only written tight (2025-11-24)
    let sep_ok = |a: usize| punct(p, a, seps) && ((adjacent(p, a - 1, a) && adjacent(p, a, a + 1)) || p.tokens[a].key == "/");
    if !sep_ok(i + 1) {
        return None;
    }
    let b = num(p, i + 2)?;
    if !(sep_ok(i + 3) && p.tokens[i + 3].key == p.tokens[i + 1].key) {
        return None;
    }
    let c = num(p, i + 4)?;
    let d = if p.tokens[i].key.len() == 4 { (a as i32, b, c) } else if p.tokens[i + 4].key.len() == 4 { (c as i32, b, a) } else { return None };
    valid(d).then_some((i + 5, d))
}

/// The first full date of the text's opening (a dateline), if any.
pub fn dateline(p: &Prepared) -> Option<Ymd> {
    (0..p.tokens.len()).take_while(|&i| p.tokens[i].start < 300).find_map(|i| numeric(p, i).map(|(_, d)| d))
}

/// A month of [`MONTHS`] split once: (second word, month, hijri, needs context).
type MonthRow = (Option<&'static str>, u32, bool, bool);

/// [`MONTHS`] by first word, rows in table order; built once.
pub(crate) fn months_by_first_word() -> &'static FxHashMap<&'static str, Vec<MonthRow>> {
    static TABLE: OnceLock<FxHashMap<&'static str, Vec<MonthRow>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: FxHashMap<&'static str, Vec<MonthRow>> = FxHashMap::default();
        for &(k, m, h, ctx) in MONTHS {
            let (first, second) = match k.split_once(' ') {
                Some((a, b)) => (a, Some(b)),
                None => (k, None),
            };
            t.entry(first).or_default().push((second, m, h, ctx));
        }
        t
    })
}

/// A month name at `i` (bare key, one or two words): (end, month, hijri, needs context).
fn month_at(p: &Prepared, i: usize, with_clitic: bool) -> Option<(usize, usize, u32, bool, bool)> {
    let t = p.tokens.get(i)?;
    if !is_word(t) {
        return None;
    }
    let table = months_by_first_word();
    let all = crate::text::clitics::readings_ref(&t.key);
    let readings = if with_clitic { &all[..] } else { &all[..1] };
    for r in readings {
        for &(second, m, h, ctx) in table.get(&*r.stem).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(w) = second {
                if p.tokens.get(i + 1).is_none_or(|t| t.key != w) {
                    continue;
                }
            }
            return Some((i + 1 + usize::from(second.is_some()), r.skip, m, h, ctx));
        }
    }
    None
}

fn relative_at(p: &Prepared, i: usize) -> Option<i32> {
    let k = p.tokens.get(i)?.key.as_str();
    RELATIVE.iter().find(|(w, _)| *w == k).map(|&(_, d)| d)
}

fn year_at(p: &Prepared, i: usize) -> Option<(usize, i32)> {
    let y = num(p, i)?;
    // Gregorian 1900–2100 or Hijri 1300–1500
    if !((1900..=2100).contains(&y) || (1300..=1500).contains(&y)) || p.tokens[i].key.len() != 4 {
        return None;
    }
    // 2019م: the era letter is part of the date
    let era = |t: &crate::text::Token| matches!(t.key.as_str(), "م" | "ه" | "ميلادي" | "ميلاديه" | "هجري" | "هجريه" | "للميلاد" | "للهجره");
    let end = if p.tokens.get(i + 1).is_some_and(|t| era(t) && (adjacent(p, i, i + 1) || t.key.chars().count() > 1)) { i + 2 } else { i + 1 };
    Some((end, y as i32))
}

/// Every word that can open a date (month first words, weekdays, year and
/// day words), for a cheap test before the rules run.
pub(crate) fn date_words() -> &'static crate::hash::FxHashSet<&'static str> {
    static SET: OnceLock<crate::hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut s: crate::hash::FxHashSet<&'static str> = MONTHS.iter().map(|m| m.0.split(' ').next().unwrap_or_default()).collect();
        s.extend(WEEKDAYS.iter().copied());
        s.extend(YEAR_WORDS.iter().copied());
        s.extend(DEICTIC.iter().map(|d| d.0[0]));
        s.extend(["يوم", "اليوم"]);
        s.extend(THIS_YEAR.iter().map(|d| d.0));
        s
    })
}

/// Whether token `i` may open a date: a number, or a date word after at
/// most three proclitic letters.
fn may_start_date(p: &Prepared, i: usize) -> bool {
    let t = &p.tokens[i];
    if t.kind == TokenKind::Number {
        return true;
    }
    if !is_word(t) {
        return false;
    }
    let words = date_words();
    let mut k = t.key.as_str();
    for _ in 0..=3 {
        if words.contains(k) || (k.starts_with("لل") && words.contains(format!("ال{}", &k[4..]).as_str())) {
            return true;
        }
        match k.chars().next() {
            Some(c @ ('و' | 'ف' | 'ب' | 'ك' | 'ل')) => k = &k[c.len_utf8()..],
            _ => return false,
        }
    }
    false
}

/// The clitic skip of `يوم` at token `i - 1` when it stands right before
/// token `i` on the same line (`يوم أمس`): the day word belongs to a
/// deictic day, as `اليوم` does in `اليوم الاثنين` (before a full date it
/// stays outside: `يوم 15 يناير 2024`, tests/unseen).
fn yawm_before(p: &Prepared, i: usize) -> Option<usize> {
    if i == 0 || !is_word(&p.tokens[i - 1]) || super::line_break_after(p, i - 1) {
        return None;
    }
    stem_where(p, i - 1, &|s| s == "يوم").map(|(skip, _)| skip)
}

/// The DATE candidates of the text; relative days resolve against `base`.
pub fn find<'l>(p: &Prepared, _lex: &'l Lexicon, base: Option<Ymd>) -> Vec<Candidate<'l>> {
    let mut out: Vec<Candidate<'l>> = Vec::new();
    let n = p.tokens.len();
    let mut i = 0;
    let push = |out: &mut Vec<Candidate<'l>>, first: usize, last: usize, skip: usize, value: Option<String>| {
        let key = p.tokens[first..last].iter().map(|t| t.key.as_str()).collect::<Vec<_>>().join(" ");
        let mut c = candidate(p, first, last, skip, EntityType::Date, key, None, 0.85, "date");
        c.value = value;
        out.push(c);
    };
    while i < n {
        if !may_start_date(p, i) {
            i += 1;
            continue;
        }
        // numeric date
        if let Some((end, d)) = numeric(p, i) {
            push(&mut out, i, end, 0, Some(iso(d)));
            i = end;
            continue;
        }
        // day? month (/month)? year? relative?
        let (day, mstart) = match num(p, i) {
            Some(d) if (1..=31).contains(&d) && p.tokens[i].key.len() <= 2 => (Some(d), i + 1),
            _ => (None, i),
        };
        if let Some((mut end, skip, month, hijri, needs)) = month_at(p, mstart, day.is_none()) {
            // آذار/مارس: both names of the month
            if punct(p, end, &["/", "-"]) {
                if let Some((e2, _, _, _, _)) = month_at(p, end + 1, false) {
                    end = e2;
                }
            }
            let year = year_at(p, end);
            let shahr = mstart > 0 && p.tokens[mstart - 1].key.ends_with("شهر");
            if !needs || day.is_some() || year.is_some() || shahr {
                let first = if day.is_some() { i } else { mstart };
                let skip = if day.is_some() { 0 } else { skip };
                let mut last = end;
                let mut value = None;
                if let Some((ye, y)) = year {
                    last = ye;
                    if !hijri {
                        value = Some(match day {
                            Some(d) => iso((y, month, d)),
                            None => format!("{y:04}-{month:02}"),
                        });
                    }
                } else if let Some(rel) = relative_at(p, end) {
                    last = end + 1;
                    if let (Some(b), false) = (base, hijri) {
                        let y = if rel < 0 && month > b.1 { b.0 - 1 } else if rel > 0 && month < b.1 { b.0 + 1 } else { b.0 };
                        value = Some(match day {
                            Some(d) => iso((y, month, d)),
                            None => format!("{y:04}-{month:02}"),
                        });
                    }
                } else if let (Some(b), false) = (base, hijri) {
                    value = day.map(|d| iso((b.0, month, d))).or_else(|| Some(format!("{:04}-{month:02}", b.0)));
                }
                push(&mut out, first, last, skip, value);
                i = last;
                continue;
            }
        }
        // عام 2019, العام 2012, منذ 2019
        if let Some((skip, _)) = stem_where(p, i, &|s| YEAR_WORDS.contains(&s)) {
            if let Some((end, y)) = year_at(p, i + 1) {
                push(&mut out, i, end, skip, Some(format!("{y:04}")));
                i = end;
                continue;
            }
            // العام الماضي / الجاري / المقبل
            if p.tokens[i].key.ends_with("العام") {
                if let Some(rel) = relative_at(p, i + 1) {
                    push(&mut out, i, i + 2, skip, base.map(|b| format!("{:04}", b.0 + rel)));
                    i += 2;
                    continue;
                }
            }
        }
        // هذا العام, هذه السنة: this year, like العام الجاري
        if let Some((skip, stem)) = stem_where(p, i, &|s| THIS_YEAR.iter().any(|d| d.0 == s)) {
            let dem = THIS_YEAR.iter().find(|d| d.0 == stem).map(|d| d.1);
            if dem.is_some_and(|w| p.tokens.get(i + 1).is_some_and(|t| t.key == w)) {
                push(&mut out, i, i + 2, skip, base.map(|b| format!("{:04}", b.0)));
                i += 2;
                continue;
            }
        }
        if i > 0 && matches!(p.tokens[i - 1].key.as_str(), "منذ" | "في" | "خلال" | "حتي" | "وحتي" | "بين" | "قبل" | "بعد") {
            if let Some((end, y)) = year_at(p, i) {
                push(&mut out, i, end, 0, Some(format!("{y:04}")));
                i = end;
                continue;
            }
        }
        // (اليوم|يوم)? weekday (-weekday)? relative?
        let lead = stem_where(p, i, &|s| s == "اليوم" || s == "يوم");
        let wd_at = |j: usize, clitic: bool| -> Option<(usize, usize)> {
            let t = p.tokens.get(j)?;
            if clitic {
                stem_where(p, j, &|s| WEEKDAYS.contains(&s)).map(|(skip, s)| (skip, WEEKDAYS.iter().position(|w| *w == s).unwrap()))
            } else {
                WEEKDAYS.iter().position(|w| *w == t.key).map(|w| (0, w))
            }
        };
        let (first_wd, skip0, wd) = match lead.as_ref().and_then(|(skip, _)| wd_at(i + 1, false).map(|(_, w)| (i + 1, *skip, w))) {
            Some(x) => x,
            None => match wd_at(i, true) {
                Some((skip, w)) => (i, skip, w),
                None => (usize::MAX, 0, 0),
            },
        };
        if first_wd != usize::MAX {
            let mut last = first_wd + 1;
            if punct(p, last, &["-", "–", "/"]) && wd_at(last + 1, false).is_some() {
                last += 2;
            }
            let rel = relative_at(p, last);
            if rel.is_some() {
                last += 1;
            }
            // الثلاثاء الموافق 5/8/2008: the weekday and its date are one span
            let mut explicit = None;
            if p.tokens.get(last).is_some_and(|t| t.key == "الموافق") {
                if let Some((end, d)) = numeric(p, last + 1) {
                    explicit = Some(iso(d));
                    last = end;
                }
            }
            let value = explicit.or_else(|| base.map(|b| {
                let bw = weekday(b);
                let delta = match rel {
                    Some(r) if r > 0 => (wd as i64 - bw).rem_euclid(7).max(1),
                    Some(r) if r < 0 => -((bw - wd as i64).rem_euclid(7).max(1)),
                    _ => -((bw - wd as i64).rem_euclid(7)),
                };
                iso(civil_from_days(days_from_civil(b) + delta))
            }));
            push(&mut out, i, last, skip0, value);
            i = last;
            continue;
        }
        // deictic days
        let mut matched = false;
        for &(words, offset) in DEICTIC {
            let Some((skip, _)) = stem_where(p, i, &|s| s == words[0]) else { continue };
            // أول أمس takes و or ف, not a preposition: باول أمس is Powell
            if words[0] == "اول" && skip > 0 && !matches!(p.tokens[i].key.chars().next(), Some('و' | 'ف')) {
                continue;
            }
            if words.iter().enumerate().skip(1).any(|(k, w)| p.tokens.get(i + k).is_none_or(|t| t.key != *w)) {
                continue;
            }
            let mut last = i + words.len();
            // أمس الثلاثاء: the day and its weekday are one span (like اليوم الاثنين)
            if p.tokens.get(last).is_some_and(|t| WEEKDAYS.contains(&t.key.as_str())) {
                last += 1;
            }
            // اليوم الوطني / اليوم العالمي: a named day, not today
            if words == ["اليوم"] && last == i + 1 && p.tokens.get(last).is_some_and(|t| t.key.starts_with("ال") && is_word(t)) {
                continue;
            }
            // يوم أمس: the day word belongs to it; the date just before, if any, ends before it
            let (first, skip) = match yawm_before(p, i).filter(|_| skip == 0 && words[0] != "اليوم" && out.last().is_none_or(|c| c.last < i)) {
                Some(ys) => (i - 1, ys),
                None => (i, skip),
            };
            push(&mut out, first, last, skip, base.map(|b| iso(civil_from_days(days_from_civil(b) + offset))));
            i = last;
            matched = true;
            break;
        }
        if !matched {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<(String, Option<String>)> {
        let p = Prepared::new(text);
        let base = dateline(&p);
        find(&p, Lexicon::builtin(), base).into_iter().map(|c| (p.slice(c.start, c.end).to_string(), c.value)).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[(&str, Option<&str>)])] = &[
            ("dateline and today with weekday", "date 2025-11-24 استقبل الوزير اليوم الاثنين وفدا", &[("2025-11-24", Some("2025-11-24")), ("اليوم الاثنين", Some("2025-11-24"))]),
            ("day before yesterday", "date 2025-11-24 اختتمت أول أمس", &[("2025-11-24", Some("2025-11-24")), ("أول أمس", Some("2025-11-22"))]),
            ("a preposition before awwal is no date: Powell", "date 2025-11-24 كولن باول أمس", &[("2025-11-24", Some("2025-11-24")), ("أمس", Some("2025-11-23"))]),
            ("year after aam", "منذ عام 2019 مع", &[("عام 2019", Some("2019"))]),
            ("year after al-aam and clitic", "وخلال العام 2012", &[("العام 2012", Some("2012"))]),
            ("year inside a clitic word", "زيارته إلى تركيا عام 2024، ولقائه", &[("عام 2024", Some("2024"))]),
            ("day month year", "في 12 مارس 2024 وقع", &[("12 مارس 2024", Some("2024-03-12"))]),
            ("levantine month both names relative", "date 2024-09-01 في حزيران/يونيو الماضي", &[("2024-09-01", Some("2024-09-01")), ("حزيران/يونيو الماضي", Some("2024-06"))]),
            ("time of day stays outside", "مساء الاثنين", &[("الاثنين", None)]),
            ("weekday range", "يومي الأحد-الاثنين", &[("الأحد-الاثنين", None)]),
            ("vague period is not a date", "خلال السنوات الماضية والوقت الراهن", &[]),
            ("named day is not today", "احتفل اليوم الوطني", &[]),
            ("ambiguous month needs a number", "آب العائلة وفي 3 آب", &[("3 آب", None)]),
            ("hijri date", "في 12 رمضان 1445 هـ", &[("12 رمضان 1445", None)]),
            ("numeric date with spaced slashes", "بتاريخ 28 / 8 / 1996 صدر", &[("28 / 8 / 1996", Some("1996-08-28"))]),
            ("era word after the year", "عام 1907 ميلادي", &[("عام 1907 ميلادي", Some("1907"))]),
            ("weekday with its date", "يوم الثلاثاء الموافق 5/8/2008", &[("يوم الثلاثاء الموافق 5/8/2008", Some("2008-08-05"))]),
            ("bare year after a preposition", "منذ 2011 وحتى 2014", &[("2011", Some("2011")), ("2014", Some("2014"))]),
            ("a count is not a year", "وصل 2000 مهاجر", &[]),
            ("yesterday with its weekday", "date 2025-03-12 التقى، أمس الثلاثاء، السفير", &[("2025-03-12", Some("2025-03-12")), ("أمس الثلاثاء", Some("2025-03-11"))]),
            ("tunisian relative word after a weekday", "date 2024-01-10 غرق مركب السبت الفارط قبالة", &[("2024-01-10", Some("2024-01-10")), ("السبت الفارط", Some("2024-01-06"))]),
            ("the day word stays outside a full date (tests/unseen a2)", "وتقرر تنظيمها يوم 3 مارس 2026 بالعاصمة", &[("3 مارس 2026", Some("2026-03-03"))]),
            ("the day word before yesterday", "date 2024-01-10 ألقاها في الحفل يوم أمس أمام", &[("2024-01-10", Some("2024-01-10")), ("يوم أمس", Some("2024-01-09"))]),
            ("this year", "date 2024-01-10 وصل هذا العام وفي هذه السنة", &[("2024-01-10", Some("2024-01-10")), ("هذا العام", Some("2024")), ("هذه السنة", Some("2024"))]),
            ("this is no date without a year word", "هذا القرار وهذه السنوات", &[]),
            ("yesterday with a conjunction", "date 2024-01-10 وأمس قال", &[("2024-01-10", Some("2024-01-10")), ("أمس", Some("2024-01-09"))]),
        ];
        for (name, text, want) in cases {
            let want: Vec<(String, Option<String>)> = want.iter().map(|(s, v)| (s.to_string(), v.map(str::to_string))).collect();
            assert_eq!(dates(text), want, "case {name:?}: dates of {text:?}");
        }
    }

    #[test]
    fn calendar_arithmetic() {
        for d in [(1970, 1, 1), (2000, 2, 29), (2025, 11, 24), (1999, 12, 31)] {
            assert_eq!(civil_from_days(days_from_civil(d)), d, "round trip of {d:?}");
        }
        assert_eq!(weekday((2025, 11, 24)), 1, "2025-11-24 is a Monday");
    }
}
