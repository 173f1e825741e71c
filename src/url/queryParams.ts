import { isCredentialKey } from './credentials';

/** Query or fragment parameters grouped by key, in the order the keys first appear. */
export type ParamMap = ReadonlyMap<string, readonly string[]>;

const MAX_QUOTED_CHARS = 80;

/** A user-supplied value as it appears inside a notice, cut short so a notice stays one line. */
export function quote(value: string): string {
  return value.length > MAX_QUOTED_CHARS ? `"${value.slice(0, MAX_QUOTED_CHARS - 1)}…"` : `"${value}"`;
}

/** `Ignored "from": "yesterday-ish" is not a time` */
export function ignored(key: string, value: string, reason: string): string {
  return `Ignored "${key}": ${quote(value)} ${reason}`;
}

/**
 * What one link may hold. Far beyond any real view (a dashboard has a few dozen series to hide, a
 * variable a few dozen values), and small enough that everything after the parse stays quick:
 * 60,000 `hide=` values once took 13.7 s to first render.
 */
export const LINK_LIMITS = {
  /** Different keys; `var-<name>` keys count one each. */
  keys: 200,
  /** Values of one repeated key (`hide`, `incident`, one `var-<name>`…). */
  valuesPerKey: 1000,
} as const;

/**
 * Parses `?a=1&b` or `#z=…` (the leading character is optional), in one pass. Credential-like keys
 * are dropped here, before anything else sees them, with a notice that names the key but never the
 * value. Keys and values past LINK_LIMITS are dropped with one notice per key.
 */
export function readParams(text: string, leading: '?' | '#', notices: string[]): ParamMap {
  const params = new URLSearchParams(text.startsWith(leading) ? text.slice(1) : text);
  const grouped = new Map<string, string[]>();
  const reported = new Set<string>();
  const dropped = new Map<string, number>();
  for (const [key, value] of params) {
    // Each key is judged once, however often it repeats.
    const values = grouped.get(key);
    if (values && values.length < LINK_LIMITS.valuesPerKey) values.push(value);
    else if (values || dropped.has(key)) dropped.set(key, (dropped.get(key) ?? 0) + 1);
    else if (reported.has(key)) continue;
    else if (isCredentialKey(key)) {
      notices.push(`Ignored "${key}": links never carry credentials`);
      reported.add(key);
    } else if (grouped.size < LINK_LIMITS.keys) grouped.set(key, [value]);
    else dropped.set(key, 1);
  }
  const droppedKeys = [...dropped].filter(([key]) => !grouped.has(key));
  for (const [key, count] of dropped) {
    if (grouped.has(key)) notices.push(`Ignored ${count} more "${key}" values: a link holds at most ${LINK_LIMITS.valuesPerKey} of one key`);
  }
  if (droppedKeys.length > 0) {
    const names = droppedKeys.slice(0, 3).map(([key]) => quote(key)).join(', ');
    const more = droppedKeys.length > 3 ? ` and ${droppedKeys.length - 3} more` : '';
    notices.push(`Ignored the keys ${names}${more}: a link holds at most ${LINK_LIMITS.keys} different keys`);
  }
  return grouped;
}

export interface SingleParam {
  key: string;
  value: string;
}

/**
 * The one value of a key that may appear once, looked up under each of its names in order of
 * preference (the current name first, then older aliases). Extra values are reported, not used.
 */
export function takeSingle(params: ParamMap, names: readonly string[], notices: string[]): SingleParam | undefined {
  let found: SingleParam | undefined;
  for (const name of names) {
    const values = params.get(name);
    if (!values) continue;
    if (found) {
      notices.push(`Ignored "${name}": "${found.key}" is given too`);
      continue;
    }
    found = { key: name, value: values[0] ?? '' };
    if (values.length > 1) notices.push(`Ignored repeated "${name}": only the first is used`);
  }
  return found;
}
