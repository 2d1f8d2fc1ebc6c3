// The kashif demo page. The analysis runs in worker.js; this module only
// renders. Text from the user reaches the DOM as text nodes only.
import {
  TYPES, COLORS, TYPE_LINES, STRINGS, TYPE_NAMES, CATEGORY_NAMES, MEETING_NAMES,
  el, renderArticle, countByType, groupsByType, entitiesCsv, download, placeMap, focusEntities,
} from "../pkg/ui.js";

const $ = (id) => document.getElementById(id);
const input = $("text"), article = $("article"), status = $("status");
const DEBOUNCE_MS = 250;

const state = {
  lang: "ar",
  text: "",
  analysis: null,
  ms: 0,
  hidden: new Set(),
  focus: null, // { key, label, entities: Set, evidence: Span[] }
  version: "",
  samples: [],
};

// ---------- interface language ----------

function pickLang() {
  const q = new URLSearchParams(location.search).get("lang");
  if (q === "ar" || q === "en") return q;
  try { return localStorage.getItem("kashif.lang") || "ar"; } catch { return "ar"; }
}

const t = (key, ...args) => {
  const v = STRINGS[state.lang][key];
  return typeof v === "function" ? v(...args) : v;
};

function applyLang() {
  const root = document.documentElement;
  root.lang = state.lang;
  root.dir = state.lang === "ar" ? "rtl" : "ltr";
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  document.title = `${t("title")} — ${state.lang === "ar" ? "kashif" : "كاشف"}`;
  const other = state.lang === "ar" ? "en" : "ar";
  const btn = $("lang");
  btn.textContent = STRINGS[state.lang].language;
  btn.lang = other;
  btn.setAttribute("aria-label", t("languageLabel"));
  input.placeholder = t("placeholder");
  input.setAttribute("aria-label", t("input"));
  article.setAttribute("aria-label", t("article"));
  renderSamples();
  renderStatus();
  renderAll();
}

$("lang").addEventListener("click", () => {
  state.lang = state.lang === "ar" ? "en" : "ar";
  try { localStorage.setItem("kashif.lang", state.lang); } catch { /* private mode */ }
  applyLang();
});

// ---------- the worker ----------

const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
let ready = false, lastId = 0, pending = null, timer = 0;
const runState = { kind: "loading", error: "" };

worker.onmessage = ({ data }) => {
  if ("ready" in data) {
    ready = data.ready;
    if (!ready) { runState.kind = "error"; runState.error = data.error; renderStatus(); return; }
    state.version = data.version;
    $("version").textContent = `kashif ${data.version}`;
    runState.kind = "idle";
    renderStatus();
    if (pending !== null) send(pending);
    return;
  }
  if (data.id !== lastId) return; // an older request: a newer one is on its way
  if (data.error) {
    runState.kind = "error";
    runState.error = data.error;
  } else {
    runState.kind = "done";
    state.analysis = data.analysis;
    state.ms = data.ms;
    state.focus = null;
  }
  renderStatus();
  renderAll();
};
worker.onerror = (e) => { runState.kind = "error"; runState.error = e.message || "worker failed"; renderStatus(); };

function send(text) {
  if (!ready) { pending = text; return; }
  pending = null;
  state.text = text;
  if (!text.trim()) {
    lastId++;
    state.analysis = null;
    state.focus = null;
    runState.kind = "idle";
    renderStatus();
    renderAll();
    return;
  }
  runState.kind = "running";
  renderStatus();
  worker.postMessage({ id: ++lastId, text });
}

function schedule() {
  clearTimeout(timer);
  runState.kind = ready ? "running" : runState.kind;
  renderStatus();
  timer = setTimeout(() => send(input.value), DEBOUNCE_MS);
}

input.addEventListener("input", schedule);

function renderStatus() {
  status.dataset.state = runState.kind;
  article.setAttribute("aria-busy", String(runState.kind === "running" || runState.kind === "loading"));
  const n = state.analysis?.entities.length || 0;
  status.textContent =
    runState.kind === "loading" ? t("loading")
    : runState.kind === "running" ? t("running")
    : runState.kind === "error" ? `${t("error")}: ${runState.error}`
    : runState.kind === "done" ? t("done", state.ms < 10 ? state.ms.toFixed(1) : Math.round(state.ms), n)
    : t("idle");
  const has = !!state.analysis;
  $("export-json").disabled = !has;
  $("export-csv").disabled = !has;
}

// ---------- samples, clear, export ----------

function renderSamples() {
  const box = $("samples");
  box.replaceChildren(...state.samples.map((s, i) =>
    el(document, "button", {
      type: "button", class: "sample", title: s.title, "aria-label": `${t("sample")} ${i + 1}: ${s.title}`, "data-sample": s.id,
      onclick: () => { input.value = s.text; input.scrollTop = 0; clearTimeout(timer); send(s.text); },
    }, String(i + 1))));
}

fetch(new URL("./samples.json", import.meta.url))
  .then((r) => (r.ok ? r.json() : { samples: [] }))
  .then((d) => {
    state.samples = d.samples || [];
    renderSamples();
    if (!input.value && state.samples.length && !new URLSearchParams(location.search).has("empty")) {
      input.value = state.samples[0].text;
      send(input.value);
    }
  })
  .catch(() => {});

