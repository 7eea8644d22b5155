const ExcelJS = require('exceljs');
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  wb.eachSheet(ws => {
    console.log('SHEET', ws.name, ws.state, ws.dimensions && ws.dimensions.range, 'merges', JSON.stringify(ws.model.merges));
    ws.eachRow({includeEmpty:false}, (row, r) => row.eachCell({includeEmpty:false}, (c) => {
      console.log(c.address, JSON.stringify(c.value), c.type, c.numFmt||'', '|', JSON.stringify(c.text));
    }));
  });
})();
