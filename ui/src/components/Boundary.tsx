// A part of the window that fails to render shows why, in place, and the
// rest of the window (the draft, Save, the other steps) keeps working.
import { Component, type ComponentChildren } from "preact";

interface Props {
  /** What the part is, for the message ("This step", "The preview"). */
  what: string;
  /** Changes when the part should try again (a new step, a new draft). */
  resetKey?: unknown;
  children: ComponentChildren;
}

export class Boundary extends Component<Props, { error: string | null; key: unknown }> {
  state = { error: null as string | null, key: undefined as unknown };

  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }

  static getDerivedStateFromProps(props: Props, state: { error: string | null; key: unknown }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  componentDidCatch(e: unknown) {
    console.error(`${this.props.what} failed to render`, e);
  }

  render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div class="notice error boundary" role="alert">
        <strong>{this.props.what} could not be shown.</strong> Your draft is safe: save it, and report the problem with the file. ({this.state.error})
        <div>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </div>
    );
  }
}
