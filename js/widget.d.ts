// Types of pkg/widget.js (the <kashif-analyzer> custom element).
import type { Analysis } from "./kashif.js";

/** Loads the wasm module once per page (optional URL of kashif_bg.wasm). */
export function load(wasm?: string | URL | Response | WebAssembly.Module): Promise<unknown>;

/** `<kashif-analyzer lang="ar|en" text="…" wasm="…" readonly>` */
export class KashifAnalyzer extends HTMLElement {
  /** The analyzed text; setting it analyzes at once. */
  text: string;
  /** The last analysis, or null. */
  readonly analysis: Analysis | null;
  /** Analyzes the current text now. */
  analyze(): Promise<Analysis | null>;
}

/** Options of `mount`. */
export interface MountOptions {
  text?: string;
  lang?: "ar" | "en";
  /** URL of kashif_bg.wasm, when a bundler moved it. */
  wasm?: string | URL;
  /** Hide the text box (set `.text` from script). */
  readonly?: boolean;
}

/** Puts a `<kashif-analyzer>` inside `element` and returns it. */
export function mount(element: Element, options?: MountOptions): KashifAnalyzer;

declare global {
  interface HTMLElementTagNameMap { "kashif-analyzer": KashifAnalyzer; }
  interface HTMLElementEventMap {
    "kashif-analysis": CustomEvent<{ analysis: Analysis; ms: number }>;
    "kashif-error": CustomEvent<{ message: string }>;
  }
}
