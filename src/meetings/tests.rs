//! Unit tests of the meeting extractor over hand-marked sentences: the
//! recognizer is not involved, so the cases say exactly what the
//! extractor gets.

use super::*;

/// Builds a text, its mentions and its groups from markup: `[TYPE text]`
/// marks a mention (clitics go outside the brackets, as the spec wants);
/// mentions are grouped by their key (the extractor itself joins a surname
/// to the full name it belongs to); a
/// nationality or place gets its country from the built-in lexicon.
pub(super) fn marked(markup: &str) -> (String, Vec<Mention>, Vec<Group>) {
    let mut text = String::new();
    let mut spans: Vec<(u32, u32, EntityType, String)> = Vec::new();
    let mut rest = markup;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find(']').map(|c| open + c).expect("unclosed [ in markup");
        let inner = &rest[open + 1..close];
        let (tag, surface) = inner.split_once(' ').expect("markup [TYPE text]");
        let kind = EntityType::from_tag(tag).unwrap_or_else(|| panic!("unknown type {tag}"));
        let start = text.encode_utf16().count() as u32;
        text.push_str(surface);
        spans.push((start, text.encode_utf16().count() as u32, kind, surface.to_string()));
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    let lex = Lexicon::builtin();
    let mut groups: Vec<Group> = Vec::new();
    let mut keys: Vec<(EntityType, String)> = Vec::new();
    let mut mentions = Vec::new();
    for (start, end, kind, surface) in spans {
        let key = crate::text::key(&surface);
        let gkey = key.clone();
        let id = match keys.iter().position(|k| *k == (kind, gkey.clone())) {
            Some(i) => i as u32,
            None => {
                let country = lex.get(&key).find_map(|e| e.attr("cc")).and_then(|cc| lex.country_name(cc)).map(str::to_string);
                groups.push(Group {
                    id: groups.len() as u32,
                    kind,
                    name: surface.clone(),
                    english: None,
                    mentions: 1,
                    titles: Vec::new(),
                    country: if kind == EntityType::Pers { None } else { country },
                    place: None,
                });
                keys.push((kind, gkey));
                groups.len() as u32 - 1
            }
        };
        mentions.push(Mention { start, end, kind, text: surface, normalized: key, entity: id, score: 1.0, value: None });
    }
    (text, mentions, groups)
}

fn meetings_of(markup: &str) -> Vec<Meeting> {
    let (text, mentions, groups) = marked(markup);
    let p = Prepared::new(&text);
    extract(&p, &mentions, &groups)
}

