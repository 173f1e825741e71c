export {
  EMPTY_VIEW_STATE,
  URL_FORMAT_VERSION,
  type ViewState,
  type ViewPlaylist,
  type DecodeContext,
  type DecodedViewState,
} from './viewState';
export { encodeViewState, buildUrl } from './encode';
export { decodeViewState } from './decode';
export { freezeRange, incidentRange } from './ranges';
export { isCredentialKey } from './credentials';
export { FRAGMENT_LIMITS } from './fragmentSchema';
export {
  chooseDashboard,
  enterKiosk,
  focusPanel,
  importIncident,
  isolateSeries,
  openIncidentWindow,
  overrideQueries,
  selectEvent,
  setRange,
  setRefresh,
  setTimezone,
  setVariable,
  showIncidents,
  shownCatalogIds,
  toggleIncident,
  shiftRange,
  showPlaylistItem,
  toggleEvent,
  toggleSeries,
  zoomOut,
  zoomTo,
} from './viewChanges';
