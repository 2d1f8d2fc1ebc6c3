// <kashif-analyzer>: the whole kashif widget as one custom element, shipped
// in the package as pkg/widget.js. Three lines on any page:
//
//   <script type="module" src="/node_modules/kashif/widget.js"></script>
//   <kashif-analyzer lang="ar"></kashif-analyzer>
//
// or from a bundler: `import { mount } from "kashif/widget"; mount(el, { text })`.
//
// Attributes: lang ("ar" | "en", the interface language), text (initial
// text; the element's own text content is used when absent), wasm (URL of
// kashif_bg.wasm when a bundler moved it), readonly (no text box: set
// `.text` from script). Events: "kashif-analysis" (detail: { analysis, ms })
// and "kashif-error" (detail: { message }). Everything lives in a shadow
// root with its own styles; text reaches the DOM as text nodes only.
import init, { Analyzer } from "./kashif.js";
import {
  TYPES, COLORS, TYPE_LINES, STRINGS, TYPE_NAMES, CATEGORY_NAMES,
  el, renderArticle, countByType, groupsByType, focusEntities,
} from "./ui.js";

let loading = null;
/** Loads the wasm module once per page; `wasm` is an optional URL, Response or module. */
export function load(wasm) {
  loading ||= init(wasm ? { module_or_path: wasm } : undefined).then(() => new Analyzer());
  return loading;
}

const CSS = `
:host { display: block; font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif;
  color: #1d1d1f; background: #fff; border: 1px solid #d9d6cf; border-radius: 10px; padding: 12px; line-height: 1.6; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
button { font: inherit; color: inherit; cursor: pointer; }
:focus-visible { outline: 3px solid #1d1d1f; outline-offset: 2px; }
textarea { width: 100%; min-height: 6rem; resize: vertical; padding: 8px; border: 1px solid #8a8d93; border-radius: 8px;
  font-family: inherit; font-size: 1rem; line-height: 1.8; background: #fffdf8; color: inherit; }
.status { font-size: .85rem; color: #55575c; margin: 4px 0 8px; min-height: 1.4em; }
.status[data-state="error"] { color: #a50026; }
.legend { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 8px; }
.legend button { display: inline-flex; align-items: center; gap: 4px; border: 1px solid #d9d6cf; border-radius: 999px;
  background: #fff; padding: 2px 8px; font-size: .85rem; min-height: 2rem; }
.legend button[aria-pressed="false"] { text-decoration: line-through; color: #55575c; background: #f6f4ef; }
.legend button[aria-pressed="false"] .swatch { opacity: .25; }
.swatch { width: .8rem; height: .8rem; border-radius: 3px; border: 1px solid rgba(0,0,0,.35); display: inline-block; }
.count { font-size: .75rem; line-height: 1.5; min-width: 1.4rem; text-align: center; background: #ecebe6; border-radius: 999px; padding: 0 6px; font-variant-numeric: tabular-nums; }
.body { display: grid; grid-template-columns: minmax(0, 1fr) minmax(180px, 260px); gap: 12px; }
@media (max-width: 640px) { .body { grid-template-columns: minmax(0, 1fr); } }
:host([compact]) .body { grid-template-columns: minmax(0, 1fr); }
.article { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.1; font-size: 1.05rem; max-height: 60vh; overflow: auto; }
mark { color: #111; border-radius: 3px; padding: 0 .1em; border-bottom: 2px solid rgba(0,0,0,.55); }
mark.kashif-focus { outline: 3px solid #111; outline-offset: 1px; }
.kashif-evidence { background: #fff1a8; box-shadow: 0 3px 0 #b8860b; }
mark .kashif-evidence { background: transparent; }
.side h3 { font-size: .85rem; color: #55575c; margin: 6px 0 2px; display: flex; gap: 4px; align-items: center; }
.side ul { list-style: none; margin: 0; padding: 0; }
.side li button { width: 100%; display: flex; gap: 6px; justify-content: space-between; align-items: center; text-align: start; background: transparent;
  border: 1px solid transparent; border-radius: 6px; padding: 2px 6px; min-height: 2rem; }
.side li button:hover { background: #f6f4ef; }
.side li button[aria-pressed="true"] { background: #fff6cf; border-color: #b8860b; }
.topics { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 8px; font-size: .85rem; }
.topics .category { font-weight: 700; }
.topics button { border: 1px solid #d9d6cf; border-radius: 999px; background: #f6f4ef; padding: 0 8px; }
.topics button[aria-pressed="true"] { background: #fff6cf; border-color: #b8860b; }
.empty { color: #55575c; font-style: italic; }
${TYPES.map((t) => `mark[data-type="${t}"], .swatch[data-type="${t}"] { background: ${COLORS[t]}; border-bottom-style: ${TYPE_LINES[t]}; }
.article[data-hidden~="${t}"] mark[data-type="${t}"] { background: transparent; border-bottom-color: transparent; padding: 0; }`).join("\n")}
.swatch { border-bottom-style: solid !important; border-bottom-width: 1px; }
`;

