import { chartLayout, NARROW_CHART_PX } from './chartLayout';

describe('chartLayout', () => {
  it('keeps the desktop axis width, whatever the labels, so stacked panels line up', () => {
    expect(chartLayout(1200, ['1 GiB']).yAxisWidth).toBe(72);
    expect(chartLayout(1200, ['1.5 GiB']).yAxisWidth).toBe(72);
    expect(chartLayout(1200, ['1 GiB']).plotWidth).toBe(1200 - 72 - 8 - 16);
  });

  it('gives a phone chart the plot its short labels leave', () => {
    const phone = chartLayout(334, ['0 B', '512 MiB', '1 GiB', '1.5 GiB']);
    expect(phone.yAxisWidth).toBeLessThan(72);
    expect(phone.yAxisWidth).toBeGreaterThanOrEqual(Math.ceil(7 * 0.62 * 11));
    expect(phone.plotWidth).toBeGreaterThan(334 - 72 - 8 - 16);
  });

  it('never lets a long label push the axis past the desktop width, nor a plot below 1 px', () => {
    expect(chartLayout(NARROW_CHART_PX - 1, ['a very long label indeed']).yAxisWidth).toBe(72);
    expect(chartLayout(10, ['0']).plotWidth).toBe(1);
    expect(chartLayout(300, []).yAxisWidth).toBeGreaterThan(0);
  });
});
