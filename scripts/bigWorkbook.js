/**
 * Generates the big workbooks of a 财政局's inbox at test/bench time (never committed): the seed's
 * table on its sheet, and beside it a data sheet "资金明细" of `rows` × `cols` cells (dates, voucher
 * numbers, a unique summary text per row as a shared string, categories, amounts). Written straight as
 * package XML through the CLI's streaming zip writer (needs npm run build), so a 1,048,576-row file is
 * made in bounded memory.
 *
 *   node scripts/bigWorkbook.js OUT.xlsx ROWS [COLS]
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const SEED = path.join(ROOT, 'tests', 'fixtures', 'xincheng-12345-2023.xlsx');
const CATEGORIES = ['办公费', '印刷费', '邮电费', '差旅费', '维修（护）费', '租赁费', '会议费', '培训费', '委托业务费', '物业管理费'];
const UNITS = ['综合科', '热线一组', '热线二组', '质检组', '信息中心', '后勤保障组'];

function col(n) {
  let s = '';
  for (let c = n + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * Writes the seed's table plus a data sheet of rows × cols to `file`. Every cell of the data sheet is
 * filled; texts of column C are unique shared strings (a worst case for the shared-string table).
 */
async function writeBigWorkbook(file, rows, cols = 16) {
  const JSZip = require('jszip');
  const seed = await JSZip.loadAsync(fs.readFileSync(SEED));
  const text = (p) => seed.file(p).async('string');
  const seedStrings = await text('xl/sharedStrings.xml');
  const seedCount = (seedStrings.match(/<si>/g) || []).length;
  // The CLI's own zip writer (npm run build compiles it to lib/).
  const { ZipWriter } = require(path.join(ROOT, 'lib', 'cli', 'zipWriter.js'));
  const zip = new ZipWriter(file);
  const names = Object.keys(seed.files).filter((n) => !seed.files[n].dir);
  for (const name of names) {
    if (name === 'xl/sharedStrings.xml') continue;
    let body = await text(name);
    if (name === 'xl/workbook.xml') body = body.replace('</sheets>', '<sheet sheetId="2" name="资金明细" state="visible" r:id="rId90"/></sheets>');
    if (name === 'xl/_rels/workbook.xml.rels') body = body.replace('</Relationships>', '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet90.xml"/></Relationships>');
    if (name === '[Content_Types].xml') body = body.replace('</Types>', '<Override PartName="/xl/worksheets/sheet90.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
    zip.add(name, body);
  }
  const header = ['序号', '日期', '摘要', '凭证号', '科目', '承办科室', '金额（元）', '数量', '单价', '税额', '累计', '备注', '审核人', '状态', '批次', '校验'];
  await zip.addStream('xl/sharedStrings.xml', async (push) => {
    push(seedStrings.slice(0, seedStrings.lastIndexOf('</sst>')).replace(/ count="\d+" uniqueCount="\d+"/, ''));
    for (let r = 1; r < rows; r++) await push(`<si><t>支付第${r}笔日常运转支出</t></si>`);
    push('</sst>');
  }, 1);
  await zip.addStream('xl/worksheets/sheet90.xml', async (push) => {
    push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:${col(cols - 1)}${rows}"/><sheetData>`);
    let line = '<row r="1">';
    for (let c = 0; c < cols; c++) line += `<c r="${col(c)}1" t="inlineStr"><is><t>${header[c % header.length]}</t></is></c>`;
    await push(`${line}</row>`);
    const letters = Array.from({ length: cols }, (_, c) => col(c));
    for (let r = 2; r <= rows; r++) {
      let s = `<row r="${r}">`;
      for (let c = 0; c < cols; c++) {
        const ref = `${letters[c]}${r}`;
        switch (c) {
          case 0: s += `<c r="${ref}"><v>${r - 1}</v></c>`; break;
          case 1: s += `<c r="${ref}"><v>${44927 + (r % 365)}</v></c>`; break;
          case 2: s += `<c r="${ref}" t="s"><v>${seedCount + r - 2}</v></c>`; break;
          case 3: s += `<c r="${ref}" t="inlineStr"><is><t>记-${String(r).padStart(7, '0')}</t></is></c>`; break;
          case 4: s += `<c r="${ref}" t="inlineStr"><is><t>${CATEGORIES[r % CATEGORIES.length]}</t></is></c>`; break;
          case 5: s += `<c r="${ref}" t="inlineStr"><is><t>${UNITS[r % UNITS.length]}</t></is></c>`; break;
          default: s += `<c r="${ref}"><v>${((r * 7919 + c * 104729) % 1000000) / 100}</v></c>`;
        }
      }
      await push(`${s}</row>`);
    }
    push('</sheetData></worksheet>');
  }, 1);
  zip.close();
}

module.exports = { writeBigWorkbook };

if (require.main === module) {
  const [out, rows, cols] = process.argv.slice(2);
  if (!out || !Number(rows)) {
    process.stderr.write('用法：node scripts/bigWorkbook.js OUT.xlsx ROWS [COLS]\n');
    process.exitCode = 1;
  } else {
    const t0 = Date.now();
    writeBigWorkbook(out, Number(rows), Number(cols) || 16).then(
      () => process.stdout.write(`${out}：${rows} 行，${((Date.now() - t0) / 1000).toFixed(1)} s，${(fs.statSync(out).size / 1048576).toFixed(1)} MB\n`),
      (e) => {
        process.stderr.write(`${e.message}\n`);
        process.exitCode = 1;
      },
    );
  }
}
