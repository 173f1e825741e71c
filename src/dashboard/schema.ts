import { z } from 'zod';

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

export const dashboardSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  defaultRange: z.object({ from: z.string(), to: z.string() }).optional(),
  panels: z.array(panelSpecSchema).min(1),
});

export type PanelSpec = z.infer<typeof panelSpecSchema>;
export type PanelQuery = z.infer<typeof panelQuerySchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;

export function parseDashboard(raw: unknown, source: string): Dashboard {
  const result = dashboardSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : '(root)';
  throw new Error(`Dashboard ${source}: field "${field}" ${issue?.message ?? 'is invalid'}`);
}
