import { makeStyles, tokens } from '@fluentui/react-components';
import { FILL_LEGEND } from '../../core/writePlan';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { width: '14px', height: '14px', border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: '2px', flexShrink: 0 },
});

/** What each cell colour means: one meaning per colour, the same legend as in the report. */
export function FillLegend() {
  const s = useStyles();
  return (
    <ul className={s.list} aria-label="单元格底色含义">
      {FILL_LEGEND.map((l) => (
        <li key={l.fill} className={s.item}>
          <span className={s.swatch} style={{ backgroundColor: l.fill }} aria-hidden />
          {l.label}
        </li>
      ))}
    </ul>
  );
}
