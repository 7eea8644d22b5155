import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { ReplacementKind } from '../../core/replacements';
import type { Preview } from '../hooks/useActions';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorPaletteMarigoldBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  h: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalXXS, maxHeight: '40vh', overflowY: 'auto' },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  typed: { borderLeftWidth: '4px', borderLeftColor: tokens.colorPaletteRedBorder2 },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  change: { overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const KIND_LABEL: Record<ReplacementKind, string> = { text: '原为文字', number: '原为数字', formula: '原为公式' };

export interface PreviewPanelProps {
  preview: Preview;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
  onSelectCell(sheet: string, address: string): void;
}

/**
 * Before 一键评分 writes over what the user typed: what will change, cell by cell (a click selects it),
 * and nothing is written until 确认写入.
 */
export function PreviewPanel({ preview, busy, onConfirm, onCancel, onSelectCell }: PreviewPanelProps) {
  const s = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [preview]);
  return (
    <section className={s.root} aria-labelledby="jx-preview-title">
      <h2 id="jx-preview-title" ref={heading} tabIndex={-1} className={s.h}>
        确认改写
      </h2>
      <Text>{preview.summary}尚未写入任何内容；点一项可在表格中查看该单元格。</Text>
      <ul className={s.list} aria-label="将改写的单元格">
        {preview.replacements.map((r) => (
          <li key={`${r.sheet}!${r.address}`}>
            <button type="button" className={mergeClasses(s.item, r.kind !== 'number' ? s.typed : undefined)} onClick={() => onSelectCell(r.sheet, r.address)}>
              <span className={s.cell}>{r.address}</span>
              <span className={s.change}>
                {KIND_LABEL[r.kind]}「{r.before}」→ {r.after}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className={s.buttons}>
        <Button appearance="primary" disabled={busy} onClick={onConfirm}>
          确认写入
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          取消
        </Button>
      </div>
    </section>
  );
}