/// (name, country) of both sides, and the kind.
type Pair = ((&'static str, Option<&'static str>), (&'static str, Option<&'static str>), &'static str);

#[test]
fn meetings_table() {
    let cases: &[(&str, &str, &[Pair])] = &[
        (
            "host with title chain receives a guest marked by nationality",
            "استقبل [OCC وزير الداخلية] ب[ORG حكومة الوحدة الوطنية] [OCC لواء] [PERS عماد مصطفى الطرابلسي] [DATE اليوم الاثنين]، [OCC وزير الداخلية] [NORP التركي] [PERS علي يرلي كايا] والوفد المرافق له، وذلك بديوان [ORG وزارة الداخلية] في [GPE طرابلس]. وأكد أن [ORG وزارة الداخلية الليبية] تعمل مع [GPE تركيا].",
            &[(("عماد مصطفى الطرابلسي", Some("Libya")), ("علي يرلي كايا", Some("Turkey")), "reception")],
        ),
        (
            "subject continues across sentences and نظيره + nationality + name",
            "[PERS عماد الطرابلسي] يشارك في الاجتماعات. كما التقى [PERS الطرابلسي] نظيره [NORP السوري] ” [PERS محمد الرحمون]”، وتباحث الطرفان. وأيضا التقى نظيره [NORP الجزائري] “[PERS إبراهيم مراد] ”.",
            &[
                (("عماد الطرابلسي", None), ("محمد الرحمون", Some("Syria")), "meeting"),
                (("عماد الطرابلسي", None), ("إبراهيم مراد", Some("Algeria")), "meeting"),
            ],
        ),
        (
            "host receives several guests listed after the verb",
            "استقبل [OCC الرئيس] [PERS قيس سعيد] كلا من [OCC وزير الخارجية] [NORP المصري] [PERS سامح شكري] و[OCC وزير الخارجية] [NORP الجزائري] [PERS أحمد عطاف] في [GPE تونس].",
            // Received in Tunis, the one country no nationality gives to a guest.
            &[
                (("قيس سعيد", Some("Tunisia")), ("سامح شكري", Some("Egypt")), "reception"),
                (("قيس سعيد", Some("Tunisia")), ("أحمد عطاف", Some("Algeria")), "reception"),
            ],
        ),
        (
            "بحث … مع with an ambassador and a Libyan context",
            "بحث [OCC وزير الداخلية] ب[ORG حكومة الدبيبة] [PERS عماد الطرابلسي] مع [OCC السفير] [NORP المالطي] [PERS تشارلز ساليبا] آليات التعاون بين [GPE ليبيا] و[GPE مالطا]. وتعمل [GPE ليبيا] على ذلك.",
            &[(("عماد الطرابلسي", Some("Libya")), ("تشارلز ساليبا", Some("Malta")), "meeting")],
        ),
        (
            "جمع … مع with a title in apposition before the name",
            "تناول اللقاء الذي جمع [PERS عماد الطرابلسي] مع [OCC القائم بأعمال] [ORG السفارة المصرية]، [PERS تامر الحفني]، مجموعة من المحاور.",
            &[(("عماد الطرابلسي", None), ("تامر الحفني", Some("Egypt")), "meeting")],
        ),
        (
            "a subject before the verb and a title standing for a person named earlier",
            "شارك [OCC وزير الداخلية المكلف] [PERS عماد الطرابلسي] في الدورة. وذكر المكتب أن [OCC رئيس] [GPE جمهورية تونس] “[PERS قيس سعيّد]” استقبل ب[FAC قصر قرطاج]، [OCC وزير الداخلية المكلف] و[OCC وزراء الداخلية] العرب.",
            &[(("قيس سعيّد", Some("Tunisia")), ("عماد الطرابلسي", None), "reception")],
        ),
        (
            "a headline subject before the verb and a title naming a counterpart of the body",
            "[PERS الطرابلسي] يبحث مع [OCC سفير] [GPE مالطا] سبل التعاون\n\nبحث [PERS عماد الطرابلسي] مع [OCC السفير] [NORP المالطي] [PERS تشارلز ساليبا] آليات التعاون.",
            &[(("عماد الطرابلسي", None), ("تشارلز ساليبا", Some("Malta")), "meeting")],
        ),
        (
            "scheduled meeting",
            "من المقرر أن يلتقي [PERS عماد الطرابلسي] نظيره [NORP التركي] [PERS علي يرلي كايا] الأسبوع المقبل.",
            &[(("عماد الطرابلسي", None), ("علي يرلي كايا", Some("Turkey")), "scheduled")],
        ),
        (
            "a call through a light verb and its noun",
            "أجرى [OCC وزير الخارجية] [PERS سامح شكري] اتصالا هاتفيا مع نظيره [NORP التركي] [PERS هاكان فيدان].",
            &[(("سامح شكري", None), ("هاكان فيدان", Some("Turkey")), "call")],
        ),
        (
            "two people joined by و after بحث",
            "بحث [PERS سامح شكري] ونظيره [NORP التركي] [PERS هاكان فيدان] العلاقات.",
            &[(("سامح شكري", None), ("هاكان فيدان", Some("Turkey")), "meeting")],
        ),
        (
            "a pair reported twice counts once",
            "التقى [PERS سامح شكري] [PERS هاكان فيدان]. وبحث [PERS شكري] مع [PERS فيدان] العلاقات.",
            &[(("سامح شكري", None), ("هاكان فيدان", None), "meeting")],
        ),
        (
            "an ambassador to a country represents his own",
            "استقبل [OCC رئيس] [ORG المجلس الرئاسي] [PERS محمد المنفي]، [DATE اليوم الأحد]، ب[FAC قصر الرئاسة]، [OCC سفير] [GPE الولايات المتحدة] لدى [GPE ليبيا] [PERS ريتشارد نورلاند].",
            // المجلس الرئاسي is Libyan in data/orgs.tsv.
            &[(("محمد المنفي", Some("Libya")), ("ريتشارد نورلاند", Some("United States")), "reception")],
        ),
        (
            "a noun with a pronoun and its object (خلال لقائه)",
            "وأكد [PERS عبد الحميد الدبيبة] خلال لقائه [OCC وزير الخارجية] [NORP الإيطالي] [PERS أنطونيو تاياني] أهمية التعاون.",
            &[(("عبد الحميد الدبيبة", None), ("أنطونيو تاياني", Some("Italy")), "meeting")],
        ),
        (
            "a call received",
            "تلقى [OCC الرئيس] [PERS عبد المجيد تبون] اتصالا هاتفيا من [OCC الرئيس] [NORP التونسي] [PERS قيس سعيد].",
            &[(("عبد المجيد تبون", None), ("قيس سعيد", Some("Tunisia")), "call")],
        ),
        (
            "words the recognizer left out between a title and its name",
            "والتقى [PERS الطرابلسي] [OCC رئيس] جامعة نايف العربية للعلوم الأمنية [OCC د] “[PERS عبدالمجيد بن عبدالله البنيان]”.",
            &[(("الطرابلسي", None), ("عبدالمجيد بن عبدالله البنيان", None), "meeting")],
        ),
        (
            "the surname and the full name are one person even in two groups",
            "التقى [PERS عماد الطرابلسي] [PERS تامر الحفني]. وبحث [PERS الطرابلسي] مع [PERS الحفني] العلاقات.",
            &[(("عماد الطرابلسي", None), ("تامر الحفني", None), "meeting")],
        ),
        (
            "two people sharing a surname stay two",
            "التقى [PERS سيف بن زايد آل نهيان] [PERS محمد بن زايد آل نهيان].",
            &[(("سيف بن زايد آل نهيان", None), ("محمد بن زايد آل نهيان", None), "meeting")],
        ),
        (
            "التقى بـ with the preposition apart",
            "والتقى [PERS عماد الطرابلسي] بـ[OCC السفير] [NORP التركي] [PERS كنعان يلماز].",
            &[(("عماد الطرابلسي", None), ("كنعان يلماز", Some("Turkey")), "meeting")],
        ),
        (
            "a verb with its object as a pronoun",
            "وصل [OCC وزير الخارجية] [NORP السعودي] [PERS فيصل بن فرحان] إلى [GPE القاهرة]، حيث استقبله نظيره [NORP المصري] [PERS بدر عبد العاطي] في المطار.",
            &[(("بدر عبد العاطي", Some("Egypt")), ("فيصل بن فرحان", Some("Saudi Arabia")), "reception")],
        ),
        (
            "a nationality inside one title mention",
            "التقى [OCC القائد العام] [PERS خليفة حفتر] [OCC المبعوث الأمريكي] الخاص إلى [GPE ليبيا] [PERS ريتشارد نورلاند].",
            &[(("خليفة حفتر", Some("Libya")), ("ريتشارد نورلاند", Some("United States")), "meeting")],
        ),
        (
            "the head of a delegation received",
            "استقبل [OCC وزير الداخلية] [PERS عماد الطرابلسي] بمكتبه ب[GPE طرابلس] وفدا من [ORG الاتحاد الأوروبي] برئاسة [OCC السفير] [PERS نيكولا أورلاندو].",
            &[(("عماد الطرابلسي", Some("Libya")), ("نيكولا أورلاندو", None), "reception")],
        ),
        (
            "words the recognizer left out after مع",
            "ناقش [OCC وزير الصحة] [PERS رمضان أبو جناح] مع ممثل [ORG منظمة الصحة العالمية] في [GPE ليبيا] [PERS أحمد زويتن] خطة التطعيم.",
            &[(("رمضان أبو جناح", Some("Libya")), ("أحمد زويتن", None), "meeting")],
        ),
        (
            "a new clause after مع is not a title",
            "بحث [PERS عماد الطرابلسي] مع الجانب [NORP المصري] ملف العمالة وأكد [PERS تامر الحفني] أهمية التعاون.",
            &[],
        ),
        ("no counterpart named", "بحث [OCC وزير الداخلية] [PERS عماد الطرابلسي] سبل التعاون مع الجانب المصري.", &[]),
        ("the two sides without names", "التقى [PERS عماد الطرابلسي] أمس، وتباحث الطرفان حول القضايا.", &[]),
        (
            "a counterpart only by title that no one holds",
            "يشدد [PERS الطرابلسي] على التعاون خلال زيارته إلى [GPE تركيا]، ولقائه الأخير مع [OCC وزير الداخلية] [NORP التركي].",
            &[],
        ),
        ("بحث as a noun is no meeting", "وشهد اللقاء بحث سبل التعاون بين [PERS عماد الطرابلسي] والوفد.", &[]),
        (
            "a meeting series with unnamed officials",
            "عقد [OCC وزير الداخلية] [PERS عماد الطرابلسي] سلسلة لقاءات مع مسؤولين ووزراء عرب.",
            &[],
        ),
    ];
    for (name, markup, want) in cases {
        let got: Vec<Pair> = meetings_of(markup)
            .into_iter()
            .map(|m| {
                let side = |i: usize| -> (&'static str, Option<&'static str>) {
                    let p = &m.participants[i];
                    (Box::leak(p.name.clone().into_boxed_str()), p.country.clone().map(|c| &*Box::leak(c.into_boxed_str())))
                };
                (side(0), side(1), Box::leak(m.kind.clone().into_boxed_str()) as &str)
            })
            .collect();
        assert_eq!(got, *want, "case {name:?}: meetings of {markup:?} (subject first; fix src/meetings.rs or data/meeting_triggers.tsv)");
    }
}

#[test]
fn place_date_role_and_evidence() {
    let markup = "استقبل [OCC وزير الداخلية] [NORP الليبي] [PERS عماد الطرابلسي] [DATE اليوم الاثنين]، [OCC وزير الداخلية] [NORP التركي] [PERS علي يرلي كايا]، وذلك بديوان [ORG وزارة الداخلية] في [GPE طرابلس]. ثم غادر.";
    let (text, mentions, groups) = marked(markup);
    let p = Prepared::new(&text);
    let m = extract(&p, &mentions, &groups);
    assert_eq!(m.len(), 1, "one meeting expected: {m:?}");
    let m = &m[0];
    assert_eq!(m.place.as_deref(), Some("ديوان وزارة الداخلية في طرابلس"), "place: the place noun after ب with what follows it");
    assert_eq!(m.date.as_deref(), Some("اليوم الاثنين"), "date: the DATE mention of the sentence");
    assert_eq!(m.participants[0].role.as_deref(), Some("وزير الداخلية"), "role: the title before the name");
    assert_eq!(m.evidence.text, p.slice(m.evidence.start, m.evidence.end), "evidence text is its span");
    assert!(m.evidence.text.starts_with("استقبل") && m.evidence.text.ends_with("طرابلس."), "evidence is the sentence: {:?}", m.evidence.text);
    assert_eq!(m.participants[0].entity, mentions.iter().find(|x| x.text == "عماد الطرابلسي").unwrap().entity, "entity is the person's group id");
}

#[test]
fn counterpart_role_is_the_subjects_without_qualifiers() {
    let m = meetings_of("التقى [OCC وزير الداخلية المكلف] [PERS عماد الطرابلسي] نظيره [NORP السعودي] [OCC الأمير] “[PERS عبدالعزيز بن سعود]”.");
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].participants[0].role.as_deref(), Some("وزير الداخلية المكلف"));
    assert_eq!(m[0].participants[1].role.as_deref(), Some("وزير الداخلية"), "نظيره takes the subject's title without المكلف");
    assert_eq!(m[0].participants[1].country.as_deref(), Some("Saudi Arabia"));
}

