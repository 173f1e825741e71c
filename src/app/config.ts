import { z } from 'zod';
import { parseDuration } from '../time';

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

const MIN_SCRAPE_INTERVAL_MS = 1_000;
const MAX_SCRAPE_INTERVAL_MS = 3_600_000;

/** How often the server scrapes its targets (Grafana's per-data-source "Scrape interval"), for `$__rate_interval`. */
const scrapeInterval = z.string().refine(
  (text) => {
    const ms = parseDuration(text);
    return ms !== null && ms >= MIN_SCRAPE_INTERVAL_MS && ms <= MAX_SCRAPE_INTERVAL_MS;
  },
  { message: 'must be a Prometheus duration from 1s to 1h, e.g. "15s"' },
);

export const configSchema = z.object({
  datasource: z
    .object({
      url: datasourceUrl.default('demo'),
      headers: z.record(z.string(), z.string()).default({}),
      scrapeInterval: scrapeInterval.default('15s'),
    })
    .default({ url: 'demo', headers: {}, scrapeInterval: '15s' }),
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
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : '(root)';
  throw new ConfigError(`config.json: field "${field}" ${issue?.message ?? 'is invalid'}`);
}

/** The validated scrape interval in ms. */
export function scrapeIntervalMs(config: VigilConfig): number {
  return parseDuration(config.datasource.scrapeInterval) ?? 15_000;
}

export function isDemo(config: VigilConfig): boolean {
  return config.datasource.url === 'demo';
}
