import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = path.resolve(import.meta.dirname, '../../../bin/lco.mjs');

describe('lco review remind', { timeout: 120_000 }, () => {
  it('runs the reminder job once on the configured database and says how many it queued', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-remind-'));
    try {
      const result = spawnSync(process.execPath, [bin, 'review', 'remind'], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
        timeout: 110_000,
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('0 reminders queued');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
