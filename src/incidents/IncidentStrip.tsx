import { useId, useState, type KeyboardEvent } from 'react';
import { eventIndexForKey } from '../annotations';
import { formatDuration, formatTime } from '../time';
import { downloadIncidentFile } from './downloadIncidentFile';
import { IncidentFacts } from './IncidentFacts';
import { IncidentReadingFacts } from './IncidentReadingFacts';
import { IncidentPhaseList } from './IncidentPhaseList';
import { IncidentTiming } from './IncidentTiming';
import type { Incident } from './model';
import { OpenElapsed } from './OpenElapsed';
import { markerKey } from './overlay';
import type { PostmortemReading } from './reading';

interface Props {
  readonly incident: Incident;
  readonly timezone: string;
  readonly selectedKey: string | undefined;
  /** Enter, Space or a click on a Timeline entry (the page selects or releases it, and zooms to it). */
  readonly onActivate: (key: string) => void;
  /** How the incident was read from its postmortem, where the page read it (not for incidents from links). */
  readonly reading?: PostmortemReading;
  /** Shows the incident's window (padded), e.g. to share a link to it. */
  readonly onOpenWindow?: () => void;
  /** A narrow screen: title, window and duration only; impact, root cause and events behind a disclosure. */
  readonly collapsible?: boolean;
  /** The incident came with the link, not from this site's catalog: said on the strip. */
  readonly fromLink?: boolean;
  /** The incident's colour on the charts (incidentColors), shown on the strip so the two can be matched. */
  readonly color?: string;
}

/**
 * Title, duration, impact, root cause, its phases and the event list; choosing an event highlights it
 * on every chart. The Timeline lists the events in time order and is one tab stop (a roving
 * tabindex): ←/→ (or ↑/↓), Home and End move between entries, as along a chart's marks.
 */
export function IncidentStrip({ incident, timezone, selectedKey, onActivate, reading, onOpenWindow, collapsible = false, fromLink = false, color }: Props) {
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const selectedIndex = incident.events.findIndex((_, i) => markerKey(incident.id, i) === selectedKey);
  const selectedEvent = incident.events[selectedIndex];
  const [lastFocusedKey, setLastFocusedKey] = useState<string | undefined>(undefined);
  const entries = timeOrdered(incident);
  const focusedAt = entries.findIndex((e) => e.key === lastFocusedKey);
  const tabStop = focusedAt >= 0 ? focusedAt : Math.max(0, entries.findIndex((e) => e.key === selectedKey));
  const navigate = (event: KeyboardEvent<HTMLOListElement>) => {
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const to = eventIndexForKey(event.key, buttons.indexOf(event.target as HTMLButtonElement), buttons.length);
    if (to === undefined) return;
    event.preventDefault();
    buttons[to]?.focus();
  };
  return (
    <section className="incident-strip" aria-label={`Incident: ${incident.title}`} style={color ? { borderLeftColor: color } : undefined}>
      <header>
        <h2>
          {color && <span className="incident-swatch" style={{ background: color }} aria-hidden="true" />}
          {incident.title}
        </h2>
        {fromLink && <p className="incident-origin">From this link — not from this site&apos;s incidents</p>}
        <p className="incident-window-text">
          {formatTime(incident.start, timezone, 'datetime')} – {incident.end === undefined ? 'now' : formatTime(incident.end, timezone, 'time')}{' '}
          <span className="incident-duration">({incident.end === undefined ? <OpenElapsed start={incident.start} /> : formatDuration(incident.end - incident.start)})</span>
          {incident.severity && <span className="incident-severity"> · severity {incident.severity}</span>}
          {onOpenWindow && (
            <button type="button" className="incident-open-window" onClick={onOpenWindow}>
              Show the incident window
            </button>
          )}
          <button type="button" className="incident-download" onClick={() => downloadIncidentFile(incident)}>
            Download incident JSON
          </button>
        </p>
        {collapsible && (incident.impact || incident.rootCause || incident.events.length > 0 || reading !== undefined) && (
          <button type="button" className="incident-details-toggle" aria-expanded={expanded} aria-controls={detailsId} onClick={() => setExpanded(!expanded)}>
            {detailsLabel(incident)}
          </button>
        )}
        {collapsible && !expanded && selectedEvent && (
          <p className="incident-selected-event">
            Selected: {formatTime(selectedEvent.time, timezone, 'time')} {selectedEvent.kind}
          </p>
        )}
      </header>
      {/* Outside the disclosure: an impossible timeline must be seen before its markers are trusted. */}
      <IncidentTiming incident={incident} />
      <div id={detailsId} className="incident-details" hidden={collapsible && !expanded}>
        {/* Inside the disclosure: on a phone the charts come first; the phases are shaded on them. */}
        <IncidentPhaseList incident={incident} timezone={timezone} />
        <dl className="incident-facts">
          <IncidentFacts incident={incident} />
        </dl>
        <ol className="incident-events" aria-label="Timeline" onKeyDown={navigate}>
          {entries.map(({ event, key }, i) => {
            const selected = key === selectedKey;
            return (
              <li key={key}>
                <button
                  type="button"
                  tabIndex={i === tabStop ? 0 : -1}
                  aria-pressed={selected}
                  className={`event kind-${event.kind}`}
                  onFocus={() => setLastFocusedKey(key)}
                  onClick={() => onActivate(key)}
                >
                  <time dateTime={new Date(event.time).toISOString()}>{formatTime(event.time, timezone, 'time')}</time>
                  <span className="event-kind">{event.kind}</span>
                  <span className="event-text">{event.text}</span>
                </button>
              </li>
            );
          })}
        </ol>
        {/* Timing problems are in the warning above; the notes would repeat them. */}
        <IncidentReadingFacts incident={incident} reading={reading && { ...reading, timingProblems: [] }} />
      </div>
    </section>
  );
}

/** The events with their marker keys, in time order (a timeline written out of order keeps its keys). */
function timeOrdered(incident: Incident) {
  return incident.events.map((event, i) => ({ event, key: markerKey(incident.id, i), i })).sort((a, b) => a.event.time - b.event.time || a.i - b.i);
}

/** 'Impact, root cause and 7 events': what the disclosure holds, so the reader knows whether to open it. */
function detailsLabel(incident: Incident): string {
  const parts = [incident.impact && 'impact', incident.rootCause && 'root cause', incident.events.length > 0 && `${incident.events.length} event${incident.events.length === 1 ? '' : 's'}`].filter(
    (p): p is string => typeof p === 'string',
  );
  if (parts.length === 0) return 'Details';
  const text = parts.length === 1 ? (parts[0] as string) : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] as string}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
