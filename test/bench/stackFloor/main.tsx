// The smallest app drawing a fetched series the way vigil's first paint does, on the same stack:
// React DOM, TanStack Query's useQueries, Recharts' ComposedChart with hidden axes and the plot-area
// and scale hooks vigil's own SVG layers read. Its gzipped size is what the stack costs a first
// load before any of vigil's code (`npm run bench -- --first-load-only` prints it).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider, useQueries } from '@tanstack/react-query';
import { ComposedChart, XAxis, YAxis, usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisScale } from 'recharts';

type Point = readonly [number, number];
/** Recharts reads its plot area and scales from a chart that has data; the line itself is drawn here. */
const FRAME = [{ t: 0 }];

function Line({ points }: { points: readonly Point[] }) {
  const area = usePlotArea();
  const x = useXAxisScale();
  const y = useYAxisScale();
  const invert = useXAxisInverseScale();
  if (!area || !x || !y || !invert) return null;
  const d = points.map(([t, v], i) => `${i === 0 ? 'M' : 'L'}${x(t)},${y(v)}`).join('');
  return <path d={d} fill="none" stroke="#1f77b4" />;
}

function Panel() {
  const [answer] = useQueries({
    queries: [{ queryKey: ['series'], queryFn: async (): Promise<Point[]> => (await fetch('./series.json')).json() }],
  });
  const points = answer?.data;
  if (!points) return null;
  const xs = points.map(([t]) => t);
  const ys = points.map(([, v]) => v);
  return (
    <section aria-label="Memory">
      <ComposedChart width={1200} height={300} data={FRAME} accessibilityLayer={false}>
        <XAxis dataKey="t" type="number" domain={[Math.min(...xs), Math.max(...xs)]} allowDataOverflow hide niceTicks="none" />
        <YAxis type="number" domain={[Math.min(...ys), Math.max(...ys)]} allowDataOverflow hide niceTicks="none" />
        <Line points={points} />
      </ComposedChart>
    </section>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <Panel />
    </QueryClientProvider>
  </StrictMode>,
);
