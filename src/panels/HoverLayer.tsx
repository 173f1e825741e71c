import { useState } from 'react';
import { usePlotArea, useXAxisInverseScale, useXAxisScale } from 'recharts';

interface Props {
  readonly hoverTime: number | null;
  readonly onHover: (time: number | null, x: number) => void;
  /** Called with the dragged time span (ms); absent = no zooming. */
  readonly onZoom?: (start: number, end: number) => void;
  /** Double-click: zoom out (Grafana's habit); absent = nothing. */
  readonly onZoomOut?: () => void;
}

// A drag shorter than this is a click, not a zoom.
const MIN_DRAG_PX = 6;

/**
 * A transparent layer over the plot area: pointer x becomes a time (crosshair and tooltip), and a
 * horizontal drag selects a time span to zoom into, as in Grafana.
 */
export function HoverLayer({ hoverTime, onHover, onZoom, onZoomOut }: Props) {
  const area = usePlotArea();
  const toTime = useXAxisInverseScale();
  const xScale = useXAxisScale();
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  if (!area || !toTime || !xScale) return null;
  const crossX = hoverTime === null ? null : Number(xScale(hoverTime));
  const pointerX = (event: React.MouseEvent<SVGRectElement>) => {
    const svg = event.currentTarget.ownerSVGElement;
    const left = svg ? svg.getBoundingClientRect().left : 0;
    return Math.min(area.x + area.width, Math.max(area.x, event.clientX - left));
  };
  return (
    <g className="hover-layer">
      {crossX !== null && Number.isFinite(crossX) && (
        <line x1={crossX} x2={crossX} y1={area.y} y2={area.y + area.height} className="crosshair" />
      )}
      {drag && Math.abs(drag.to - drag.from) >= MIN_DRAG_PX && (
        <rect className="zoom-selection" x={Math.min(drag.from, drag.to)} y={area.y} width={Math.abs(drag.to - drag.from)} height={area.height} />
      )}
      <rect
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        fill="transparent"
        style={{ cursor: onZoom ? 'crosshair' : undefined }}
        onMouseDown={(event) => {
          if (!onZoom || event.button !== 0) return;
          const x = pointerX(event);
          setDrag({ from: x, to: x });
        }}
        onMouseMove={(event) => {
          const px = pointerX(event);
          if (drag) setDrag({ from: drag.from, to: px });
          onHover(Number(toTime(px)), px);
        }}
        onMouseUp={() => {
          if (drag && onZoom && Math.abs(drag.to - drag.from) >= MIN_DRAG_PX) {
            const a = Number(toTime(Math.min(drag.from, drag.to)));
            const b = Number(toTime(Math.max(drag.from, drag.to)));
            if (Number.isFinite(a) && Number.isFinite(b) && b > a) onZoom(Math.round(a), Math.round(b));
          }
          setDrag(null);
        }}
        onDoubleClick={onZoomOut}
        onMouseLeave={() => {
          setDrag(null);
          onHover(null, 0);
        }}
      />
    </g>
  );
}
