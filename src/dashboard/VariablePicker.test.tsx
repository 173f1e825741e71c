import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { renderWithProviders, TEST_PROMETHEUS_URL } from '../../test/renderWithProviders';
import { usePromClient } from './promClientContext';
import { panelSpecSchema, variableSchema, type DashboardVariable, type PanelSpec } from './schema';
import { labelValuesRange, useDashboardVariables } from './useDashboardVariables';
import { MAX_SHOWN_OPTIONS, VariablePicker } from './VariablePicker';
import { interpolateChecked } from './variables';

// Inside the demo scenario (the 2024-01-15 outage).
const START = Date.UTC(2024, 0, 15, 9, 0);
const END = Date.UTC(2024, 0, 15, 13, 30);
const LABEL_VALUES_PATH = `${TEST_PROMETHEUS_URL}/api/v1/label/instance/values`;

const instanceVariable = variableSchema.parse({ name: 'instance', label: 'Instance', source: { labelValues: 'instance', match: 'up{job="webapp"}' } });

const RANGE = { start: START, end: END };

/** Wired as the app wires it: URL values → options → selection → interpolated PromQL. */
function VariablesHarness({
  variables,
  expr,
  initialVars = {},
  panels = [panelSpecSchema.parse({ type: 'timeseries', id: 'p', title: 'P', unit: 'short', queries: [{ expr }] })],
}: {
  variables: DashboardVariable[];
  expr: string;
  initialVars?: Record<string, readonly string[]>;
  panels?: PanelSpec[];
}) {
  const client = usePromClient();
  const [vars, setVars] = useState(initialVars);
  const { options, values, notices } = useDashboardVariables(client, { variables, panels, urlVars: vars, range: RANGE });
  const { expr: query, problems } = interpolateChecked(expr, values);
  return (
    <>
      <VariablePicker variables={variables} values={values} options={options} onChange={(name, next) => setVars({ ...vars, [name]: next })} />
      <output aria-label="Query">{query}</output>
      <ul aria-label="Notices">
        {[...notices, ...problems].map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </>
  );
}

const queryShown = () => screen.getByRole('status', { name: 'Query' });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('VariablePicker on the demo backend', () => {
  it('offers the instances of the range, All by default, and writes the picks into the query', async () => {
    const user = userEvent.setup();
    renderWithProviders(<VariablesHarness variables={[instanceVariable]} expr={'up{instance=~"$instance"}'} />);
    const group = screen.getByRole('group', { name: 'Instance' });
    expect(within(group).getByRole('status')).toHaveTextContent('Loading values');

    const web2 = await within(group).findByRole('checkbox', { name: 'web-2' });
    expect(within(group).queryByRole('status')).toBeNull();
    expect(within(group).getAllByRole('checkbox').map((c) => c.parentElement?.textContent)).toEqual(['All', 'web-1', 'web-2', 'web-3']);
    expect(within(group).getByRole('checkbox', { name: 'All' })).toBeChecked();
    expect(queryShown()).toHaveTextContent('up{instance=~".*"}');

    await user.click(web2);
    expect(web2).toBeChecked();
    expect(within(group).getByRole('checkbox', { name: 'All' })).not.toBeChecked();
    expect(queryShown()).toHaveTextContent('up{instance=~"web-2"}');

    await user.click(within(group).getByRole('checkbox', { name: 'web-3' }));
    expect(queryShown()).toHaveTextContent('up{instance=~"(web-2|web-3)"}');

    await user.click(web2);
    await user.click(within(group).getByRole('checkbox', { name: 'web-3' }));
    expect(within(group).getByRole('checkbox', { name: 'All' })).toBeChecked();
    expect(queryShown()).toHaveTextContent('up{instance=~".*"}');
  });

  it('keeps link values that are options and says which ones it dropped', async () => {
    renderWithProviders(<VariablesHarness variables={[instanceVariable]} expr={'up{instance=~"$instance"}'} initialVars={{ instance: ['web-3', 'web-9'] }} />);
    const group = screen.getByRole('group', { name: 'Instance' });
    await waitFor(() => expect(within(group).getByRole('checkbox', { name: 'web-1' })).toBeInTheDocument());
    expect(within(group).getByRole('checkbox', { name: 'web-3' })).toBeChecked();
    expect(within(group).queryByRole('checkbox', { name: 'web-9' })).toBeNull();
    expect(queryShown()).toHaveTextContent('up{instance=~"web-3"}');
    expect(screen.getByRole('list', { name: 'Notices' })).toHaveTextContent('Ignored "web-9" for "Instance" from the link: not among its values');
  });

  it('narrows the values with the series selector', async () => {
    const code = variableSchema.parse({ name: 'code', source: { labelValues: 'code', match: 'http_requests_total{job="webapp"}' } });
    renderWithProviders(<VariablesHarness variables={[code]} expr={'rate(http_requests_total{code=~"$code"}[5m])'} />);
    const group = screen.getByRole('group', { name: 'code' });
    await within(group).findByRole('checkbox', { name: '200' });
    const names = within(group).getAllByRole('checkbox').map((c) => c.parentElement?.textContent);
    expect(names).not.toContain('web-1');
    expect(names.filter((n) => n !== 'All').every((n) => /^\d{3}$/.test(n ?? ''))).toBe(true);
  });

  it('single-value variables from a fixed list use radio buttons and exact matchers', async () => {
    const user = userEvent.setup();
    const job = variableSchema.parse({ name: 'job', label: 'Job', multi: false, includeAll: false, source: { values: ['webapp', 'db "main"'] } });
    renderWithProviders(<VariablesHarness variables={[job]} expr={'up{job="$job"}'} />);
    const group = screen.getByRole('group', { name: 'Job' });
    expect(within(group).queryByRole('radio', { name: 'All' })).toBeNull();
    expect(within(group).getByRole('radio', { name: 'webapp' })).toBeChecked();
    expect(queryShown()).toHaveTextContent('up{job="webapp"}');
    await user.click(within(group).getByRole('radio', { name: 'db "main"' }));
    expect(queryShown()).toHaveTextContent('up{job="db \\"main\\""}');
    expect(screen.getByRole('list', { name: 'Notices' })).toBeEmptyDOMElement();
  });

  it('says when All cannot go into an exact matcher', async () => {
    const job = variableSchema.parse({ name: 'job', source: { values: ['a', 'b'] } });
    renderWithProviders(<VariablesHarness variables={[job]} expr={'up{job="$job"}'} />);
    expect(screen.getByRole('list', { name: 'Notices' })).toHaveTextContent('$job is set to All but is used in an exact matcher');
    expect(queryShown()).toHaveTextContent('up{job="$job"}');
  });
});

describe('VariablePicker when the configured selector finds nothing', () => {
  // Backfilled or federated data has no `up` series: the dashboard's own metrics still name the instances.
  const federated = variableSchema.parse({ name: 'instance', label: 'Instance', source: { labelValues: 'instance', match: 'up{job="federated"}' } });
  const panels = [
    panelSpecSchema.parse({ type: 'timeseries', id: 'm', title: 'Memory', unit: 'bytes', queries: [{ expr: 'process_resident_memory_bytes{job="webapp",instance=~"$instance"}' }] }),
    panelSpecSchema.parse({ type: 'timeseries', id: 'e', title: 'Errors', unit: 'short', queries: [{ expr: 'sum(rate(http_requests_total{job="webapp",instance=~"$instance",code=~"5.."}[5m]))' }] }),
  ];

  it("offers the label's values in the panels' own series and says so", async () => {
    const user = userEvent.setup();
    renderWithProviders(<VariablesHarness variables={[federated]} panels={panels} expr={'up{instance=~"$instance"}'} />);
    const group = screen.getByRole('group', { name: 'Instance' });
    const web3 = await within(group).findByRole('checkbox', { name: 'web-3' });
    expect(within(group).getAllByRole('checkbox').map((c) => c.parentElement?.textContent)).toEqual(['All', 'web-1', 'web-2', 'web-3']);
    const note = within(group).getByRole('note');
    expect(note).toHaveTextContent('up{job="federated"} has no series in this range');
    expect(note).toHaveTextContent('process_resident_memory_bytes{job="webapp"}');
    expect(note).toHaveTextContent('http_requests_total{job="webapp",code=~"5.."}');
    expect(within(group).queryByText('No values in this range')).toBeNull();
    await user.click(web3);
    expect(queryShown()).toHaveTextContent('up{instance=~"web-3"}');
  });

  it('needs no note when the configured selector answers', async () => {
    renderWithProviders(<VariablesHarness variables={[instanceVariable]} panels={panels} expr={'up{instance=~"$instance"}'} />);
    const group = screen.getByRole('group', { name: 'Instance' });
    await within(group).findByRole('checkbox', { name: 'web-3' });
    expect(within(group).queryByRole('note')).toBeNull();
  });
});

describe('chained variables', () => {
  const job = variableSchema.parse({ name: 'job', label: 'Job', multi: false, includeAll: false, source: { values: ['webapp', 'batch'] } });
  const instance = variableSchema.parse({ name: 'instance', label: 'Instance', source: { labelValues: 'instance', match: 'up{job=~"$job"}' } });

  it('the job picker narrows the instances offered, and drops picks that are no longer among them', async () => {
    const user = userEvent.setup();
    renderWithProviders(<VariablesHarness variables={[job, instance]} expr={'up{job="$job",instance=~"$instance"}'} initialVars={{ instance: ['web-2'] }} />);
    const instances = screen.getByRole('group', { name: 'Instance' });
    expect(await within(instances).findByRole('checkbox', { name: 'web-2' })).toBeChecked();
    expect(queryShown()).toHaveTextContent('up{job="webapp",instance=~"web-2"}');

    await user.click(within(screen.getByRole('group', { name: 'Job' })).getByRole('radio', { name: 'batch' }));
    // The demo has no batch job: no instance to offer, and the link's web-2 is dropped with a notice.
    await waitFor(() => expect(within(instances).getByText('No values in this range')).toBeInTheDocument());
    expect(within(instances).queryByRole('checkbox', { name: 'web-1' })).toBeNull();
    expect(queryShown()).toHaveTextContent('up{job="batch",instance=~".*"}');
    expect(screen.getByRole('list', { name: 'Notices' })).toHaveTextContent('Ignored "web-2" for "Instance" from the link: not among its values');

    await user.click(within(screen.getByRole('group', { name: 'Job' })).getByRole('radio', { name: 'webapp' }));
    expect(await within(instances).findByRole('checkbox', { name: 'web-1' })).toBeInTheDocument();
  });

  it('asks the server with the earlier variable written into the selector', async () => {
    const asked: string[] = [];
    server.use(
      http.get(LABEL_VALUES_PATH, ({ request }) => {
        const match = new URL(request.url).searchParams.getAll('match[]');
        asked.push(...match);
        const byJob: Record<string, string[]> = { 'up{job=~"api"}': ['api-1', 'api-2'], 'up{job=~"(api|db\\\\.main)"}': ['api-1', 'api-2', 'db-1'] };
        return HttpResponse.json({ status: 'success', data: byJob[match[0] ?? ''] ?? [] });
      }),
    );
    const multiJob = variableSchema.parse({ name: 'job', label: 'Job', includeAll: false, source: { values: ['api', 'db.main'] } });
    const user = userEvent.setup();
    renderWithProviders(<VariablesHarness variables={[multiJob, instance]} expr={'up{instance=~"$instance"}'} />);
    const instances = screen.getByRole('group', { name: 'Instance' });
    await within(instances).findByRole('checkbox', { name: 'api-2' });
    expect(within(instances).queryByRole('checkbox', { name: 'db-1' })).toBeNull();
    await user.click(within(screen.getByRole('group', { name: 'Job' })).getByRole('checkbox', { name: 'db.main' }));
    expect(await within(instances).findByRole('checkbox', { name: 'db-1' })).toBeInTheDocument();
    expect(asked).toContain('up{job=~"(api|db\\\\.main)"}');
  });
});

describe('VariablePicker with a server of its own', () => {
  it('asks for values within the range (VictoriaMetrics needs start and end)', async () => {
    server.use(
      http.get(LABEL_VALUES_PATH, ({ request }) => {
        const params = new URL(request.url).searchParams;
        const start = Number(params.get('start')) * 1000;
        const end = Number(params.get('end')) * 1000;
        if (!params.has('start') || !params.has('end') || start > START || end < END) {
          return HttpResponse.json({ status: 'success', data: ['recent-only'] });
        }
        return HttpResponse.json({ status: 'success', data: ['db-1', 'db-2'] });
      }),
    );
    renderWithProviders(<VariablesHarness variables={[instanceVariable]} expr={'up{instance=~"$instance"}'} />);
    const group = screen.getByRole('group', { name: 'Instance' });
    expect(await within(group).findByRole('checkbox', { name: 'db-2' })).toBeInTheDocument();
    expect(within(group).queryByRole('checkbox', { name: 'recent-only' })).toBeNull();
  });

  it('lists at most MAX_SHOWN_OPTIONS values of a huge label, says how many more, and keeps a linked value beyond them', async () => {
    const values = Array.from({ length: 60_000 }, (_, i) => `host-${String(i).padStart(5, '0')}`);
    server.use(http.get(LABEL_VALUES_PATH, () => HttpResponse.json({ status: 'success', data: values })));
    renderWithProviders(<VariablesHarness variables={[instanceVariable]} expr={'up{instance=~"$instance"}'} initialVars={{ instance: ['host-59999'] }} />);
    const group = screen.getByRole('group', { name: 'Instance' });
    const note = await within(group).findByRole('note');
    expect(note).toHaveTextContent(`${(60_000 - MAX_SHOWN_OPTIONS - 1).toLocaleString('en')} more values of instance are not listed`);
    expect(within(group).getAllByRole('checkbox')).toHaveLength(MAX_SHOWN_OPTIONS + 2); // All, the first values, the linked one
    expect(within(group).getByRole('checkbox', { name: 'host-59999' })).toBeChecked();
    expect(queryShown()).toHaveTextContent('up{instance=~"host-59999"}');
    // Role queries over 500 inputs are slow in jsdom on a busy machine.
  }, 30_000);

  it("shows the server's message when the values cannot be loaded, and keeps the link's values", async () => {
    const message = 'invalid parameter "match[]": 1:3: parse error: unexpected "{"';
    server.use(http.get(LABEL_VALUES_PATH, () => HttpResponse.json({ status: 'error', errorType: 'bad_data', error: message }, { status: 400 })));
    renderWithProviders(<VariablesHarness variables={[instanceVariable]} expr={'up{instance=~"$instance"}'} initialVars={{ instance: ['web-1'] }} />);
    const group = screen.getByRole('group', { name: 'Instance' });
    const alert = await within(group).findByRole('alert');
    expect(alert).toHaveTextContent(`Could not load the values of Instance: ${message}`);
    expect(within(group).queryByRole('status')).toBeNull();
    expect(within(group).getByRole('checkbox', { name: 'web-1' })).toBeChecked();
    expect(queryShown()).toHaveTextContent('up{instance=~"web-1"}');
  });
});

describe('labelValuesRange', () => {
  it('widens to whole hours so refresh ticks within the hour share one request', () => {
    const hour = 3_600_000;
    const base = Date.UTC(2024, 0, 15, 10, 0);
    expect(labelValuesRange({ start: base + 5_000, end: base + 2 * hour + 7_000 })).toEqual({ start: base, end: base + 3 * hour });
    expect(labelValuesRange({ start: base + 65_000, end: base + 2 * hour + 67_000 })).toEqual(labelValuesRange({ start: base + 5_000, end: base + 2 * hour + 7_000 }));
    expect(labelValuesRange({ start: base, end: base + hour })).toEqual({ start: base, end: base + hour });
  });
});
