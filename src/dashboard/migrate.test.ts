import fc from 'fast-check';
import { migrateDashboard } from './migrate';

const panel = { id: 'memory', title: 'Memory', unit: 'bytes', queries: [{ expr: 'up' }] };

describe('migrateDashboard', () => {
  it('takes a file from before versioning to the current version, every panel a time series', () => {
    const old = { id: 'd', title: 'D', panels: [panel, { ...panel, id: 'cpu' }] };
    expect(migrateDashboard(old)).toEqual({
      schemaVersion: 1,
      id: 'd',
      title: 'D',
      panels: [{ ...panel, type: 'timeseries' }, { ...panel, id: 'cpu', type: 'timeseries' }],
    });
  });

  it('draws an old panel that says "type": "graph" (copied from Grafana) as the time series it always was', () => {
    const migrated = migrateDashboard({ id: 'd', title: 'D', panels: [{ ...panel, type: 'graph' }] });
    expect(migrated).toMatchObject({ panels: [{ type: 'timeseries' }] });
  });

  it.each([
    ['the current version', { schemaVersion: 1, id: 'd', panels: [panel] }],
    ['a newer version', { schemaVersion: 2, id: 'd', panels: [panel] }],
    ['a version written as text', { schemaVersion: '1', id: 'd', panels: [panel] }],
    ['version 0 written out', { schemaVersion: 0, id: 'd', panels: [panel] }],
    ['not an object', [panel]],
    ['null', null],
  ])('leaves %s as it is, for the schema to judge', (_, json) => {
    expect(migrateDashboard(json)).toBe(json);
  });

  it('keeps what it cannot read, for the schema to name', () => {
    expect(migrateDashboard({ id: 'd', panels: 'memory' })).toEqual({ schemaVersion: 1, id: 'd', panels: 'memory' });
    expect(migrateDashboard({ id: 'd', panels: [3, panel] })).toEqual({ schemaVersion: 1, id: 'd', panels: [3, { ...panel, type: 'timeseries' }] });
  });

  it('never throws, never changes its input, and migrating twice changes nothing more', () => {
    const dashboardLike = fc.record(
      { schemaVersion: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.string()), id: fc.string(), panels: fc.array(fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue()))) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), dashboardLike), (json) => {
        const before = structuredClone(json);
        const once = migrateDashboard(json);
        expect(json).toEqual(before);
        expect(migrateDashboard(once)).toEqual(once);
      }),
    );
  });
});
