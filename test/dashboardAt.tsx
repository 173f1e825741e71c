import type { ComponentProps } from 'react';
import { DashboardView, TimeRangeProvider } from '../src/dashboard';

type Props = ComponentProps<typeof DashboardView> & { readonly start: number; readonly end: number; readonly timezone?: string };

/** A dashboard shown for a fixed absolute range, as the app's TimeRangeProvider would give it. */
export function DashboardAt({ start, end, timezone = 'UTC', ...view }: Props) {
  const range = { from: String(start), to: String(end) };
  return (
    <TimeRangeProvider range={range} fallbackRange={range} timezone={timezone} refreshMs={undefined} onRangeChange={() => {}}>
      <DashboardView {...view} />
    </TimeRangeProvider>
  );
}
