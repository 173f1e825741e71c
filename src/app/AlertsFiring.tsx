import { useId, useRef, useState } from 'react';
import { useFiringAlerts } from '../dashboard';
import { formatTime } from '../time';

/**
 * "2 alerts firing" in the header, with the list on open: what Prometheus' rules say is wrong now
 * (`/api/v1/alerts`), whatever range the charts show.
 */
export function AlertsFiring({ timezone }: { readonly timezone: string }) {
  const state = useFiringAlerts();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  if (state.kind === 'none' || state.kind === 'loading') return null;
  if (state.kind === 'failed') {
    return (
      <span className="alerts-firing server-status" title={state.message}>
        Alerts unavailable
      </span>
    );
  }
  const count = state.firing.length + state.omitted;
  const words = `${count} ${count === 1 ? 'alert' : 'alerts'} firing`;
  if (count === 0) return <span className="alerts-firing server-status">No alerts firing</span>;
  return (
    <span
      className="alerts-firing"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button ref={button} type="button" className="alerts-firing-button firing" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {words}
      </button>
      {open && (
        <ul id={listId} className="alerts-firing-list" aria-label="Alerts firing">
          {state.firing.map((alert, i) => (
            <li key={i}>
              <strong>{alert.labels.alertname ?? '(unnamed alert)'}</strong>
              {alert.labels.instance !== undefined && <> on {alert.labels.instance}</>}
              {alert.activeAt !== undefined && <> since {formatTime(alert.activeAt, timezone, 'datetime')}</>}
              {alert.annotations.summary !== undefined && <div className="server-status">{alert.annotations.summary}</div>}
            </li>
          ))}
          {state.omitted > 0 && <li>and {state.omitted} more</li>}
        </ul>
      )}
    </span>
  );
}