$("clear").addEventListener("click", () => { input.value = ""; clearTimeout(timer); send(""); input.focus(); });

$("export-json").addEventListener("click", () => {
  if (!state.analysis) return;
  const body = JSON.stringify({ kashif: state.version, text: state.text, analysis: state.analysis }, null, 2);
  download(document, "kashif-analysis.json", body, "application/json;charset=utf-8");
});
$("export-csv").addEventListener("click", () => {
  if (!state.analysis) return;
  download(document, "kashif-entities.csv", entitiesCsv(state.analysis), "text/csv;charset=utf-8");
});

// ---------- rendering ----------

function groupNames() {
  return new Map((state.analysis?.groups || []).map((g) => [g.id, g.name]));
}

function renderArticleNow() {
  const a = state.analysis;
  if (!a) {
    article.replaceChildren(el(document, "p", { class: "empty" }, t("none")));
    return;
  }
  renderArticle(article, state.text, a.entities, {
    evidence: state.focus?.evidence || [],
    names: groupNames(),
    typeNames: TYPE_NAMES[state.lang],
  });
  article.dataset.hidden = [...state.hidden].join(" ");
}

function renderLegend() {
  const counts = countByType(state.analysis);
  $("legend").replaceChildren(...TYPES.map((type) => {
    const on = !state.hidden.has(type);
    return el(document, "button", {
      type: "button", class: counts[type] ? "legend-item" : "legend-item zero", "data-type": type, "aria-pressed": String(on),
      title: type, onclick: () => toggleType(type),
    }, el(document, "span", { class: "swatch", "data-type": type, "aria-hidden": "true" }),
    el(document, "span", { class: "legend-name" }, TYPE_NAMES[state.lang][type]),
    el(document, "span", { class: "count" }, String(counts[type] || 0)));
  }));
}

function toggleType(type) {
  if (state.hidden.has(type)) state.hidden.delete(type);
  else state.hidden.add(type);
  article.dataset.hidden = [...state.hidden].join(" ");
  renderLegend();
  for (const d of document.querySelectorAll("#entities [data-group-type]")) d.classList.toggle("off", state.hidden.has(d.dataset.groupType));
  const btn = document.querySelector(`#legend [data-type="${type}"]`);
  if (btn) btn.focus();
}

