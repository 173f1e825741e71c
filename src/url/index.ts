export {
  EMPTY_VIEW_STATE,
  URL_FORMAT_VERSION,
  type ViewState,
  type CompareShift,
  COMPARE_SHIFTS,
  type ViewPlaylist,
  type AddedPanel,
  type DecodeContext,
  type DecodedViewState,
} from './viewState';
export { encodeViewState, buildUrl } from './encode';
export { decodeViewState } from './decode';
export { isFragmentCompressorLoaded, loadFragmentCompressor } from './fragmentCompressor';
export { freezeRange, incidentRange } from './ranges';
export { isCredentialKey } from './credentials';
export { FRAGMENT_LIMITS } from './fragmentLimits';
export { EXPLORE_LIMITS } from './explore';
export {
  addExploreQuery,
  activateEvent,
  addQueryToDashboard,
  chooseDashboard,
  closeExplore,
  enterKiosk,
  focusPanel,
  importIncident,
  removeImportedIncident,
  inspectPanel,
  isolateExploreSeries,
  isolateSeries,
  openExplore,
  openIncidentWindow,
  overrideQueries,
  removeExploreQuery,
  selectEvent,
  setCompare,
  setExploreCursor,
  setExploreQueries,
  setExploreQuery,
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
  toggleExploreSeries,
  toggleSeries,
  zoomOut,
  zoomTo,
  zoomToEvent,
  EVENT_ZOOM_PAD_MS,
} from './viewChanges';
