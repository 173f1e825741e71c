import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerCleanup } from './cleanup';

export interface RecordedRequest {
  readonly method: string;
  /** As it arrived, path prefix included. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

export interface RecordingProxy {
  /** Base URL including the path prefix, with a trailing slash (what nginx's proxy_pass names). */
  url: string;
  /** Every request that arrived, in order. */
  readonly requests: readonly RecordedRequest[];
  stop(): Promise<void>;
}

/**
 * A stand-in for a gateway that serves the Prometheus API under a path prefix (as Mimir serves
 * /prometheus/): it records what reached it, headers included, and forwards requests under the
 * prefix to `target` with the prefix stripped. Anything else is a 404, so a proxy that drops the
 * prefix gets no data.
 */
export async function startRecordingProxy(options: { target: string; pathPrefix: string }): Promise<RecordingProxy> {
  const target = new URL(options.target);
  const prefix = options.pathPrefix.replace(/\/$/, '');
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push({ method: req.method ?? '', url, headers: req.headers });
    if (!url.startsWith(`${prefix}/`)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not under ${prefix}/\n`);
      return;
    }
    const upstream = request(
      { hostname: target.hostname, port: target.port, method: req.method, path: url.slice(prefix.length), headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.once('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end('upstream unreachable\n');
    });
    res.once('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;

  const stop = () =>
    new Promise<void>((resolveClose) => {
      server.close(() => resolveClose());
      server.closeAllConnections();
    });
  const unregister = registerCleanup({ release: stop, releaseNow: () => server.closeAllConnections() });
  return {
    url: `http://127.0.0.1:${port}${prefix}/`,
    requests,
    async stop() {
      unregister();
      await stop();
    },
  };
}
