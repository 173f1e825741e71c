// The four renderers the bench compares, each drawing the same series at 1,200 × 300 px: vigil's
// chart (TimeSeriesChart) and whole panel (TimeSeriesPanel, legend included), and the reference
// libraries Grafana/Prometheus (uPlot) and Perses (ECharts, canvas) draw with. uPlot and ECharts are
// dev dependencies used only here; they never reach the app's bundle.
import { createRoot, type Root } from 'react-dom/client';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { TimeSeriesChart } from '../../../src/panels/TimeSeriesChart';
import { TimeSeriesPanel } from '../../../src/panels/TimeSeriesPanel';
import { createCrosshairStore } from '../../../src/panels/crosshair';
import { styleLines } from '../../../src/panels/palette';
import type { PanelLine } from '../../../src/panels/types';
import type { Series } from '../../../src/series';
import type { IncidentWindow } from '../../../src/annotations';
import type { RendererName } from './rendererNames';

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export const WIDTH = 1_200;
export const HEIGHT = 300;

/** What every renderer is handed: the series of one answer and the range it covers. */
export interface View {
  readonly series: readonly Series[];
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

export interface Renderer {
  /** The renderer's own data format, made before the clock starts (a data source would hand it over so). */
  prepare(view: View): unknown;
  mount(stage: HTMLElement, prepared: unknown): void;
  update(prepared: unknown): void;
}


const noop = () => {};
const NO_MARKERS: never[] = [];
const NO_HIDDEN = new Set<string>();

interface References {
  readonly windows: readonly IncidentWindow[];
  readonly thresholds: readonly { value: number; label: string }[];
}

interface VigilView {
  readonly lines: PanelLine[];
  readonly view: View;
  readonly references: References;
}

/**
 * What a real incident panel carries besides its lines: an incident's window with two phases and an
 * alert threshold. Made once per data set and kept across its refreshes (the page's annotation and
 * dashboard queries keep their answers' identity when nothing changed).
 */
let anchored: (References & { readonly start: number; readonly step: number }) | undefined;
function referencesFor(view: View): References {
  const span = view.end - view.start;
  if (anchored && anchored.step === view.step && Math.abs(anchored.start - view.start) <= 10 * view.step) return anchored;
  const windowStart = view.start + span * 0.4;
  const detected = windowStart + span * 0.1;
  const windowEnd = windowStart + span * 0.3;
  let max = -Infinity;
  for (const v of view.series[0]?.values ?? []) if (v > max) max = v;
  anchored = {
    start: view.start,
    step: view.step,
    windows: [
      {
        key: 'bench-incident',
        title: 'Memory leak on web-2',
        start: windowStart,
        end: windowEnd,
        phases: [
          { from: 'started', label: 'Impact', start: windowStart, end: detected },
          { from: 'detected', label: 'Detected', start: detected, end: windowEnd },
        ],
      },
    ],
    thresholds: [{ value: Number.isFinite(max) ? max * 0.9 : 1, label: 'Memory alert' }],
  };
  return anchored;
}

function prepareVigil(view: View): VigilView {
  const lines = styleLines(view.series.map((series, i) => ({ key: `0:${i}`, name: series.labels.instance ?? String(i), series })));
  return { lines, view, references: referencesFor(view) };
}

function vigilRenderer(element: (v: VigilView) => React.ReactElement): Renderer {
  let root: Root | undefined;
  return {
    prepare: prepareVigil,
    mount(stage, prepared) {
      root = createRoot(stage);
      root.render(element(prepared as VigilView));
    },
    update(prepared) {
      root?.render(element(prepared as VigilView));
    },
  };
}

const chartStore = createCrosshairStore();
function vigilChart({ lines, view, references }: VigilView) {
  return (
    <div className="chart-wrap" style={{ position: 'relative', height: HEIGHT }}>
      <TimeSeriesChart
        width={WIDTH}
        height={HEIGHT}
        start={view.start}
        end={view.end}
        step={view.step}
        unit="bytes"
        timezone="UTC"
        lines={lines}
        thresholds={references.thresholds}
        windows={references.windows}
        markers={NO_MARKERS}
        selectedMarkerKey={undefined}
        dimmed={false}
        crosshair={chartStore}
        tooltipSuppressed={false}
        onHover={(time) => chartStore.set(time === null ? null : { time, source: 'bench', pinned: false })}
        onPin={noop}
        onFocusMarker={noop}
        onSelectMarker={noop}
        describeMarker={() => ''}
        openClusterKey={undefined}
        onOpenCluster={noop}
      />
    </div>
  );
}

const STATUS = { hasData: true, fetching: false, problems: [], warnings: [], dataUpdatedAt: 0 };
function vigilPanel({ lines, view, references }: VigilView) {
  return (
    <TimeSeriesPanel
      id="bench"
      title="Memory"
      unit="bytes"
      width={WIDTH}
      height={HEIGHT}
      start={view.start}
      end={view.end}
      step={view.step}
      timezone="UTC"
      lines={lines}
      status={STATUS}
      thresholds={references.thresholds}
      windows={references.windows}
      markers={NO_MARKERS}
      selectedMarkerKey={undefined}
      onSelectMarker={noop}
      onRetry={noop}
      hidden={NO_HIDDEN}
      onToggleSeries={noop}
    />
  );
}

function uplotRenderer(): Renderer {
  let plot: uPlot | undefined;
  return {
    prepare: ({ series }) => {
      const xs = Float64Array.from(series[0]?.timestamps ?? [], (t) => t / 1000);
      return [xs, ...series.map((s) => s.values)] as uPlot.AlignedData;
    },
    mount(stage, prepared) {
      const data = prepared as uPlot.AlignedData;
      const lines = styleLines(data.slice(1).map((_, i) => ({ key: String(i), series: { labels: { instance: `host-${i}` }, timestamps: [], values: [] } })));
      const options: uPlot.Options = {
        width: WIDTH,
        height: HEIGHT,
        // The live legend is uPlot's readout of values under the cursor: its tooltip.
        legend: { show: true, live: true },
        series: [{}, ...lines.map((l) => ({ label: l.key, stroke: l.color, width: 1.5 }))],
      };
      plot = new uPlot(options, data, stage);
    },
    update(prepared) {
      plot?.setData(prepared as uPlot.AlignedData);
    },
  };
}

function echartsRenderer(): Renderer {
  let chart: echarts.ECharts | undefined;
  const option = (data: [number, number][][]) => ({
    series: data.map((points, i) => ({ type: 'line' as const, name: `host-${i}`, data: points, showSymbol: false, lineStyle: { width: 1.5 }, progressive: 0 })),
  });
  return {
    prepare: ({ series }) => series.map((s) => s.timestamps.map((t, i) => [t, s.values[i] as number] as [number, number])),
    mount(stage, prepared) {
      const host = document.createElement('div');
      stage.append(host);
      chart = echarts.init(host, null, { renderer: 'canvas', width: WIDTH, height: HEIGHT });
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'time' },
        yAxis: { type: 'value', scale: true },
        ...option(prepared as [number, number][][]),
      });
    },
    update(prepared) {
      chart?.setOption(option(prepared as [number, number][][]));
    },
  };
}

export function createRenderer(name: RendererName): Renderer {
  switch (name) {
    case 'uplot':
      return uplotRenderer();
    case 'echarts':
      return echartsRenderer();
    case 'vigil-chart':
      return vigilRenderer(vigilChart);
    case 'vigil-panel':
      return vigilRenderer(vigilPanel);
  }
}
