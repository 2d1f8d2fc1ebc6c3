// A site's own code: the package as any npm dependency.
import { mount } from "kashif/widget";
import { analyze } from "kashif";
import wasmUrl from "kashif/kashif_bg.wasm"; // esbuild's "file" loader copies it and gives its URL

const widget = mount(document.getElementById("app"), {
  wasm: wasmUrl,
  text: "استقبل وزير الداخلية في طرابلس السفير المالطي لدى ليبيا.",
});
widget.addEventListener("kashif-analysis", (e) => {
  // The API is the same module the widget loaded: it is ready now.
  const again = analyze(widget.text);
  document.getElementById("count").textContent = `${e.detail.analysis.entities.length} / ${again.entities.length}`;
});
