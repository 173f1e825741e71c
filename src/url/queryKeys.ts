/**
 * The readable query keys of format v1, in the spirit of Grafana (`from`, `to`, `var-<name>`,
 * `refresh`, `kiosk`) and Perses (`tz`). These names are a public contract: links in tickets and
 * postmortems use them, so a rename needs a new format version and a decoder for the old one.
 */
export const V1_KEYS = {
  version: 'v',
  dashboard: 'd',
  from: 'from',
  to: 'to',
  timezone: 'tz',
  refresh: 'refresh',
  incident: 'incident',
  noIncidents: 'no-incidents',
  event: 'event',
  panel: 'panel',
  hide: 'hide',
  kiosk: 'kiosk',
  playlist: 'playlist',
  playlistItem: 'playlist-item',
  compare: 'compare',
  /** Explore instead of the dashboard (a bare flag, like `kiosk`). */
  explore: 'explore',
  /** One of Explore's queries, repeated in order (Prometheus's UI writes `g0.expr`, `g1.expr`…). */
  exploreQuery: 'q',
  /** The time Explore's tables show values at, epoch ms (the cursor's last rest). */
  exploreCursor: 'cursor',
  /** A series hidden in an Explore query's legend: `<query number>:<series name>`, repeated. */
  exploreHide: 'q-hide',
  /** The panel whose Inspect view is open, as Grafana writes it. */
  inspect: 'inspect',
} as const;

export const VAR_PREFIX = 'var-';

/** Version 0: links written before the `v` key existed used these names (`viewPanel` is Grafana's). */
export const V0_ALIASES = {
  from: 'start',
  to: 'end',
  timezone: 'timezone',
  panel: 'viewPanel',
} as const;

/** The only key of the fragment (`#z=…`): base64url of deflate-raw of the JSON payload. */
export const FRAGMENT_KEY = 'z';
