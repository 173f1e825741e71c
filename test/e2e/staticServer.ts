import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { registerCleanup } from './cleanup';
import { deployedContentSecurityPolicy } from './deployedPolicy';

export interface ServeDistOptions {
  /** The built SPA (vite build output). */
  distDir: string;
  /** Answered at /config.json instead of the file in distDir. */
  config: object;
  /** Extra files answered by path (e.g. '/dashboards/broken.json'), for test dashboards. */
  extraFiles?: Readonly<Record<string, string>>;
  /** When set, /prometheus/* is proxied here with the prefix stripped, so the app can stay same-origin. */
  proxyTarget?: string;
  /**
   * Send deploy/nginx.conf's Content-Security-Policy with every file (default), so every browser
   * test runs the app under the policy users get. false only for hand-written test pages.
   */
  contentSecurityPolicy?: boolean;
}

export interface RunningStaticServer {
  url: string;
  stop(): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': JSON_TYPE,
  '.map': JSON_TYPE,
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

const PROXY_PREFIX = '/prometheus';

// Headers that describe one hop, not the message (RFC 9110 §7.6.1); a proxy must not forward them.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

// The body nginx sends when its upstream is down; tests check the app's 'unavailable' state with it.
const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>vigil-e2e</center>\r\n</body>\r\n</html>\r\n';

export async function serveDist(options: ServeDistOptions): Promise<RunningStaticServer> {
  const root = resolve(options.distDir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`serveDist: ${root}/index.html does not exist. Build the app first: npm run build`);
  }
  const configBody = JSON.stringify(options.config);
  const policy = options.contentSecurityPolicy === false ? undefined : deployedContentSecurityPolicy();
  const send = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: Buffer) => sendFile(req, res, status, type, body, policy);
  const target = options.proxyTarget ? new URL(options.proxyTarget) : undefined;

  const server = createServer((req, res) => {
    const path = requestUrl(req).pathname;
    if (target && (path === PROXY_PREFIX || path.startsWith(`${PROXY_PREFIX}/`))) {
      proxy(req, res, target);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const extra = options.extraFiles?.[path];
    if (extra !== undefined) {
      send(req, res, 200, CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', Buffer.from(extra));
      return;
    }
    if (path === '/config.json') {
      send(req, res, 200, JSON_TYPE, Buffer.from(configBody));
      return;
    }
    serveFile(req, res, root, path, send).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;

  const stop = () =>
    new Promise<void>((resolveClose) => {
      server.close(() => resolveClose());
      // Keep-alive connections from the browser would otherwise hold close() open.
      server.closeAllConnections();
    });
  const unregister = registerCleanup({ release: stop, releaseNow: () => server.closeAllConnections() });

  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      unregister();
      await stop();
    },
  };
}

async function serveFile(req: IncomingMessage, res: ServerResponse, root: string, urlPath: string, send: SendFile): Promise<void> {
  const decoded = safeDecode(urlPath);
  const candidate = decoded === undefined ? undefined : normalize(join(root, decoded));
  const insideRoot = candidate !== undefined && (candidate === root || candidate.startsWith(root + sep));
  const file = insideRoot && (await isFile(candidate)) ? candidate : join(root, 'index.html');
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  send(req, res, 200, type, await readFile(file));
}

type SendFile = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: Buffer) => void;

function sendFile(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: Buffer, policy: string | undefined): void {
  const headers: Record<string, string | number> = { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store' };
  if (policy !== undefined) headers['Content-Security-Policy'] = policy;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function proxy(req: IncomingMessage, res: ServerResponse, target: URL): void {
  const incoming = requestUrl(req);
  const basePath = target.pathname.replace(/\/$/, '');
  const strippedPath = incoming.pathname.slice(PROXY_PREFIX.length) || '/';

  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  headers.host = target.host;

  const upstream = request(
    {
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: `${basePath}${strippedPath}${incoming.search}`,
      headers,
    },
    (upstreamRes) => {
      const responseHeaders: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(upstreamRes.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) responseHeaders[name] = value;
      }
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, responseHeaders);
      upstreamRes.pipe(res);
      upstreamRes.once('error', () => res.destroy());
    },
  );
  upstream.once('error', () => {
    if (res.destroyed) return;
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const body = Buffer.from(BAD_GATEWAY_HTML);
    res.writeHead(502, { 'Content-Type': 'text/html', 'Content-Length': body.length });
    res.end(body);
  });
  // A cancelled fetch in the app (AbortSignal) must cancel the upstream query too.
  res.once('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

// Concatenated rather than resolved against a base, so a path like //host/x stays a path.
function requestUrl(req: IncomingMessage): URL {
  return new URL(`http://localhost${req.url ?? '/'}`);
}

function safeDecode(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
