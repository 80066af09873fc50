// The HTML report and the matrix webview's script driven in headless Chromium (Debian's, installed by
// scripts/e2e-setup.sh): rows, counts, filters, keyboard, no CSP violations, no network; screenshots kept in
// test-results/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEBVIEW_SCRIPT, matrixFromReport, renderMatrixFragment, renderMatrixHtml } from '../../server/src/report';
import { PROJECT, ROOT, buildFixtureMatrix, reportResultForFixture } from '../report/fixture';
import { findTool } from './helpers';

// Missing Chromium fails the run in CI (CI=true) and skips with the reason elsewhere, like the other real-client suites.
const chromiumBin = findTool('chromium', ['/usr/bin/chromium'], 'apt-get install chromium, or bash scripts/e2e-setup.sh');

test('HTML report in headless Chromium: rows, counts, filters, no CSP violations; screenshot kept', { skip: chromiumBin.skip }, async () => {
  const { chromium } = await import('playwright-core');
  const data = buildFixtureMatrix();
  const dir = mkdtempSync(join(tmpdir(), 'demarc-html-'));
  const file = join(dir, 'report.html');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, renderMatrixHtml(data));
  const browser = await chromium.launch({
    executablePath: chromiumBin.path!,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(5000);
    const cspErrors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto('file://' + file);

    const rowCount = await page.locator('#matrix tbody tr').count();
    assert.equal(rowCount, data.rows.length);
    assert.equal(await page.locator('#matrix thead th[scope="col"]').count(), 3 + data.layers.length);
    assert.equal(await page.locator('#matrix tbody th[scope="row"]').count(), data.rows.length);
    assert.equal(await page.textContent('#count-resources'), String(data.counts.resources));
    assert.equal(await page.textContent('#count-finding-cells'), String(data.counts.cells.finding));
    assert.equal(await page.locator('td.s-finding').count(), data.counts.cells.finding);
    assert.equal(await page.textContent('#visible-count'), `Showing 8 of 8 resources`);

    // Status filter: only rows with a finding cell stay visible, and the script updated the live count.
    const withFinding = data.rows.filter((r) => r.cells.some((c) => c.status === 'finding')).length;
    await page.selectOption('#f-status', 'finding');
    assert.equal(await page.locator('#matrix tbody tr:visible').count(), withFinding);
    assert.equal(await page.textContent('#visible-count'), `Showing ${withFinding} of 8 resources`);
    assert.ok((await page.locator('td.dim').count()) > 0, 'non-matching cells are dimmed');

    // Status + file filters combine; keyboard reaches the filters.
    await page.selectOption('#f-file', 'network/main.tf');
    const inNetwork = data.rows.filter((r) => r.displayFile === 'network/main.tf');
    assert.equal(await page.locator('#matrix tbody tr:visible').count(), inNetwork.filter((r) => r.cells.some((c) => c.status === 'finding')).length);
    await page.selectOption('#f-status', '');
    assert.equal(await page.locator('#matrix tbody tr:visible').count(), inNetwork.length);
    await page.selectOption('#f-team', 'data-eng');
    assert.equal(await page.locator('#matrix tbody tr:visible').count(), 0);
    await page.click('#f-reset');
    await page.waitForFunction("document.getElementById('visible-count').textContent === 'Showing 8 of 8 resources'");
    await page.focus('#f-file');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.id'), 'f-service');

    // A finding cell links to its details.
    await page.click('#matrix tbody tr[data-row="1"] td.s-finding a');
    assert.match(page.url(), /#f-1$/);

    mkdirSync(`${ROOT}/test-results`, { recursive: true });
    await page.goto('file://' + file);
    await page.screenshot({ path: `${ROOT}/test-results/report.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${ROOT}/test-results/report-dark.png`, fullPage: true });
    assert.deepEqual(cspErrors, []);
    assert.deepEqual(requests, []);

    // The webview's own script (WEBVIEW_SCRIPT, inlined by client/src/views/matrix.ts) filters the same markup and posts open/finding messages.
    const web = matrixFromReport(reportResultForFixture(), (uri) => uri.replace('file://' + PROJECT + '/', ''));
    const webPage = await browser.newPage();
    webPage.setDefaultTimeout(5000);
    const shim = 'window.__posted = []; window.acquireVsCodeApi = function () { return { postMessage: function (m) { window.__posted.push(m); } }; };';
    await webPage.setContent(
      `<!doctype html><html><head><style>${readFileSync(`${ROOT}/media/matrix.css`, 'utf8')}</style></head><body><main>${renderMatrixFragment(web, { interactive: 'webview' })}</main>` +
        `<script>${shim}</script><script>${WEBVIEW_SCRIPT}</script></body></html>`,
    );
    await webPage.selectOption('#f-owner', 'shared');
    await webPage.selectOption('#f-status', 'finding');
    const sharedNotMet = web.rows.filter((r) => r.cells.some((c) => c.owner === 'shared' && c.status === 'finding')).length;
    assert.ok(sharedNotMet >= 3, 'bucket, key and database have shared duties not met');
    assert.equal(await webPage.locator('#matrix tbody tr:visible').count(), sharedNotMet);
    await webPage.locator('button[data-action="finding"][data-layer="encryption-at-rest"]').first().focus();
    await webPage.keyboard.press('Enter');
    await webPage.locator('tbody tr:visible th button.open').first().click();
    const posted = (await webPage.evaluate('window.__posted')) as { type: string; row: number; layer?: string }[];
    assert.equal(posted.length, 2);
    assert.equal(posted[0]!.type, 'finding');
    assert.equal(posted[0]!.layer, 'encryption-at-rest');
    assert.equal(web.rows[posted[0]!.row]!.cells.find((c) => c.layer === 'encryption-at-rest')!.status, 'finding');
    assert.equal(posted[1]!.type, 'open');
    await webPage.screenshot({ path: `${ROOT}/test-results/matrix-webview.png`, fullPage: true });
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
