// The dashboard format's limits and values, apart from its zod schema (./schema.ts, the types and the
// check's test oracle) so that the first load, which reads dashboards with ./check.ts, does not load zod.

/** What one dashboard may hold: far beyond a readable dashboard, small enough for one page. */
export const DASHBOARD_LIMITS = {
  panels: 100,
  queriesPerPanel: 26,
  thresholdsPerPanel: 20,
  variables: 50,
  /** The most series a panel may be told to draw (`maxSeries`); drawing is linear in series. */
  maxSeries: 500,
} as const;

/** Grafana's special value for "every value"; it travels in the URL as `var-name=$__all`. */
export const ALL_VALUE = '$__all';
