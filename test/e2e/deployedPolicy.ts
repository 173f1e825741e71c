import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Resolved when asked, not at import: modules that import the test server only for its types may
// load in jsdom, where import.meta.url is not a file URL.
const nginxConfPath = () => fileURLToPath(new URL('../../deploy/nginx.conf', import.meta.url));

/**
 * The Content-Security-Policy the recommended deployment (deploy/nginx.conf) sends, read from that
 * file so the test servers hold every page to the same policy users get and the two cannot drift.
 */
export function deployedContentSecurityPolicy(conf: string = readFileSync(nginxConfPath(), 'utf8')): string {
  const match = /^\s*add_header\s+Content-Security-Policy\s+"([^"]+)"/m.exec(conf);
  if (!match?.[1]) throw new Error(`deploy/nginx.conf has no add_header Content-Security-Policy "…" line`);
  return match[1];
}
