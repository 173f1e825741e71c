/**
 * A link is pasted into chats and tickets, so it must never carry credentials. The decoder drops
 * these keys (without echoing their values) and the encoder refuses to write them.
 */

// Whole keys, after dropping case and punctuation ('X-Scope-OrgID' → 'xscopeorgid').
const CREDENTIAL_KEYS = new Set(['apikey', 'accesstoken', 'xscopeorgid', 'authorization', 'headers', 'header']);
// Single words anywhere in a key ('X-Auth-Token', 'id_token', 'authToken', 'db-password').
const CREDENTIAL_WORDS = new Set([
  'token',
  'auth',
  'authorization',
  'apikey',
  'password',
  'passwd',
  'secret',
  'bearer',
  'cookie',
  'credential',
  'credentials',
  'headers',
]);

function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** True for a query or fragment key named like a credential (`token`, `api_key`, `X-Scope-OrgID`…). */
export function isCredentialKey(key: string): boolean {
  const parts = words(key);
  const joined = parts.join('');
  if (CREDENTIAL_KEYS.has(joined)) return true;
  if (joined.includes('apikey') || joined.endsWith('scopeorgid')) return true;
  return parts.some((word) => CREDENTIAL_WORDS.has(word));
}
