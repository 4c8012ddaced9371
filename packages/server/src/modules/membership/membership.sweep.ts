import type { AppContext } from '../../platform/context.ts';
import { ApplicationService } from './application.service.ts';
import { ReportService } from './report.service.ts';

/**
 * The membership jobs of the clock, run hourly by `lco serve` and once by `lco membership sweep`: reminders before
 * a National Commission's deadline, expiry past it where the call says so, and reminders of due reports.
 * Idempotent: each reminder is claimed once, and an expired application is expired once.
 */
export async function sweepMembership(ctx: AppContext, now: Date) {
  const deadlines = await new ApplicationService(ctx).sweepDeadlines(now);
  const reportReminders = await new ReportService(ctx).sendReportReminders(now);
  return { ...deadlines, reportReminders };
}
