import { chmod, cp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BINARIES, requireBinary } from './binaries';
import { makeTempDir } from './cleanup';
import { spawnManaged, type ManagedProcess } from './managedProcess';
import { freePort } from './ports';
import { waitForHttpOk } from './waitFor';

/** The site file the README tells users to copy; the tests run it with only the CHANGE lines replaced. */
export const NGINX_SITE_FILE = resolve(fileURLToPath(import.meta.url), '../../../deploy/nginx.conf');

export interface NginxSiteValues {
  /** The `listen` address, e.g. 127.0.0.1:41234. */
  listen: string;
  root: string;
  /** The API root nginx proxies /prometheus/ to, with its path prefix and a trailing slash. */
  upstream: string;
  /** The X-Scope-OrgID nginx sends upstream. */
  tenant: string;
}

/** The lines of deploy/nginx.conf a user changes, as shipped, and what the test puts there. */
const CHANGED_LINES: readonly { shipped: string; filled: (values: NginxSiteValues) => string }[] = [
  { shipped: 'listen 80;', filled: (v) => `listen ${v.listen};` },
  { shipped: 'root /srv/vigil/dist;', filled: (v) => `root ${v.root};` },
  { shipped: 'proxy_pass http://mimir.internal:8080/prometheus/;', filled: (v) => `proxy_pass ${v.upstream};` },
  { shipped: 'proxy_set_header X-Scope-OrgID "team-a";', filled: (v) => `proxy_set_header X-Scope-OrgID "${v.tenant}";` },
];

// Characters that would end a directive or a quoted value early, and so change the config's meaning.
const UNSAFE_VALUE = /[\s;"'{}$\\]/;

/**
 * deploy/nginx.conf with the lines marked CHANGE set to `values`. Each shipped line must occur
 * exactly once, so that an edit of the file that the test does not follow fails loudly instead of
 * testing something else.
 */
export function fillSiteConfig(template: string, values: NginxSiteValues): string {
  for (const [name, value] of Object.entries(values)) {
    if (UNSAFE_VALUE.test(value)) throw new Error(`fillSiteConfig: ${name} "${value}" contains a character nginx would read as syntax`);
  }
  return CHANGED_LINES.reduce((text, line) => {
    const occurrences = text.split(line.shipped).length - 1;
    if (occurrences !== 1) {
      throw new Error(`${NGINX_SITE_FILE}: expected the line "${line.shipped}" once, found it ${occurrences} times`);
    }
    return text.replace(line.shipped, line.filled(values));
  }, template);
}

/**
 * The main config around the site file, as Debian's nginx.conf is around conf.d: everything that
 * nginx would otherwise write under /var or /run goes into `dir`, so a normal user can run it.
 * As root, nginx would run its workers as `nobody` anyway (its built-in default); naming the user
 * says so, and `dir` is made readable for it.
 */
export function mainConfig(dir: string, siteFile: string, runsAsRoot: boolean): string {
  return [
    'daemon off;',
    'worker_processes 1;',
    ...(runsAsRoot ? ['user nobody nogroup;'] : []),
    `pid ${join(dir, 'nginx.pid')};`,
    'error_log stderr warn;',
    'events { worker_connections 128; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(dir, `${kind}_temp`)};`),
    `  include ${siteFile};`,
    '}',
    '',
  ].join('\n');
}

export interface NginxSiteOptions {
  /** The built app; copied, so that config.json can be replaced without touching the build. */
  distDir: string;
  /** Written as the site's config.json. */
  config: object;
  /** Where /prometheus/ goes, with its path prefix and a trailing slash. */
  upstream: string;
  tenant: string;
}

export interface RunningNginx {
  url: string;
  /** The site file as nginx runs it. */
  siteConfig: string;
  /** The site's copy of the build (what nginx serves). */
  root: string;
  /** Replaces config.json, as an operator editing the file would. */
  writeConfig(config: object): Promise<void>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 15_000;

/** Debian's nginx serving a copy of `distDir` through deploy/nginx.conf on a free loopback port. */
export async function startNginxSite(options: NginxSiteOptions): Promise<RunningNginx> {
  requireBinary(BINARIES.nginx, 'nginx');
  if (!existsSync(join(options.distDir, 'index.html'))) {
    throw new Error(`startNginxSite: ${resolve(options.distDir)}/index.html does not exist. Build the app first: npm run build`);
  }
  const workDir = makeTempDir('nginx');
  const runsAsRoot = process.geteuid?.() === 0;
  // mkdtemp makes the directory private; the workers (nobody, when started as root) must read the site.
  await chmod(workDir.path, 0o755);
  const root = join(workDir.path, 'site');
  await cp(options.distDir, root, { recursive: true });
  const writeConfig = (config: object) => writeFile(join(root, 'config.json'), JSON.stringify(config));
  await writeConfig(options.config);

  const port = await freePort();
  const siteConfig = fillSiteConfig(await readFile(NGINX_SITE_FILE, 'utf8'), {
    listen: `127.0.0.1:${port}`,
    root,
    upstream: options.upstream,
    tenant: options.tenant,
  });
  const siteFile = join(workDir.path, 'vigil.conf');
  const mainFile = join(workDir.path, 'nginx.conf');
  await writeFile(siteFile, siteConfig);
  await writeFile(mainFile, mainConfig(workDir.path, siteFile, runsAsRoot));

  const url = `http://127.0.0.1:${port}`;
  let server: ManagedProcess | undefined;
  try {
    server = spawnManaged('nginx', BINARIES.nginx, ['-p', workDir.path, '-c', mainFile, '-e', 'stderr']);
    await waitForHttpOk(`${url}/`, { timeoutMs: READY_TIMEOUT_MS, process: server });
  } catch (error) {
    await server?.stop();
    await workDir.remove();
    throw error;
  }
  return {
    url,
    siteConfig,
    root,
    writeConfig,
    async stop() {
      await server?.stop();
      await workDir.remove();
    },
  };
}
