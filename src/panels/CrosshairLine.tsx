import { usePlotArea, useXAxisScale } from 'recharts';
import { formatTime } from '../time';
import { useCrosshairTime, type CrosshairStore } from './crosshair';

const OWN_LAYER = { willChange: 'transform' } as const;

interface Props {
  readonly store: CrosshairStore;
  readonly timezone: string;
}

/**
 * The vertical line at the shared cursor time. It alone subscribes to the cursor inside the chart,
 * so a pointer move redraws this line, not the chart around it.
 */
export function CrosshairLine({ store, timezone }: Props) {
  const time = useCrosshairTime(store);
  const area = usePlotArea();
  const xScale = useXAxisScale();
  if (time === null || !area || !xScale) return null;
  const x = Number(xScale(time));
  if (!Number.isFinite(x) || x < area.x || x > area.x + area.width) return null;
  // Its own compositing layer: moving it repaints the line, not the series lines under it.
  return (
    <g style={OWN_LAYER}>
      <line
        x1={x}
        x2={x}
        y1={area.y}
        y2={area.y + area.height}
        className="crosshair"
        role="img"
        aria-label={`Cursor at ${formatTime(time, timezone, 'datetime')}`}
      />
    </g>
  );
}
