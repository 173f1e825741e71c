// The few DevTools Protocol calls the soak needs, behind one small interface, so that the same
// sampler and snapshots work through Playwright's CDP session and through a raw connection.
import type { CDPSession } from 'playwright-core';

export interface ProtocolSession {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  on(event: string, handler: (params: Record<string, unknown>) => void): void;
  off(event: string, handler: (params: Record<string, unknown>) => void): void;
  detach(): Promise<void>;
}

/** Playwright's session, typed per command, seen through the untyped interface. */
export function fromPlaywrightSession(session: CDPSession): ProtocolSession {
  return {
    send: (method, params) => session.send(method as never, params as never),
    on: (event, handler) => session.on(event as never, handler as never),
    off: (event, handler) => session.off(event as never, handler as never),
    detach: () => session.detach(),
  };
}
