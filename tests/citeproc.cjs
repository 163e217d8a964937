// Renders citation files with citeproc-js (the CSL engine of Zotero and
// Mendeley), for tests/test_cite.py.
//
// Usage: node tests/citeproc.cjs STYLE LOCALES LANG FILE...
// STYLE is a CSL style file, LOCALES the folder of CSL locale files
// (locales-xx-XX.xml), LANG the document's language (en-US, id-ID), which
// overrides the style's default locale as pandoc's `lang` does. Each FILE
// is read by its extension: .json as CSL-JSON, .bib by citation-js's
// BibLaTeX reader, .ris by its RIS reader. Prints a JSON list with, for each
// file, the CSL type each item was read as and the bibliography as plain
// text, one string per entry.
"use strict";

const fs = require("fs");
const path = require("path");

const modules = path.join(__dirname, "..", "node_modules");
const { Cite } = require(path.join(modules, "@citation-js/core"));
require(path.join(modules, "@citation-js/plugin-bibtex"));
require(path.join(modules, "@citation-js/plugin-ris"));
const CSL = require(path.join(modules, "citeproc"));

const READERS = { ".bib": "@biblatex/text", ".ris": "@ris/file" };

function items(file) {
  const text = fs.readFileSync(file, "utf8");
  const extension = path.extname(file);
  if (extension === ".json") return JSON.parse(text);
  if (!READERS[extension]) throw new Error(`${file}: no reader for ${extension}`);
  return new Cite(text, { forceType: READERS[extension] }).data.map((item, n) => {
    const { _graph, ...csl } = item;
    return { ...csl, id: csl.id || `item-${n}` };
  });
}

function render(style, locales, lang, file) {
  const read = items(file);
  const byId = Object.fromEntries(read.map((item) => [item.id, item]));
  const sys = {
    retrieveLocale: (code) => {
      const locale = path.join(locales, `locales-${code}.xml`);
      return fs.existsSync(locale) ? fs.readFileSync(locale, "utf8") : false;
    },
    retrieveItem: (id) => byId[id],
  };
  const engine = new CSL.Engine(sys, style, lang, true);
  engine.setOutputFormat("text");
  engine.updateItems(Object.keys(byId));
  const [, entries] = engine.makeBibliography();
  return {
    file,
    types: read.map((item) => item.type),
    entries: entries.map((entry) => entry.trim().split(/\s+/).join(" ")),
  };
}

const [styleFile, locales, lang, ...files] = process.argv.slice(2);
const style = fs.readFileSync(styleFile, "utf8");
process.stdout.write(JSON.stringify(files.map((file) => render(style, locales, lang, file))));
