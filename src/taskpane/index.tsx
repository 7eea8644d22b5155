// Placeholder entry: replaced by the task pane (owned by the pane work).
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme, Text } from '@fluentui/react-components';

Office.onReady(() => {
  const root = createRoot(document.getElementById('root')!);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Text>绩效自评助手</Text>
    </FluentProvider>,
  );
});
