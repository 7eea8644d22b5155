import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/** A rendering failure shows a message and a way back, never a blank pane. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For whoever opens the developer tools; the user sees the message below.
    console.error('task pane render failed', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>界面出错了</MessageBarTitle>
          工作簿没有被改动。请点“重试”；如果仍然出错，请关闭并重新打开任务窗格。
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ failed: false })}>重试</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