let sheet = null;
function styleFor(root) {
  try {
    sheet ||= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement("style");
    style.textContent = CSS;
    root.append(style);
  }
}

/** The custom element; registered as `kashif-analyzer` when this module loads. */
export class KashifAnalyzer extends HTMLElement {
  static get observedAttributes() { return ["lang", "text", "readonly"]; }

  constructor() {
    super();
    this._text = null;
    this._analysis = null;
    this._hidden = new Set();
    this._focus = null;
    this._timer = 0;
    this._seq = 0;
    const root = this.attachShadow({ mode: "open" });
    styleFor(root);
    const d = document;
    this._input = el(d, "textarea", { dir: "rtl", lang: "ar", spellcheck: "false", part: "input" });
    this._status = el(d, "div", { class: "status", role: "status", "aria-live": "polite", part: "status" });
    this._legend = el(d, "div", { class: "legend", role: "group", part: "legend" });
    this._topics = el(d, "div", { class: "topics", part: "topics" });
    this._article = el(d, "div", { class: "article", dir: "rtl", lang: "ar", tabindex: "-1", part: "article" });
    this._side = el(d, "div", { class: "side", part: "entities" });
    root.append(this._input, this._status, this._legend, this._topics,
      el(d, "div", { class: "body" }, this._article, this._side));
    this._input.addEventListener("input", () => {
      this._text = this._input.value;
      clearTimeout(this._timer);
      this._setStatus("running");
      this._timer = setTimeout(() => this.analyze(), 250);
    });
  }

  get _lang() { return this.getAttribute("lang") === "en" ? "en" : "ar"; }
  _t(key, ...a) { const v = STRINGS[this._lang][key]; return typeof v === "function" ? v(...a) : v; }

  connectedCallback() {
    if (this._text === null) this._text = this.getAttribute("text") ?? this.textContent.trim();
    this._input.value = this._text;
    this._input.hidden = this.hasAttribute("readonly");
    this._input.setAttribute("aria-label", this._t("input"));
    this._input.placeholder = this._t("placeholder");
    this._legend.setAttribute("aria-label", this._t("legend"));
    this._setStatus("loading");
    load(this.getAttribute("wasm") || undefined).then(() => this.analyze(), (e) => this._fail(e));
  }

  attributeChangedCallback(name, old, value) {
    if (!this.isConnected || old === value) return;
    if (name === "text") this.text = value || "";
    else if (name === "readonly") this._input.hidden = value !== null;
    else { this._input.setAttribute("aria-label", this._t("input")); this._input.placeholder = this._t("placeholder"); this._render(); }
  }

  /** The analyzed text. Setting it analyzes at once. */
  get text() { return this._text ?? ""; }
  set text(value) {
    this._text = String(value ?? "");
    this._input.value = this._text;
    if (this.isConnected) this.analyze();
  }

  /** The last Analysis (see kashif.d.ts), or null. */
  get analysis() { return this._analysis; }

  /** Analyzes the current text now; resolves to the Analysis. */
  async analyze() {
    clearTimeout(this._timer);
    const seq = ++this._seq;
    const text = this.text;
    try {
      const analyzer = await load(this.getAttribute("wasm") || undefined);
      if (seq !== this._seq) return this._analysis;
      if (!text.trim()) {
        this._analysis = null;
        this._ms = 0;
        this._setStatus("idle");
        this._render();
        return null;
      }
      const t0 = performance.now();
      const analysis = analyzer.analyze(text);
      this._ms = performance.now() - t0;
      this._analysis = analysis;
      this._analyzedText = text;
      this._focus = null;
      this._setStatus("done");
      this._render();
      this.dispatchEvent(new CustomEvent("kashif-analysis", { detail: { analysis, ms: this._ms }, bubbles: true, composed: true }));
      return analysis;
    } catch (e) {
      this._fail(e);
      return null;
    }
  }

