/*
 * Dashboard files outlive the vigil that wrote them: they sit in repositories and config
 * management for years. So every change to their format gets a version and a migration here, in
 * the manner of Grafana's DashboardMigrator: a chain of steps, each taking a file from version n to
 * n + 1, applied to the raw JSON before validation. A step touches only what changed in its
 * version; the current schema then validates the whole result and names any field at fault.
 */

type JsonObject = Record<string, unknown>;
type Migration = (dashboard: JsonObject) => JsonObject;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * 0 → 1: panels gain a `type`. Before versioning every panel was drawn as a time series, whatever
 * else it said (a `"type": "graph"` copied from Grafana was ignored), so every panel becomes one.
 */
function addPanelTypes(dashboard: JsonObject): JsonObject {
  const { panels } = dashboard;
  if (!Array.isArray(panels)) return dashboard;
  return { ...dashboard, panels: panels.map((panel: unknown) => (isJsonObject(panel) ? { ...panel, type: 'timeseries' } : panel)) };
}

/** `MIGRATIONS[n]` takes a version-n file to version n + 1; version 0 is a file without `schemaVersion`. */
const MIGRATIONS = [addPanelTypes] as const satisfies readonly Migration[];

/** The version vigil writes and reads as is: one past the last migration. */
export const CURRENT_SCHEMA_VERSION: typeof MIGRATIONS.length = MIGRATIONS.length;

/** The version a file declares, if it is one a migration starts from (0 when it declares none). */
function migratableVersion(dashboard: JsonObject): number | undefined {
  const declared = dashboard.schemaVersion;
  if (declared === undefined) return 0;
  if (typeof declared === 'number' && Number.isInteger(declared) && declared >= 1 && declared < CURRENT_SCHEMA_VERSION) return declared;
  return undefined;
}

/**
 * Upgrades a dashboard file of an older version to the current one, without changing the input.
 * Anything else — the current version, a newer one, a bad `schemaVersion`, not an object at all —
 * is returned as it is, for the schema to accept or to reject with the field named.
 */
export function migrateDashboard(json: unknown): unknown {
  if (!isJsonObject(json)) return json;
  const from = migratableVersion(json);
  if (from === undefined) return json;
  let dashboard = json;
  for (const migration of MIGRATIONS.slice(from)) dashboard = migration(dashboard);
  return { ...dashboard, schemaVersion: CURRENT_SCHEMA_VERSION };
}
