// Characters RFC 3986 allows unescaped in a query that URLSearchParams also reads back literally;
// keeping them makes `from=2024-01-15T10:00:00Z` and `hide=memory:web-2` readable and editable.
const READABLE = /%(3A|2F|40|2C)/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Percent-encodes one key or value of the query so `&`, `=`, `#`, `%`, `+` and spaces survive;
 * a lone surrogate (not encodable as UTF-8) becomes U+FFFD, as TextEncoder would make it.
 */
export function encodeQueryComponent(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD')).replace(READABLE, (escape) =>
    decodeURIComponent(escape),
  );
}

/** `key=value` pairs joined by `&`; a `null` value writes the bare key (`kiosk`). */
export function formatQuery(pairs: readonly (readonly [string, string | null])[]): string {
  return pairs
    .map(([key, value]) => (value === null ? encodeQueryComponent(key) : `${encodeQueryComponent(key)}=${encodeQueryComponent(value)}`))
    .join('&');
}
