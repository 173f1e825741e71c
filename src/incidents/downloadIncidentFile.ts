import { incidentFileName, toIncidentFile } from './incidentFile';
import type { Incident } from './model';

/** The incident as an incident file (pretty JSON, so it reads well in a review), saved by the browser. */
export function downloadIncidentFile(incident: Incident): void {
  const json = `${JSON.stringify(toIncidentFile(incident), null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = incidentFileName(incident);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
