import { Component, type ReactNode } from 'react';

interface Props {
  readonly title: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/** Keeps a rendering failure inside its own panel: the other panels go on drawing. */
export class PanelErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section className="panel" aria-label={this.props.title}>
        <header className="panel-header">
          <h2>{this.props.title}</h2>
        </header>
        <div role="alert" className="panel-error">
          <strong>This panel failed to draw.</strong>
          <p className="panel-error-message">{this.state.error.message}</p>
          <button type="button" onClick={() => this.setState({ error: null })}>Try again</button>
        </div>
      </section>
    );
  }
}
