import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
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

// Each case starts the real binary, often on a new data folder: slow on a loaded two-core machine.
describe('lco', { timeout: 120_000 }, () => {
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

  it('creates the first administrator with a password from LCO_PASSWORD, and refuses a weak one', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-cli-'));
    const weak = lco(['user', 'add', 'root@example.org', '--role', 'admin'], {
      DATA_DIR: dataDir,
      LCO_PASSWORD: 'password1234',
    });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/^lco: The password is too common/);
    const ok = lco(['user', 'add', 'Root@Example.org', '--role', 'admin'], {
      DATA_DIR: dataDir,
      LCO_PASSWORD: 'a strong first admin passphrase',
    });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('created root@example.org with the admin role');
    const again = lco(['user', 'add', 'root@example.org', '--role', 'admin'], {
      DATA_DIR: dataDir,
      LCO_PASSWORD: 'a strong first admin passphrase',
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('asks for the password on a terminal only: without one and without LCO_PASSWORD it says what to do', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-cli-'));
    const env: Record<string, string> = { DATA_DIR: dataDir };
    const { LCO_PASSWORD: _ignored, ...inherited } = process.env;
    const result = spawnSync(process.execPath, [bin, 'user', 'add', 'x@example.org', '--role', 'admin'], {
      encoding: 'utf8',
      env: { ...inherited, ...env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set LCO_PASSWORD');
  });

  it('verifies the audit chain, and names the first record someone altered', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-cli-'));
    expect(
      lco(['user', 'add', 'a@example.org', '--role', 'admin'], {
        DATA_DIR: dataDir,
        LCO_PASSWORD: 'a strong first admin passphrase',
      }).code,
    ).toBe(0);
    const intact = lco(['audit', 'verify'], { DATA_DIR: dataDir });
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/audit trail intact: 2 records, head [0-9a-f]{64}/);

    // Tamper as a database owner could: switch the append-only trigger off, rewrite the first record.
    const db = await PGlite.create(path.join(dataDir, 'pgdata'));
    await db.exec(`alter table audit_log disable trigger user;
      update audit_log set after = '{"email":"someone-else@example.org","via":"cli"}' where seq = (select min(seq) from audit_log);
      alter table audit_log enable trigger user;`);
    const first = await db.query<{ seq: number }>('select min(seq)::int as seq from audit_log');
    await db.close();

    const broken = lco(['audit', 'verify'], { DATA_DIR: dataDir });
    expect(broken.code).toBe(3);
    expect(broken.stderr).toContain(`audit trail broken at record ${first.rows[0]?.seq}`);
  });
});
