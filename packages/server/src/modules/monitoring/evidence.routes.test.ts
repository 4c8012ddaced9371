import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ProblemSchema } from '@lco/core';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import type { VirusScanner } from '../../platform/files/scanner.ts';
import { Agent, cityId, signedIn } from '../../platform/testing/agent.ts';
import { type TestApp, testApp } from '../../platform/testing/app.ts';
import { EvidenceOutSchema } from './evidence.schema.ts';
import { evidence } from './evidence.tables.ts';

/** Flags the EICAR test string, as any real scanner does: proves the hook is called and obeyed. */
const eicarScanner: VirusScanner = {
  async scan({ open }) {
    let text = '';
    for await (const chunk of await open()) text += (chunk as Buffer).toString('latin1');
    return text.includes('EICAR-STANDARD-ANTIVIRUS-TEST-FILE')
      ? { clean: false, scanner: 'test-eicar', threat: 'Eicar-Test-Signature' }
      : { clean: true, scanner: 'test-eicar' };
  },
};

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ extra: { scanner: eicarScanner } });
});
afterAll(async () => t.close());

const MB = 1024 * 1024;
const base = (city: string, year: number) => `/api/v1/cities/${city}/cycles/${year}`;

// Real headers of the formats involved, built byte by byte so the test needs no binary fixtures.
const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
function elfExecutable(): Buffer {
  const header = Buffer.alloc(64);
  header.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]); // \x7fELF, 64-bit, little-endian, version 1, System V
  header.writeUInt16LE(2, 16); // ET_EXEC
  header.writeUInt16LE(0x3e, 18); // x86-64
  header.writeUInt32LE(1, 20);
  header.writeBigUInt64LE(0x401000n, 24); // entry point
  header.writeBigUInt64LE(64n, 32); // program headers follow
  header.writeUInt16LE(64, 52);
  header.writeUInt16LE(56, 54);
  return Buffer.concat([header, Buffer.alloc(512, 0x90)]);
}
function peExecutable(): Buffer {
  const file = Buffer.alloc(1024);
  file.write('MZ', 0, 'latin1');
  file.writeUInt32LE(0x80, 0x3c); // e_lfanew: where the PE header is
  file.write('PE\0\0', 0x80, 'latin1');
  file.writeUInt16LE(0x14c, 0x84); // i386
  file.writeUInt16LE(1, 0x86); // one section
  return file;
}
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

type Part = { name: string; value: string } | { name: string; fileName: string; type: string; data: Buffer };

function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----lco${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
            `Content-Type: ${part.type}\r\n\r\n`,
        ),
        part.data,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(agent: Agent, url: string, parts: Part[]) {
  const { body, contentType } = multipart(parts);
  return agent.request('POST', url, body, { headers: { 'content-type': contentType } });
}

const file = (fileName: string, data: Buffer, type = 'application/octet-stream'): Part => ({
  name: 'file',
  fileName,
  type,
  data,
});

async function team(city: string) {
  const coordinator = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city }] });
  const editor = await signedIn(t.app, { grants: [{ role: 'city-editor', city }] });
  return { coordinator: coordinator.agent, editor: editor.agent };
}

async function draft(city: string, year: number) {
  const people = await team(city);
  expect((await people.coordinator.post(`/api/v1/cities/${city}/cycles`, { year })).statusCode).toBe(201);
  return people;
}

