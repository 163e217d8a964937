// PurgeCSS settings, used by overrides/hooks/post_build.py on the built site.
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
  fontFace: true,
  keyframes: true,
  variables: true,
  // The content PurgeCSS reads is the built HTML alone. These selector
  // families style markup that Material's JavaScript creates as a reader
  // uses a page, for the features mkdocs.yml enables: search results and
  // their highlighted terms (search, search.highlight), the wrapper around a
  // table (any table), the copy button and
  // its confirmation (content.code.copy), the header's title that follows
  // the page (any long page), the table of contents (toc.follow) and the
  // keyboard focus polyfill, and the lock of the page behind search on a
  // phone. tests/test_css.py uses the pages and fails if a selector
  // Material needs for that markup is missing.
  safelist: {
    standard: ["mark"],
    greedy: [
      /md-search-result/,
      /md-typeset__(scrollwrap|table)/,
      /md-code__/,
      /md-dialog/,
      /data-md-copying/,
      /md-header__title--active/,
      /md-nav__link--passed/,
      /focus-visible/,
      /data-md-scrolllock/,
    ],
    variables: [...new Set(alsoUsed)],
  },
};
