// Accessibility mends for markup that Material's JavaScript creates:
// - the copy button's <nav> around each code block is one of many unnamed
//   landmarks (axe landmark-unique): it is presentation only;
// - a table or the diagram that overflows its box must be reachable by
//   keyboard to scroll (axe scrollable-region-focusable), so it becomes a
//   focusable, named region while it overflows.
(() => {
  const indonesian = document.documentElement.lang === "id";
  const names = {
    table: indonesian ? "Tabel, dapat digeser" : "Table, scrollable",
    diagram: indonesian ? "Diagram, dapat digeser" : "Diagram, scrollable",
  };

  const mend = () => {
    for (const nav of document.querySelectorAll("nav.md-code__nav:not([role])")) {
      nav.setAttribute("role", "none");
    }
    const regions = document.querySelectorAll(".md-typeset__scrollwrap, .diagram-figure > div");
    for (const region of regions) {
      const overflows = region.scrollWidth > region.clientWidth + 1;
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
    }
  };

  // Material builds its markup when the document is ready; mend after it,
  // and again when the layout changes. Measuring overflow forces a layout,
  // so resizes are mended once per frame at most.
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      mend();
    });
  };
  addEventListener("DOMContentLoaded", mend);
  addEventListener("load", mend);
  addEventListener("resize", schedule);
})();
