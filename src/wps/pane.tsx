/**
 * The task pane page of the WPS 加载项: the same React pane as in Excel, over the WPS adapter.
 * `?do=score|report|undo` (set by the ribbon) runs that action once the workbook is read.
 */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App, type AppProps } from '../taskpane/App';
import type { WpsGlobal } from './etApi';
import * as numfmt from 'numfmt';
import { WpsWorkbookAdapter } from './wpsAdapter';

declare const wps: WpsGlobal | undefined;

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  if (typeof wps === 'undefined' || typeof wps.EtApplication !== 'function') {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>绩效自评助手无法启动</MessageBarTitle>
            这个页面要在 WPS 表格中通过“绩效自评”选项卡打开。请在 WPS 表格中打开工作簿后，点击“绩效自评 → 打开面板”。
          </MessageBarBody>
        </MessageBar>
      </FluentProvider>,
    );
  } else {
    const action = new URLSearchParams(document.location.search).get('do');
    const initialAction = action === 'score' || action === 'report' || action === 'undo' ? (action as AppProps['initialAction']) : undefined;
    root.render(<App adapter={new WpsWorkbookAdapter(wps.EtApplication(), wps, () => numfmt)} initialAction={initialAction} />);
  }
}
