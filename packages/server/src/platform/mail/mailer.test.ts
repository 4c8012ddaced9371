import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../testing/agent.ts';
import { type TestApp, testApp } from '../testing/app.ts';
import { mailOutbox } from './mail.tables.ts';

/** A real SMTP server on loopback that keeps what it receives. */
let smtp: SMTPServer;
const received: { to: string[]; raw: string }[] = [];
let t: TestApp;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  t = await testApp({ smtpUrl: `smtp://127.0.0.1:${port}` });
});

afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** The text body as the recipient reads it (nodemailer sends non-ASCII text as base64). */
function decodeBody(raw: string): string {
  const [headers = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  return /Content-Transfer-Encoding: base64/i.test(headers)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : body;
}

describe('mail through SMTP', () => {
  it('delivers an invitation in the recipient’s language and marks it sent in the outbox', async () => {
    const { agent } = await signedIn(t.app, { grants: [{ role: 'secretariat' }] });
    const res = await agent.post('/api/v1/invitations', { email: 'juror@example.org', role: 'jury', lang: 'ru' });
    expect(res.statusCode).toBe(201);
    await t.mailer.settled();
    const mail = received.find((m) => m.to.includes('juror@example.org'));
    expect(mail).toBeDefined();
    expect(mail?.raw).toMatch(/Content-Language: ru/i);
    const body = decodeBody(mail?.raw ?? '');
    expect(body).toContain('Обсерватории обучающихся городов');
    expect(body).toContain('/accept-invitation#token=');
    const [row] = await t.app.db.select().from(mailOutbox);
    expect(row?.sentAt).not.toBeNull();
    expect(row?.attempts).toBe(1);
  });
});
