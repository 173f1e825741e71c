import type { Incident } from '../incidents';
import { formatZodError } from '../schema/formatZodError';
import { fromBase64Url, toBase64Url } from './base64url';
import { deflateForLink } from './fragmentCompressor';
import { inflateRaw } from './inflateRaw';
import { FRAGMENT_LIMITS, type FragmentPayload } from './fragmentLimits';
import { linkChecks, runCheck } from './linkCheck';
import { readAddedPanels } from './explore';
import { jsonShapeExcess } from './jsonShape';
import type { AddedPanel } from './viewState';

const checks = linkChecks(FRAGMENT_LIMITS);

// Larger links are truncated by chat tools and proxies anyway; the caps also stop a
// decompression bomb before it costs memory.
const MAX_FRAGMENT_CHARS = 262_144;
const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

/**
 * `JSON → deflate-raw → base64url`, so big parts of the state need no server to share. Until the
 * compressor has loaded the deflate-raw is stored blocks (fragmentCompressor.ts): longer, equally valid.
 */
export function encodeFragment(payload: FragmentPayload): string {
  return toBase64Url(deflateForLink(new TextEncoder().encode(JSON.stringify(payload))));
}

export interface DecodedFragment {
  overrides?: Record<string, readonly string[]>;
  importedIncidents?: Incident[];
  addedPanels?: AddedPanel[];
  notices: string[];
}

const IGNORED_FRAGMENT = 'Ignored the link\'s fragment "#z=…"';

type ParsedJson = { ok: true; value: unknown } | { ok: false; reason: string };

const SHAPE_LIMITS = { containers: FRAGMENT_LIMITS.jsonContainers, depth: FRAGMENT_LIMITS.jsonDepth };
const SHAPE_REASONS = {
  containers: `it holds more than ${FRAGMENT_LIMITS.jsonContainers} arrays and objects`,
  depth: `it nests deeper than ${FRAGMENT_LIMITS.jsonDepth} levels`,
} as const;

function parseJson(bytes: Uint8Array): ParsedJson {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const excess = jsonShapeExcess(text, SHAPE_LIMITS);
    if (excess) return { ok: false, reason: SHAPE_REASONS[excess] };
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: 'it is not JSON' };
  }
}

// Rebuilt with fromEntries so a "__proto__" panel id stays a plain key instead of a prototype.
function toRecord(entries: Iterable<readonly [string, readonly string[]]>): Record<string, readonly string[]> {
  return Object.fromEntries(entries);
}

/** Never throws: each part that cannot be read is dropped with a notice, the others are kept. */
export function decodeFragment(text: string): DecodedFragment {
  if (text.length > MAX_FRAGMENT_CHARS) {
    return { notices: [`${IGNORED_FRAGMENT}: it is longer than ${MAX_FRAGMENT_CHARS} characters`] };
  }
  if (text === '') return { notices: [`${IGNORED_FRAGMENT}: it is empty`] };
  const compressed = fromBase64Url(text);
  if (!compressed) return { notices: [`${IGNORED_FRAGMENT}: it is not base64url`] };
  const inflated = compressed.length === 0 ? null : inflateRaw(compressed, MAX_INFLATED_BYTES);
  if (!inflated) return { notices: [`${IGNORED_FRAGMENT}: it is not deflate-compressed data (or too large)`] };
  const json = parseJson(inflated);
  if (!json.ok) return { notices: [`${IGNORED_FRAGMENT}: ${json.reason}`] };
  const payload = json.value;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { notices: [`${IGNORED_FRAGMENT}: it is not a JSON object`] };
  }

  const result: DecodedFragment = { notices: [] };
  const raw = payload as Record<string, unknown>;
  if (raw.o !== undefined) {
    const overrides = runCheck(checks.overrides, raw.o);
    if (overrides.success) {
      const source = raw.o as Record<string, unknown>;
      result.overrides = toRecord(Object.keys(source).map((panel) => [panel, source[panel] as string[]]));
    } else {
      result.notices.push(`Ignored the query overrides in the link: ${formatZodError(overrides)}`);
    }
  }
  if (raw.i !== undefined) {
    const incidents = runCheck(checks.importedIncidents, raw.i);
    if (incidents.success) result.importedIncidents = incidents.data;
    else result.notices.push(`Ignored the imported incidents in the link: ${formatZodError(incidents)}`);
  }
  if (raw.a !== undefined) result.addedPanels = readAddedPanels(raw.a, result.notices);
  return result;
}
