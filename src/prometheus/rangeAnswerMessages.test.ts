import fc from 'fast-check';
import { readRangeAnswer } from './answer';
import { isPromClientError, PromClientError } from './errors';
import { keepUnchangedSeries, seriesStats, statsOf, type Series } from '../series';
import { answerRangeRequest, errorFromReply, packSeries, transferablesOf, unpackSeries, type RangeAnswerRequest } from './rangeAnswerMessages';

const ENDPOINT = '/api/v1/query_range';
const OK = { ok: true, status: 200, statusText: 'OK' };

function chunked(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
  return chunks;
}

function request(text: string, status = OK, chunkSize = 7): RangeAnswerRequest {
  return { id: 4, endpoint: ENDPOINT, status, chunks: chunked(text, chunkSize) };
}

/** What reading on this thread throws, or returns. */
function readHere(text: string, status = OK) {
  try {
    return { read: readRangeAnswer(text, status, ENDPOINT) };
  } catch (e) {
    if (!isPromClientError(e)) throw e;
    return { error: e };
  }
}

const MATRIX = JSON.stringify({
  status: 'success',
  warnings: ['partial data'],
  data: {
    resultType: 'matrix',
    result: [
      // Out of order and a label set that sorts after the other: the worker holds the same invariants.
      { metric: { instance: 'é-2', job: 'api' }, values: [[20, '2'], [10, 'NaN'], [30, '+Inf']] },
      { metric: { instance: 'a-1', job: 'api' }, values: [[10, '1.5'], [20, '-Inf']] },
      { metric: { instance: 'empty' } },
    ],
  },
});

describe('the range answer protocol', () => {
  it('answers with the same series, warnings and raw head as reading on this thread, through a structured clone', () => {
    const reply = structuredClone(answerRangeRequest(request(MATRIX)));
    expect(reply.kind).toBe('read');
    if (reply.kind !== 'read') return;
    const here = readHere(MATRIX).read;
    expect(reply.id).toBe(4);
    expect(unpackSeries(reply.packed)).toEqual(here?.series);
    expect(reply.warnings).toEqual(here?.warnings);
    expect(reply.answer).toEqual({ head: MATRIX, chars: MATRIX.length });
  });

  it('hands the columns and their figures over as four transferable buffers', () => {
    const reply = answerRangeRequest(request(MATRIX));
    if (reply.kind !== 'read') throw new Error('expected a read');
    const transfer = transferablesOf(reply);
    expect(transfer).toHaveLength(4);
    const received = structuredClone(reply, { transfer });
    // Moved, not copied: the sender's buffers are emptied.
    expect(reply.packed.timestamps.byteLength).toBe(0);
    expect(received.kind === 'read' && unpackSeries(received.packed).map((s) => s.timestamps)).toEqual([[10_000, 20_000], [], [10_000, 20_000, 30_000]]);
  });

  it('keeps a character split between two chunks whole', () => {
    const reply = answerRangeRequest(request(MATRIX, OK, 1));
    expect(reply.kind === 'read' && reply.packed.labels.map((l) => l.instance)).toEqual(['a-1', 'empty', 'é-2']);
  });

  it.each([
    ['a body that is not JSON', '<html>oops</html>', OK],
    ['a Prometheus error', JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error at char 3' }), { ok: false, status: 400, statusText: 'Bad Request' }],
    ['a proxy page', 'Bad gateway', { ok: false, status: 502, statusText: 'Bad Gateway' }],
    ['a vector instead of a matrix', JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }), OK],
    ['a sample value no server sends', JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: [[1, '0x10']] }] } }), OK],
    ['a wrong shape', JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: [[1, 2]] }] } }), OK],
  ])('%s: the page gets the error reading here throws, kind, message, status and all', (_, text, status) => {
    const reply = structuredClone(answerRangeRequest(request(text, status)));
    expect(reply.kind).toBe('failed');
    if (reply.kind !== 'failed') return;
    const thrown = errorFromReply(reply.error);
    const expected = readHere(text, status).error as PromClientError;
    expect(thrown).toBeInstanceOf(PromClientError);
    expect({ kind: thrown.kind, message: thrown.message, status: thrown.status, errorType: thrown.errorType }).toEqual({
      kind: expected.kind,
      message: expected.message,
      status: expected.status,
      errorType: expected.errorType,
    });
  });

  it('packing and unpacking keeps every series as it was, NaN and infinities included', () => {
    const value = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity));
    const series = fc.array(
      fc.array(fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), value), { maxLength: 20 }).map((points) => ({
        labels: { i: String(points.length) },
        timestamps: points.map((p) => p[0]),
        values: points.map((p) => p[1]),
      })),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(series, (list) => {
        expect(unpackSeries(structuredClone(packSeries(list)))).toEqual(list);
      }),
    );
  });

  it('unpacked series carry the figures of their values and compare by their typed columns, read or not', () => {
    const value = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity));
    const series = fc.array(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 1e12 }), value), { maxLength: 30 }).map((points) => ({
        labels: { n: String(points.length) },
        timestamps: points.map((p) => p[0]),
        values: points.map((p) => p[1]),
      })),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(series, (list) => {
        const unpacked = unpackSeries(structuredClone(packSeries(list)));
        unpacked.forEach((s, i) => expect(statsOf(s)).toEqual(seriesStats(list[i]?.values ?? [])));
        const again = unpackSeries(packSeries(list));
        const set = (s: readonly Series[]) => ({ series: s, start: 0, end: 1, step: 1, warnings: [] });
        // The same answer twice: the earlier objects are kept, as for plain arrays.
        expect(keepUnchangedSeries(set(unpacked), set(again)).series).toBe(unpacked);
      }),
    );
  });
});
