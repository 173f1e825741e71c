import { useEffect, useRef } from 'react';
import { eventIndexForKey, type EventMarker } from '../annotations';

interface Props {
  readonly markers: readonly EventMarker[];
  /** Pixel x of the cluster inside the chart, to place the list beside it. */
  readonly x: number;
  readonly chartWidth: number;
  readonly selectedKey: string | undefined;
  readonly describe: (marker: EventMarker) => string;
  readonly onSelect: (key: string) => void;
  readonly onClose: () => void;
}

const LIST_WIDTH_PX = 260;

/** The events of a cluster mark, one button each: reading one says what and when, choosing one selects it everywhere. */
export function MarkerClusterList({ markers, x, chartWidth, selectedKey, describe, onSelect, onClose }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="marker-cluster-list"
      role="dialog"
      aria-label={`${markers.length} events`}
      style={{ left: Math.max(0, Math.min(x - 12, chartWidth - LIST_WIDTH_PX)), width: Math.min(LIST_WIDTH_PX, chartWidth) }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      {/* Its events in time order: the arrows, Home and End move among them as along the chart's marks. */}
      <ul
        onKeyDown={(event) => {
          const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
          const to = eventIndexForKey(event.key, buttons.indexOf(event.target as HTMLButtonElement), buttons.length);
          if (to === undefined) return;
          event.preventDefault();
          buttons[to]?.focus();
        }}
      >
        {markers.map((m, i) => (
          <li key={m.key}>
            <button
              ref={i === 0 ? first : undefined}
              type="button"
              aria-pressed={m.key === selectedKey}
              aria-label={describe(m)}
              onClick={() => {
                onSelect(m.key);
                onClose();
              }}
            >
              {describe(m)}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="marker-cluster-close" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
