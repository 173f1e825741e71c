/**
 * What the page and the answer reader's worker say to each other about a query_range answer. The
 * page sends either the request to make (the worker fetches it: the body never touches the page)
 * or a body it fetched itself (its bytes transferred, not copied); the worker parses, validates and
 * converts the answer and sends back the series packed into three typed arrays (transferred too),
 * or the error as its kind and message, so the page throws the same PromClientError it would have
 * thrown itself.
 */
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
 * buffers cross the thread boundary instead of two arrays per series.
 */
export interface PackedSeries {
  readonly labels: readonly Labels[];
  readonly offsets: Uint32Array;
  readonly timestamps: Float64Array;
  readonly values: Float64Array;
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

export function packSeries(series: readonly Series[]): PackedSeries {
  const offsets = new Uint32Array(series.length + 1);
  let total = 0;
  series.forEach((s, i) => {
    total += s.timestamps.length;
    offsets[i + 1] = total;
  });
  const timestamps = new Float64Array(total);
  const values = new Float64Array(total);
  series.forEach((s, i) => {
    timestamps.set(s.timestamps, offsets[i]);
    values.set(s.values, offsets[i]);
  });
  return { labels: series.map((s) => s.labels), offsets, timestamps, values };
}

function column(array: Float64Array, from: number, to: number): number[] {
  const out = new Array<number>(to - from);
  for (let i = from; i < to; i++) out[i - from] = array[i] as number;
  return out;
}

/** Back to the Series the panels draw (plain arrays: the chart, CSV and comparisons expect them). */
export function unpackSeries(packed: PackedSeries): Series[] {
  return packed.labels.map((labels, i) => unpackOne(packed, labels, i));
}

function unpackOne(packed: PackedSeries, labels: Labels, i: number): Series {
  const from = packed.offsets[i] as number;
  const to = packed.offsets[i + 1] as number;
  return { labels, timestamps: column(packed.timestamps, from, to), values: column(packed.values, from, to) };
}

/** Points copied per task by unpackSeriesInSlices: ~10 ms on a slow machine. */
export const UNPACK_SLICE_POINTS = 200_000;

/**
 * unpackSeries a slice at a time, yielding to the page between slices: 2 million points copied
 * in one go held the main thread for a long task (issue 13 asks none over 50 ms).
 */
export async function unpackSeriesInSlices(packed: PackedSeries, yieldToPage: () => Promise<void>, slicePoints = UNPACK_SLICE_POINTS): Promise<Series[]> {
  const series: Series[] = [];
  let copied = 0;
  for (let i = 0; i < packed.labels.length; i++) {
    if (copied >= slicePoints) {
      await yieldToPage();
      copied = 0;
    }
    series.push(unpackOne(packed, packed.labels[i] as Labels, i));
    copied += (packed.offsets[i + 1] as number) - (packed.offsets[i] as number);
  }
  return series;
}

/** The buffers a reply hands over without copying. */
export function transferablesOf(reply: RangeAnswerReply): ArrayBuffer[] {
  if (reply.kind !== 'read') return [];
  const { offsets, timestamps, values } = reply.packed;
  return [offsets.buffer, timestamps.buffer, values.buffer] as ArrayBuffer[];
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
