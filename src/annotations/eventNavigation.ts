/**
 * Where an arrow key moves focus in a row of events in time order (a chart's marks, a Timeline
 * list), or undefined for keys it does not handle. → and ↓ go to the next event, ← and ↑ to the
 * previous, Home and End to the first and last. The ends stop rather than wrap: the row is a time
 * axis, and a jump from the last event back to the first would read as going on in time; Home and
 * End make that jump on purpose (as a slider or the WAI-ARIA toolbar pattern without wrapping).
 */
export function eventIndexForKey(key: string, index: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  const last = count - 1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(last, index + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
