// Shared view helpers of the kashif page (www/) and the <kashif-analyzer>
// widget (js/widget.js): type metadata and palette, the marked article,
// the place map and the CSV export. Shipped in the package as pkg/ui.js.
//
// Every string that comes from the analyzed text reaches the DOM as a text
// node, an attribute value or a CSSOM property set from script: nothing
// here ever parses HTML.

import { WORLD_LAND } from "./world.js";

/** Entity types in display order. */
export const TYPES = ["PERS", "ORG", "GPE", "LOC", "FAC", "NORP", "OCC", "EVENT", "DATE"];

/**
 * One colour per type: Paul Tol's "light" scheme, nine colours made for
 * backgrounds under black text that stay distinct for colour-blind readers
 * (https://personal.sron.nl/~pault/). Each type also has its own underline
 * style (see `TYPE_LINES`) so that no distinction rests on colour alone.
 */
export const COLORS = {
  PERS: "#77AADD", ORG: "#EE8866", GPE: "#44BB99", LOC: "#99DDFF", FAC: "#BBCC33",
  NORP: "#FFAABB", OCC: "#EEDD88", EVENT: "#AAAA00", DATE: "#DDDDDD",
};

/** Underline of each type (border-bottom style), a second cue beside colour. */
export const TYPE_LINES = {
  PERS: "solid", ORG: "double", GPE: "dashed", LOC: "dotted", FAC: "solid",
  NORP: "dashed", OCC: "dotted", EVENT: "double", DATE: "none",
};

/** "n mentions" with Arabic number agreement (1, 2, 3–10, 11+). */
function arMentions(n) {
  return n === 0 ? "لا إشارات" : n === 1 ? "إشارة واحدة" : n === 2 ? "إشارتان" : n % 100 >= 3 && n % 100 <= 10 ? `${n} إشارات` : `${n} إشارة`;
}

/** Interface strings, Arabic and English. */
export const STRINGS = {
  ar: {
    title: "كاشف", tagline: "الأشخاص والمنظمات والأماكن والموضوعات في الأخبار العربية — في متصفحك، دون إرسال أي شيء",
    input: "النص", placeholder: "الصق خبرًا عربيًا هنا…", samples: "أمثلة", sample: "مثال",
    clear: "مسح", exportJson: "تصدير JSON", exportCsv: "تصدير الكيانات CSV", language: "English", languageLabel: "Switch the interface to English",
    loading: "جارٍ تحميل المحلل…", running: "جارٍ التحليل…", idle: "الصق نصًا لتحليله", error: "خطأ",
    done: (ms, n) => `${arMentions(n)} في ${ms} ملّي ثانية`, article: "النص المُعلَّم", legend: "أنواع الكيانات (اضغط للإخفاء أو الإظهار)",
    entities: "الكيانات", category: "التصنيف", themes: "الموضوعات", keyphrases: "العبارات المفتاحية", meetings: "اللقاءات", map: "الخريطة",
    none: "لا شيء بعد", mentions: (n) => arMentions(n), titles: "الصفات", nationality: "الجنسية", country: "البلد",
    noPlaces: "لا أماكن ذات إحداثيات", at: "في", on: "بتاريخ", privacy: "يعمل التحليل كله داخل المتصفح؛ لا يغادر النص جهازك.",
    showing: "المعروض", clearFocus: "إلغاء التحديد", embed: "صفحة التضمين",
  },
  en: {
    title: "kashif", tagline: "People, organizations, places and topics in Arabic news — in your browser, nothing sent anywhere",
    input: "Text", placeholder: "Paste an Arabic news article here…", samples: "Samples", sample: "Sample",
    clear: "Clear", exportJson: "Export JSON", exportCsv: "Export entities CSV", language: "العربية", languageLabel: "حوّل الواجهة إلى العربية",
    loading: "Loading the analyzer…", running: "Analyzing…", idle: "Paste a text to analyze it", error: "Error",
    done: (ms, n) => `${n} mentions in ${ms} ms`, article: "Marked text", legend: "Entity types (press to hide or show)",
    entities: "Entities", category: "Category", themes: "Themes", keyphrases: "Key phrases", meetings: "Meetings", map: "Map",
    none: "Nothing yet", mentions: (n) => (n === 1 ? "1 mention" : `${n} mentions`), titles: "Titles", nationality: "Nationality", country: "Country",
    noPlaces: "No places with coordinates", at: "in", on: "on", privacy: "All analysis runs in the browser; the text never leaves your device.",
    showing: "Showing", clearFocus: "Clear selection", embed: "Embed page",
  },
};

