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
 * Parses `?a=1&b` or `#z=…` (the leading character is optional). Credential-like keys are dropped
 * here, before anything else sees them, with a notice that names the key but never the value.
 */
export function readParams(text: string, leading: '?' | '#', notices: string[]): ParamMap {
  const params = new URLSearchParams(text.startsWith(leading) ? text.slice(1) : text);
  const grouped = new Map<string, string[]>();
  const reported = new Set<string>();
  for (const [key, value] of params) {
    if (isCredentialKey(key)) {
      if (!reported.has(key)) notices.push(`Ignored "${key}": links never carry credentials`);
      reported.add(key);
      continue;
    }
    const values = grouped.get(key);
    if (values) values.push(value);
    else grouped.set(key, [value]);
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
