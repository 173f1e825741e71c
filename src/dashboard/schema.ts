import { z } from '../schema';
import { CURRENT_SCHEMA_VERSION } from './migrate';
import { leakWatchSchema } from './leakWatchSchema';
import { ALL_VALUE, DASHBOARD_LIMITS } from './limits';

export { ALL_VALUE, DASHBOARD_LIMITS };

import { referencedNames } from './references';

const unit = z.enum(['bytes', 'percent', 'percentunit', 'reqps', 'seconds', 'short']);

export const panelQuerySchema = z.object({
  expr: z.string().check(z.minLength(1)),
  /** Grafana-style legend template, e.g. "{{instance}}". */
  legend: z.optional(z.string()),
});

export const thresholdSchema = z.object({
  value: z.number(),
  label: z.string(),
});

const panelId = z.string().check(z.regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'));

export const timeSeriesPanelSchema = z.object({
  type: z.literal('timeseries'),
  id: panelId,
  title: z.string().check(z.minLength(1)),
  unit,
  queries: z.array(panelQuerySchema).check(z.minLength(1), z.maxLength(DASHBOARD_LIMITS.queriesPerPanel)),
  thresholds: z._default(z.array(thresholdSchema).check(z.maxLength(DASHBOARD_LIMITS.thresholdsPerPanel)), []),
  /** Series drawn at most (those with the highest maximum); the panel says how many it left out. */
  maxSeries: z.optional(z.int().check(z.gte(1), z.lte(DASHBOARD_LIMITS.maxSeries))),
  leakWatch: z.optional(leakWatchSchema),
});

/** One member per panel type, chosen by `type` (Grafana's panel `type`, Perses' `kind`). */
const PANEL_TYPES = [timeSeriesPanelSchema] as const;
const PANEL_TYPE_NAMES = PANEL_TYPES.map((p) => `"${p.shape.type._zod.def.values[0]}"`).join(', ');

export const panelSpecSchema = z.discriminatedUnion('type', PANEL_TYPES, {
  error: (issue) => (issue.code === 'invalid_union' ? `must be one of the panel types ${PANEL_TYPE_NAMES}` : undefined),
});


const variableSourceSchema = z.union([
  z.strictObject({
    /** A label name whose values (within the dashboard's range) are the options. */
    labelValues: z.string().check(z.minLength(1)),
    /** A series selector that narrows the values, e.g. `up{job="webapp"}`. */
    match: z.optional(z.string().check(z.minLength(1))),
  }),
  z.strictObject({ values: z.array(z.string()).check(z.minLength(1)) }),
]);

export const variableSchema = z
  .object({
    name: z.string().check(
      z.regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be letters, digits and underscores, not starting with a digit'),
      z.refine((name) => !name.startsWith('__'), 'must not start with "__": those names are the built-ins ($__interval, $__rate_interval, $__range)'),
    ),
    label: z.optional(z.string().check(z.minLength(1))),
    source: variableSourceSchema,
    multi: z._default(z.boolean(), true),
    includeAll: z._default(z.boolean(), true),
    /** Empty or absent: All when includeAll, else the first option. */
    default: z.optional(z.array(z.string())),
  })
  .check(
    z.superRefine((v, ctx) => {
      const defaults = v.default ?? [];
      if (!v.multi && defaults.length > 1) {
        ctx.addIssue({ code: 'custom', path: ['default'], message: 'has several values but the variable is not multi-value' });
      }
      if (!v.includeAll && defaults.includes(ALL_VALUE)) {
        ctx.addIssue({ code: 'custom', path: ['default'], message: `is ${ALL_VALUE} but the variable does not include All` });
      }
    }),
  );

const schemaVersion = z.literal(CURRENT_SCHEMA_VERSION, {
  error: (issue) =>
    Number.isInteger(issue.input) && (issue.input as number) > CURRENT_SCHEMA_VERSION
      ? `is ${String(issue.input)}, newer than this vigil reads (up to ${CURRENT_SCHEMA_VERSION}): update vigil`
      : `must be a version number (this vigil reads up to ${CURRENT_SCHEMA_VERSION}), or absent in a file from before versioning`,
});

/** Names that identify an entry must not repeat: links and hidden series refer to them. */
function addRepeatIssues(names: readonly string[], what: string, path: (i: number) => (string | number)[], ctx: z.core.$RefinementCtx): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name)) ctx.addIssue({ code: 'custom', path: path(i), message: `repeats the ${what} "${name}"` });
    seen.add(name);
  });
}

/** A dashboard file at CURRENT_SCHEMA_VERSION; `parseDashboard` migrates older ones first. */
export const dashboardSchema = z
  .object({
    schemaVersion,
    id: z.string().check(z.minLength(1)),
    title: z.string().check(z.minLength(1)),
    defaultRange: z.optional(z.object({ from: z.string(), to: z.string() })),
    variables: z._default(z.array(variableSchema).check(z.maxLength(DASHBOARD_LIMITS.variables)), []),
    panels: z.array(panelSpecSchema).check(z.minLength(1), z.maxLength(DASHBOARD_LIMITS.panels)),
  })
  .check(
    z.superRefine((d, ctx) => {
      addRepeatIssues(d.variables.map((v) => v.name), 'variable name', (i) => ['variables', i, 'name'], ctx);
      addRepeatIssues(d.panels.map((p) => p.id), 'panel id', (i) => ['panels', i, 'id'], ctx);
      // Chained variables resolve in one pass down the list: a selector reads only earlier ones.
      const declared = new Set<string>();
      d.variables.forEach((v, i) => {
        const later = 'match' in v.source ? referencedNames(v.source.match ?? '').find((n) => !declared.has(n) && d.variables.some((o) => o.name === n)) : undefined;
        if (later !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['variables', i, 'source', 'match'], message: `uses $${later}, which is not declared before "${v.name}"` });
        }
        declared.add(v.name);
      });
    }),
  );

export type PanelSpec = z.infer<typeof panelSpecSchema>;
export type TimeSeriesPanelSpec = z.infer<typeof timeSeriesPanelSchema>;
export type PanelType = PanelSpec['type'];
export type PanelQuery = z.infer<typeof panelQuerySchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;
export type DashboardVariable = z.infer<typeof variableSchema>;
export type VariableSource = DashboardVariable['source'];
