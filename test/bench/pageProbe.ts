// Counters kept inside the page, so that refreshes are proven where they happen and not from the
// network: the demo backend answers in the page (no request ever leaves it), and the raw CDP
// driver has no Network domain to watch. Scripts are strings because tsx wraps functions in a
// `__name` helper that does not exist in the page.

/** Where the counters live on `window`. */
const PROBE_GLOBAL = '__VIGIL_SOAK_PROBE__';
/** The panel whose resolved range end marks a refresh round. */
export const ROUND_PANEL_ID = 'memory';
/** Refreshes come every second; polling 5 times as often cannot merge two rounds. */
const POLL_MS = 200;

export interface PageProbeReading {
  /** Changes of the round panel's `data-end`: one per refresh that moved the range. */
  readonly refreshRounds: number;
  /** Prometheus API fetches the page completed (resource timing); 0 with the in-page demo backend. */
  readonly apiResponses: number;
  readonly errors: number;
  readonly lastErrors: readonly string[];
}

/**
 * Installs the counters; idempotent, so it may run at every new document. A poll rather than a
 * MutationObserver: a remounted panel brings its new `data-end` with it and would go unseen by an
 * attribute observer. Nothing is kept but numbers and the last few error messages.
 */
export const PAGE_PROBE_SCRIPT = `(() => {
  if (window.${PROBE_GLOBAL}) return;
  const probe = { refreshRounds: 0, apiResponses: 0, errors: 0, lastErrors: [], lastEnd: null };
  window.${PROBE_GLOBAL} = probe;
  setInterval(() => {
    const section = document.querySelector('section[data-panel="${ROUND_PANEL_ID}"]');
    const end = section === null ? null : section.getAttribute('data-end');
    if (end !== null && end !== probe.lastEnd) {
      if (probe.lastEnd !== null) probe.refreshRounds++;
      probe.lastEnd = end;
    }
  }, ${POLL_MS});
  const noteError = (message) => {
    probe.errors++;
    probe.lastErrors.push(String(message).slice(0, 200));
    if (probe.lastErrors.length > 5) probe.lastErrors.shift();
  };
  window.addEventListener('error', (event) => noteError(event.message));
  window.addEventListener('unhandledrejection', (event) => noteError(event.reason && event.reason.message ? event.reason.message : event.reason));
  if (typeof PerformanceObserver === 'function') {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name.includes('/api/v1/')) probe.apiResponses++;
    }).observe({ type: 'resource' });
  }
})();`;

/** An expression that evaluates to the reading as JSON (a string crosses every driver unchanged). */
export const READ_PAGE_PROBE = `JSON.stringify(window.${PROBE_GLOBAL} ?? null)`;

export function parsePageProbe(json: unknown): PageProbeReading {
  const raw = typeof json === 'string' ? (JSON.parse(json) as Partial<PageProbeReading> | null) : null;
  if (raw === null) throw new Error('the page probe is not installed in this document');
  return {
    refreshRounds: raw.refreshRounds ?? 0,
    apiResponses: raw.apiResponses ?? 0,
    errors: raw.errors ?? 0,
    lastErrors: raw.lastErrors ?? [],
  };
}

/** An expression true once every listed panel has drawn at least one series line. */
export function panelsDrawnExpression(panelIds: readonly string[]): string {
  const selectors = panelIds.map((id) => `section[data-panel="${id}"] [data-testid="series-lines"] path`);
  return `${JSON.stringify(selectors)}.every((selector) => document.querySelector(selector) !== null)`;
}
