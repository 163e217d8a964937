// PurgeCSS settings, used by overrides/hooks/purge_css.py on the built site.
// Besides unused selectors, unused @font-face, @keyframes and custom
// properties go. PurgeCSS judges custom properties one stylesheet at a time,
// so a property that Material declares in main.css but that only palette.css
// or our extra.css reads (such as --md-hue) is kept: the hook names those
// stylesheets in PURGECSS_ALSO_USED_BY (paths separated by ':').
const fs = require("node:fs");

const alsoUsed = (process.env.PURGECSS_ALSO_USED_BY || "")
  .split(":")
  .filter(Boolean)
  .flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(/var\((--[\w-]+)/g)])
  .map((match) => match[1]);

module.exports = {
  // Material sets and clears data-md-color-switching on <body> when it
  // applies the palette at every page load; its rule (no transitions below
  // <body>) makes each of the two a style recalculation of the whole page.
  // Dropping it cut Lighthouse's mobile blocking time by 7 to 17 ms in an
  // interleaved comparison. A palette toggle then lets Material's short
  // colour transitions run, which prefers-reduced-motion stops (extra.css).
  blocklist: ["data-md-color-switching"],
  fontFace: true,
  keyframes: true,
  variables: true,
  safelist: { variables: [...new Set(alsoUsed)] },
};
