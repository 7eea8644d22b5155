import { Button, makeStyles, Spinner, tokens, Tooltip } from '@fluentui/react-components';
import type { Capabilities } from '../model';
import { ACTION_LABEL, type ActionId } from '../hooks/useActions';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Runnable = Exclude<ActionId, 'select'>;

export interface ActionBarProps {
  capabilities: Capabilities;
  running: ActionId | null;
  /** Disables everything (e.g. while the workbook is being read). */
  disabled?: boolean;
  /** No table found: scoring and undo have nothing to work on. */
  hasTable: boolean;
  /** False when the workbook holds no earlier scoring to undo (undefined: not known, offered). */
  undoable?: boolean;
  onRun(id: Runnable): void;
}

const UNSUPPORTED = '此功能将在后续版本中提供';

/** 一键评分, 生成报告, 撤销评分, 插入空白模板: one runs at a time, with a spinner; features not yet available say so. */
export function ActionBar({ capabilities, running, disabled, hasTable, undoable, onRun }: ActionBarProps) {
  const s = useStyles();
  const busy = running !== null || !!disabled;
  const items: { id: Runnable; primary?: boolean; available: boolean; why?: string }[] = [
    { id: 'score', primary: true, available: hasTable, why: '没有找到自评表，无法评分' },
    { id: 'report', available: capabilities.generateReport && hasTable, why: capabilities.generateReport ? '没有找到自评表，无法生成报告' : UNSUPPORTED },
    { id: 'docx', available: !!capabilities.reportDocx && hasTable, why: capabilities.reportDocx ? '没有找到自评表，无法生成报告' : UNSUPPORTED },
    { id: 'undo', available: undoable !== false, why: '还没有评分，没有可撤销的内容' },
    { id: 'template', available: capabilities.insertTemplate, why: UNSUPPORTED },
    ...(capabilities.clearMarks ? [{ id: 'clear' as const, available: undoable !== false, why: '还没有评分，没有要清除的标记' }] : []),
  ];
  return (
    <div className={s.bar} role="toolbar" aria-label="操作">
      {items.map(({ id, primary, available, why }) => {
        const button = (
          <Button
            key={id}
            appearance={primary ? 'primary' : 'secondary'}
            // disabledFocusable keeps an unavailable button reachable by keyboard so its tooltip can say why.
            disabledFocusable={!available}
            disabled={available && busy}
            icon={running === id ? <Spinner size="tiny" aria-hidden /> : undefined}
            aria-busy={running === id || undefined}
            onClick={() => onRun(id)}
          >
            {running === id ? `${ACTION_LABEL[id]}中…` : ACTION_LABEL[id]}
          </Button>
        );
        return available ? (
          button
        ) : (
          <Tooltip key={id} content={why ?? UNSUPPORTED} relationship="description">
            {button}
          </Tooltip>
        );
      })}
    </div>
  );
}