function setFocus(focus) {
  state.focus = focus && state.focus?.key === focus.key ? null : focus; // a second click clears
  renderArticleNow();
  const marks = focusEntities(article, state.focus?.entities || []);
  for (const b of document.querySelectorAll("[data-focus-key]")) b.setAttribute("aria-pressed", String(b.dataset.focusKey === state.focus?.key));
  const bar = $("focusbar");
  bar.hidden = !state.focus;
  $("focus-text").textContent = state.focus ? `${t("showing")}: ${state.focus.label}` : "";
  const first = [...marks, ...article.querySelectorAll(".kashif-evidence")]
    .sort((x, y) => (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
  if (first) {
    const smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
    first.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
  }
}
$("clear-focus").addEventListener("click", () => setFocus(null));
document.addEventListener("keydown", (e) => { if (e.key === "Escape" && state.focus) setFocus(null); });

function entityFocus(g) {
  return { key: `e${g.id}`, label: g.name, entities: new Set([g.id]), evidence: [] };
}

function renderEntities() {
  const box = $("entities");
  const byType = groupsByType(state.analysis);
  if (!byType.size) { box.replaceChildren(el(document, "p", { class: "empty" }, t("none"))); return; }
  box.replaceChildren(...[...byType].map(([type, groups]) => el(document, "details", {
    open: true, class: state.hidden.has(type) ? "group off" : "group", "data-group-type": type,
  },
  el(document, "summary", {},
    el(document, "span", { class: "swatch", "data-type": type, "aria-hidden": "true" }),
    `${TYPE_NAMES[state.lang][type] || type} `, el(document, "span", { class: "count" }, String(groups.length))),
  el(document, "ul", { class: "entity-list" }, groups.map((g) => {
    const extra = [];
    if (g.titles?.length) extra.push(`${t("titles")}: ${g.titles.join("، ")}`);
    if (g.country && g.type === "PERS") extra.push(`${t("nationality")}: ${g.country}`);
    else if (g.country && g.country !== g.english && g.country !== g.name) extra.push(`${t("country")}: ${g.country}`);
    return el(document, "li", {},
      el(document, "button", {
        type: "button", class: "entity", "data-entity": g.id, "data-type": g.type, "data-focus-key": `e${g.id}`, "aria-pressed": "false",
        onclick: () => setFocus(entityFocus(g)),
      },
      el(document, "span", { class: "entity-name", lang: "ar", dir: "rtl" }, g.name),
      g.english ? el(document, "span", { class: "english", lang: "en", dir: "ltr" }, g.english) : null,
      el(document, "span", { class: "count", title: t("mentions", g.mentions) }, String(g.mentions))),
      extra.length ? el(document, "div", { class: "entity-extra" }, extra.join(" · ")) : null);
  })))));
}

function bar(value) {
  const fill = el(document, "span", { class: "fill" });
  fill.style.inlineSize = `${Math.max(0, Math.min(1, value)) * 100}%`;
  return el(document, "span", { class: "bar", "aria-hidden": "true" }, fill);
}
const pct = (v) => `${Math.round(v * 100)}%`;

function renderCategory() {
  const c = state.analysis?.category;
  const box = $("category");
  if (!c) { box.replaceChildren(el(document, "p", { class: "empty" }, t("none"))); return; }
  const names = CATEGORY_NAMES[state.lang];
  const scores = Object.entries(c.scores || {}).sort((a, b) => b[1] - a[1]);
  box.replaceChildren(
    el(document, "p", { class: "category-label" }, names[c.label] || c.label),
    el(document, "ul", { class: "plain bars" }, scores.map(([label, score]) => el(document, "li", { class: label === c.label ? "top" : "" },
      el(document, "span", { class: "bar-label" }, names[label] || label), bar(score), el(document, "span", { class: "bar-value" }, pct(score))))));
}

function renderThemes() {
  const themes = state.analysis?.themes || [];
  const box = $("themes");
  if (!themes.length) { box.replaceChildren(el(document, "li", { class: "empty" }, t("none"))); return; }
  box.replaceChildren(...themes.map((th) => {
    const label = state.lang === "ar" ? th.label : th.label_en || th.label;
    const key = `t${th.id}`;
    return el(document, "li", {}, el(document, "button", {
      type: "button", class: "theme", "data-theme": th.id, "data-focus-key": key, "aria-pressed": "false",
      onclick: () => setFocus({ key, label, entities: new Set(), evidence: th.evidence || [] }),
    }, el(document, "span", { class: "bar-label" }, label), bar(th.score), el(document, "span", { class: "bar-value" }, pct(th.score))));
  }));
}

function renderKeyphrases() {
  const list = state.analysis?.keyphrases || [];
  const box = $("keyphrases");
  if (!list.length) { box.replaceChildren(el(document, "li", { class: "empty" }, t("none"))); return; }
  box.replaceChildren(...list.map((k, i) => {
    const key = `k${i}`;
    return el(document, "li", {}, el(document, "button", {
      type: "button", class: "chip", lang: "ar", "data-focus-key": key, "aria-pressed": "false",
      title: `${k.occurrences?.length || 0} · ${k.score.toFixed(2)}`,
      onclick: () => setFocus({ key, label: k.text, entities: new Set(), evidence: k.occurrences || [] }),
    }, k.text));
  }));
}

function renderMeetings() {
  const list = state.analysis?.meetings || [];
  $("meetings-section").hidden = !list.length;
  $("meetings").replaceChildren(...list.map((m, i) => {
    const key = `m${i}`;
    const who = m.participants.map((p) => p.name).join(" ↔ ");
    const where = [m.place ? `${t("at")} ${m.place}` : "", m.date ? `${t("on")} ${m.date}` : ""].filter(Boolean).join(" ");
    const label = `${MEETING_NAMES[state.lang][m.kind] || m.kind}: ${who}`;
    return el(document, "li", {}, el(document, "button", {
      type: "button", class: "meeting", "data-focus-key": key, "aria-pressed": "false",
      onclick: () => setFocus({ key, label, entities: new Set(m.participants.map((p) => p.entity)), evidence: m.evidence ? [m.evidence] : [] }),
    }, el(document, "span", { class: "meeting-kind" }, MEETING_NAMES[state.lang][m.kind] || m.kind),
    el(document, "span", { class: "meeting-who", lang: "ar" }, who),
    where ? el(document, "span", { class: "meeting-where" }, where) : null));
  }));
}

function renderMap() {
  const { svg, count } = placeMap(document, state.analysis, {
    label: t("map"), mentionsText: (n) => t("mentions", n), onSelect: (g) => setFocus(entityFocus(g)),
  });
  $("map").replaceChildren(svg, count ? "" : el(document, "p", { class: "empty" }, t("noPlaces")));
}

function renderStats() {
  const s = state.analysis?.stats;
  $("stats").textContent = s ? (state.lang === "ar"
    ? `${s.characters} حرفًا · ${s.tokens} كلمة · ${s.sentences} جملة`
    : `${s.characters} characters · ${s.tokens} tokens · ${s.sentences} sentences`) : "";
}

function renderAll() {
  renderLegend();
  renderArticleNow();
  renderEntities();
  renderCategory();
  renderThemes();
  renderKeyphrases();
  renderMeetings();
  renderMap();
  renderStats();
  const focus = state.focus;
  state.focus = null;
  if (focus) setFocus(focus);
}

// Type colours come from one table (ui.js) and reach CSS as custom properties.
for (const type of TYPES) {
  document.documentElement.style.setProperty(`--c-${type}`, COLORS[type]);
  document.documentElement.style.setProperty(`--l-${type}`, TYPE_LINES[type]);
}
state.lang = pickLang();
applyLang();
