import {
  type CityMembership,
  type ComplianceBoard,
  type ComplianceRow,
  type ComplianceStatus,
  type CreateReportBody,
  isLang,
  type MembershipSettings,
  type MembershipStats,
  type RegionCode,
  type ReportOut,
} from '@lco/core';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/client.ts';
import { forbidden, notFound } from '../../platform/http/problem.ts';
import type { Actor } from '../../platform/security/actor.ts';
import type { RequestMeta } from '../accounts/accounts.service.ts';
import { scopeOf } from './application.service.ts';
import { complianceOf, reportingAnchor } from './compliance.ts';
import type { Recipient } from './membership.machine.ts';
import { type MembershipMailEvent, membershipMail } from './membership.mail.ts';
import { can, isCityEditorOnly, type MembershipScope } from './membership.policy.ts';
import { membershipProblem } from './membership.problems.ts';
import { type MemberCity, MembershipRepository, type SettingsRow } from './membership.repository.ts';

const NETWORK: MembershipScope = { cityId: null, countryIso2: null };

/**
 * After joining: biennial progress reports (an accepted monitoring cycle and a narrative), the compliance board the
 * secretariat keeps (statuses computed from dates and the injected clock), reminders, a member's standing as a
 * recorded act, the reporting settings, and the public membership facts.
 */
export class ReportService {
  private readonly repository: MembershipRepository;

  constructor(private readonly ctx: AppContext) {
    this.repository = new MembershipRepository(ctx.db);
  }

  async reports(
    actor: Actor,
    slug: string,
  ): Promise<{ items: ReportOut[]; prefill: { narrative: string } | null; compliance: ComplianceRow | null }> {
    const city = await this.city(slug);
    if (!can(actor, 'report.read', scopeOf(city))) throw forbidden();
    const rows = await this.repository.reports(city.id);
    const items = rows.map(({ report, by }) => presentReport(city.slug, report, by));
    // What is expected next and by when: the member's own line of the compliance board.
    const compliance =
      city.membershipStatus === 'member'
        ? ((await this.rows(presentSettings(await this.repository.settings()))).find((r) => r.city === city.slug) ??
          null)
        : null;
    // The next report starts from the last one's narrative.
    return { items, prefill: items[0] ? { narrative: items[0].narrative } : null, compliance };
  }

