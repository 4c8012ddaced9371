import type { ComplianceStatus, MembershipSettings } from '@lco/core';

export interface Compliance {
  dueOn: Date;
  status: ComplianceStatus;
  /** Due dates passed since the anchor without a report. */
  missedReports: number;
}

/** The date `years` whole years after `date` (UTC). */
export function addYears(date: Date, years: number): Date {
  const d = new Date(date);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * A member's reporting status on a day, from the date its reporting runs from (its last report, else the day it
 * joined, else the network's baseline) and the settings: "on-time" until the due window opens, then "due", then
 * "overdue" for the grace days past the due date, then "missing". Pure: the clock is passed in.
 */
export function complianceOf(anchor: Date, now: Date, settings: MembershipSettings): Compliance {
  const dueOn = addYears(anchor, settings.reportPeriodYears);
  let missedReports = 0;
  while (addYears(anchor, settings.reportPeriodYears * (missedReports + 1)) <= now && missedReports < 100) {
    missedReports++;
  }
  const t = now.getTime();
  const status: ComplianceStatus =
    t < dueOn.getTime() - settings.dueWindowDays * DAY
      ? 'on-time'
      : t <= dueOn.getTime()
        ? 'due'
        : t <= dueOn.getTime() + settings.graceDays * DAY
          ? 'overdue'
          : 'missing';
  return { dueOn, status, missedReports };
}

/** Where a member's reporting runs from: its last report, else the day it joined, else the network's baseline. */
export function reportingAnchor(
  lastReportAt: Date | null,
  joinedAt: Date | null,
  memberSince: number | null,
  baseline: string,
): Date {
  if (lastReportAt) return lastReportAt;
  if (joinedAt) return joinedAt;
  const base = new Date(`${baseline}T00:00:00Z`);
  // A year of joining without a day: from the start of that year, but never before the baseline.
  if (memberSince !== null) {
    const start = new Date(Date.UTC(memberSince, 0, 1));
    return start > base ? start : base;
  }
  return base;
}
