import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { makeTempDir } from './cleanup';
import { freePort } from './ports';
import { serveDist } from './staticServer';

// Checks that Chromium starts here and that a page served by serveDist sees the injected config
// and the proxy's 502 the way the app will, through a real browser's fetch.

const PAGE = `<!doctype html><title>harness</title><pre id="out">loading</pre><script>
  (async () => {
    const config = await (await fetch('/config.json')).json();
    const proxied = await fetch(config.datasource.url + '/api/v1/query?query=up');
    document.getElementById('out').textContent = JSON.stringify({ url: config.datasource.url, status: proxied.status });
  })();
</script>`;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

test('a served page reads the injected config and sees 502 from a dead proxy target', async () => {
  const dist = makeTempDir('browser-dist');
  writeFileSync(join(dist.path, 'index.html'), PAGE);
  const site = await serveDist({
    distDir: dist.path,
    config: { datasource: { url: '/prometheus' } },
    proxyTarget: `http://127.0.0.1:${await freePort()}`,
    // PAGE is an inline script, which the deployed policy forbids.
    contentSecurityPolicy: false,
  });
  const page = await browser.newPage();
  try {
    await page.goto(`${site.url}/some/client/route`);
    await page.waitForFunction(() => document.getElementById('out')?.textContent !== 'loading');
    expect(JSON.parse((await page.textContent('#out')) ?? '')).toEqual({ url: '/prometheus', status: 502 });
  } finally {
    await page.close();
    await site.stop();
    await dist.remove();
  }
});
