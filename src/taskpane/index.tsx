/**
 * Task pane entry: waits for Office, then renders the pane over the Office.js adapter.
 * If office.js never loaded (blocked CDN, opened outside Office) the page says so instead of staying blank.
 */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { createRoot, type Root } from 'react-dom/client';
import { OfficeWorkbookAdapter } from '../excel/officeAdapter';
import { App } from './App';
import { userMessageOf } from './model';

function fatal(root: Root, text: string) {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>绩效自评助手无法启动</MessageBarTitle>
          {text}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>,
  );
}

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  if (typeof Office === 'undefined') {
    fatal(root, '没有加载到 Office.js。请在 Excel 中通过“加载项”打开本任务窗格，并确认网络可以访问 Office 服务。');
  } else {
    Office.onReady(() => {
      try {
        root.render(<App adapter={new OfficeWorkbookAdapter()} />);
      } catch (err) {
        fatal(root, userMessageOf(err, '初始化失败，请关闭并重新打开任务窗格。').message);
      }
    });
  }
}
