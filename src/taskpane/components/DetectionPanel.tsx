import { Button, Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, Text, tokens, Tooltip } from '@fluentui/react-components';
import type { WorkbookResult } from '../../core/result';
import { layoutLabel, type Capabilities } from '../model';

const useStyles = makeStyles({
  // minmax(0, 1fr): a long table name must not widen the pane past 320 px.
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalM },
  select: { minWidth: 0, width: '100%', maxWidth: '100%' },
  dl: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export interface DetectionPanelProps {
  result: WorkbookResult;
  selected: number;
  activeSheet: string | null;
  capabilities: Capabilities;
  busy: boolean;
  onSelect(index: number): void;
  onInsertTemplate(): void;
}

const tableName = (t: WorkbookResult['tables'][number]) => `${t.sheet}!${t.range}${t.project.name ? ` · ${t.project.name}` : ''}`;

/** 检测: where the table is and how it is laid out; a picker for several; what to do when there is none. */
export function DetectionPanel({ result, selected, activeSheet, capabilities, busy, onSelect, onInsertTemplate }: DetectionPanelProps) {
  const s = useStyles();
  const table = result.tables[selected];
  if (!table) {
    const insert = (
      <Button appearance="primary" disabledFocusable={!capabilities.insertTemplate} disabled={capabilities.insertTemplate && busy} onClick={onInsertTemplate}>
        插入空白模板
      </Button>
    );
    return (
      <div className={s.root}>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>没有找到项目支出绩效自评表</MessageBarTitle>
            {/* Other kinds of tables (部门整体, 申报表, 监控表) are named as the engine found them. */}
            {result.otherTables?.length
              ? `${result.otherTables.map((o) => o.message).join('；')}。`
              : '检查了工作簿中所有可见的工作表，没有一张含有“项目名称”“项目资金”“绩效指标”“一级指标/二级指标/三级指标”和“总分”等栏目的表格。'}
          </MessageBarBody>
        </MessageBar>
        <Text weight="semibold">可以这样做：</Text>
        <ol className={s.steps}>
          <li>打开或粘贴财政部门下发的《项目支出绩效自评表》，表头文字保持原样（可以有空格或换行）。</li>
          <li>表格放在一张可见的工作表中，然后点“重新检测”。</li>
          <li>或者插入一张空白的自评表模板，照着填写。</li>
        </ol>
        <div>
          {capabilities.insertTemplate ? (
            insert
          ) : (
            <Tooltip content="插入模板功能将在后续版本中提供" relationship="description">
              {insert}
            </Tooltip>
          )}
        </div>
      </div>
    );
  }
  const onOtherSheet = activeSheet !== null && activeSheet !== table.sheet && !result.tables.some((t) => t.sheet === activeSheet);
  return (
    <div className={s.root}>
      {result.tables.length > 1 && (
        <Field label={`本工作簿有 ${result.tables.length} 张自评表，选择要查看的一张`}>
          <Select className={s.select} value={String(selected)} onChange={(_, d) => onSelect(Number(d.value))}>
            {result.tables.map((t, i) => (
              <option key={`${t.sheet}-${t.range}`} value={i}>
                {tableName(t)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <dl className={s.dl}>
        <dt className={s.dt}>工作表</dt>
        <dd className={s.dd}>{table.sheet}</dd>
        <dt className={s.dt}>区域</dt>
        <dd className={s.dd}>{table.range}</dd>
        <dt className={s.dt}>格式</dt>
        <dd className={s.dd}>{layoutLabel(table.layout)}</dd>
        {table.title && (
          <>
            <dt className={s.dt}>标题</dt>
            <dd className={s.dd}>
              {table.title}
              {table.year ? `（${table.year} 年度）` : ''}
            </dd>
          </>
        )}
        <dt className={s.dt}>项目名称</dt>
        <dd className={s.dd}>{table.project.name ?? '（未填写）'}</dd>
        <dt className={s.dt}>主管部门</dt>
        <dd className={s.dd}>{table.project.department ?? '（未填写）'}</dd>
        <dt className={s.dt}>实施单位</dt>
        <dd className={s.dd}>{table.project.implementer ?? '（未填写）'}</dd>
        <dt className={s.dt}>指标</dt>
        <dd className={s.dd}>{table.indicators.length} 项</dd>
      </dl>
      {onOtherSheet && (
        <MessageBar intent="info">
          <MessageBarBody>当前工作表“{activeSheet}”中没有自评表，下面显示的是“{table.sheet}”中的表。</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
