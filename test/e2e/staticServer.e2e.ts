import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { makeTempDir } from './cleanup';
import { freePort } from './ports';
import { serveDist, type RunningStaticServer } from './staticServer';
import { deployedContentSecurityPolicy } from './deployedPolicy';

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const INDEX_HTML = '<!doctype html><title>vigil</title><div id="root"></div>';
const CONFIG = { datasource: { url: '/prometheus' }, timezone: 'UTC' };

let dist: ReturnType<typeof makeTempDir>;
let upstream: Server;
let upstreamUrl: string;
let site: RunningStaticServer;
const seen: SeenRequest[] = [];
const arrivedSlowRequests: string[] = [];
const closedSlowRequests: string[] = [];

beforeAll(async () => {
  dist = makeTempDir('dist');
  mkdirSync(join(dist.path, 'assets'));
  writeFileSync(join(dist.path, 'index.html'), INDEX_HTML);
  writeFileSync(join(dist.path, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(dist.path, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(dist.path, 'config.json'), '{"from":"file"}');

  upstream = createServer((req, res) => {
    if (req.url === '/slow') {
      arrivedSlowRequests.push(req.url);
      req.once('close', () => closedSlowRequests.push(req.url ?? ''));
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(418, { 'Content-Type': 'application/json', 'X-Upstream': 'yes' });
      res.end(JSON.stringify({ status: 'error', errorType: 'teapot', error: 'short and stout' }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  site = await serveDist({ distDir: dist.path, config: CONFIG, proxyTarget: upstreamUrl });
});

afterAll(async () => {
  await site?.stop();
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve));
  await dist?.remove();
});

test('serves built files with their content types', async () => {
  const index = await fetch(`${site.url}/`);
  expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
  // Every browser test runs the app under the policy deploy/nginx.conf sends.
  expect(index.headers.get('content-security-policy')).toBe(deployedContentSecurityPolicy());
  expect(deployedContentSecurityPolicy()).toContain("script-src 'self'");
  expect(await index.text()).toBe(INDEX_HTML);
  const script = await fetch(`${site.url}/assets/app.js`);
  expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(await script.text()).toBe('console.log("app")');
  expect((await fetch(`${site.url}/assets/app.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
});

test('unknown paths get index.html so client-side routes load', async () => {
  const response = await fetch(`${site.url}/d/incident?from=now-6h`);
  expect(response.status).toBe(200);
  expect(await response.text()).toBe(INDEX_HTML);
});

test('/config.json is the given config, not the file in dist', async () => {
  const response = await fetch(`${site.url}/config.json`);
  expect(response.headers.get('content-type')).toContain('application/json');
  expect(await response.json()).toEqual(CONFIG);
});

test('paths cannot climb out of dist', async () => {
  const body = await rawGet(site.url, '/assets/../../../etc/passwd');
  expect(body).toBe(INDEX_HTML);
});

test('proxies /prometheus/* with the prefix stripped, passing method, headers, body and status', async () => {
  seen.length = 0;
  const response = await fetch(`${site.url}/prometheus/api/v1/query?query=up&time=1`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Trace': 'abc' },
    body: 'query=sum(up)',
  });
  expect(response.status).toBe(418);
  expect(response.headers.get('x-upstream')).toBe('yes');
  expect(await response.json()).toEqual({ status: 'error', errorType: 'teapot', error: 'short and stout' });
  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/v1/query?query=up&time=1', body: 'query=sum(up)' });
  expect(seen[0]?.headers['x-trace']).toBe('abc');
  expect(seen[0]?.headers.host).toBe(new URL(upstreamUrl).host);
});

test('paths that only start with the prefix are not proxied', async () => {
  seen.length = 0;
  expect(await (await fetch(`${site.url}/prometheusish`)).text()).toBe(INDEX_HTML);
  expect(seen).toHaveLength(0);
});

test('an aborted request is aborted upstream too', async () => {
  const controller = new AbortController();
  const pending = fetch(`${site.url}/prometheus/slow`, { signal: controller.signal });
  await waitUntil(() => arrivedSlowRequests.length === 1);
  expect(closedSlowRequests).toEqual([]);
  controller.abort();
  await expect(pending).rejects.toThrow();
  await waitUntil(() => closedSlowRequests.length === 1);
  expect(closedSlowRequests).toEqual(['/slow']);
});

test('answers 502 with an HTML page when the proxy target is down', async () => {
  const deadPort = await freePort();
  const orphan = await serveDist({ distDir: dist.path, config: CONFIG, proxyTarget: `http://127.0.0.1:${deadPort}` });
  try {
    const response = await fetch(`${orphan.url}/prometheus/api/v1/query?query=up`);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toContain('<title>502 Bad Gateway</title>');
  } finally {
    await orphan.stop();
  }
});

test('refuses to serve a dist without index.html, pointing at the build', async () => {
  const empty = makeTempDir('empty-dist');
  try {
    await expect(serveDist({ distDir: empty.path, config: {} })).rejects.toThrow(/npm run build/);
  } finally {
    await empty.remove();
  }
});

// fetch normalises "..", so the traversal check needs a raw request.
function rawGet(baseUrl: string, path: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(body));
    });
    req.once('error', reject);
    req.end();
  });
}

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
