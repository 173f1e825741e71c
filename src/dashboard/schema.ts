import { z } from 'zod';

/** What one dashboard may hold: far beyond a readable dashboard, small enough for one page. */
export const DASHBOARD_LIMITS = {
  panels: 100,
  queriesPerPanel: 26,
  thresholdsPerPanel: 20,
  variables: 50,
  /** The most series a panel may be told to draw (`maxSeries`); drawing is linear in series. */
  maxSeries: 500,
} as const;

const unit = z.enum(['bytes', 'percent', 'percentunit', 'reqps', 'seconds', 'short']);

export const panelQuerySchema = z.object({
  expr: z.string().min(1),
  /** Grafana-style legend template, e.g. "{{instance}}". */
  legend: z.string().optional(),
});

export const thresholdSchema = z.object({
  value: z.number(),
  label: z.string(),
});

export const panelSpecSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'),
  title: z.string().min(1),
  unit,
  queries: z.array(panelQuerySchema).min(1).max(DASHBOARD_LIMITS.queriesPerPanel),
  thresholds: z.array(thresholdSchema).max(DASHBOARD_LIMITS.thresholdsPerPanel).default([]),
  /** Series drawn at most (those with the highest maximum); the panel says how many it left out. */
  maxSeries: z.number().int().min(1).max(DASHBOARD_LIMITS.maxSeries).optional(),
});

/** Grafana's special value for "every value"; it travels in the URL as `var-name=$__all`. */
export const ALL_VALUE = '$__all';

const variableSourceSchema = z.union([
  z.strictObject({
    /** A label name whose values (within the dashboard's range) are the options. */
    labelValues: z.string().min(1),
    /** A series selector that narrows the values, e.g. `up{job="webapp"}`. */
    match: z.string().min(1).optional(),
  }),
  z.strictObject({ values: z.array(z.string()).min(1) }),
]);

export const variableSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be letters, digits and underscores, not starting with a digit'),
    label: z.string().min(1).optional(),
    source: variableSourceSchema,
    multi: z.boolean().default(true),
    includeAll: z.boolean().default(true),
    /** Empty or absent: All when includeAll, else the first option. */
    default: z.array(z.string()).optional(),
  })
  .superRefine((v, ctx) => {
    const defaults = v.default ?? [];
    if (!v.multi && defaults.length > 1) {
      ctx.addIssue({ code: 'custom', path: ['default'], message: 'has several values but the variable is not multi-value' });
    }
    if (!v.includeAll && defaults.includes(ALL_VALUE)) {
      ctx.addIssue({ code: 'custom', path: ['default'], message: `is ${ALL_VALUE} but the variable does not include All` });
    }
  });

export const dashboardSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    defaultRange: z.object({ from: z.string(), to: z.string() }).optional(),
    variables: z.array(variableSchema).max(DASHBOARD_LIMITS.variables).default([]),
    panels: z.array(panelSpecSchema).min(1).max(DASHBOARD_LIMITS.panels),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.variables.forEach((v, i) => {
      if (seen.has(v.name)) ctx.addIssue({ code: 'custom', path: ['variables', i, 'name'], message: `repeats the variable name "${v.name}"` });
      seen.add(v.name);
    });
    // Panel ids key the URL (`panel`, `hide`, overrides) and the page: two panels cannot share one.
    const panelIds = new Set<string>();
    d.panels.forEach((p, i) => {
      if (panelIds.has(p.id)) ctx.addIssue({ code: 'custom', path: ['panels', i, 'id'], message: `repeats the panel id "${p.id}"` });
      panelIds.add(p.id);
    });
  });

export type PanelSpec = z.infer<typeof panelSpecSchema>;
export type PanelQuery = z.infer<typeof panelQuerySchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;
export type DashboardVariable = z.infer<typeof variableSchema>;
export type VariableSource = DashboardVariable['source'];

export function parseDashboard(raw: unknown, source: string): Dashboard {
  const result = dashboardSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : '(root)';
  throw new Error(`Dashboard ${source}: field "${field}" ${issue?.message ?? 'is invalid'}`);
}
