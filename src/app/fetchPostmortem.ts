/**
 * A postmortem fetched from a URL: this site's own, or one whose server allows this page to read it
 * (CORS). The same size cap as a picked file holds, checked on the declared length and again while
 * the body streams in, so a server that lies about its length cannot fill the tab.
 */
import { MAX_POSTMORTEM_BYTES, formatMegabytes } from '../incidents/postmortemSizeLimit';
import { decodeChunks, readChunksUpTo } from '../prometheus/responseBody';

export type FetchedPostmortem = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/** Why this URL is not fetched, or the URL to fetch (a relative one is this site's own). */
export function postmortemUrl(written: string, base: string): { url: URL } | { error: string } {
  let url: URL;
  try {
    url = new URL(written.trim(), base);
  } catch {
    return { error: `"${written}" is not a URL.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: `vigil fetches postmortems over http or https, not ${url.protocol.replace(/:$/, '')}.` };
  // A link with a password in it would travel into history and logs: refused, never sent.
  if (url.username || url.password) return { error: 'The URL carries a user name or password; vigil does not send credentials in URLs.' };
  return { url };
}

function tooLarge(bytes: number | null): string {
  const size = bytes === null ? `larger than ${formatMegabytes(MAX_POSTMORTEM_BYTES)}` : formatMegabytes(bytes);
  return `This document is ${size}; vigil reads postmortems up to ${MAX_POSTMORTEM_BYTES / 1_000_000} MB. Download it and open the part with the timeline.`;
}

/** Reads the body up to the cap, cancelling the download as soon as it passes it. */
async function boundedText(response: Response): Promise<string | null> {
  const chunks = await readChunksUpTo(response, MAX_POSTMORTEM_BYTES);
  return chunks === null ? null : decodeChunks(chunks);
}

/**
 * Fetches without cookies for another site (a postmortem is public, or it is this site's own), and
 * says in words why it could not: refused by the other site (no CORS), not found, too large.
 */
export async function fetchPostmortem(url: URL, signal?: AbortSignal): Promise<FetchedPostmortem> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin', redirect: 'follow', headers: { Accept: 'text/html, text/markdown, text/plain;q=0.9, */*;q=0.1' } });
  } catch (failure) {
    if (signal?.aborted) throw failure;
    // The browser gives script one opaque TypeError for a CORS refusal, a network failure and a
    // Content-Security-Policy block alike: say what each would mean.
    return {
      ok: false,
      error: `${url.host} did not let vigil read ${url.href}: its server does not allow other sites to read it (CORS), or it could not be reached. Download the file and drop it here instead.`,
    };
  }
  if (!response.ok) return { ok: false, error: `${url.href} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.` };
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > MAX_POSTMORTEM_BYTES) {
    void response.body?.cancel().catch(() => {});
    return { ok: false, error: tooLarge(declared) };
  }
  const text = await boundedText(response);
  return text === null ? { ok: false, error: tooLarge(null) } : { ok: true, text };
}