/** Type names, Arabic and English. */
export const TYPE_NAMES = {
  ar: { PERS: "أشخاص", ORG: "منظمات", GPE: "دول ومدن", LOC: "أماكن جغرافية", FAC: "منشآت", NORP: "جنسيات وجماعات", OCC: "مناصب وصفات", EVENT: "أحداث", DATE: "تواريخ" },
  en: { PERS: "People", ORG: "Organizations", GPE: "Countries and cities", LOC: "Geographic places", FAC: "Facilities", NORP: "Nationalities and groups", OCC: "Titles and offices", EVENT: "Events", DATE: "Dates" },
};

/** News sections of spec/topics.md. */
export const CATEGORY_NAMES = {
  ar: { politics: "سياسة", security: "أمن ونزاعات", human_rights: "حقوق الإنسان", economy: "اقتصاد", health: "صحة", sports: "رياضة", culture: "ثقافة وفنون", religion: "دين", technology: "علوم وتقنية", environment: "بيئة", education: "تعليم" },
  en: { politics: "Politics", security: "Security and conflict", human_rights: "Human rights", economy: "Economy", health: "Health", sports: "Sports", culture: "Culture", religion: "Religion", technology: "Science and technology", environment: "Environment", education: "Education" },
};

/** Meeting kinds. */
export const MEETING_NAMES = {
  ar: { meeting: "لقاء", reception: "استقبال", visit: "زيارة", call: "اتصال", scheduled: "لقاء مرتقب" },
  en: { meeting: "Meeting", reception: "Reception", visit: "Visit", call: "Call", scheduled: "Scheduled meeting" },
};

/** `document.createElement` with a class and children (strings become text nodes). */
export function el(doc, tag, props = {}, ...children) {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === "string" || typeof c === "number" ? doc.createTextNode(String(c)) : c);
  }
  return node;
}

/** Sorted, merged [start, end) spans, clipped to the text. */
function mergeSpans(spans, length) {
  const list = spans
    .map((s) => [Math.max(0, s.start | 0), Math.min(length, s.end | 0)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out = [];
  for (const s of list) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push(s);
  }
  return out;
}

/**
 * Fills `root` with `text`, each mention wrapped in
 * `<mark data-type data-entity>` and each evidence span (themes, key
 * phrases, meetings) in `<span class="kashif-evidence">`, inside or across
 * marks. Only text nodes carry the text. Returns the mark elements.
 * `names` maps a group id to its canonical name (shown as the tooltip).
 */
export function renderArticle(root, text, entities, { evidence = [], names = new Map(), typeNames = TYPE_NAMES.ar } = {}) {
  const doc = root.ownerDocument;
  const ev = mergeSpans(evidence, text.length);
  const frag = doc.createDocumentFragment();
  const marks = [];
  let evi = 0;
  const put = (parent, from, to) => {
    let pos = from;
    while (pos < to) {
      while (evi < ev.length && ev[evi][1] <= pos) evi++;
      const e = ev[evi];
      if (!e || e[0] >= to) {
        parent.append(doc.createTextNode(text.slice(pos, to)));
        return;
      }
      if (e[0] > pos) {
        parent.append(doc.createTextNode(text.slice(pos, e[0])));
        pos = e[0];
      }
      const stop = Math.min(e[1], to);
      const span = doc.createElement("span");
      span.className = "kashif-evidence";
      span.append(doc.createTextNode(text.slice(pos, stop)));
      parent.append(span);
      pos = stop;
    }
  };
  let pos = 0;
  for (const m of entities) {
    if (!(m.start >= pos && m.end > m.start && m.end <= text.length)) continue; // never trust a span blindly
    put(frag, pos, m.start);
    const mark = doc.createElement("mark");
    mark.dataset.type = String(m.type);
    mark.dataset.entity = String(m.entity);
    const name = names.get(m.entity);
    mark.title = `${typeNames[m.type] || m.type}${name ? ` · ${name}` : ""}`;
    put(mark, m.start, m.end);
    frag.append(mark);
    marks.push(mark);
    pos = m.end;
  }
  put(frag, pos, text.length);
  root.replaceChildren(frag);
  return marks;
}

/** Mention counts per type. */
export function countByType(analysis) {
  const counts = Object.fromEntries(TYPES.map((t) => [t, 0]));
  for (const m of analysis?.entities || []) counts[m.type] = (counts[m.type] || 0) + 1;
  return counts;
}

/** Groups by type, each list by mention count then name. */
export function groupsByType(analysis) {
  const out = new Map();
  for (const g of analysis?.groups || []) {
    if (!out.has(g.type)) out.set(g.type, []);
    out.get(g.type).push(g);
  }
  for (const list of out.values()) list.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, "ar"));
  return new Map(TYPES.filter((t) => out.has(t)).map((t) => [t, out.get(t)]).concat([...out].filter(([t]) => !TYPES.includes(t))));
}

