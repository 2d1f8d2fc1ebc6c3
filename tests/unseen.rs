//! Four short articles written for this project in the style of the seeds
//! but with other people, places and constructions (tests/data/unseen/):
//! each must yield the listed mentions and none of the listed mistakes.
//! They guard generalization: the seeds alone could be matched by rules
//! that only know the seeds.

mod common;

use common::check_invariants;

type Case = (&'static str, &'static [(&'static str, &'static str)], &'static [(&'static str, &'static str)]);

const CASES: &[Case] = &[
    (
        "a1",
        &[
            ("PERS", "الطاهر الباعور"), ("PERS", "الباعور"), ("PERS", "جيانلوكا ألبيريني"), ("PERS", "محمد المنفي"),
            ("PERS", "هانا تيتيه"), ("PERS", "أحمد سالم الورفلي"), ("PERS", "خالد عبد السلام"),
            ("OCC", "وزير الخارجية والتعاون الدولي"), ("OCC", "المبعوثة الأممية"), ("OCC", "العقيد"),
            ("ORG", "حكومة الوحدة الوطنية"), ("ORG", "جامعة الدول العربية"), ("ORG", "منظمة الهجرة الدولية"),
            ("GPE", "جمهورية إيطاليا"), ("GPE", "روما"), ("GPE", "سبها"), ("FAC", "مطار معيتيقة الدولي"),
            ("EVENT", "القمة العربية الرابعة والثلاثين"), ("DATE", "أمس الثلاثاء"), ("DATE", "فبراير الماضي"),
            ("NORP", "السودانيين"), ("LOC", "لامبيدوزا"),
        ],
        &[("GPE", "جزيرة لامبيدوزا")],
    ),
    (
        "a2",
        &[
            ("PERS", "قيس سعيد"), ("PERS", "أحمد عطاف"), ("PERS", "عبد المجيد تبون"), ("PERS", "محمود توفيق"),
            ("PERS", "عبد المطلب ثابت"), ("PERS", "توفيق"), ("PERS", "طارق الخراز"), ("FAC", "قصر قرطاج"),
            ("ORG", "حكومة الاستقرار الوطني"), ("ORG", "المنظمة الدولية للهجرة"), ("DATE", "15 يناير 2024"),
            ("GPE", "الكفرة"), ("LOC", "الساحل والصحراء"),
        ],
        &[("PERS", "طارق")],
    ),
    (
        "a3",
        &[
            ("PERS", "عبد الحميد الدبيبة"), ("PERS", "الدبيبة"), ("PERS", "ريتشارد نورلاند"), ("PERS", "نورلاند"),
            ("PERS", "حليمة عبد الرحمن"), ("PERS", "وليد اللافي"), ("PERS", "خليفة حفتر"), ("PERS", "عقيلة صالح"),
            ("OCC", "وزير الدولة للاتصال والشؤون السياسية"), ("OCC", "المشير"), ("ORG", "جهاز الأمن الداخلي"),
            ("ORG", "مجلس النواب"), ("ORG", "المجلس الأعلى للدولة"), ("DATE", "الأحد الماضي"), ("DATE", "نوفمبر 2023"),
        ],
        &[],
    ),
    (
        "a4",
        &[
            ("PERS", "أسامة حماد"), ("PERS", "ماغنوس برونر"), ("PERS", "برونر"), ("PERS", "تميم بن حمد آل ثاني"),
            ("PERS", "مسعود عبد الصمد"), ("PERS", "عبد الله اللافي"), ("OCC", "أمير"), ("OCC", "عضو"),
            ("GPE", "قطر"), ("GPE", "زوارة"), ("DATE", "12 فبراير 2025"), ("DATE", "يوم الاثنين الماضي"),
            ("ORG", "وكالة الأنباء الليبية"), ("NORP", "المالطية"),
        ],
        &[],
    ),
];

#[test]
fn unseen_articles() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/unseen");
    let mut failures = Vec::new();
    for (id, want, not) in CASES {
        let text = std::fs::read_to_string(dir.join(format!("{id}.txt"))).unwrap();
        let a = kashif::analyze(&text);
        check_invariants(&text, &a);
        let got: Vec<(String, String)> = a.entities.iter().map(|m| (m.kind.tag().to_string(), m.text.clone())).collect();
        for (t, s) in *want {
            if !got.iter().any(|(gt, gs)| gt == t && gs == s) {
                failures.push(format!("{id}: missing {t} {s:?}"));
            }
        }
        for (t, s) in *not {
            if got.iter().any(|(gt, gs)| gt == t && gs == s) {
                failures.push(format!("{id}: wrong {t} {s:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "mentions of tests/data/unseen changed (check the rule named in src/rules/):\n{}", failures.join("\n"));
}
