import { useEffect, useRef, useState } from 'react';
import { usePlotArea, useXAxisInverseScale, useXAxisScale } from 'recharts';

interface Props {
  /** A passing pointer (mouse hover, a finger sliding): the values follow it. */
  readonly onHover: (time: number | null, x: number) => void;
  /** A tap, or a finger lifted: the values stay shown at that time until the next tap elsewhere. */
  readonly onPin: (time: number, x: number) => void;
  /** Called with the dragged time span (ms); absent = no zooming. */
  readonly onZoom?: (start: number, end: number) => void;
  /** Double-click: zoom out (Grafana's habit); absent = nothing. */
  readonly onZoomOut?: () => void;
}

// A drag shorter than this is a click, not a zoom; a finger moving less than this is still a tap.
const MIN_DRAG_PX = 6;
const TAP_SLOP_PX = 8;
// A finger held this long without moving starts a zoom selection (as a long-press selects text).
const LONG_PRESS_MS = 450;

interface TouchGesture {
  readonly pointerId: number;
  readonly startX: number;
  readonly startY: number;
  lastX: number;
  moved: boolean;
  selecting: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * A transparent layer over the plot area. With a mouse: pointer x becomes a time (the crosshair
 * every panel shows, see crosshair.tsx), and a horizontal drag selects a span to zoom into, as in Grafana. With a finger: a tap
 * pins the values, a sideways slide moves the crosshair, a vertical one scrolls the page (the chart
 * only claims horizontal moves, `touch-action: pan-y`), and a long-press then drag selects the span
 * to zoom into — so zooming never fights scrolling.
 */
export function HoverLayer({ onHover, onPin, onZoom, onZoomOut }: Props) {
  const area = usePlotArea();
  const toTime = useXAxisInverseScale();
  const xScale = useXAxisScale();
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const touch = useRef<TouchGesture | null>(null);
  useEffect(() => () => clearTimeout(touch.current?.timer), []);
  if (!area || !toTime || !xScale) return null;
  const pointerX = (event: React.PointerEvent<SVGRectElement>) => {
    const svg = event.currentTarget.ownerSVGElement;
    const left = svg ? svg.getBoundingClientRect().left : 0;
    return Math.min(area.x + area.width, Math.max(area.x, event.clientX - left));
  };
  const timeAt = (px: number) => Number(toTime(px));
  const zoomTo = (from: number, to: number) => {
    if (!onZoom || Math.abs(to - from) < MIN_DRAG_PX) return;
    const a = timeAt(Math.min(from, to));
    const b = timeAt(Math.max(from, to));
    if (Number.isFinite(a) && Number.isFinite(b) && b > a) onZoom(Math.round(a), Math.round(b));
  };
  const endTouch = () => {
    clearTimeout(touch.current?.timer);
    touch.current = null;
    setDrag(null);
  };

  return (
    <g className="hover-layer">
      {drag && Math.abs(drag.to - drag.from) >= MIN_DRAG_PX && (
        <rect className="zoom-selection" x={Math.min(drag.from, drag.to)} y={area.y} width={Math.abs(drag.to - drag.from)} height={area.height} />
      )}
      <rect
        className="hover-target"
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        fill="transparent"
        style={{ cursor: onZoom ? 'crosshair' : undefined }}
        // A long-press would otherwise open the browser's context menu over the chart.
        onContextMenu={(event) => event.preventDefault()}
        onPointerDown={(event) => {
          const x = pointerX(event);
          if (event.pointerType === 'mouse') {
            if (!onZoom || event.button !== 0) return;
            // The drag keeps the pointer while it crosses event markers (drawn above this layer)
            // or leaves the plot, instead of ending there.
            event.currentTarget.setPointerCapture?.(event.pointerId);
            setDrag({ from: x, to: x });
            return;
          }
          clearTimeout(touch.current?.timer);
          const gesture: TouchGesture = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, lastX: x, moved: false, selecting: false, timer: undefined };
          if (onZoom) {
            gesture.timer = setTimeout(() => {
              if (touch.current !== gesture || gesture.moved) return;
              gesture.selecting = true;
              setDrag({ from: gesture.lastX, to: gesture.lastX });
            }, LONG_PRESS_MS);
          }
          touch.current = gesture;
          onHover(timeAt(x), x);
        }}
        onPointerMove={(event) => {
          const px = pointerX(event);
          if (event.pointerType === 'mouse') {
            if (drag) setDrag({ from: drag.from, to: px });
            onHover(timeAt(px), px);
            return;
          }
          const gesture = touch.current;
          if (!gesture || gesture.pointerId !== event.pointerId) return;
          gesture.lastX = px;
          if (Math.hypot(event.clientX - gesture.startX, event.clientY - gesture.startY) > TAP_SLOP_PX) gesture.moved = true;
          if (gesture.selecting) setDrag((d) => (d ? { from: d.from, to: px } : d));
          onHover(timeAt(px), px);
        }}
        onPointerUp={(event) => {
          const px = pointerX(event);
          if (event.pointerType === 'mouse') {
            // Where the button is released, not the last move: a release can come with no move
            // just before it (a fast flick, moves the browser coalesced).
            if (drag) zoomTo(drag.from, px);
            setDrag(null);
            return;
          }
          const gesture = touch.current;
          if (!gesture || gesture.pointerId !== event.pointerId) return;
          if (gesture.selecting && drag) zoomTo(drag.from, px);
          else onPin(timeAt(px), px);
          endTouch();
        }}
        // The browser took the gesture over (the page scrolls): leave the chart as it was.
        onPointerCancel={(event) => {
          if (event.pointerType === 'mouse' || touch.current?.pointerId !== event.pointerId) return;
          endTouch();
          onHover(null, 0);
        }}
        onDoubleClick={onZoomOut}
        onPointerLeave={(event) => {
          if (event.pointerType !== 'mouse') return;
          setDrag(null);
          onHover(null, 0);
        }}
      />
    </g>
  );
}
