import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = path.resolve(import.meta.dirname, '../../../bin/lco.mjs');

describe('lco membership sweep', { timeout: 120_000 }, () => {
  it('runs the deadline sweep once on the configured database and says what it did', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-sweep-'));
    try {
      const result = spawnSync(process.execPath, [bin, 'membership', 'sweep'], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
        timeout: 110_000,
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('0 endorsement reminders, 0 expired, 0 report reminders');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
