import { usePlotArea, useXAxisInverseScale, useXAxisScale } from 'recharts';

interface Props {
  readonly hoverTime: number | null;
  readonly onHover: (time: number | null, x: number) => void;
}

/** A transparent layer over the plot area turning pointer x into a time, plus the crosshair. */
export function HoverLayer({ hoverTime, onHover }: Props) {
  const area = usePlotArea();
  const toTime = useXAxisInverseScale();
  const xScale = useXAxisScale();
  if (!area || !toTime || !xScale) return null;
  const crossX = hoverTime === null ? null : Number(xScale(hoverTime));
  return (
    <g className="hover-layer">
      {crossX !== null && Number.isFinite(crossX) && (
        <line x1={crossX} x2={crossX} y1={area.y} y2={area.y + area.height} className="crosshair" />
      )}
      <rect
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        fill="transparent"
        onMouseMove={(event) => {
          const svg = event.currentTarget.ownerSVGElement;
          if (!svg) return;
          const px = event.clientX - svg.getBoundingClientRect().left;
          onHover(Number(toTime(px)), px);
        }}
        onMouseLeave={() => onHover(null, 0)}
      />
    </g>
  );
}
