import { render } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useElementWidth } from './useElementWidth';

/** What a panel's queries would see: the width when their subscription (a passive effect) runs. */
function Probe({ seen }: { readonly seen: number[] }) {
  const [ref, width, measured] = useElementWidth<HTMLDivElement>(1000);
  useEffect(() => {
    if (measured) seen.push(width);
  }, [measured, width, seen]);
  return <div ref={ref} />;
}

const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');

function layoutWidth(px: number): void {
  // jsdom lays nothing out; this stands in for the browser's layout of the panel's slot.
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => px });
}

describe('useElementWidth', () => {
  afterEach(() => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientWidth', original);
  });

  it('is measured before any effect runs, so nothing is asked at the fallback width first', () => {
    layoutWidth(1403);
    const seen: number[] = [];
    render(<Probe seen={seen} />);
    expect(seen).toEqual([1400]);
  });

  it('counts the fallback as measured where there is no layout', () => {
    layoutWidth(0);
    const seen: number[] = [];
    render(<Probe seen={seen} />);
    expect(seen).toEqual([1000]);
  });
});
