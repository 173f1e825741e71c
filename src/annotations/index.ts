export { INCIDENT_EVENT_KINDS, type IncidentEventKind, type EventMarker, type IncidentWindow } from './annotations';
