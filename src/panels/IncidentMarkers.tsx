import { useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { usePlotArea, useXAxisScale } from 'recharts';
import { eventIndexForKey, type EventMarker } from '../annotations';
import { clusterMarkers, MARKER_MIN_GAP_PX, type MarkerCluster } from './clusterMarkers';
import { MarkerClusterMark } from './MarkerClusterMark';

export interface MarkerFocus {
  readonly marker: EventMarker;
  /** Pixel x inside the chart, to place the marker's tooltip. */
  readonly x: number;
}

interface Props {
  readonly markers: readonly EventMarker[];
  readonly start: number;
  readonly end: number;
  readonly selectedKey: string | undefined;
  readonly describe: (marker: EventMarker) => string;
  readonly onFocusMarker: (focus: MarkerFocus | null) => void;
  readonly onSelect: (key: string) => void;
  /** Key of the cluster whose list is open. */
  readonly openClusterKey: string | undefined;
  readonly onOpenCluster: (cluster: MarkerCluster<EventMarker>) => void;
}

const KIND_LABEL: Record<string, string> = {
  started: 'start',
  detected: 'detected',
  acknowledged: 'ack',
  identified: 'identified',
  escalated: 'escalated',
  mitigated: 'mitigated',
  resolved: 'resolved',
  other: 'event',
};

/**
 * Every timeline event as a vertical marker that mouse and keyboard users can both reach. The marks
 * are one toolbar with one tab stop (a roving tabindex): Tab enters at the mark last focused, else
 * the selected event's, else the first; ←/→ (and Home/End) move between marks in time order.
 */
export function IncidentMarkers({ markers, start, end, selectedKey, describe, onFocusMarker, onSelect, openClusterKey, onOpenCluster }: Props) {
  const xScale = useXAxisScale();
  const area = usePlotArea();
  const rowRef = useRef<SVGGElement>(null);
  const [lastFocusedKey, setLastFocusedKey] = useState<string | undefined>(undefined);
  if (!xScale || !area) return null;
  const visible = markers.filter((m) => m.time >= start && m.time <= end);
  const xOf = (time: number) => Number(xScale(time));
  // The scale can be momentarily unready on the first layout pass: unplaceable markers are left out.
  const clusters = clusterMarkers(visible, xOf, MARKER_MIN_GAP_PX);
  if (clusters.length === 0) return null;
  const holds = (key: string | undefined) => clusters.findIndex((c) => c.key === key || c.markers.some((m) => m.key === key));
  const focusedIndex = clusters.findIndex((c) => c.key === lastFocusedKey);
  const tabStop = focusedIndex >= 0 ? focusedIndex : Math.max(0, holds(selectedKey));
  const navigate = (event: KeyboardEvent<SVGGElement>, index: number) => {
    const to = eventIndexForKey(event.key, index, clusters.length);
    if (to === undefined) return;
    event.preventDefault();
    rowRef.current?.querySelector<SVGGElement>(`[data-mark-index="${to}"]`)?.focus();
  };
  return (
    <g ref={rowRef} className="incident-markers" role="toolbar" aria-label="Incident events" aria-orientation="horizontal">
      {clusters.map((cluster, i) => {
        const marker = cluster.markers[0] as EventMarker;
        if (cluster.markers.length > 1) {
          return (
            <MarkerClusterMark
              key={cluster.key}
              index={i}
              tabbable={i === tabStop}
              cluster={cluster}
              xOf={xOf}
              area={area}
              selectedKey={selectedKey}
              open={cluster.key === openClusterKey}
              onOpen={onOpenCluster}
              onFocus={() => setLastFocusedKey(cluster.key)}
              onNavigate={(event) => navigate(event, i)}
            />
          );
        }
        const x = cluster.x;
        const selected = marker.key === selectedKey;
        const focus = () => onFocusMarker({ marker, x });
        // Labels alternate between two rows so neighbouring events do not overprint each other.
        const labelY = area.y + 10 + (i % 2) * 12;
        return (
          <g
            key={marker.key}
            role="button"
            tabIndex={i === tabStop ? 0 : -1}
            data-mark-index={i}
            aria-label={describe(marker)}
            aria-pressed={selected}
            className={selected ? 'incident-marker selected' : 'incident-marker'}
            data-time={marker.time}
            // Its incident's colour, through a custom property so the selected style still wins.
            style={marker.color ? ({ '--incident-color': marker.color } as CSSProperties) : undefined}
            data-x={x.toFixed(1)}
            onMouseEnter={focus}
            onMouseLeave={() => onFocusMarker(null)}
            onFocus={() => {
              setLastFocusedKey(cluster.key);
              focus();
            }}
            onBlur={() => onFocusMarker(null)}
            onClick={() => onSelect(marker.key)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onSelect(marker.key);
              } else navigate(event, i);
            }}
          >
            {/* A wide transparent hit area: a 1 px line is too thin to hover. */}
            <rect x={x - 5} y={area.y} width={10} height={area.height} fill="transparent" />
            {/* And a finger-sized one where its label is; marks are at least this far apart (clusterMarkers). */}
            <rect x={x - MARKER_MIN_GAP_PX / 2} y={area.y - 24} width={MARKER_MIN_GAP_PX} height={44} fill="transparent" />
            <line x1={x} x2={x} y1={area.y} y2={area.y + area.height} className="incident-marker-line" />
            <text x={x + 3} y={labelY} className="incident-marker-label">
              {KIND_LABEL[marker.kind] ?? marker.kind}
            </text>
          </g>
        );
      })}
    </g>
  );
}