  _fail(e) {
    const message = String(e && e.message || e);
    this._status.dataset.state = "error";
    this._status.textContent = `${this._t("error")}: ${message}`;
    this.dispatchEvent(new CustomEvent("kashif-error", { detail: { message }, bubbles: true, composed: true }));
  }

  _setStatus(kind) {
    this._status.dataset.state = kind;
    const n = this._analysis?.entities.length || 0;
    this._status.textContent = kind === "loading" ? this._t("loading") : kind === "running" ? this._t("running")
      : kind === "done" ? this._t("done", this._ms < 10 ? this._ms.toFixed(1) : Math.round(this._ms), n) : this._t("idle");
  }

  _render() {
    const d = document, a = this._analysis, lang = this._lang;
    const counts = countByType(a);
    this._legend.replaceChildren(...TYPES.filter((t) => counts[t]).map((type) => el(d, "button", {
      type: "button", "data-type": type, "aria-pressed": String(!this._hidden.has(type)),
      onclick: () => { this._hidden.has(type) ? this._hidden.delete(type) : this._hidden.add(type); this._render(); },
    }, el(d, "span", { class: "swatch", "data-type": type, "aria-hidden": "true" }), TYPE_NAMES[lang][type], " ",
    el(d, "span", { class: "count" }, String(counts[type])))));

    const topics = [];
    if (a?.category) topics.push(el(d, "span", { class: "category" }, CATEGORY_NAMES[lang][a.category.label] || a.category.label));
    for (const th of a?.themes || []) {
      const key = `t${th.id}`;
      topics.push(el(d, "button", {
        type: "button", "data-focus-key": key, "aria-pressed": String(this._focus?.key === key),
        onclick: () => this._setFocus({ key, entities: [], evidence: th.evidence || [] }),
      }, lang === "ar" ? th.label : th.label_en || th.label));
    }
    this._topics.replaceChildren(...topics);
    this._topics.hidden = !topics.length;

    this._renderArticle();
    const byType = groupsByType(a);
    this._side.replaceChildren(...[...byType].filter(([t]) => !this._hidden.has(t)).flatMap(([type, groups]) => [
      el(d, "h3", {}, el(d, "span", { class: "swatch", "data-type": type, "aria-hidden": "true" }), TYPE_NAMES[lang][type]),
      el(d, "ul", {}, groups.map((g) => el(d, "li", {}, el(d, "button", {
        type: "button", "data-entity": g.id, "data-focus-key": `e${g.id}`, "aria-pressed": String(this._focus?.key === `e${g.id}`),
        title: [g.english, ...(g.titles || []), g.country].filter(Boolean).join(" · ") || undefined,
        onclick: () => this._setFocus({ key: `e${g.id}`, entities: [g.id], evidence: [] }),
      }, el(d, "span", { lang: "ar" }, g.name), el(d, "span", { class: "count", "aria-label": this._t("mentions", g.mentions) }, String(g.mentions)))))),
    ]));
    if (!byType.size) this._side.replaceChildren(el(d, "p", { class: "empty" }, this._t("none")));
  }

  _renderArticle() {
    const a = this._analysis;
    if (!a) { this._article.replaceChildren(); return; }
    renderArticle(this._article, this._analyzedText, a.entities, {
      evidence: this._focus?.evidence || [],
      names: new Map(a.groups.map((g) => [g.id, g.name])),
      typeNames: TYPE_NAMES[this._lang],
    });
    this._article.dataset.hidden = [...this._hidden].join(" ");
    const marks = focusEntities(this._article, this._focus?.entities || []);
    const first = marks[0] || this._article.querySelector(".kashif-evidence");
    if (first && this._focus) first.scrollIntoView({ block: "nearest" });
  }

  _setFocus(focus) {
    this._focus = this._focus?.key === focus.key ? null : focus;
    this._renderArticle();
    for (const b of this.shadowRoot.querySelectorAll("[data-focus-key]")) b.setAttribute("aria-pressed", String(b.dataset.focusKey === this._focus?.key));
  }
}

if (!customElements.get("kashif-analyzer")) customElements.define("kashif-analyzer", KashifAnalyzer);

/**
 * Puts a <kashif-analyzer> inside `element` and returns it.
 * options: { text, lang: "ar" | "en", wasm, readonly }.
 */
export function mount(element, options = {}) {
  const node = document.createElement("kashif-analyzer");
  if (options.lang) node.setAttribute("lang", options.lang);
  if (options.wasm) node.setAttribute("wasm", String(options.wasm));
  if (options.readonly) node.setAttribute("readonly", "");
  if (options.text !== undefined) node.text = options.text;
  element.append(node);
  return node;
}