#[test]
fn no_people_no_meetings() {
    let p = Prepared::new("استقبل الوزير نظيره التركي.");
    assert!(extract(&p, &[], &[]).is_empty());
}

#[test]
fn cue_table_parses_and_rejects_bad_lines() {
    let c = parse_cues(CUES_TSV).unwrap_or_else(|e| panic!("{e}"));
    for verb in ["استقبل", "التقي", "يلتقي", "بحث", "اجتمع", "زار", "تباحث", "جمع"] {
        assert!(c.words.get(verb).is_some_and(|x| x.class == Class::Verb), "data/meeting_triggers.tsv must list the verb {verb}");
    }
    let bad: &[(&str, &str, &str)] = &[
        ("bad header", "key\tclass\n", "header"),
        ("unknown class", "key\tclass\tkind\tlink\nالتقي\tfoo\tmeeting\tdirect\n", "unknown class"),
        ("unnormalized key", "key\tclass\tkind\tlink\nالتقى\tverb\tmeeting\tdirect\n", "not normalized"),
        ("verb without kind", "key\tclass\tkind\tlink\nالتقي\tverb\t-\tdirect\n", "kind"),
        ("verb without link", "key\tclass\tkind\tlink\nالتقي\tverb\tmeeting\t-\n", "link"),
    ];
    for (name, content, want) in bad {
        let e = parse_cues(content).expect_err(name);
        assert!(e.contains(want), "case {name:?}: error {e:?} should mention {want:?}");
    }
}

