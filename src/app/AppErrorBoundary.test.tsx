import { render, screen } from '@testing-library/react';
import { act } from 'react';
import { APP_RETRY_MS, AppErrorBoundary } from './AppErrorBoundary';

function Exploding(): never {
  throw new RangeError('Invalid time value');
}

describe('AppErrorBoundary', () => {
  it('says what failed and links back to the default view instead of blanking the page', () => {
    // React reports the caught error on the console; the test only cares about what users see.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <AppErrorBoundary defaultViewHref="/vigil/">
        <Exploding />
      </AppErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('vigil could not show this view');
    expect(alert).toHaveTextContent('RangeError: Invalid time value');
    expect(screen.getByRole('link', { name: 'Open the default view' })).toHaveAttribute('href', '/vigil/');
  });

  it('shows the app while nothing fails', () => {
    render(
      <AppErrorBoundary defaultViewHref="/">
        <p>dashboard</p>
      </AppErrorBoundary>,
    );
    expect(screen.getByText('dashboard')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tries the view again after a minute, so a wall recovers from a passing failure by itself', () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let failing = true;
    function Flaky() {
      if (failing) throw new Error('answer out of range');
      return <p>dashboard</p>;
    }
    render(
      <AppErrorBoundary defaultViewHref="/">
        <Flaky />
      </AppErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('answer out of range');
    failing = false;
    act(() => vi.advanceTimersByTime(APP_RETRY_MS - 1));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('dashboard')).toBeInTheDocument();
    vi.useRealTimers();
  });
});
