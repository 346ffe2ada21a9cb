import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
p.on('pageerror', (e) => console.log('pageerror', e.message));
await p.goto('http://127.0.0.1:38424/sql/');
await p.locator('html[data-console="ready"]').waitFor({ state: 'attached', timeout: 60000 });
console.log(await p.evaluate(() => ['jx:db-engine','jx:console-editor','jx:console-tables','jx:console-ready'].map(n => n + ' ' + performance.getEntriesByName(n)[0]?.startTime.toFixed(0))));
await p.locator('.cm-content').click();
await p.keyboard.press('Control+a');
await p.keyboard.insertText("SELECT range AS n, range * 0.5 AS half_wan, 'row ' || range AS label FROM range(100000)");
for (let k = 0; k < 3; k++) {
await p.evaluate(() => { window.__lt = []; window.__marks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask' }); });
const t0 = await p.evaluate(() => performance.now());
await p.keyboard.press('Control+Enter');
await p.locator('[data-testid="result-summary"]', { hasText: '100,000' }).waitFor();
await p.waitForTimeout(500);
console.log('t0', Math.round(t0), 'longtasks', JSON.stringify(await p.evaluate(() => window.__lt)));
}
await b.close();
