export type { Incident, IncidentEvent, IncidentEventKind, TimezoneSource } from './model';
export { parsePostmortem, type ParseResult, type ParsePostmortemOptions } from './parsePostmortem';
export { eventKind } from './eventKind';
export { validateIncident } from './validateIncident';
export { toOverlay, markerKey } from './overlay';
export { IncidentStrip } from './IncidentStrip';
export type { PostmortemReading, ReadLine, WindowRule } from './reading';
