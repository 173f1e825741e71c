/**
 * The first update of a status-page incident kept as a file (cState on Hugo, a Jekyll status
 * layout): its time is the front matter's `date`, and its text is what the body says before the
 * first stamped update. Status pages show it as the first update, so it is an event like the others.
 */

import type { ZoneSpec } from './civilTime';
import { toEpoch } from './civilTime';
import { eventKind } from './eventKind';
import type { WrittenMoment } from './documentContext';
import type { DocLine } from './postmortemLines';
import type { PlacedEvent } from './postmortemTimeline';
import { hour24 } from './temporalTokens';
import { MINUTE_MS } from '../time';

const MAX_OPENING_LINES = 5;
const MAX_OPENING_CHARS = 1000;

/**
 * The opening update as an event, where the timeline does not already hold one at that minute
 * (a status log whose first entry repeats the front matter's time) and it comes before every
 * stamped update (a front matter date after them is an edit, not the opening).
 */
export function openingEvent(
  opened: WrittenMoment | undefined,
  lines: readonly DocLine[],
  events: readonly PlacedEvent[],
  zone: ZoneSpec,
  title: string | undefined,
): PlacedEvent | undefined {
  if (!opened) return undefined;
  const { date, time } = opened;
  const at = toEpoch(date, { hour: hour24(time), minute: time.minute, second: time.second }, time.zone ?? zone);
  const minute = Math.floor(at / MINUTE_MS);
  if (events.some((event) => Math.floor(event.time / MINUTE_MS) <= minute)) return undefined;
  const firstEntry = Math.min(lines.length, ...events.map((event) => event.lineIndex));
  const parts: string[] = [];
  let lineIndex = 0;
  for (const [index, line] of lines.slice(0, firstEntry).entries()) {
    if (!line.text || line.level !== undefined) {
      if (parts.length > 0) break;
      continue;
    }
    if (parts.length === 0) lineIndex = index;
    parts.push(line.text);
    if (parts.length >= MAX_OPENING_LINES) break;
  }
  const text = (parts.join(' ').replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim() || title || 'Incident opened').slice(0, MAX_OPENING_CHARS);
  return { time: at, text, kind: eventKind(text), lineIndex, approximate: false };
}
