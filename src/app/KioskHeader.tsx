import { formatTime, isRelative, type TimeRange } from '../time';
import { formatPromDuration } from '../url';
import { ServerStatus } from './ServerStatus';
import { UpdatedAgo } from './UpdatedAgo';

interface Props {
  readonly title: string;
  readonly start: number;
  readonly end: number;
  readonly range: TimeRange;
  readonly timezone: string;
  readonly refreshMs: number | undefined;
  readonly demo: boolean;
}

/** The one line a wall shows besides its panels: what, which window, how fresh, server health. */
export function KioskHeader({ title, start, end, range, timezone, refreshMs, demo }: Props) {
  const window = isRelative(range) ? `${range.from} → ${range.to}` : `${formatTime(start, timezone, 'datetime')} – ${formatTime(end, timezone, 'datetime')}`;
  return (
    <header className="kiosk-header">
      <h1>{title}</h1>
      <span className="kiosk-range">
        {window} ({timezone})
      </span>
      <span className="kiosk-refresh">{refreshMs ? `refresh ${formatPromDuration(refreshMs)}` : 'no auto-refresh'}</span>
      <UpdatedAgo refreshMs={refreshMs} />
      <ServerStatus demo={demo} />
    </header>
  );
}
