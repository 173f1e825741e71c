export { INCIDENT_EVENT_KINDS, type IncidentEventKind, type EventMarker, type IncidentWindow, type IncidentPhase } from './annotations';
export { eventIndexForKey } from './eventNavigation';
export { phaseName } from './phaseName';
