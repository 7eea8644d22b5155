#!/usr/bin/env node
/**
 * Rasterizes the SVG sources in assets/src/ into the PNG icons the manifest references.
 * Run by hand after editing an SVG (`node scripts/render-icons.js`); the PNGs are committed,
 * so neither the build nor CI needs a browser for them.
 *
 * Uses headless Chromium (/usr/bin/chromium, or CHROMIUM_PATH) through playwright-core so every
 * icon is drawn at its exact pixel size on a transparent background. A "<name>-16.svg" file, when
 * present, is a hand-simplified variant used for the 16 px size.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..');
const srcDir = path.join(root, 'assets', 'src');
const outDir = path.join(root, 'assets');

// source name -> output prefix and sizes
const ICONS = [
  { src: 'app', out: 'icon', sizes: [16, 32, 64, 80] },
  { src: 'score', out: 'score', sizes: [16, 32, 80] },
  { src: 'report', out: 'report', sizes: [16, 32, 80] },
  { src: 'undo', out: 'undo', sizes: [16, 32, 80] },
  { src: 'pane', out: 'pane', sizes: [16, 32, 80] },
];

function svgFor(name, size) {
  const variant = path.join(srcDir, `${name}-${size}.svg`);
  return fs.readFileSync(fs.existsSync(variant) ? variant : path.join(srcDir, `${name}.svg`), 'utf8');
}

async function main() {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const icon of ICONS) {
      for (const size of icon.sizes) {
        const svg = svgFor(icon.src, size).replace('<svg ', `<svg width="${size}" height="${size}" `);
        await page.setViewportSize({ width: size, height: size });
        await page.setContent(
          `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`,
        );
        const file = path.join(outDir, `${icon.out}-${size}.png`);
        await page.locator('svg').screenshot({ path: file, omitBackground: true });
        console.log(`${path.relative(root, file)}  ${size}x${size}`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(`图标渲染失败 / icon rendering failed: ${err.message}`);
  process.exit(1);
});
