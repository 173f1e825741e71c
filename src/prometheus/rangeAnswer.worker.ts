/**
 * Fetches and reads query_range answers off the page's thread: an 18 MB answer of 1,000 series
 * takes seconds to parse, validate and convert, and even receiving its body on the page costs a
 * long task (issues 11 and 13). Loaded as a same-origin module, which the CSP's `script-src 'self'`
 * allows (worker-src falls back to it); its fetches are held to the same connect-src.
 */
import { serveRangeAnswers, type ReaderWorkerScope } from './rangeAnswerService';

serveRangeAnswers(globalThis as unknown as ReaderWorkerScope, () => globalThis.fetch.bind(globalThis));
