import type { Locator, Page } from 'playwright-core';

/** What the app shows, read the way a user reads it: by region names and visible text. */

export interface LegendRow {
  readonly name: string;
  readonly last: string;
  readonly max: string;
}

export interface PanelRange {
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

export function panel(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

export function drawnLines(region: Locator): Locator {
  return region.locator('[data-testid="series-lines"] path');
}

export async function waitForLines(region: Locator, count: number, timeout = 30_000): Promise<void> {
  await drawnLines(region).nth(count - 1).waitFor({ state: 'attached', timeout });
}

export async function legendRows(region: Locator): Promise<LegendRow[]> {
  return region.getByRole('table', { name: 'Legend' }).evaluate((table) =>
    [...table.querySelectorAll('tbody tr')].map((tr) => ({
      name: tr.querySelector('th')?.textContent?.trim() ?? '',
      last: tr.querySelector('[data-stat="last"]')?.textContent?.trim() ?? '',
      max: tr.querySelector('[data-stat="max"]')?.textContent?.trim() ?? '',
    })),
  );
}

/** The range and step the panel queried with (exposed on the region for inspection). */
export async function panelRange(region: Locator): Promise<PanelRange> {
  return region.evaluate((el) => ({
    start: Number(el.getAttribute('data-start')),
    end: Number(el.getAttribute('data-end')),
    step: Number(el.getAttribute('data-step')),
  }));
}

/** Pixel x of each x-axis tick label, by its text ("10:00" → 412.5). */
export async function axisTickPositions(region: Locator): Promise<Record<string, number>> {
  return region.evaluate((el) => {
    const out: Record<string, number> = {};
    for (const tick of el.querySelectorAll('.x-axis text')) {
      const x = Number(tick.getAttribute('x'));
      if (tick.textContent) out[tick.textContent.trim()] = x;
    }
    return out;
  });
}

export async function markerPositions(region: Locator): Promise<{ name: string; x: number }[]> {
  return region.locator('.incident-marker').evaluateAll((markers) =>
    markers.map((m) => ({ name: m.getAttribute('aria-label') ?? '', x: Number(m.getAttribute('data-x')) })),
  );
}

export async function shadedWindow(region: Locator): Promise<{ x1: number; x2: number }> {
  return region.locator('.incident-window').first().evaluate((el) => {
    const box = (el as SVGGraphicsElement).getBBox();
    return { x1: box.x, x2: box.x + box.width };
  });
}
