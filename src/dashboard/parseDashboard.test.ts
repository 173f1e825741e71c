import { DashboardError, parseDashboard } from './parseDashboard';

const panel = (id: string) => ({ type: 'timeseries', id, title: id, unit: 'short', queries: [{ expr: 'up' }] });
const dashboard = (fields: Record<string, unknown> = {}) => ({ schemaVersion: 1, id: 'd', title: 'D', panels: [panel('memory'), panel('cpu')], ...fields });

describe('parseDashboard', () => {
  it('reads a file of the current version', () => {
    expect(parseDashboard(dashboard(), 'd.json').panels.map((p) => p.id)).toEqual(['memory', 'cpu']);
  });

  it('reads a file from before versioning the same as its current form', () => {
    const { type: _type, ...oldPanel } = panel('memory');
    const old = { id: 'd', title: 'D', panels: [oldPanel] };
    expect(parseDashboard(old, 'old.json')).toEqual(parseDashboard(dashboard({ panels: [panel('memory')] }), 'new.json'));
  });

  it.each([
    ['a repeated panel id', dashboard({ panels: [panel('memory'), panel('cpu'), panel('memory')] }), 'field "panels.2.id" repeats the panel id "memory"'],
    ['a repeated panel id in a file from before versioning', { id: 'd', title: 'D', panels: [panel('cpu'), panel('cpu')] }, 'field "panels.1.id" repeats the panel id "cpu"'],
    ['a panel type vigil does not draw', dashboard({ panels: [{ ...panel('memory'), type: 'heatmap' }] }), 'field "panels.0.type" must be one of the panel types "timeseries"'],
    ['a current file whose panel has no type', dashboard({ panels: [{ ...panel('memory'), type: undefined }] }), 'field "panels.0.type" must be one of the panel types "timeseries"'],
    ['a newer version', dashboard({ schemaVersion: 2 }), 'field "schemaVersion" is 2, newer than this vigil reads (up to 1): update vigil'],
    ['a version written as text', dashboard({ schemaVersion: '1' }), 'field "schemaVersion" must be a version number (this vigil reads up to 1), or absent in a file from before versioning'],
    ['version 0 written out', dashboard({ schemaVersion: 0 }), 'field "schemaVersion" must be a version number (this vigil reads up to 1), or absent in a file from before versioning'],
    ['a bad field deep inside', dashboard({ panels: [{ ...panel('memory'), queries: [{ expr: '' }] }] }), 'field "panels.0.queries.0.expr" Too small: expected string to have >=1 characters'],
    ['a file that is not an object', [panel('memory')], 'Invalid input: expected object, received array'],
  ])('refuses %s, naming the field', (_, raw, message) => {
    expect(() => parseDashboard(raw, 'dashboards/d.json')).toThrow(DashboardError);
    expect(() => parseDashboard(raw, 'dashboards/d.json')).toThrow(`Dashboard dashboards/d.json: ${message}`);
  });
});
