import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Notice } from '../hooks/useActions';
import { bodyUnderTitle } from '../model';

/** The outcome of the last action: success, a warning, nothing to do, or why it failed (never a stack trace). */
export function NoticeBar({ notice, onDismiss }: { notice: Notice; onDismiss(): void }) {
  return (
    <MessageBar intent={notice.intent} layout="multiline" role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {bodyUnderTitle(notice.title, notice.text)}
        {notice.detail && <div>详细信息：{notice.detail}</div>}
      </MessageBarBody>
      <MessageBarActions>
        {notice.actions?.map((a) => (
          <Button key={a.label} size="small" onClick={a.run}>
            {a.label}
          </Button>
        ))}
        {!notice.actions && (
          <Button appearance="transparent" size="small" onClick={onDismiss}>
            关闭
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
