import { formatTime } from '../time';
import type { IncidentPhase } from './annotations';

/** "detected, before mitigation 10:05–12:00", or "…10:05–now" for the phase an open incident is in. */
export function phaseName(phase: IncidentPhase, timezone: string): string {
  return `${phase.label} ${formatTime(phase.start, timezone, 'time')}–${phase.end === undefined ? 'now' : formatTime(phase.end, timezone, 'time')}`;
}
