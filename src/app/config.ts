import { z } from 'zod';
import { formatZodError } from '../schema';

/**
 * Runtime configuration, read from `config.json` at start-up so one build serves any environment.
 * `datasource.url`: "demo" runs the built-in demo backend in the browser; otherwise an absolute
 * http(s) URL or a same-origin path such as "/prometheus" (behind a reverse proxy).
 */
const datasourceUrl = z
  .string()
  .trim()
  .refine((url) => url === 'demo' || url.startsWith('/') || /^https?:\/\/[^/\s]+/i.test(url), {
    message: 'must be "demo", an http(s) URL or a path starting with "/"',
  })
  .refine((url) => !/^https?:\/\/[^/]*@/i.test(url), {
    message: 'must not contain credentials; use datasource.headers instead',
  });

export const configSchema = z.object({
  datasource: z
    .object({
      url: datasourceUrl.default('demo'),
      headers: z.record(z.string(), z.string()).default({}),
    })
    .default({ url: 'demo', headers: {} }),
  timezone: z.string().default('UTC'),
  dashboards: z.array(z.string().min(1)).min(1).default(['dashboards/incident.json']),
  incidents: z.array(z.string().min(1)).default([]),
  title: z.string().default('vigil'),
  /** Desktop theme; kiosk mode is always the dark high-contrast one. */
  theme: z.enum(['dark', 'light']).default('dark'),
});

export type VigilConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates a parsed config.json; the error names the offending field. */
export function parseConfig(raw: unknown): VigilConfig {
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new ConfigError(`config.json: ${formatZodError(result.error)}`);
}

export function isDemo(config: VigilConfig): boolean {
  return config.datasource.url === 'demo';
}
