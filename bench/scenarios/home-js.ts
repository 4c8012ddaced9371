import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Result } from '../run.ts';
import { startServer } from '../server.ts';

const LIMIT_KB = 150;

/**
 * JavaScript shipped for the Home route, gzipped (target ≤ 150 KB): every script the browser actually
 * fetches to render `/` in English, each gzipped at the default level, summed.
 */
export async function homeJavaScript(work: string): Promise<Result> {
  const server = await startServer({ DATA_DIR: path.join(work, 'home-data') });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage();
    const scripts = new Map<string, number>();
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      const body = await response.body().catch(() => null);
      if (body) scripts.set(new URL(response.url()).pathname, gzipSync(body).length);
    });
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    const bytes = [...scripts.values()].reduce((a, b) => a + b, 0);
    const kb = bytes / 1024;
    return {
      scenario: 'Home route JavaScript (gzipped)',
      value: Math.round(kb * 10) / 10,
      unit: 'KB',
      target: `≤ ${LIMIT_KB} KB`,
      met: kb <= LIMIT_KB,
      detail: `${scripts.size} scripts: ${[...scripts.entries()].map(([p, b]) => `${path.basename(p)} ${(b / 1024).toFixed(1)} KB`).join(', ')}`,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
