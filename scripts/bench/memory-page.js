// Runs inside Chromium for the memory bench (memory.mjs): mounts and removes one widget many
// times with polling on, then keeps counting the requests its host is asked for.
/* global window, document, performance, setTimeout, Response, customElements */

const state = { requests: 0, answers: {} };

/** A host answering from memory; `answers` maps a URL fragment to a JSON body (else an empty list). */
function hostFor() {
  return {
    endpoints: {
      argocd: { api: `${window.location.origin}/argocd`, ui: 'https://argocd.example.com' },
      kubernetes: { api: `${window.location.origin}/kubernetes`, ui: 'https://headlamp.example.com' },
    },
    cacheTtlMs: 0,
    fetch: (input) => {
      state.requests += 1;
      const url = String(input);
      const match = Object.keys(state.answers).find((fragment) => url.includes(fragment));
      const body = match ? state.answers[match] : '{"items":[]}';
      return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
    },
  };
}

const stateOf = (element) => element.shadowRoot?.querySelector('section.card')?.getAttribute('data-state');

async function untilReady(element, timeoutMs = 10_000) {
  const deadline = performance.now() + timeoutMs;
  while (stateOf(element) !== 'ready') {
    if (performance.now() > deadline) throw new Error(`<${element.localName}> not ready (${stateOf(element)})`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Mounts `<tag attributes>` `times` times, each until ready, and removes it. */
async function cycle(tag, attributes, times) {
  await customElements.whenDefined(tag);
  const host = hostFor();
  for (let i = 0; i < times; i += 1) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.host = host;
    document.body.append(element);
    await untilReady(element);
    element.remove();
  }
}

/** Requests made within `ms` from now (everything mounted has been removed). */
async function requestsWithin(ms) {
  const before = state.requests;
  await new Promise((resolve) => setTimeout(resolve, ms));
  return state.requests - before;
}

window.memoryBench = { state, cycle, requestsWithin };
