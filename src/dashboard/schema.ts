import { z } from 'zod';
import { referencedNames } from './references';

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
  queries: z.array(panelQuerySchema).min(1),
  thresholds: z.array(thresholdSchema).default([]),
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
    name: z
      .string()
      .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be letters, digits and underscores, not starting with a digit')
      .refine((name) => !name.startsWith('__'), 'must not start with "__": those names are the built-ins ($__interval, $__rate_interval, $__range)'),
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
    variables: z.array(variableSchema).default([]),
    panels: z.array(panelSpecSchema).min(1),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.variables.forEach((v, i) => {
      if (seen.has(v.name)) ctx.addIssue({ code: 'custom', path: ['variables', i, 'name'], message: `repeats the variable name "${v.name}"` });
      // Chained variables resolve in one pass down the list: a selector reads only earlier ones.
      const later = 'match' in v.source ? referencedNames(v.source.match ?? '').find((n) => !seen.has(n) && d.variables.some((o) => o.name === n)) : undefined;
      if (later !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['variables', i, 'source', 'match'], message: `uses $${later}, which is not declared before "${v.name}"` });
      }
      seen.add(v.name);
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
