// Accessibility mends for markup that Material's JavaScript creates:
// - the copy button's <nav> around each code block is one of many unnamed
//   landmarks (axe landmark-unique): it is presentation only;
// - a table or the diagram that overflows its box must be reachable by
//   keyboard to scroll (axe scrollable-region-focusable), so it becomes a
//   focusable, named region while it overflows.
// Nothing here forces a layout: sizes are read where a ResizeObserver reports
// them, just after the browser has laid the page out, and all are read
// before any attribute is written.
(() => {
  const indonesian = document.documentElement.lang === "id";
  const names = {
    table: indonesian ? "Tabel, dapat digeser" : "Table, scrollable",
    diagram: indonesian ? "Diagram, dapat digeser" : "Diagram, scrollable",
  };
  const REGIONS = ".md-typeset__scrollwrap, .diagram-figure > div";

  const mark = (region, overflows) => {
    if (overflows && !region.hasAttribute("tabindex")) {
      region.setAttribute("tabindex", "0");
      region.setAttribute("role", "region");
      const kind = region.closest(".diagram-figure") ? "diagram" : "table";
      region.setAttribute("aria-label", names[kind]);
    } else if (!overflows && region.getAttribute("role") === "region") {
      region.removeAttribute("tabindex");
      region.removeAttribute("role");
      region.removeAttribute("aria-label");
    }
  };

  // A region's overflow changes when it or its content changes size.
  const observer = new ResizeObserver((entries) => {
    const regions = new Set(entries.map(({ target }) => target.closest(REGIONS)));
    const overflows = [...regions].map((region) => [
      region,
      region.scrollWidth > region.clientWidth + 1,
    ]);
    for (const [region, overflow] of overflows) mark(region, overflow);
  });

  // Material builds its markup when the document is ready; mend after it.
  addEventListener("DOMContentLoaded", () => {
    for (const nav of document.querySelectorAll("nav.md-code__nav")) {
      nav.setAttribute("role", "none");
    }
    for (const region of document.querySelectorAll(REGIONS)) {
      observer.observe(region);
      if (region.firstElementChild) observer.observe(region.firstElementChild);
    }
  });
})();