/** Every object the app's file storage holds (temporary files included). */
function storedFiles(): string[] {
  const root = path.join(t.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function evidenceCount() {
  return t.app.db.$count(evidence);
}

describe('uploading and downloading evidence files', () => {
  it('stores a PDF and a CSV typed from their content, lists them, and serves each as a safe attachment', async () => {
    const { editor } = await draft('cork', 2023);
    const pdf = await upload(editor, `${base('cork', 2023)}/evidence`, [
      { name: 'measurementId', value: '1.1.1a' },
      { name: 'breakdown', value: 'total' },
      file('../../etc/Census\u202e 2023.pdf', PDF, 'text/html'),
      { name: 'title', value: 'Census tables' },
    ]);
    expect(pdf.statusCode, pdf.body).toBe(201);
    const stored = EvidenceOutSchema.parse(pdf.json());
    expect(stored).toMatchObject({
      kind: 'file',
      measurementId: '1.1.1a',
      breakdown: 'total',
      title: 'Census tables',
      fileName: 'Census 2023.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      url: null,
    });

    t.advance(1000); // listed in upload order
    const text = Buffer.from('measurement,value\n1.1.1a,96.5\nnote,"Dún Laoghaire"\n');
    const csv = await upload(editor, `${base('cork', 2023)}/evidence`, [file('figures.CSV', text, 'application/pdf')]);
    expect(csv.statusCode, csv.body).toBe(201);
    expect(EvidenceOutSchema.parse(csv.json())).toMatchObject({
      contentType: 'text/csv',
      fileName: 'figures.CSV',
      measurementId: null,
    });

    const list = (await editor.get(`${base('cork', 2023)}/evidence`)).json() as { items: unknown[] };
    expect(list.items.map((i) => EvidenceOutSchema.parse(i).contentType)).toEqual(['application/pdf', 'text/csv']);

    const download = await editor.get(stored.downloadPath ?? '');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Census 2023.pdf"; filename*=UTF-8''Census%202023.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['cache-control']).toBe('private, no-cache');
    expect(download.rawPayload.equals(PDF)).toBe(true);

    const csvDownload = await editor.get(EvidenceOutSchema.parse(csv.json()).downloadPath ?? '');
    expect(csvDownload.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csvDownload.body).toBe(text.toString());

    const audits = await t.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'evidence.upload'), eq(auditLog.scopeId, await cityId(t.app, 'cork'))));
    expect(audits).toHaveLength(2);
    expect(audits[0]?.after).toMatchObject({
      fileName: 'Census 2023.pdf',
      sha256: stored.sha256,
      scanner: 'test-eicar',
    });
  });

  it('accepts office files by their content and names them after it', async () => {
    const { editor } = await draft('melton', 2023);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Figures').addRow(['1.1.1a', 96.5]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(editor, `${base('melton', 2023)}/evidence`, [file('figures', xlsx)]);
    expect(res.statusCode, res.body).toBe(201);
    expect(EvidenceOutSchema.parse(res.json())).toMatchObject({
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: 'figures.xlsx',
    });
  });

  it('refuses an ELF or PE executable renamed .pdf, and keeps nothing of it', async () => {
    const { editor } = await draft('limerick', 2023);
    const rows = await evidenceCount();
    const files = storedFiles().length;
    for (const [name, data] of [
      ['report.pdf', elfExecutable()],
      ['report.pdf', peExecutable()],
      ['notes.txt', Buffer.from([0x68, 0x69, 0x00, 0x01, 0x02])],
    ] as const) {
      const res = await upload(editor, `${base('limerick', 2023)}/evidence`, [file(name, data, 'application/pdf')]);
      expect(res.statusCode, name).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(ProblemSchema.parse(res.json()).detail).toContain('whatever its name says');
    }
    expect(await evidenceCount()).toBe(rows);
    expect(storedFiles()).toHaveLength(files);
  });

  it('refuses what the virus scanner flags (422), and keeps nothing of it', async () => {
    const { editor } = await draft('pecs', 2023);
    const rows = await evidenceCount();
    const res = await upload(editor, `${base('pecs', 2023)}/evidence`, [
      file('eicar.txt', Buffer.from(EICAR), 'text/plain'),
    ]);
    expect(res.statusCode).toBe(422);
    expect(ProblemSchema.parse(res.json())).toMatchObject({ type: '/problems/unsafe-file' });
    expect(ProblemSchema.parse(res.json()).detail).toContain('Eicar-Test-Signature');
    expect(await evidenceCount()).toBe(rows);
  });

  it('refuses a body declared at 200 MB with 413 before reading it', async () => {
    const { editor } = await draft('swansea', 2023);
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled += 64 * 1024;
        this.push(Buffer.alloc(64 * 1024, 0x41));
        if (pulled >= 200 * MB) this.push(null);
      },
    });
    const res = await editor.request('POST', `${base('swansea', 2023)}/evidence`, endless, {
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(200 * MB) },
    });
    expect(res.statusCode).toBe(413);
    expect(ProblemSchema.parse(res.json()).type).toBe('/problems/payload-too-large');
    expect(res.headers.connection).toBe('close');
    expect(pulled).toBeLessThan(MB);
    endless.destroy();
  });

  it('stops a streamed upload at the size limit with 413, leaving no file behind', async () => {
    const { editor } = await draft('bristol', 2023);
    const rows = await evidenceCount();
    const files = storedFiles().length;
    const boundary = 'lco-limit';
    let pulled = 0;
    const body = Readable.from(
      (function* () {
        yield Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
            'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n',
        );
        // 200 MB offered, produced lazily: the server must stop well before the end.
        for (let i = 0; i < 200; i++) {
          pulled += MB;
          yield Buffer.alloc(MB, 0x20);
        }
        yield Buffer.from(`\r\n--${boundary}--\r\n`);
      })(),
      { objectMode: false },
    );
    const res = await editor.request('POST', `${base('bristol', 2023)}/evidence`, body, {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(413);
    expect(ProblemSchema.parse(res.json()).detail).toContain('at most 20 MB');
    expect(pulled).toBeLessThan(40 * MB);
    expect(await evidenceCount()).toBe(rows);
    expect(storedFiles()).toHaveLength(files); // not even a temporary file is left
    body.destroy();
  });

  it('refuses a request that is not multipart, a missing file, an empty one and an unknown measurement', async () => {
    const { editor } = await draft('espoo', 2023);
    const url = `${base('espoo', 2023)}/evidence`;
    expect((await editor.post(url, { file: 'x' })).statusCode).toBe(415);
    const none = await upload(editor, url, [{ name: 'title', value: 'Nothing attached' }]);
    expect(ProblemSchema.parse(none.json()).errors?.[0]?.field).toBe('file');
    expect((await upload(editor, url, [file('empty.pdf', Buffer.alloc(0))])).statusCode).toBe(400);
    const unknown = await upload(editor, url, [{ name: 'measurementId', value: '9.9.9z' }, file('a.pdf', PDF)]);
    expect(unknown.statusCode).toBe(400);
    expect(ProblemSchema.parse(unknown.json()).errors?.[0]?.field).toBe('measurementId');
    const foreign = await upload(editor, url, [
      { name: 'measurementId', value: '1.2.3b' },
      { name: 'breakdown', value: 'sex:female' },
      file('a.pdf', PDF),
    ]);
    expect(ProblemSchema.parse(foreign.json()).errors?.[0]?.field).toBe('breakdown');
    const two = await upload(editor, url, [file('a.pdf', PDF), file('b.pdf', PDF)]);
    expect(two.statusCode).toBe(400);
  });
});

