// Runs kashif off the main thread so typing never waits for the analysis.
// Messages in: { id, text, options? }. Out: { ready, version } once, then
// { id, analysis, ms } or { id, error } per request. Only the latest
// request matters to the page; older ones still get an answer.
import init, { Analyzer, version } from "../pkg/kashif.js";

let analyzer = null;
const ready = init().then(() => {
  analyzer = new Analyzer();
  postMessage({ ready: true, version: version() });
}).catch((e) => postMessage({ ready: false, error: String(e && e.message || e) }));

self.onmessage = async ({ data }) => {
  await ready;
  const { id, text } = data;
  try {
    if (!analyzer) throw new Error("the analyzer did not load");
    const t0 = performance.now();
    const analysis = analyzer.analyze(String(text));
    postMessage({ id, analysis, ms: performance.now() - t0 });
  } catch (e) {
    postMessage({ id, error: String(e && e.message || e) });
  }
};
