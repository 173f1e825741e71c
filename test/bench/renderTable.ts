// The render bench's tables: one per measure, a row per size, the four renderers side by side and
// vigil's ratios to the references (below 1× = vigil is faster).
import { formatMs } from './stats';
import { formatTable, type Column } from './table';
import type { RenderFigure } from './renderBench';
import type { RendererName } from './render/rendererNames';

const LABELS: Record<RendererName, string> = { uplot: 'uPlot', echarts: 'ECharts', 'vigil-chart': 'vigil chart', 'vigil-panel': 'vigil panel' };

export function formatRatio(vigil: number, reference: number): string {
  if (!Number.isFinite(vigil) || !Number.isFinite(reference) || reference <= 0) return '–';
  const ratio = vigil / reference;
  return `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(1)}×`;
}

type Row = { seriesCount: number; of: (r: RendererName) => number };

/** `measure` of every renderer per size, then vigil chart and panel over uPlot and ECharts. */
export function formatRenderTable(figures: readonly RenderFigure[], measure: (f: RenderFigure) => number, format: (n: number) => string = formatMs): string {
  const sizes = [...new Set(figures.map((f) => f.seriesCount))];
  const rows: Row[] = sizes.map((seriesCount) => ({
    seriesCount,
    of: (r) => {
      const figure = figures.find((f) => f.seriesCount === seriesCount && f.renderer === r);
      return figure ? measure(figure) : NaN;
    },
  }));
  const present = (Object.keys(LABELS) as RendererName[]).filter((r) => figures.some((f) => f.renderer === r));
  const columns: Column<Row>[] = [
    { header: 'series', cell: (row) => String(row.seriesCount) },
    ...present.map((r): Column<Row> => ({ header: LABELS[r], cell: (row) => format(row.of(r)) })),
  ];
  for (const vigil of ['vigil-chart', 'vigil-panel'] as const) {
    for (const reference of ['uplot', 'echarts'] as const) {
      if (present.includes(vigil) && present.includes(reference)) {
        columns.push({ header: `${vigil === 'vigil-chart' ? 'chart' : 'panel'}/${LABELS[reference]}`, cell: (row) => formatRatio(row.of(vigil), row.of(reference)) });
      }
    }
  }
  return formatTable(columns, rows);
}

