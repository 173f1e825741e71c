/**
 * Colours of incidents on the charts: a fixed palette, so an incident keeps its colour in every panel,
 * after every refresh and in the legend. Apart from the series palette's hues where it can be, and
 * readable as a 12 % wash on both themes.
 */
export const INCIDENT_PALETTE = ['#ff4d4f', '#b37feb', '#13c2c2', '#fadb14', '#eb2f96', '#52c41a', '#fa8c16', '#2f54eb'] as const;

/**
 * Colour per incident id from its place in the whole list (catalog order, then those from the
 * link): hiding one incident never recolours another. Distinct for up to eight incidents; past
 * that, colours repeat.
 */
export function incidentColors(ids: readonly string[]): ReadonlyMap<string, string> {
  const colors = new Map<string, string>();
  for (const id of ids) {
    if (!colors.has(id)) colors.set(id, INCIDENT_PALETTE[colors.size % INCIDENT_PALETTE.length] as string);
  }
  return colors;
}
