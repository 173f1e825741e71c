// Heap snapshots summarised by constructor, and the difference between two: which kinds of object
// a long run accumulates.
import type { ProtocolSession } from './protocolSession';
import { formatTable } from './table';

/** count and self size per object kind ("object:Map", "closure:tick", "string"). */
export type HeapCensus = Map<string, { count: number; bytes: number }>;

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export async function takeHeapSnapshot(session: ProtocolSession): Promise<string> {
  const chunks: string[] = [];
  const onChunk = (params: Record<string, unknown>) => void chunks.push(String(params.chunk));
  session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return chunks.join('');
}

/** Groups a snapshot's nodes by type and, for objects and closures, by name. */
export function heapCensus(snapshotText: string): HeapCensus {
  const json = JSON.parse(snapshotText) as SnapshotJson;
  const fields = json.snapshot.meta.node_fields;
  const types = json.snapshot.meta.node_types[0];
  const stride = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const census: HeapCensus = new Map();
  for (let i = 0; i < json.nodes.length; i += stride) {
    const type = types[json.nodes[i + typeAt] as number] ?? 'unknown';
    const named = type === 'object' || type === 'closure' || type === 'native';
    const key = named ? `${type}:${json.strings[json.nodes[i + nameAt] as number] ?? '?'}` : type;
    const entry = census.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += json.nodes[i + sizeAt] as number;
    census.set(key, entry);
  }
  return census;
}

export interface CensusChange {
  readonly kind: string;
  readonly countDelta: number;
  readonly bytesDelta: number;
  readonly countAfter: number;
}

/** Kinds whose count or size changed, largest size growth first. */
export function diffCensus(before: HeapCensus, after: HeapCensus): CensusChange[] {
  const kinds = new Set([...before.keys(), ...after.keys()]);
  const changes: CensusChange[] = [];
  for (const kind of kinds) {
    const a = before.get(kind) ?? { count: 0, bytes: 0 };
    const b = after.get(kind) ?? { count: 0, bytes: 0 };
    if (a.count === b.count && a.bytes === b.bytes) continue;
    changes.push({ kind, countDelta: b.count - a.count, bytesDelta: b.bytes - a.bytes, countAfter: b.count });
  }
  return changes.sort((x, y) => y.bytesDelta - x.bytesDelta || y.countDelta - x.countDelta);
}

export function formatCensusChanges(changes: readonly CensusChange[], limit = 15): string {
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return formatTable<CensusChange>(
    [
      { header: 'object kind', cell: (c) => c.kind.slice(0, 60), align: 'left' },
      { header: 'count Δ', cell: (c) => signed(c.countDelta) },
      { header: 'bytes Δ', cell: (c) => signed(c.bytesDelta) },
      { header: 'count after', cell: (c) => String(c.countAfter) },
    ],
    changes.slice(0, limit),
  );
}

/** Snapshot node types as the soak report groups them: V8's compiled code, Blink's objects, the rest. */
export type HeapShare = 'compiled code' | 'Blink (native) objects' | 'JS objects and data';

function shareOf(kind: string): HeapShare {
  const type = kind.includes(':') ? kind.slice(0, kind.indexOf(':')) : kind;
  if (type === 'code') return 'compiled code';
  if (type === 'native') return 'Blink (native) objects';
  return 'JS objects and data';
}

/** Bytes per share of a census: tells a JIT warming up (code) from data being kept (objects). */
export function heapShares(census: HeapCensus): Map<HeapShare, number> {
  const shares = new Map<HeapShare, number>();
  for (const [kind, { bytes }] of census) shares.set(shareOf(kind), (shares.get(shareOf(kind)) ?? 0) + bytes);
  return shares;
}

export function formatHeapShares(before: HeapCensus, after: HeapCensus): string {
  const a = heapShares(before);
  const b = heapShares(after);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  const shares: HeapShare[] = ['JS objects and data', 'compiled code', 'Blink (native) objects'];
  return shares
    .map((share) => {
      const x = a.get(share) ?? 0;
      const y = b.get(share) ?? 0;
      const percent = x > 0 ? ` (${y >= x ? '+' : ''}${(((y - x) / x) * 100).toFixed(1)}%)` : '';
      return `${share}: ${kb(x)} → ${kb(y)}${percent}`;
    })
    .join('\n');
}
