/** A real time-series server started for a test run. */
export interface RunningBackend {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  /** Stops the server and deletes its data. */
  stop(): Promise<void>;
  /** Stops and starts it again on the same port with the same data. */
  restart(): Promise<void>;
  /** Stops the process but keeps its data, to simulate the server going away. */
  pause(): Promise<void>;
  /** Starts a paused server again on the same port with the same data. */
  resume(): Promise<void>;
}

/** The instant at which the backfilled incident must be visible (inside the 10:00–12:30 outage). */
export const BACKFILL_PROBE = {
  query: 'process_resident_memory_bytes',
  time: '2024-01-15T11:00:00Z',
} as const;

interface InstantQueryAnswer {
  status?: string;
  data?: { resultType?: string; result?: unknown[] };
}

/** How many series an instant query at the probe time returns (0 if the answer is not a success). */
export async function countProbeSeries(baseUrl: string): Promise<number> {
  const params = new URLSearchParams({ query: BACKFILL_PROBE.query, time: BACKFILL_PROBE.time });
  const response = await fetch(`${baseUrl}/api/v1/query?${params}`, { signal: AbortSignal.timeout(5_000) });
  const body = (await response.json()) as InstantQueryAnswer;
  if (body.status !== 'success') return 0;
  return body.data?.result?.length ?? 0;
}
