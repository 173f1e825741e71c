/**
 * Turns a Prometheus HTTP API answer (its text and status) into data or a PromClientError. Pure and
 * free of fetch, so the same rules apply on the page and in the answer reader's worker.
 */
import { formatZodError } from '../schema/formatZodError';
import type { Series } from '../series/types';
import { convertMatrix, SampleValueError } from './convert';
import { errorFromHttpStatus, errorFromPrometheusBody, malformed } from './errors';
import { errorEnvelopeSchema, queryDataSchema, successEnvelopeSchema } from './schemas';
import { parseShape, type Shape } from './shapeCheck';

/** What the answer's status line said; all that matters of the Response once its body is read. */
export interface AnswerStatus {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
}

export interface Envelope<T> {
  readonly data: T;
  readonly warnings: string[];
}

/**
 * How much of a range query's raw answer is kept for the inspector. A whole answer can be tens of
 * megabytes and would sit in the query cache twice (as text and as series); its head shows the shape.
 */
export const RAW_ANSWER_HEAD_CHARS = 64 * 1024;

/** The success envelope's data, or the PromClientError the answer means. */
export function readEnvelope<T>(text: string, status: AnswerStatus, endpoint: string, dataSchema: Shape<T>): Envelope<T> {
  let body: unknown;
  let isJson = true;
  try {
    body = JSON.parse(text);
  } catch {
    isJson = false;
  }

  if (!status.ok) {
    const prometheusError = isJson ? parseShape(errorEnvelopeSchema, body) : undefined;
    if (prometheusError?.success) {
      const { errorType, error } = prometheusError.data;
      throw errorFromPrometheusBody(status.status, errorType, error);
    }
    throw errorFromHttpStatus(status.status, status.statusText, endpoint);
  }
  if (!isJson) throw malformed(endpoint, 'the body is not JSON');

  const prometheusError = parseShape(errorEnvelopeSchema, body);
  if (prometheusError.success) {
    const { errorType, error } = prometheusError.data;
    throw errorFromPrometheusBody(status.status, errorType, error);
  }
  const parsed = parseShape(successEnvelopeSchema(dataSchema), body);
  if (!parsed.success) throw malformed(endpoint, formatZodError(parsed));
  const { data, warnings = [], infos = [] } = parsed.data;
  return { data, warnings: [...warnings, ...infos] };
}

/** Conversion rejects values no server sends; report them as a malformed answer. */
export function converted<T>(endpoint: string, convert: () => T): T {
  try {
    return convert();
  } catch (e) {
    if (e instanceof SampleValueError) throw malformed(endpoint, e.message);
    throw e;
  }
}

/** The head of an answer for the inspector, and its whole length in characters. */
export function answerHead(text: string): { head: string; chars: number } {
  // slice() of a long string may keep the whole one alive in V8; a copy lets it go.
  const head = text.length > RAW_ANSWER_HEAD_CHARS ? (' ' + text.slice(0, RAW_ANSWER_HEAD_CHARS)).slice(1) : text;
  return { head, chars: text.length };
}

export interface RangeAnswer {
  readonly series: Series[];
  readonly warnings: string[];
  readonly answer: { readonly head: string; readonly chars: number };
}

/** A query_range answer read whole: validated, converted to columns, warnings gathered. */
export function readRangeAnswer(text: string, status: AnswerStatus, endpoint: string): RangeAnswer {
  const { data, warnings } = readEnvelope(text, status, endpoint, queryDataSchema);
  if (data.resultType !== 'matrix') throw malformed(endpoint, `expected a matrix, got ${data.resultType}`);
  const result = converted(endpoint, () => convertMatrix(data.result));
  return { series: result.series, warnings: [...warnings, ...result.warnings], answer: answerHead(text) };
}
