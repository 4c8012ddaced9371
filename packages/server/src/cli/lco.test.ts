import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = path.resolve(import.meta.dirname, '../../bin/lco.mjs');

function lco(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('lco', () => {
  it('prints help naming every command', () => {
    const { code, stdout } = lco(['--help']);
    expect(code).toBe(0);
    for (const command of ['serve', 'migrate', 'seed', 'catalogue']) expect(stdout).toContain(command);
  });

  it('prints the catalogue as CSV in a chosen language, one row per measurement', () => {
    const { code, stdout } = lco(['catalogue', '--format', 'csv', '--lang', 'fr']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(61);
    expect(lines[1]).toMatch(/^1\.1\.1a,/);
  });

  it('refuses an unknown language with a clear error', () => {
    const { code, stderr } = lco(['catalogue', '--lang', 'de']);
    expect(code).not.toBe(0);
    expect(stderr).toContain("'de' is invalid");
  });

  it('refuses to start on a data directory it cannot write, in one line', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lco-cli-')), 'a-file');
    fs.writeFileSync(file, '');
    // A path under a regular file can never be created, even by root.
    const { code, stderr } = lco(['migrate'], { DATA_DIR: path.join(file, 'data') });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^lco: data directory .* is not writable/);
  });

  it('refuses to start when DATABASE_URL does not answer, in one line, without the password', () => {
    const { code, stderr } = lco(['migrate'], { DATABASE_URL: 'postgresql://lco:secret@127.0.0.1:1/lco' });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^lco: cannot reach PostgreSQL at /);
    expect(stderr).not.toContain('secret');
  });
});
