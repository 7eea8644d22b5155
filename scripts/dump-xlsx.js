#!/usr/bin/env node
// Prints every cell of a workbook (address, raw value, type, number format, text): a look inside a fixture.
const ExcelJS = require('exceljs');

(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  wb.eachSheet((ws) => {
    console.log('SHEET', ws.name, ws.state, ws.dimensions && ws.dimensions.range, 'merges', JSON.stringify(ws.model.merges));
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        // exceljs throws on .text of a merged cell whose master is empty.
        const text = c.type === ExcelJS.ValueType.Merge && c.master.value === null ? '' : c.text;
        console.log(c.address, JSON.stringify(c.value), c.type, c.numFmt || '', '|', JSON.stringify(text));
      }),
    );
  });
})().catch((e) => {
  console.error(`dump-xlsx: ${e.message}`);
  process.exit(1);
});
