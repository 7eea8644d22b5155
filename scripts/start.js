#!/usr/bin/env node
/**
 * npm run start / npm run stop — sideload the add-in into Excel.
 *
 * Windows and macOS: office-addin-debugging (via npx; it is not a dependency of this project because its
 * keytar dependency does not build everywhere) starts the dev server and sideloads manifest.xml.
 * Linux (no desktop Excel) or when that fails: prints how to sideload by hand, and exits 0.
 */
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const stop = process.argv.includes('--stop');
const manifest = path.join(root, 'manifest.xml');

const INSTRUCTIONS = `
手动旁加载 / Sideload by hand
先在另一个终端运行 npm run dev-server（https://localhost:3000），再按所用的 Excel 操作：
First run \`npm run dev-server\` in another terminal (https://localhost:3000), then:

  Excel 网页版 / Excel on the web
    打开一个工作簿 → 插入 → 加载项（Office 加载项）→ 上传我的加载项 → 选择 ${manifest}
    Open a workbook → Insert → Add-ins (Office Add-ins) → Upload My Add-in → choose manifest.xml.

  Windows（共享文件夹目录 / shared folder catalog）
    1. 把 manifest.xml 所在文件夹设为网络共享，记下 \\\\计算机名\\共享名
    2. Excel → 文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录：填入该共享路径，
       点“添加目录”，勾选“显示在菜单中”，确定后重启 Excel
    3. 插入 → 我的加载项 → 共享文件夹 → 绩效自评助手 → 添加
    Share the folder holding manifest.xml; in File → Options → Trust Center → Trust Center Settings →
    Trusted Add-in Catalogs add \\\\machine\\share with "Show in Menu"; restart Excel;
    Insert → My Add-ins → SHARED FOLDER → 绩效自评助手.

  Mac
    mkdir -p ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef
    cp manifest.xml ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
    重启 Excel → 插入 → 加载项 → 我的加载项 → 绩效自评助手
    Restart Excel → Insert → Add-ins → My Add-ins → 绩效自评助手.

加载后在功能区“绩效自评”选项卡中使用 一键评分 / 生成报告 / 撤销评分 / 打开面板。
`;

const STOP_INSTRUCTIONS = `
卸载旁加载的加载项 / Remove a sideloaded add-in
  Excel 网页版：清除浏览器缓存或在“我的加载项”中移除。 Excel on the web: remove it under My Add-ins.
  Windows：从共享文件夹删除 manifest.xml 并重启 Excel。 Windows: delete the manifest from the share.
  Mac：删除 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/manifest.xml 并重启 Excel。
然后停止 npm run dev-server（Ctrl+C）。 Then stop the dev server (Ctrl+C).
`;

function tryOfficeAddinDebugging() {
  const args = ['--yes', 'office-addin-debugging', stop ? 'stop' : 'start', 'manifest.xml'];
  console.log(`运行 / running: npx ${args.join(' ')}`);
  const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return !r.error && r.status === 0;
}

if (process.platform === 'win32' || process.platform === 'darwin') {
  if (tryOfficeAddinDebugging()) process.exit(0);
  console.log('\noffice-addin-debugging 未能完成，请手动旁加载。 / office-addin-debugging did not succeed; sideload by hand.');
} else {
  console.log(
    `此系统（${process.platform}）没有桌面版 Excel，无法自动旁加载。 / ` +
      `No desktop Excel on ${process.platform}: automatic sideloading is not available.`,
  );
}
console.log(stop ? STOP_INSTRUCTIONS : INSTRUCTIONS);
