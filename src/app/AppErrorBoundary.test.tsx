import { render, screen } from '@testing-library/react';
import { AppErrorBoundary } from './AppErrorBoundary';

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
});
