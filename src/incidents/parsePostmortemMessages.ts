/**
 * The messages between the page and the postmortem worker, and the worker's answer as a pure
 * function (so it is tested without a worker). Everything that crosses is plain, cloneable data.
 */

import type { CivilDate } from './civilTime';
import { parsePostmortem, type ParsePostmortemOptions, type ParseResult } from './parsePostmortem';

export interface ParseRequest {
  readonly text: string;
  readonly options: ParsePostmortemOptions;
}

export type ParseReply = { readonly kind: 'parsed'; readonly result: ParseResult } | { readonly kind: 'failed'; readonly error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function civilDateOf(value: unknown): CivilDate | undefined {
  if (!isRecord(value)) return undefined;
  const { year, month, day } = value;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  return { year: year as number, month: month as number, day: day as number };
}

function asRequest(data: unknown): ParseRequest | null {
  if (!isRecord(data) || typeof data.text !== 'string' || !isRecord(data.options)) return null;
  const { id, timezone, readOn } = data.options;
  if (typeof id !== 'string' || (timezone !== undefined && typeof timezone !== 'string')) return null;
  const day = civilDateOf(readOn);
  if (readOn !== undefined && !day) return null;
  return { text: data.text, options: { id, ...(timezone !== undefined && { timezone }), ...(day && { readOn: day }) } };
}

/** What the worker posts back for one message: the parse result, or why the message was not a request. */
export function answerParseRequest(data: unknown): ParseReply {
  const request = asRequest(data);
  if (!request) return { kind: 'failed', error: 'The postmortem reader was sent something that is not a postmortem.' };
  return { kind: 'parsed', result: parsePostmortem(request.text, request.options) };
}
