import { formatRatio, formatRenderTable } from './renderTable';
import type { RenderFigure } from './renderBench';

const figure = (renderer: RenderFigure['renderer'], seriesCount: number, firstPaintMs: number): RenderFigure => ({
  renderer,
  seriesCount,
  firstPaintMs,
  refreshMs: NaN,
  hoverMs: NaN,
  hoverFrames: NaN,
  hoverWorkMs: NaN,
  heapBytes: 0,
  refreshDrawBatches: 0,
  refreshWritesPerSeries: 0,
});

describe('formatRenderTable', () => {
  it('puts the renderers side by side per size with vigil over each reference', () => {
    const table = formatRenderTable(
      [figure('uplot', 10, 200), figure('echarts', 10, 1_000), figure('vigil-chart', 10, 500), figure('vigil-panel', 10, 600)],
      (f) => f.firstPaintMs,
    );
    const [header, , row] = table.split('\n');
    expect(header?.split(/\s{2,}/)).toEqual(['series', 'uPlot', 'ECharts', 'vigil chart', 'vigil panel', 'chart/uPlot', 'chart/ECharts', 'panel/uPlot', 'panel/ECharts']);
    expect(row?.trim().split(/\s+/)).toEqual(['10', '200', '1,000', '500', '600', '2.50×', '0.50×', '3.00×', '0.60×']);
  });

  it('leaves out ratios to a renderer that was not measured', () => {
    const table = formatRenderTable([figure('uplot', 1, 90), figure('vigil-chart', 1, 180)], (f) => f.firstPaintMs);
    expect(table.split('\n')[0]?.split(/\s{2,}/)).toEqual(['series', 'uPlot', 'vigil chart', 'chart/uPlot']);
  });
});

describe('formatRatio', () => {
  it('shows a dash where a figure is missing', () => {
    expect(formatRatio(NaN, 10)).toBe('–');
    expect(formatRatio(10, 0)).toBe('–');
  });
});
