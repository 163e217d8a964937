// Search that costs nothing until a reader searches (overrides/hooks/search_lazy.py).
//
// Material starts its search worker as every page loads and hands it the
// edition's index. The page's configuration names this worker instead, and
// the index Material fetches holds the search configuration without the
// documents. This worker answers Material's set-up at once; at the first
// query it fetches the full index (the "index" parameter of its URL),
// loads Material's own worker (the "worker" parameter) into itself, sets it
// up with the full index and hands it the latest query. From then on every
// message goes straight to Material's worker. Messages follow Material's
// protocol (integrations/search/worker/message): SETUP 0, READY 1, QUERY 2,
// RESULT 3.
const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;

const parameters = new URL(location.href).searchParams;
const post = postMessage.bind(self); // to the page, whatever Material's worker does
let setup; // Material's set-up: options, and the configuration without documents
let query; // the latest query while the full index loads
let state = "waiting"; // then "loading", then "ready"

// Messages this worker dispatches to itself are for Material's worker.
const deliver = (data) => dispatchEvent(new MessageEvent("message", { data }));

async function load() {
  try {
    const response = await fetch(new URL(parameters.get("index"), location.href));
    if (!response.ok) throw new Error(`${response.status} ${response.url}`);
    const index = await response.json();
    importScripts(new URL(parameters.get("worker"), location.href).href);
    // Material's worker answers its set-up with READY, which the page had
    // from this worker already: answer the waiting query instead. (The
    // worker's global postMessage is its own property: replaced, not deleted.)
    self.postMessage = (message) => {
      if (state !== "loading" || message.type !== READY) return post(message);
      state = "ready";
      deliver(query);
    };
    deliver({ type: SETUP, data: { ...setup, config: index.config, docs: index.docs } });
  } catch (error) {
    console.warn("Search index unavailable:", error);
    state = "waiting"; // the next query tries again
    post({ type: RESULT, data: { items: [] } });
  }
}

addEventListener("message", (event) => {
  if (state === "ready" || !event.isTrusted) return;
  event.stopImmediatePropagation();
  const message = event.data;
  if (message.type === SETUP) {
    setup = message.data;
    post({ type: READY });
  } else if (message.type === QUERY && !message.data.trim()) {
    // Material asks with an empty query as soon as search is ready; its
    // worker answers that with no results, and so can this one.
    post({ type: RESULT, data: { items: [] } });
  } else if (message.type === QUERY) {
    query = message;
    if (state === "waiting") {
      state = "loading";
      load();
    }
  }
});
