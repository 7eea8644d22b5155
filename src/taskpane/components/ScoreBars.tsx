import { makeStyles, tokens } from '@fluentui/react-components';
import type { Level1Summary } from '../../core/result';
import { formatScore } from '../model';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalS },
  row: { display: 'grid', rowGap: tokens.spacingVerticalXXS },
  head: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  track: {
    position: 'relative',
    height: '10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground5,
    overflow: 'hidden',
  },
  fill: { position: 'absolute', top: 0, bottom: 0, left: 0, backgroundColor: tokens.colorBrandBackground },
  short: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
});

/** Said beside a score the total leaves out (the engine's countedInTotal). */
export const NOT_COUNTED = '（不计入总分）';

/** One bar per 一级: the filled part is score ÷ weight. Plain divs: a chart library would outweigh the pane. */
export function ScoreBars({ groups }: { groups: Level1Summary[] }) {
  const s = useStyles();
  return (
    <ul className={s.list} aria-label="各一级指标得分">
      {groups.map((g) => {
        const ratio = g.score !== null && g.weight > 0 ? Math.max(0, Math.min(1, g.score / g.weight)) : 0;
        const pct = Math.round(ratio * 100);
        return (
          <li key={g.label} className={s.row}>
            <div className={s.head}>
              <span>
                {g.label}
                {g.countedInTotal ? '' : NOT_COUNTED}
              </span>
              <span>
                {formatScore(g.score)} / {formatScore(g.weight)} 分
              </span>
            </div>
            <div
              className={s.track}
              role="meter"
              aria-label={`${g.label}得分率`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={pct}
              aria-valuetext={g.score === null ? '无法计算' : `${pct}%`}
            >
              <div className={ratio < 1 ? `${s.fill} ${s.short}` : s.fill} style={{ width: `${pct}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
