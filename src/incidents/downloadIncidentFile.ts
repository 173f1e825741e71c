import { incidentFileName, incidentFileText } from './incidentFile';
import type { Incident } from './model';

/** The incident as an incident file (pretty JSON, so it reads well in a review), saved by the browser. */
export function downloadIncidentFile(incident: Incident): void {
  const url = URL.createObjectURL(new Blob([incidentFileText(incident)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = incidentFileName(incident);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