/** One CSV field: quoted, and defused when a spreadsheet would read it as a formula. */
function csvField(v) {
  let s = v === undefined || v === null ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n']/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The mentions as CSV, UTF-8 with a BOM so that spreadsheets show Arabic; CRLF lines. */
export function entitiesCsv(analysis) {
  const groups = new Map((analysis?.groups || []).map((g) => [g.id, g]));
  const rows = [["start", "end", "type", "text", "normalized", "entity", "entity_name", "english", "score", "value"]];
  for (const m of analysis?.entities || []) {
    const g = groups.get(m.entity) || {};
    rows.push([m.start, m.end, m.type, m.text, m.normalized, m.entity, g.name, g.english, m.score, m.value]);
  }
  return "\uFEFF" + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** Offers `content` as a file download (a blob: URL; nothing leaves the browser). */
export function download(doc, name, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const SVG = "http://www.w3.org/2000/svg";

/**
 * An inline SVG map: the world's land (js/world.js, from world-atlas) with a
 * point for every group that has `place` coordinates, zoomed to the points.
 * `onSelect(group)` runs when a point is clicked or activated by keyboard.
 */
export function placeMap(doc, analysis, { onSelect = () => {}, label = "map", mentionsText = (n) => `${n}` } = {}) {
  const places = (analysis?.groups || []).filter((g) => g.place && Number.isFinite(g.place.lat) && Number.isFinite(g.place.lon));
  const svg = doc.createElementNS(SVG, "svg");
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("class", "kashif-map");
  let [x0, x1, y0, y1] = [-180, 180, -85, 85];
  if (places.length) {
    const xs = places.map((g) => g.place.lon), ys = places.map((g) => -g.place.lat);
    x0 = Math.min(...xs); x1 = Math.max(...xs); y0 = Math.min(...ys); y1 = Math.max(...ys);
    let w = Math.max(x1 - x0, 24) * 1.3, h = Math.max(y1 - y0, 12) * 1.3;
    if (w < h * 1.6) w = h * 1.6; else h = Math.max(h, w / 1.6);
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    [x0, x1, y0, y1] = [cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2];
  }
  const w = x1 - x0, h = y1 - y0;
  svg.setAttribute("viewBox", `${x0.toFixed(2)} ${y0.toFixed(2)} ${w.toFixed(2)} ${h.toFixed(2)}`);
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  const sea = doc.createElementNS(SVG, "rect");
  for (const [k, v] of Object.entries({ x: x0, y: y0, width: w, height: h, class: "kashif-sea" })) sea.setAttribute(k, v);
  const land = doc.createElementNS(SVG, "path");
  land.setAttribute("d", WORLD_LAND);
  land.setAttribute("class", "kashif-land");
  land.setAttribute("vector-effect", "non-scaling-stroke");
  svg.append(sea, land);
  const r = w / 70;
  for (const g of places) {
    const dot = doc.createElementNS(SVG, "circle");
    dot.setAttribute("cx", g.place.lon);
    dot.setAttribute("cy", -g.place.lat);
    dot.setAttribute("r", r.toFixed(3));
    dot.setAttribute("class", "kashif-point");
    dot.setAttribute("data-type", g.type);
    dot.setAttribute("data-entity", g.id);
    dot.setAttribute("tabindex", "0");
    dot.setAttribute("role", "button");
    dot.setAttribute("aria-label", `${g.name} (${mentionsText(g.mentions)})`);
    dot.setAttribute("vector-effect", "non-scaling-stroke");
    const title = doc.createElementNS(SVG, "title");
    title.append(doc.createTextNode(`${g.name}${g.english ? ` — ${g.english}` : ""} · ${mentionsText(g.mentions)}`));
    dot.append(title);
    dot.addEventListener("click", () => onSelect(g));
    dot.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onSelect(g); }
    });
    svg.append(dot);
  }
  return { svg, count: places.length };
}

/** Marks whose entity is `id`, flagged with `.kashif-focus`; returns them. */
export function focusEntities(root, ids) {
  const want = new Set([...ids].map(String));
  const hits = [];
  for (const m of root.querySelectorAll("mark[data-entity]")) {
    const on = want.has(m.dataset.entity);
    m.classList.toggle("kashif-focus", on);
    if (on) hits.push(m);
  }
  return hits;
}
