/**
 * What the page and the answer reader's worker say to each other about a query_range answer. The
 * page sends either the request to make (the worker fetches it: the body never touches the page)
 * or a body it fetched itself (its bytes transferred, not copied); the worker parses, validates and
 * converts the answer and sends back the series packed into three typed arrays (transferred too),
 * or the error as its kind and message, so the page throws the same PromClientError it would have
 * thrown itself.
 */
import { seriesStats } from '../series/downsample';
import { rememberSeriesFacts } from '../series/packedFacts';
import type { Labels, Series } from '../series/types';
import { readRangeAnswer, type AnswerStatus, type RangeAnswer } from './answer';
import { isPromClientError, malformed, PromClientError, type PromErrorKind } from './errors';
import { decodeChunks } from './responseBody';

export interface RangeAnswerRequest {
  readonly id: number;
  readonly endpoint: string;
  readonly status: AnswerStatus;
  readonly chunks: readonly Uint8Array[];
}

/**
 * A query_range request as plain data. `headers` may hold credentials: it lives in memory and in
 * the message to the worker only, never in a URL, a log or an error message.
 */
export interface RangeFetchRequest {
  /** Absolute: a worker resolves relative URLs against its own script, not the page. */
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: string;
  /** The size cap of readBodyChunksWithin. */
  readonly maxResponseBytes: number;
}

/** Page → worker. */
export type ToReaderWorker =
  | ({ readonly kind: 'read' } & RangeAnswerRequest)
  | { readonly kind: 'fetch'; readonly id: number; readonly endpoint: string; readonly request: RangeFetchRequest }
  | { readonly kind: 'abort'; readonly id: number };

/** Worker → page, besides replies: the module loaded; a fetched body has arrived whole (its connection is free). */
export type ReaderWorkerNotice = { readonly kind: 'ready' } | { readonly kind: 'received'; readonly id: number };

/**
 * Every series' columns end to end: series i holds the points offsets[i] to offsets[i + 1]. Three
 * buffers cross the thread boundary instead of two arrays per series. `stats` holds each series'
 * legend figures (last, max, min, mean at 4i to 4i + 3), computed beside the conversion, so the
 * page chooses the series it draws without reading a point.
 */
export interface PackedSeries {
  readonly labels: readonly Labels[];
  readonly offsets: Uint32Array;
  readonly timestamps: Float64Array;
  readonly values: Float64Array;
  readonly stats: Float64Array;
}

export interface SentError {
  readonly kind: PromErrorKind;
  readonly message: string;
  readonly status?: number;
  readonly errorType?: string;
}

export type RangeAnswerReply =
  | { readonly id: number; readonly kind: 'read'; readonly packed: PackedSeries; readonly warnings: string[]; readonly answer: RangeAnswer['answer'] }
  | { readonly id: number; readonly kind: 'failed'; readonly error: SentError }
  /** fetch itself rejected (no connection, CORS, CSP, aborted): the page maps it as it maps its own fetch's failures. */
  | { readonly id: number; readonly kind: 'unreached'; readonly name: string; readonly message: string };

const STATS_PER_SERIES = 4;

export function packSeries(series: readonly Series[]): PackedSeries {
  const offsets = new Uint32Array(series.length + 1);
  let total = 0;
  series.forEach((s, i) => {
    total += s.timestamps.length;
    offsets[i + 1] = total;
  });
  const timestamps = new Float64Array(total);
  const values = new Float64Array(total);
  const stats = new Float64Array(series.length * STATS_PER_SERIES);
  series.forEach((s, i) => {
    timestamps.set(s.timestamps, offsets[i]);
    values.set(s.values, offsets[i]);
    const { last, max, min, mean } = seriesStats(s.values);
    stats.set([last, max, min, mean], i * STATS_PER_SERIES);
  });
  return { labels: series.map((s) => s.labels), offsets, timestamps, values, stats };
}

function column(array: Float64Array): number[] {
  const out = new Array<number>(array.length);
  for (let i = 0; i < array.length; i++) out[i] = array[i] as number;
  return out;
}

/**
 * Back to the Series the panels use. Each column is copied into a plain array (what the chart,
 * CSV and comparisons expect) only when first read: a panel draws 20 series of an answer of 1,000,
 * and copying all of them held the page for hundreds of milliseconds (issue 11). The series'
 * figures and typed columns are remembered (statsOf, packedColumnsOf) so that choosing and
 * comparing series read no column either.
 */
export function unpackSeries(packed: PackedSeries): Series[] {
  return packed.labels.map((labels, i) => unpackOne(packed, labels, i));
}

function unpackOne(packed: PackedSeries, labels: Labels, i: number): Series {
  const from = packed.offsets[i] as number;
  const to = packed.offsets[i + 1] as number;
  const typed = { timestamps: packed.timestamps.subarray(from, to), values: packed.values.subarray(from, to) };
  let timestamps: number[] | undefined;
  let values: number[] | undefined;
  // Getters in a literal (one shape for all): Object.defineProperties made each a slow dictionary object.
  const series: Series = {
    labels,
    get timestamps() {
      return (timestamps ??= column(typed.timestamps));
    },
    get values() {
      return (values ??= column(typed.values));
    },
  };
  const at = i * STATS_PER_SERIES;
  const stats = packed.stats;
  rememberSeriesFacts(series, { last: stats[at] as number, max: stats[at + 1] as number, min: stats[at + 2] as number, mean: stats[at + 3] as number }, typed);
  return series;
}

/** The buffers a reply hands over without copying. */
export function transferablesOf(reply: RangeAnswerReply): ArrayBuffer[] {
  if (reply.kind !== 'read') return [];
  const { offsets, timestamps, values, stats } = reply.packed;
  return [offsets.buffer, timestamps.buffer, values.buffer, stats.buffer] as ArrayBuffer[];
}

export function sentError(error: PromClientError): SentError {
  return {
    kind: error.kind,
    message: error.message,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.errorType === undefined ? {} : { errorType: error.errorType }),
  };
}

/** The worker's whole job, pure: also what runs on the page where there is no Worker. */
export function answerRangeRequest(request: RangeAnswerRequest): RangeAnswerReply {
  try {
    const { series, warnings, answer } = readRangeAnswer(decodeChunks(request.chunks), request.status, request.endpoint);
    return { id: request.id, kind: 'read', packed: packSeries(series), warnings, answer };
  } catch (e) {
    if (isPromClientError(e)) return { id: request.id, kind: 'failed', error: sentError(e) };
    // A bug or an exhausted heap, not the server's fault; still said in the panel's own words.
    const what = e instanceof Error ? e.message : String(e);
    return { id: request.id, kind: 'failed', error: sentError(malformed(request.endpoint, what)) };
  }
}

/** The error the page throws for a `failed` reply: the one the reading itself threw. */
export function errorFromReply(error: SentError): PromClientError {
  const details = { ...(error.status === undefined ? {} : { status: error.status }), ...(error.errorType === undefined ? {} : { errorType: error.errorType }) };
  return new PromClientError(error.kind, error.message, details);
}
