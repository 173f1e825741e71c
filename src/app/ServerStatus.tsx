import { useQuery } from '@tanstack/react-query';
import { buildInfoQueryOptions, isPromClientError } from '../prometheus';
import { usePromClient } from '../dashboard';

/** Which server vigil talks to, and a plain banner when it cannot reach it. */
export function ServerStatus({ demo, compact = false }: { demo: boolean; /** Problems only (a narrow bar has no room for the version line). */ compact?: boolean }) {
  const client = usePromClient();
  const info = useQuery({
    ...buildInfoQueryOptions(client),
    // Re-check health while it is failing, so the banner clears by itself on recovery.
    refetchInterval: (query) => (query.state.status === 'error' ? 10_000 : 60_000),
  });
  const where = demo ? 'built-in demo backend (in your browser)' : client.baseUrl;
  if (info.isError) {
    const unauthorized = isPromClientError(info.error) && info.error.kind === 'unauthorized';
    return (
      <div role="alert" className="server-banner">
        {unauthorized ? 'The server refused access (credentials missing or expired)' : 'Cannot reach the Prometheus server'} at {where}:{' '}
        {info.error.message}. Panels keep their last data and retry by themselves.
      </div>
    );
  }
  if (compact) return null;
  const version = info.data ? `Prometheus-compatible ${info.data.version}` : info.isPending ? 'checking…' : 'Prometheus-compatible server';
  return (
    <p className="server-status" aria-label="Server">
      <span className={`health-dot ${info.isPending ? 'pending' : 'ok'}`} aria-hidden="true" /> {version} · {where}
    </p>
  );
}
