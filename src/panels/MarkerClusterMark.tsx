import type { CSSProperties, KeyboardEvent } from 'react';
import type { MarkerCluster } from './clusterMarkers';
import type { EventMarker } from '../annotations';

interface Props {
  readonly cluster: MarkerCluster<EventMarker>;
  readonly xOf: (time: number) => number;
  readonly area: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly selectedKey: string | undefined;
  readonly open: boolean;
  readonly onOpen: (cluster: MarkerCluster<EventMarker>) => void;
  /** Its place among the chart's marks, in time order. */
  readonly index: number;
  /** The one mark of the row that Tab reaches (a roving tabindex: IncidentMarkers). */
  readonly tabbable: boolean;
  readonly onFocus: () => void;
  /** Any other key: arrows move to the neighbouring marks. */
  readonly onNavigate: (event: KeyboardEvent<SVGGElement>) => void;
}

/** An incident's colour as the custom property the marker styles read (absent: the default incident red). */
function incidentColorStyle(color: string | undefined): CSSProperties | undefined {
  return color ? ({ '--incident-color': color } as CSSProperties) : undefined;
}

// Half of a 44 px touch target around the mark.
const HALF_TARGET_PX = 22;

/**
 * Events too close to label one by one: each keeps its line, and one badge with their count opens
 * the list of them (MarkerClusterList), where each can be read and chosen.
 */
export function MarkerClusterMark({ cluster, xOf, area, selectedKey, open, onOpen, index, tabbable, onFocus, onNavigate }: Props) {
  const count = cluster.markers.length;
  const selected = cluster.markers.find((m) => m.key === selectedKey);
  const kinds = cluster.markers.map((m) => m.kind).join(', ');
  const name = `${count} events: ${kinds}${selected ? ` (selected: ${selected.kind})` : ''}`;
  const badgeWidth = 14 + String(count).length * 7;
  // The badge takes the colour of its events' incident; events of several incidents keep the default.
  const colors = new Set(cluster.markers.map((m) => m.color));
  const sharedColor = colors.size === 1 ? cluster.markers[0]?.color : undefined;
  return (
    <g
      role="button"
      tabIndex={tabbable ? 0 : -1}
      data-mark-index={index}
      aria-label={name}
      aria-haspopup="dialog"
      aria-expanded={open}
      className={selected ? 'marker-cluster selected' : 'marker-cluster'}
      data-cluster-key={cluster.key}
      style={incidentColorStyle(sharedColor)}
      data-count={count}
      data-x={cluster.x.toFixed(1)}
      onClick={() => onOpen(cluster)}
      onFocus={onFocus}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen(cluster);
        } else onNavigate(event);
      }}
    >
      {cluster.markers.map((m) => {
        const x = xOf(m.time);
        return (
          <line
            key={m.key}
            x1={x}
            x2={x}
            y1={area.y}
            y2={area.y + area.height}
            className={m.key === selectedKey ? 'incident-marker-line selected' : 'incident-marker-line'}
            style={incidentColorStyle(m.color)}
          />
        );
      })}
      {/* The target spans the members and a finger's width around them, in the band above the plot. */}
      <rect x={cluster.x - HALF_TARGET_PX} y={area.y - 24} width={cluster.xEnd - cluster.x + 2 * HALF_TARGET_PX} height={44} fill="transparent" />
      <rect x={cluster.x - 2} y={area.y + 1} width={badgeWidth} height={15} rx={7} className="marker-cluster-badge" />
      <text x={cluster.x - 2 + badgeWidth / 2} y={area.y + 12} textAnchor="middle" className="marker-cluster-count">
        {count}
      </text>
    </g>
  );
}
