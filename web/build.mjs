// Bundles the dashboard into src/eventwire/serve/static/ (committed, so installs need no npm).
// Run: cd web && npm ci && npm run build
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const out = new URL("../src/eventwire/serve/static/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { app: "src/main.js" },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outdir: out,
  loader: { ".png": "file", ".svg": "file" },
  assetNames: "[name]",
  legalComments: "eof",
  logLevel: "info",
});
copyFileSync("src/index.html", `${out}index.html`);
copyFileSync("src/favicon.svg", `${out}favicon.svg`);
copyFileSync("node_modules/world-atlas/countries-50m.json", `${out}countries-50m.json`);

const notices = ["leaflet", "d3-axis", "d3-brush", "d3-scale", "d3-selection", "d3-array",
  "d3-color", "d3-dispatch", "d3-drag", "d3-ease", "d3-format", "d3-interpolate", "d3-time",
  "d3-time-format", "d3-timer", "d3-transition", "internmap", "topojson-client", "world-atlas"]
  .map((name) => {
    const pkg = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8"));
    const license = readFileSync(`node_modules/${name}/LICENSE`, "utf8").trim();
    return `## ${name} ${pkg.version} (${pkg.license})\n\n${license}\n`;
  });
writeFileSync(
  `${out}THIRD_PARTY_LICENSES.txt`,
  "Third-party code bundled into app.js and app.css, and data in countries-50m.json\n" +
    "(Natural Earth, public domain, via world-atlas).\n\n" + notices.join("\n"),
);
