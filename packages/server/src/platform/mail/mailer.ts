import type { Lang } from '@lco/core';
import { and, asc, desc, isNull, lt, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Database } from '../db/client.ts';
import { mailOutbox } from './mail.tables.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  lang: Lang;
  kind: string;
}

const MAX_ATTEMPTS = 5;

/**
 * Mail leaves through the outbox: a command writes its mail in its own transaction (so a rolled-back
 * invitation sends nothing), and delivery happens after commit. Without SMTP the mail stays in the
 * outbox, where admins can read it, so a local installation still works end to end.
 */
export class Mailer {
  /** Created on the first delivery: nodemailer is some 400 KB of code a server's start need not compile. */
  private transport: Promise<Transporter> | null = null;
  private delivery: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly db: Database,
    private readonly smtpUrl: string | null,
    private readonly from: string,
  ) {}

  get smtpConfigured(): boolean {
    return this.smtpUrl !== null;
  }

  private smtp(): Promise<Transporter> | null {
    const url = this.smtpUrl;
    if (url === null) return null;
    this.transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(url));
    return this.transport;
  }

  /** Write a mail to the outbox inside the caller's transaction. */
  async queue(tx: Database, mail: OutgoingMail): Promise<void> {
    await tx.insert(mailOutbox).values({
      toAddress: mail.to,
      subject: mail.subject,
      bodyText: mail.text,
      lang: mail.lang,
      kind: mail.kind,
    });
  }

  /** Start delivering what is waiting, without making the request wait for SMTP. */
  deliverSoon(): void {
    if (!this.smtpConfigured) return;
    this.delivery = this.delivery.then(() => this.deliverPending()).catch(() => 0);
  }

  /** Resolves when deliveries started so far have finished (tests and shutdown wait on it). */
  settled(): Promise<number> {
    return this.delivery;
  }

  async deliverPending(): Promise<number> {
    const smtp = this.smtp();
    if (!smtp) return 0;
    const transport = await smtp;
    const pending = await this.db
      .select()
      .from(mailOutbox)
      .where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, MAX_ATTEMPTS)))
      .orderBy(asc(mailOutbox.createdAt))
      .limit(100);
    let sent = 0;
    for (const mail of pending) {
      try {
        await transport.sendMail({
          from: this.from,
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.bodyText,
          headers: { 'Content-Language': mail.lang },
        });
        await this.db
          .update(mailOutbox)
          .set({ sentAt: new Date(), attempts: sql`${mailOutbox.attempts} + 1`, lastError: null })
          .where(sql`${mailOutbox.id} = ${mail.id}`);
        sent++;
      } catch (error) {
        await this.db
          .update(mailOutbox)
          .set({
            attempts: sql`${mailOutbox.attempts} + 1`,
            lastError: error instanceof Error ? error.message : String(error),
          })
          .where(sql`${mailOutbox.id} = ${mail.id}`);
      }
    }
    return sent;
  }

  async list(page: { offset: number; limit: number }) {
    const [rows, total] = await Promise.all([
      this.db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).offset(page.offset).limit(page.limit),
      this.db.$count(mailOutbox),
    ]);
    return { rows, total };
  }

  close(): void {
    void this.transport?.then((transport) => transport.close());
  }
}
