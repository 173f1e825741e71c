// Chromium driven over a bare DevTools pipe, with no Playwright: Playwright enables the Network
// domain on every page it attaches to, and DevTools then keeps a record (and, for fetches, the
// body) of every request in the renderer. A soak of a page that fetches every second measures
// that too. Here only the domains the soak needs are ever enabled.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { BINARIES, makeTempDir, registerCleanup } from '../e2e';
import type { ProtocolSession } from './protocolSession';

type Handler = (params: Record<string, unknown>) => void;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  method: string;
}

interface ProtocolMessage {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { message: string };
}

export interface RawChromium {
  /** A new tab of `width`×`height` CSS px, attached with its own flat session. */
  newPage(width: number, height: number): Promise<RawPage>;
  close(): Promise<void>;
}

export interface RawPage {
  readonly session: ProtocolSession;
  /** Evaluates a string expression in the page; returns its value by value. */
  evaluate(expression: string): Promise<unknown>;
  /** Runs `source` at the start of every new document of this page. */
  addInitScript(source: string): Promise<void>;
  navigate(url: string): Promise<void>;
  close(): Promise<void>;
}

/** Splits the pipe's NUL-terminated JSON messages. */
export function splitMessages(buffered: string, chunk: string): { messages: string[]; rest: string } {
  const parts = (buffered + chunk).split('\0');
  const rest = parts.pop() ?? '';
  return { messages: parts.filter((part) => part.length > 0), rest };
}

/** `extraArgs` go on Chromium's command line (e.g. V8 flags). */
export async function launchRawChromium(extraArgs: readonly string[] = []): Promise<RawChromium> {
  const userDataDir = makeTempDir('soak-chromium');
  const child: ChildProcess = spawn(
    BINARIES.chromium,
    ['--headless', '--no-sandbox', '--remote-debugging-pipe', `--user-data-dir=${userDataDir.path}`, '--no-first-run', '--no-default-browser-check', ...extraArgs, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  const unregister = registerCleanup({ release: async () => void child.kill('SIGKILL'), releaseNow: () => void child.kill('SIGKILL') });

  let nextId = 1;
  const pending = new Map<number, Pending>();
  const handlers = new Map<string, Set<Handler>>();
  let buffered = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    const split = splitMessages(buffered, chunk);
    buffered = split.rest;
    for (const text of split.messages) {
      const message = JSON.parse(text) as ProtocolMessage;
      if (message.id !== undefined) {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (!waiting) continue;
        if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
        else waiting.resolve(message.result);
      } else if (message.method) {
        for (const handler of handlers.get(`${message.sessionId ?? ''}:${message.method}`) ?? []) handler(message.params ?? {});
      }
    }
  });
  child.on('exit', () => {
    for (const waiting of pending.values()) waiting.reject(new Error(`${waiting.method}: Chromium exited`));
    pending.clear();
  });

  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const listen = (sessionId: string, event: string, handler: Handler) => {
    const key = `${sessionId}:${event}`;
    const set = handlers.get(key) ?? new Set<Handler>();
    set.add(handler);
    handlers.set(key, set);
  };
  const unlisten = (sessionId: string, event: string, handler: Handler) => handlers.get(`${sessionId}:${event}`)?.delete(handler);

  await send('Browser.getVersion');

  return {
    async newPage(width, height) {
      const { targetId } = (await send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      const session: ProtocolSession = {
        send: (method, params) => send(method, params, sessionId),
        on: (event, handler) => listen(sessionId, event, handler),
        off: (event, handler) => void unlisten(sessionId, event, handler),
        detach: async () => void (await send('Target.detachFromTarget', { sessionId })),
      };
      await session.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
      await session.send('Page.enable');
      return {
        session,
        async evaluate(expression) {
          const reply = (await session.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as {
            result: { value?: unknown };
            exceptionDetails?: { text: string; exception?: { description?: string } };
          };
          if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
          return reply.result.value;
        },
        async addInitScript(source) {
          await session.send('Page.addScriptToEvaluateOnNewDocument', { source });
        },
        async navigate(url) {
          const loaded = new Promise<void>((resolve) => {
            const onLoad = () => {
              unlisten(sessionId, 'Page.loadEventFired', onLoad);
              resolve();
            };
            listen(sessionId, 'Page.loadEventFired', onLoad);
          });
          const reply = (await session.send('Page.navigate', { url })) as { errorText?: string };
          if (reply.errorText) throw new Error(`navigation to ${url} failed: ${reply.errorText}`);
          await loaded;
        },
        close: async () => void (await send('Target.closeTarget', { targetId })),
      };
    },
    async close() {
      try {
        await Promise.race([send('Browser.close'), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      } catch {
        // Already gone: the exit handler rejected the call.
      }
      child.kill('SIGKILL');
      unregister();
      await userDataDir.remove();
    },
  };
}
