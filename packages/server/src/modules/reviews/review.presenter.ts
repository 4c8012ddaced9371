import type { AssignmentOut, FlagOut, RatingOut, RoundOut } from '@lco/core';
import type { AssignmentView, FlagRow, RatingRow, RoundCycleView, RoundRow } from './review.repository.ts';

export function presentRound(round: RoundRow, cycles: RoundCycleView[], assignments: AssignmentView[]): RoundOut {
  return {
    id: round.id,
    name: round.name,
    state: round.state as RoundOut['state'],
    deadline: round.deadline.toISOString(),
    reminderDaysBefore: round.reminderDaysBefore,
    alphaLevel: round.alphaLevel as RoundOut['alphaLevel'],
    consolidationRule: round.consolidationRule as RoundOut['consolidationRule'],
    minReviewers: round.minReviewers,
    rubricVersions: round.rubricVersions,
    cycles: cycles
      .filter((c) => c.roundCycle.roundId === round.id)
      .map((c) => {
        const mine = assignments.filter(
          (a) =>
            a.assignment.roundId === round.id &&
            a.assignment.cityId === c.roundCycle.cityId &&
            a.assignment.state !== 'recused',
        );
        return {
          city: c.slug,
          cityName: c.cityName,
          countryIso2: c.countryIso2,
          year: c.roundCycle.year,
          reviewers: mine.length,
          submitted: mine.filter((a) => a.assignment.state === 'submitted').length,
          consolidatedAt: c.roundCycle.consolidatedAt?.toISOString() ?? null,
        };
      }),
    createdAt: round.createdAt.toISOString(),
    updatedAt: round.updatedAt.toISOString(),
  };
}

export function presentAssignment(
  view: AssignmentView,
  ratings: RatingRow[],
  flags: FlagRow[],
  measurements: number,
): AssignmentOut {
  const mine = ratings.filter((r) => r.assignmentId === view.assignment.id);
  return {
    id: view.assignment.id,
    roundId: view.round.id,
    roundName: view.round.name,
    roundState: view.round.state as AssignmentOut['roundState'],
    deadline: view.round.deadline.toISOString(),
    city: view.slug,
    cityName: view.cityName,
    year: view.year,
    reviewer: { id: view.assignment.reviewerId, name: view.reviewerName },
    state: view.assignment.state as AssignmentOut['state'],
    rated: new Set(mine.map((r) => r.measurementId)).size,
    measurements,
    submittedAt: view.assignment.submittedAt?.toISOString() ?? null,
    flagged: flags
      .filter((f) => f.cityId === view.assignment.cityId && f.roundId === view.round.id)
      .map((f) => f.measurementId),
    createdAt: view.assignment.createdAt.toISOString(),
  };
}

export function presentRating(row: RatingRow): RatingOut {
  return {
    measurementId: row.measurementId,
    value: row.value,
    rationale: row.rationale,
    version: row.version,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentFlag(row: FlagRow, slug: string): FlagOut {
  return {
    city: slug,
    measurementId: row.measurementId,
    state: row.state as FlagOut['state'],
    spread: row.spread,
    raisedAt: row.raisedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    comment: row.comment,
  };
}

/** The latest version of each (assignment, measurement) among rating rows ordered by version. */
export function currentRatings(rows: readonly RatingRow[]): Map<string, RatingRow> {
  const current = new Map<string, RatingRow>();
  for (const row of rows) current.set(`${row.assignmentId}|${row.measurementId}`, row);
  return current;
}
