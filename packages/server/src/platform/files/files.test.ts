import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { contentDisposition, PLAIN_TEXT, safeFileName, sniffContent } from './content.ts';
import { InvalidStorageKeyError, LocalFileStorage, newStorageKey } from './storage.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lco-files-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const everything = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];

describe('LocalFileStorage', () => {
  const storage = new LocalFileStorage(root);

  it('stores, reads back and deletes by key', async () => {
    const key = newStorageKey();
    await storage.put(key, Buffer.from('hello'));
    expect(await text((await storage.get(key)) as Readable)).toBe('hello');
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key); // deleting twice is fine
  });

  it('refuses any key that could name a path: traversal is impossible by construction', async () => {
    for (const key of ['../../etc/passwd', 'a/b', '..', 'report.pdf', 'C:\\x', '', 'UPPERCASE-KEY', 'short']) {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
  });

  it('leaves nothing behind when the content fails half way', async () => {
    const key = newStorageKey();
    const before = everything(root).length;
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put(key, failing)).rejects.toThrow('client went away');
    expect(await storage.get(key)).toBeNull();
    expect(everything(root)).toHaveLength(before);
  });
});

describe('sniffContent', () => {
  const from = (bytes: Buffer) => async () => Readable.from([bytes], { objectMode: false });

  it('reads the type from the bytes, and takes clean UTF-8 for text', async () => {
    expect(await sniffContent(from(Buffer.from('%PDF-1.7\n%%EOF\n')))).toEqual({ mime: 'application/pdf', ext: 'pdf' });
    expect(await sniffContent(from(Buffer.from('name;city\nAïcha;Tunis\n')))).toBe(PLAIN_TEXT);
  });

  it('does not take invalid UTF-8 or binary control characters for text', async () => {
    expect(await sniffContent(from(Buffer.from([0x61, 0xff, 0xfe, 0x62])))).toBeUndefined();
    expect(await sniffContent(from(Buffer.from('abc\x00def')))).toBeUndefined();
  });
});

describe('safeFileName', () => {
  const pdf = { mime: 'application/pdf', ext: 'pdf' };

  it('keeps only the base name, without control or direction characters', () => {
    expect(safeFileName('../../etc/passwd.pdf', pdf)).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\me\\Rapport annuel.pdf', pdf)).toBe('Rapport annuel.pdf');
    expect(safeFileName('in\u202efdp.exe', pdf)).toBe('infdp.exe.pdf');
    expect(safeFileName('a\r\nb\t.pdf', pdf)).toBe('a b .pdf');
    expect(safeFileName('...', pdf)).toBe('evidence.pdf');
  });

  it('ends in the sniffed type’s extension and is at most 120 characters', () => {
    expect(safeFileName('photo.JPEG', { mime: 'image/jpeg', ext: 'jpg' }, ['jpeg'])).toBe('photo.JPEG');
    expect(safeFileName('report.exe', pdf)).toBe('report.exe.pdf');
    const long = safeFileName(`${'é'.repeat(300)}.pdf`, pdf);
    expect([...long]).toHaveLength(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact name (RFC 8187)', () => {
    expect(contentDisposition('Résumé "final".pdf')).toBe(
      `attachment; filename="R_sum_ _final_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.pdf`,
    );
  });
});
