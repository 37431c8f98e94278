/**
 * The screens at scale, in Chromium against browser mode with 100,000 transactions stored (the
 * store filled by SQLite itself, as bench/queries.ts does, then opened by the real host):
 *
 *   ui.first_rows_ms          loading `#/transactions` until the first rows are painted (median of 3 loads)
 *   ui.filter_ms              a search typed into the box until its result is painted (median of 7)
 *   ui.dom_rows               the most list lines in the page at once while scrolling end to end
 *   ui.heap_mb                the JS heap after that scroll, once collected (every row loaded by then)
 *   ui.scroll_frame_p95_ms    the 95th percentile of frame times (requestAnimationFrame deltas) while scrolling
 *   ui.idle_frame_p95_ms      the same with nothing happening: the machine's own floor, to read the figure above against
 *
 * The host runs in a process of its own (bench/ui-host.ts), as in `npm run web`.
 *
 * The list is as tall as its count from the start (`transactions:count`), so scrolling end to end
 * is one scroll from top to bottom, a fixed distance per frame as a fast wheel or a dragged
 * scrollbar does; keyset pages follow it in turn, and the run ends when the last row is painted.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { DATABASE_FILE } from '../core/platform/data-dir.js';
import { median } from './measure.js';
import { filledStore } from './queries.js';
import { report } from './results.js';
import { startUiHost } from './ui-host.js';

const COUNT = 100_000;
const SEARCHES = ['kaufland', 'lidl', 'farmacia', 'enel', 'glovo', 'ikea', 'digi'];
/** Pixels per frame: 100,000 rows of 56 px in about 700 frames (a fast fling, all the way). */
const SCROLL_STEP = 8_000;

/** In the page before its scripts: the moment the first transaction row is in the document, painted (the frame after). */
const FIRST_ROW_PROBE = `(() => {
  window.__firstRow = new Promise((resolve) => {
    const seen = () => document.querySelector('.tx-row:not(.tx-skeleton)') !== null;
    const observer = new MutationObserver(() => {
      if (!seen()) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now()));
    });
    document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { subtree: true, childList: true }));
  });
})()`;

/** Types `word` as one input event (React's way) and resolves with the ms until the first matching row is painted. */
const FILTER = `(word) => new Promise((resolve) => {
  const input = document.querySelector('input[type=search]');
  const match = new RegExp(word || '.', 'i');
  const before = document.querySelector('.tx-found')?.textContent;
  const done = () => {
    const first = document.querySelector('.tx-row:not(.tx-skeleton)');
    const found = document.querySelector('.tx-found')?.textContent ?? '';
    return first !== null && match.test(first.textContent) && /găsit/.test(found) && found !== before;
  };
  const observer = new MutationObserver(() => {
    if (!done()) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - start));
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  const start = performance.now();
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, word);
  input.dispatchEvent(new Event('input', { bubbles: true }));
})`;

/** Scrolls the list to its end a step per frame; records frame times and the most lines in the page; resolves when the last row is painted. */
const SCROLL = `(step) => new Promise((resolve) => {
  const scroller = document.querySelector('.tx-scroll');
  const frames = [];
  let maxLines = 0;
  let last = performance.now();
  const tick = (now) => {
    frames.push(now - last);
    last = now;
    maxLines = Math.max(maxLines, scroller.querySelectorAll('.tx-line').length);
    const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
    const lines = [...scroller.querySelectorAll('.tx-line')];
    const lastLine = lines.reduce((a, b) => (Number(a.getAttribute('aria-posinset')) > Number(b.getAttribute('aria-posinset')) ? a : b), lines[0]);
    const lastLoaded = lastLine && Number(lastLine.getAttribute('aria-posinset')) === Number(lastLine.getAttribute('aria-setsize')) && lastLine.querySelector('.tx-skeleton') === null;
    if (atEnd && lastLoaded) return resolve({ frames, maxLines, scrolling: frames.length });
    if (!atEnd) scroller.scrollTop += step;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
})`;

/** Frame times with nothing to do: what this machine's Chromium gives at best (a loaded machine shows here). */
const IDLE = `() => new Promise((resolve) => {
  const frames = [];
  let last;
  const tick = (now) => {
    if (last !== undefined) frames.push(now - last);
    last = now;
    if (frames.length < 120) requestAnimationFrame(tick); else resolve(frames);
  };
  requestAnimationFrame(tick);
})`;

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? Number.NaN;

export async function benchUi(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'conturi-bench-ui-'));
  const dataDir = join(dir, 'data');
  const key = randomBytes(32);
  const fillStart = performance.now();
  mkdirSync(dataDir, { mode: 0o700 });
  filledStore(join(dataDir, DATABASE_FILE), COUNT, key).close();
  console.log(`  (a store of ${COUNT} filled in ${((performance.now() - fillStart) / 1000).toFixed(1)} s)`);
  const app = await startUiHost({ staticDir: join(process.cwd(), 'dist', 'renderer'), dataDir, keyHex: key.toString('hex') });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--enable-precise-memory-info'] });
  const started = performance.now();
  try {
    const context = await browser.newContext({ locale: 'ro-RO', viewport: { width: 1280, height: 900 } });
    await context.addInitScript(FIRST_ROW_PROBE);
    const page = await context.newPage();
    const address = `${app.origin}/#/transactions`;
    // The first load sets the tab's secret (browser mode's `#secret=`); later loads of the address keep it.
    await page.goto(app.url);
    await page.waitForFunction('document.querySelector(".sidebar") !== null');
    // The scheduler's start-up sync of the store's connection runs first: it is not what is measured.
    const secret = new URL(app.url).hash.slice('#secret='.length);
    const status = async () => (await (await fetch(`${app.origin}/api/invoke`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-conturi-secret': secret }, body: JSON.stringify({ method: 'sync:status', input: {} }),
    })).json()) as { ok: boolean; value?: { running: boolean; lastRun?: unknown } };
    for (let waited = 0; waited < 120; waited++) {
      const s = await status();
      if (s.value !== undefined && !s.value.running && s.value.lastRun !== undefined) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const firstRows: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.goto(address);
      await page.reload();
      firstRows.push(await page.evaluate<number>('window.__firstRow'));
    }

    const filters: number[] = [];
    for (const word of SEARCHES) {
      filters.push(await page.evaluate<number>(`(${FILTER})(${JSON.stringify(word)})`));
      await page.evaluate(`(${FILTER})('')`);
    }

    const idle = await page.evaluate<number[]>(`(${IDLE})()`);
    const cdp = await context.newCDPSession(page);
    const scroll = await page.evaluate<{ frames: number[]; maxLines: number }>(`(${SCROLL})(${SCROLL_STEP})`);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');

    report('ui.first_rows_ms', `first rows of ${COUNT.toLocaleString('en')} painted after loading #/transactions`, median(firstRows), 'ms', 500);
    report('ui.filter_ms', '  a search typed until its result is painted', median(filters), 'ms', 100);
    report('ui.dom_rows', '  most list lines in the page, scrolling end to end', scroll.maxLines, 'rows', 200);
    report('ui.heap_mb', '  JS heap after that scroll (every row loaded)', heap.usedSize / 1e6, 'MB', 150);
    report('ui.scroll_frame_p95_ms', `  p95 frame time over ${scroll.frames.length} frames of scrolling`, p95(scroll.frames), 'ms', 20);
    report('ui.idle_frame_p95_ms', '  (p95 frame time of the same page doing nothing)', p95(idle), 'ms');
    console.log(`  (the UI part took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await browser.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/ui.ts` runs this part alone (results.json is written by the full `npm run bench` only).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchUi().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