  async submit(actor: Actor, slug: string, body: CreateReportBody, meta: RequestMeta): Promise<ReportOut> {
    const city = await this.city(slug);
    if (!can(actor, 'report.submit', scopeOf(city))) {
      if (isCityEditorOnly(actor, scopeOf(city))) {
        throw membershipProblem('coordinatorOnly', 'Only the city coordinator may submit the progress report.');
      }
      throw forbidden();
    }
    if (city.membershipStatus !== 'member') {
      throw membershipProblem('notMember', `${city.name} is not a member: only members report.`);
    }
    if (!(await this.repository.isCycleAccepted(city.id, body.cycleYear))) {
      throw membershipProblem(
        'cycleNotAccepted',
        `The ${body.cycleYear} monitoring cycle of ${city.name} is not accepted: a report is made of an accepted cycle.`,
      );
    }
    const now = this.ctx.now();
    const report = await this.ctx.db.transaction(async (tx) => {
      const repository = new MembershipRepository(tx);
      const row = await repository.insertReport({
        cityId: city.id,
        cycleYear: body.cycleYear,
        narrative: body.narrative,
        submittedAt: now,
        submittedBy: actor.userId,
      });
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'report.submit',
          resourceType: 'membership-report',
          resourceId: row.id,
          scopeId: city.id,
          after: { cycleYear: row.cycleYear, narrative: row.narrative },
          requestId: meta.requestId,
        },
        now,
      );
      await this.mail(tx, repository, ['secretariat'], 'report-submitted', city, now);
      return row;
    });
    this.ctx.mailer.deliverSoon();
    return presentReport(city.slug, report, await this.repository.displayName(actor.userId));
  }

  async board(actor: Actor, filter: { status?: ComplianceStatus; region?: RegionCode }): Promise<ComplianceBoard> {
    if (!can(actor, 'compliance.read', NETWORK)) throw forbidden();
    const settings = presentSettings(await this.repository.settings());
    const rows = await this.rows(settings);
    const counts: Record<ComplianceStatus, number> = { 'on-time': 0, due: 0, overdue: 0, missing: 0 };
    for (const row of rows) counts[row.status]++;
    return {
      settings,
      counts,
      items: rows.filter(
        (r) => (!filter.status || r.status === filter.status) && (!filter.region || r.region === filter.region),
      ),
    };
  }

  /** Remind the chosen members (by default every one whose report is due, overdue or missing). */
  async remind(actor: Actor, slugs: string[] | undefined, meta: RequestMeta): Promise<{ reminded: string[] }> {
    if (!can(actor, 'compliance.remind', NETWORK)) throw forbidden();
    const settings = presentSettings(await this.repository.settings());
    const rows = (await this.rows(settings)).filter((r) =>
      slugs ? slugs.includes(r.city) : r.status !== 'on-time' && r.standing === 'active',
    );
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const repository = new MembershipRepository(tx);
      for (const row of rows) {
        const city = await repository.findCity(row.city);
        if (city)
          await this.mail(tx, repository, ['coordinator'], 'report-due', city, new Date(`${row.dueOn}T00:00:00Z`));
      }
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'compliance.remind',
          resourceType: 'membership-compliance',
          after: { cities: rows.map((r) => r.city) },
          requestId: meta.requestId,
        },
        now,
      );
    });
    this.ctx.mailer.deliverSoon();
    return { reminded: rows.map((r) => r.city) };
  }

  /**
   * Mark a member inactive (after at least the set number of missed reports) or active again: a recorded act with
   * a reason, mailed to the city team.
   */
  async setStanding(
    actor: Actor,
    slug: string,
    standing: 'active' | 'inactive',
    reason: string,
    meta: RequestMeta,
  ): Promise<ComplianceRow> {
    if (!can(actor, 'member.standing', NETWORK)) throw forbidden();
    const city = await this.city(slug);
    if (city.membershipStatus !== 'member') throw membershipProblem('notMember', `${city.name} is not a member.`);
    const settings = presentSettings(await this.repository.settings());
    const row = (await this.rows(settings)).find((r) => r.city === slug);
    if (!row) throw membershipProblem('notMember', `${city.name} is not a member.`);
    if (row.standing === standing) {
      throw membershipProblem('standingUnchanged', `${city.name} is already ${standing}.`);
    }
    if (standing === 'inactive' && row.missedReports < settings.inactiveAfterMissed) {
      throw membershipProblem(
        'notEnoughMissed',
        `${city.name} has missed ${row.missedReports} report${row.missedReports === 1 ? '' : 's'}; a member is marked inactive after ${settings.inactiveAfterMissed}.`,
      );
    }
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const repository = new MembershipRepository(tx);
      await repository.setStanding(city.id, standing, now);
      await repository.insertStandingEvent({
        cityId: city.id,
        at: now,
        actorId: actor.userId,
        fromStanding: row.standing,
        toStanding: standing,
        reason,
        missedReports: row.missedReports,
      });
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: `member.${standing === 'inactive' ? 'mark-inactive' : 'reactivate'}`,
          resourceType: 'city-membership',
          resourceId: city.slug,
          scopeId: city.id,
          before: { standing: row.standing },
          after: { standing, reason, missedReports: row.missedReports },
          requestId: meta.requestId,
        },
        now,
      );
      await this.mail(tx, repository, ['city-team'], standing, city, now);
    });
    this.ctx.mailer.deliverSoon();
    const updated = (await this.rows(settings)).find((r) => r.city === slug);
    if (!updated) throw notFound(`${city.name} is not a member.`);
    return updated;
  }

  async settings(): Promise<MembershipSettings> {
    return presentSettings(await this.repository.settings());
  }

  async updateSettings(actor: Actor, body: Partial<MembershipSettings>, meta: RequestMeta) {
    if (!can(actor, 'settings.write', NETWORK)) throw forbidden();
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      const repository = new MembershipRepository(tx);
      const before = presentSettings(await repository.settings());
      const after = presentSettings(
        await repository.updateSettings({ ...body, updatedAt: now, updatedBy: actor.userId }),
      );
      await appendAudit(
        tx,
        {
          actorId: actor.userId,
          action: 'settings.update',
          resourceType: 'membership-settings',
          before,
          after,
          requestId: meta.requestId,
        },
        now,
      );
      return after;
    });
  }

  /** A city's public membership facts: status, year of joining, standing, last report, the application's facts. */
  async profile(slug: string): Promise<CityMembership> {
    const city = await this.city(slug);
    const membership = await this.repository.membership(city.id);
    const lastReportAt = await this.repository.lastReportAt(city.id);
    const member = city.membershipStatus === 'member';
    const form = member ? membership?.facts : null;
    return {
      city: city.slug,
      status: city.membershipStatus as CityMembership['status'],
      memberSince: city.memberSince,
      standing: member ? ((membership?.standing ?? 'active') as 'active' | 'inactive') : null,
      joinedAt: membership?.joinedAt?.toISOString() ?? null,
      lastReportAt: lastReportAt?.toISOString() ?? null,
      facts: form
        ? {
            population: form.population ?? null,
            populationYear: form.populationYear ?? null,
            areaKm2: form.areaKm2 ?? null,
            gdpPerCapitaCity: form.gdpPerCapita?.city ?? null,
            gdpPerCapitaCountry: form.gdpPerCapita?.country ?? null,
            gdpYear: form.gdpPerCapita?.year ?? null,
            schoolingYearsFemale: form.schoolingYears?.female ?? null,
            schoolingYearsMale: form.schoolingYears?.male ?? null,
            mayor: form.mayor?.name ?? null,
          }
        : null,
    };
  }

  async stats(): Promise<MembershipStats> {
    const { byRegion, byYear } = await this.repository.memberStats();
    return { members: byRegion.reduce((sum, r) => sum + r.members, 0), byRegion, byYear };
  }

  /** Mail each active member's coordinators once per due date when its report becomes due (idempotent). */
  async sendReportReminders(now: Date): Promise<number> {
    const settings = presentSettings(await this.repository.settings());
    const rows = (await this.rows(settings, now)).filter((r) => r.status === 'due' && r.standing === 'active');
    let sent = 0;
    await this.ctx.db.transaction(async (tx) => {
      const repository = new MembershipRepository(tx);
      for (const row of rows) {
        const city = await repository.findCity(row.city);
        if (!city || !(await repository.claimReportReminder(city.id, row.dueOn, now))) continue;
        await this.mail(tx, repository, ['coordinator'], 'report-due', city, new Date(`${row.dueOn}T00:00:00Z`));
        await appendAudit(
          tx,
          {
            actorId: null,
            action: 'report.remind',
            resourceType: 'city-membership',
            resourceId: city.slug,
            scopeId: city.id,
            after: { dueOn: row.dueOn },
          },
          now,
        );
        sent++;
      }
    });
    if (sent > 0) this.ctx.mailer.deliverSoon();
    return sent;
  }

  // Internals

  private async rows(settings: MembershipSettings, now: Date = this.ctx.now()): Promise<ComplianceRow[]> {
    const members = await this.repository.members();
    return members.map((m) => {
      const lastReportAt = m.lastReportAt ? new Date(m.lastReportAt) : null;
      const anchor = reportingAnchor(lastReportAt, m.joinedAt, m.memberSince, settings.reportingBaseline);
      const compliance = complianceOf(anchor, now, settings);
      return {
        city: m.slug,
        cityName: m.name,
        countryIso2: m.countryIso2,
        region: m.regionCode,
        memberSince: m.memberSince,
        standing: m.standing as 'active' | 'inactive',
        lastReportAt: lastReportAt?.toISOString() ?? null,
        dueOn: compliance.dueOn.toISOString().slice(0, 10),
        status: compliance.status,
        missedReports: compliance.missedReports,
        canMarkInactive: m.standing === 'active' && compliance.missedReports >= settings.inactiveAfterMissed,
      };
    });
  }

  private async mail(
    tx: Database,
    repository: MembershipRepository,
    notify: readonly Recipient[],
    event: MembershipMailEvent,
    city: MemberCity,
    date: Date,
  ): Promise<void> {
    for (const person of await repository.recipients(notify, city)) {
      const lang = isLang(person.lang) ? person.lang : 'en';
      const mail = membershipMail(
        lang,
        event,
        { city: city.name, call: '', date: date.toISOString().slice(0, 10) },
        `${this.ctx.settings.publicUrl}/cities/${city.slug}`,
      );
      await this.ctx.mailer.queue(tx, { to: person.email, ...mail, lang, kind: `membership-${event}` });
    }
  }

  private async city(slug: string): Promise<MemberCity> {
    const city = await this.repository.findCity(slug);
    if (!city) throw notFound(`No city with the slug "${slug}" is in the network directory.`);
    return city;
  }
}

function presentSettings(row: SettingsRow): MembershipSettings {
  return {
    reportPeriodYears: row.reportPeriodYears,
    dueWindowDays: row.dueWindowDays,
    graceDays: row.graceDays,
    inactiveAfterMissed: row.inactiveAfterMissed,
    reportingBaseline: row.reportingBaseline,
  };
}

function presentReport(
  slug: string,
  row: { id: string; cycleYear: number; narrative: string; submittedAt: Date },
  by: string | null,
): ReportOut {
  return {
    id: row.id,
    city: slug,
    cycleYear: row.cycleYear,
    narrative: row.narrative,
    submittedAt: row.submittedAt.toISOString(),
    submittedBy: by,
  };
}
