// Opens a rendered cerebro-mmm report in Debian's headless Chromium and checks
// that it loads offline, draws every chart and screenshots to a non-blank page.
// Usage: node tests/browser/report_test.mjs PATH/TO/cerebro-mmm [--update-screenshot] [--report FILE.html]
// With --report the given file is checked instead of running `cerebro-mmm run`.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const binary = args.find((a) => !a.startsWith('--'));
const updateScreenshot = args.includes('--update-screenshot');
const reportIndex = args.indexOf('--report');
const givenReport = reportIndex >= 0 ? args[reportIndex + 1] : undefined;

let passed = 0;
let failed = 0;
function check(name, condition, detail = '') {
  if (condition) {
    passed += 1;
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}${detail ? `: ${detail}` : ''}`);
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'cerebro-report-'));
let reportPath = givenReport;
if (!reportPath) {
  if (!binary) {
    console.error('usage: node tests/browser/report_test.mjs PATH/TO/cerebro-mmm [--update-screenshot]');
    process.exit(2);
  }
  try {
    execFileSync(binary, ['run', join(repo, 'examples/osmosis/spec.yaml'), '--out', workDir], { stdio: 'inherit' });
  } catch (error) {
    check('cerebro-mmm run exits 0', false, String(error.message));
  }
  reportPath = join(workDir, 'report.html');
}
check('report.html exists', existsSync(reportPath), reportPath);
if (!existsSync(reportPath)) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}

// Playwright passes the fresh profile directory as --user-data-dir.
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cerebro-chromium-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1100, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const consoleErrors = [];
  const foreignRequests = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('file:') && !url.startsWith('data:')) foreignRequests.push(url);
  });
  await page.goto(pathToFileURL(resolve(reportPath)).href, { waitUntil: 'load' });

  check('no console errors', consoleErrors.length === 0, consoleErrors.join(' | '));
  check('no network requests', foreignRequests.length === 0, foreignRequests.join(' '));

  const hasSimulation = (await page.locator('[data-chart="marginal-roi"]').count()) > 0;
  const charts = ['contribution', 'spend-effect-share', 'response-curves', 'adstock-decay', 'causal-review',
    'actual-vs-fitted'];
  if (hasSimulation) charts.push('marginal-roi', 'current-vs-proposed', 'allocation');
  for (const name of charts) {
    const drawn = await page.evaluate((chart) => {
      const figure = document.querySelector(`[data-chart="${chart}"]`);
      if (!figure) return { found: false, shapes: 0 };
      // The review is a table; every other chart must draw visible SVG shapes.
      const selector = chart === 'causal-review' ? 'td' : 'svg path, svg rect, svg circle, svg line';
      let shapes = 0;
      for (const element of figure.querySelectorAll(selector)) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) shapes += 1;
      }
      return { found: true, shapes };
    }, name);
    check(`chart ${name} present`, drawn.found);
    check(`chart ${name} has drawn content`, drawn.shapes >= 3, `${drawn.shapes} visible elements`);
  }

  const screenshotPath = updateScreenshot ? join(repo, 'docs/report-screenshot.png') : join(workDir, 'report.png');
  await page.screenshot({ path: screenshotPath, fullPage: false });
  // Decode the screenshot in the page itself, so the check needs no image library.
  const stats = await page.evaluate(async (url) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4 * 7) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return { width: image.width, height: image.height, colours: colours.size };
  }, `data:image/png;base64,${readFileSync(screenshotPath).toString('base64')}`);
  check('screenshot is 1100x900', stats.width === 1100 && stats.height === 900, `${stats.width}x${stats.height}`);
  check('screenshot is not blank', stats.colours >= 50, `${stats.colours} distinct colours`);
  console.log(`screenshot: ${screenshotPath}`);
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
