import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { evaluateWorkbook } from '../../core/engine';
import { gridFromArrays } from '../../core/grid';
import { renderFluent } from '../testing/render';
import { emptyResult, seedResult, seedTable } from '../testing/sampleResult';
import { DetectionPanel } from './DetectionPanel';

const none = { generateReport: false, insertTemplate: false };

describe('DetectionPanel', () => {
  it('names the sheet, range and layout', () => {
    renderFluent(<DetectionPanel result={seedResult()} selected={0} activeSheet="自评表" capabilities={none} busy={false} onSelect={() => {}} onInsertTemplate={() => {}} />);
    expect(screen.getByText('自评表')).toBeInTheDocument();
    expect(screen.getByText('A1:I21')).toBeInTheDocument();
    expect(screen.getByText(/全国通用格式/)).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('offers a picker when there are several tables', async () => {
    const onSelect = jest.fn();
    const result = seedResult({ tables: [seedTable(), seedTable({ sheet: '表二', range: 'B2:J22', layout: 'sichuan' })] });
    renderFluent(<DetectionPanel result={result} selected={0} activeSheet="自评表" capabilities={none} busy={false} onSelect={onSelect} onInsertTemplate={() => {}} />);
    const picker = screen.getByRole('combobox', { name: /2 张自评表/ });
    await userEvent.selectOptions(picker, screen.getByRole('option', { name: /表二!B2:J22/ }));
    expect(onSelect).toHaveBeenCalledWith(1);
  });

  it('explains what to do when nothing is found; the template button waits for the feature', async () => {
    const onInsert = jest.fn();
    renderFluent(<DetectionPanel result={emptyResult()} selected={0} activeSheet="Sheet1" capabilities={none} busy={false} onSelect={() => {}} onInsertTemplate={onInsert} />);
    expect(screen.getByText('没有找到项目支出绩效自评表')).toBeInTheDocument();
    const button = screen.getByRole('button', { name: '插入空白模板' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(button);
    expect(onInsert).not.toHaveBeenCalled();
  });

  it('names what the workbook holds instead: a 部门整体支出绩效自评表 read by the engine', () => {
    const grid = gridFromArrays('部门整体', [
      ['部门整体支出绩效自评表'],
      ['部门名称', '区融媒体中心'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '发布新闻条数', '≥1000条', '1200条', 50, 50],
    ]);
    renderFluent(<DetectionPanel result={evaluateWorkbook([grid])} selected={0} activeSheet="部门整体" capabilities={none} busy={false} onSelect={() => {}} onInsertTemplate={() => {}} />);
    expect(screen.getByText('没有找到项目支出绩效自评表')).toBeInTheDocument();
    expect(screen.getByText(/工作表「部门整体」是部门整体支出绩效自评表；本工具评的是项目支出绩效自评表/)).toBeInTheDocument();
  });

  it('inserts the template when the adapter can', async () => {
    const onInsert = jest.fn();
    renderFluent(
      <DetectionPanel result={emptyResult()} selected={0} activeSheet="Sheet1" capabilities={{ generateReport: false, insertTemplate: true }} busy={false} onSelect={() => {}} onInsertTemplate={onInsert} />,
    );
    await userEvent.click(screen.getByRole('button', { name: '插入空白模板' }));
    expect(onInsert).toHaveBeenCalled();
  });
});
