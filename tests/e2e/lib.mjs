// Shared helpers of the end-to-end tests: the stack's address, a browser,
// screenshots under the test state folder.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const URL = process.env.TICHENG_URL ?? 'http://127.0.0.1:8099';
export const STATE = process.env.TICHENG_STATE ?? '/tmp/ticheng-e2e';
export const SHOTS = join(STATE, 'screenshots');
mkdirSync(SHOTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
}

// Saves a full-page screenshot named NAME.png under the test state folder.
export async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
