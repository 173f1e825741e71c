import { Component, type ReactNode } from 'react';
import { MINUTE_MS } from '../time';

/** How long the error stays before the view is tried again: a wall must come back by itself. */
export const APP_RETRY_MS = MINUTE_MS;

interface Props {
  /** Where "Open the default view" leads: the page without the link's query and fragment. */
  readonly defaultViewHref: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * The last line of defence above the whole app: a failure nothing below caught (a hostile link
 * the decoder let through, a bug) says what failed and offers the default view, instead of a blank
 * page on a wall nobody is watching.
 */
export class AppErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  // A wall nobody is watching tries the view again after a while: a transient failure (a bad
  // answer, a configuration being edited) then clears by itself; a lasting one shows again.
  override componentDidCatch(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.setState({ error: null }), APP_RETRY_MS);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.retryTimer);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="boot-error" role="alert">
        <h1>vigil could not show this view</h1>
        <p>
          {this.state.error.name}: {this.state.error.message}
        </p>
        <p>
          <a href={this.props.defaultViewHref}>Open the default view</a> (the link&apos;s time range, panels and incidents are left out).
        </p>
        <p>This view is tried again every minute.</p>
      </div>
    );
  }
}
