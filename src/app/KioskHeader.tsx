import { useTimeRange } from '../dashboard';
import { formatPromDuration, formatTime } from '../time';
import { AlertsFiring } from './AlertsFiring';
import { ServerStatus } from './ServerStatus';
import { UpdatedAgo } from './UpdatedAgo';

interface Props {
  readonly title: string;
  readonly demo: boolean;
}

/** The one line a wall shows besides its panels: what, which window, how fresh, server health. */
export function KioskHeader({ title, demo }: Props) {
  const { range, start, end, timezone, refreshMs, relative } = useTimeRange();
  const window = relative ? `${range.from} → ${range.to}` : `${formatTime(start, timezone, 'datetime')} – ${formatTime(end, timezone, 'datetime')}`;
  return (
    <header className="kiosk-header">
      <h1>{title}</h1>
      <span className="kiosk-range">
        {window} ({timezone})
      </span>
      <span className="kiosk-refresh">{refreshMs ? `refresh ${formatPromDuration(refreshMs)}` : 'no auto-refresh'}</span>
      <UpdatedAgo refreshMs={refreshMs} />
      <AlertsFiring timezone={timezone} />
      <ServerStatus demo={demo} />
    </header>
  );
}