describe('links', () => {
  it('adds http and https links, and refuses javascript:, data: and addresses with credentials', async () => {
    const { editor } = await draft('larissa', 2023);
    const url = `${base('larissa', 2023)}/evidence/links`;
    for (const bad of [
      'javascript:alert(document.cookie)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'https://user:secret@example.org/',
      'not a url',
      `https://example.org/${'a'.repeat(2000)}`,
    ]) {
      const res = await editor.post(url, { url: bad, title: 'Report' });
      expect(res.statusCode, bad).toBe(400);
      expect(ProblemSchema.parse(res.json()).errors?.[0]?.field).toBe('url');
    }
    const ok = await editor.post(url, {
      url: 'https://www.cso.ie/en/statistics/',
      title: 'Central Statistics Office',
      measurementId: '1.1.1a',
    });
    expect(ok.statusCode).toBe(201);
    const link = EvidenceOutSchema.parse(ok.json());
    expect(link).toMatchObject({ kind: 'link', url: 'https://www.cso.ie/en/statistics/', downloadPath: null });
    expect((await editor.get(`${base('larissa', 2023)}/evidence/${link.id}`)).statusCode).toBe(404);
  });
});

describe('who may do what', () => {
  it('answers 401 anonymously and 403 to another city, changing nothing', async () => {
    const { editor } = await draft('sonderborg', 2023);
    const mine = EvidenceOutSchema.parse(
      (await upload(editor, `${base('sonderborg', 2023)}/evidence`, [file('a.pdf', PDF)])).json(),
    );
    const { agent: other } = await signedIn(t.app, { grants: [{ role: 'city-coordinator', city: 'cork' }] });
    const anonymous = new Agent(t.app);
    const rows = await evidenceCount();
    for (const [agent, status] of [
      [anonymous, 401],
      [other, 403],
    ] as const) {
      expect((await upload(agent, `${base('sonderborg', 2023)}/evidence`, [file('a.pdf', PDF)])).statusCode).toBe(
        status,
      );
      expect(
        (await agent.post(`${base('sonderborg', 2023)}/evidence/links`, { url: 'https://example.org', title: 'x' }))
          .statusCode,
      ).toBe(status);
      expect((await agent.delete(`${base('sonderborg', 2023)}/evidence/${mine.id}`)).statusCode).toBe(status);
      // An unpublished cycle's evidence does not exist for them.
      expect((await agent.get(`${base('sonderborg', 2023)}/evidence`)).statusCode).toBe(404);
      expect((await agent.get(mine.downloadPath ?? '')).statusCode).toBe(404);
    }
    expect(await evidenceCount()).toBe(rows);
    const { agent: secretariat } = await signedIn(t.app, { grants: [{ role: 'secretariat' }] });
    expect((await secretariat.get(mine.downloadPath ?? '')).statusCode).toBe(200);
  });

  it('locks evidence with the cycle (409), and publishes it with the cycle', async () => {
    const { editor, coordinator } = await draft('heraklion', 2023);
    const kept = EvidenceOutSchema.parse(
      (await upload(editor, `${base('heraklion', 2023)}/evidence`, [file('kept.pdf', PDF)])).json(),
    );
    const removed = EvidenceOutSchema.parse(
      (await upload(editor, `${base('heraklion', 2023)}/evidence`, [file('removed.pdf', PDF)])).json(),
    );
    const files = storedFiles().length;
    expect((await editor.delete(`${base('heraklion', 2023)}/evidence/${removed.id}`)).statusCode).toBe(204);
    expect(storedFiles()).toHaveLength(files - 1);
    expect((await editor.get(removed.downloadPath ?? '')).statusCode).toBe(404);

    await editor.request('PUT', `${base('heraklion', 2023)}/observations/1.2.3b/total`, {
      value: 3,
      sourceDetail: 'Register',
      expectedVersion: null,
    });
    expect((await coordinator.post(`${base('heraklion', 2023)}/submit`)).statusCode).toBe(200);
    const locked = await upload(editor, `${base('heraklion', 2023)}/evidence`, [file('late.pdf', PDF)]);
    expect(locked.statusCode).toBe(409);
    expect(
      (await editor.post(`${base('heraklion', 2023)}/evidence/links`, { url: 'https://example.org', title: 'x' }))
        .statusCode,
    ).toBe(409);
    expect((await editor.delete(`${base('heraklion', 2023)}/evidence/${kept.id}`)).statusCode).toBe(409);
    expect((await new Agent(t.app).get(kept.downloadPath ?? '')).statusCode).toBe(404);

    const { agent: secretariat } = await signedIn(t.app, { grants: [{ role: 'secretariat' }] });
    expect((await secretariat.post(`${base('heraklion', 2023)}/accept`)).statusCode).toBe(200);
    const publicList = await new Agent(t.app).get(`${base('heraklion', 2023)}/evidence`);
    expect(publicList.statusCode).toBe(200);
    expect((publicList.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([kept.id]);
    const publicDownload = await new Agent(t.app).get(kept.downloadPath ?? '');
    expect(publicDownload.statusCode).toBe(200);
    expect(publicDownload.rawPayload.equals(PDF)).toBe(true);
    expect((await upload(editor, `${base('heraklion', 2023)}/evidence`, [file('late.pdf', PDF)])).statusCode).toBe(409);
  });

  it('answers 404 for a cycle that does not exist', async () => {
    const { editor } = await team('cork');
    expect((await upload(editor, `${base('cork', 1999)}/evidence`, [file('a.pdf', PDF)])).statusCode).toBe(404);
    expect((await editor.get(`${base('cork', 1999)}/evidence`)).statusCode).toBe(404);
  });
});
