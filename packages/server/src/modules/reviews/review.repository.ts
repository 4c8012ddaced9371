import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { roleGrants, users } from '../accounts/accounts.tables.ts';
import { observations } from '../monitoring/cycle.tables.ts';
import { cities, countries } from '../network/network.tables.ts';
import {
  expertConflicts,
  expertProfiles,
  narratives,
  reviewAssignments,
  reviewConsolidations,
  reviewFlags,
  reviewRatings,
  reviewRoundCycles,
  reviewRounds,
  rubrics,
} from './review.tables.ts';

export type NarrativeRow = typeof narratives.$inferSelect;
export type RubricRow = typeof rubrics.$inferSelect;
export type RoundRow = typeof reviewRounds.$inferSelect;
export type RoundCycleRow = typeof reviewRoundCycles.$inferSelect;
export type AssignmentRow = typeof reviewAssignments.$inferSelect;
export type RatingRow = typeof reviewRatings.$inferSelect;
export type FlagRow = typeof reviewFlags.$inferSelect;
export type ConsolidationRow = typeof reviewConsolidations.$inferSelect;

/** A round's cycle with its city's names, as lists and dashboards show it. */
export interface RoundCycleView {
  roundCycle: RoundCycleRow;
  slug: string;
  cityName: string;
  countryIso2: string;
}

/** An assignment with what a list shows beside it. */
export interface AssignmentView {
  assignment: AssignmentRow;
  round: RoundRow;
  year: number;
  slug: string;
  cityName: string;
  countryIso2: string;
  reviewerName: string;
}

/**
 * Is this person a reviewer of the city's cycle of that year, in any round (and not recused)? Evidence and
 * narratives of a cycle that is not public are readable by its reviewers.
 */
export async function isAssignedReviewer(db: Database, userId: string, cityId: string, year: number) {
  const [row] = await db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .innerJoin(
      reviewRoundCycles,
      and(
        eq(reviewRoundCycles.cityId, reviewAssignments.cityId),
        eq(reviewRoundCycles.roundId, reviewAssignments.roundId),
      ),
    )
    .where(
      and(
        eq(reviewAssignments.cityId, cityId),
        eq(reviewAssignments.reviewerId, userId),
        ne(reviewAssignments.state, 'recused'),
        eq(reviewRoundCycles.year, year),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export class ReviewRepository {
  constructor(private readonly db: Database) {}

  // ── narratives ──

  async narratives(cityId: string, year: number): Promise<(NarrativeRow & { updatedByName: string | null })[]> {
    const rows = await this.db
      .select({ narrative: narratives, name: users.displayName })
      .from(narratives)
      .leftJoin(users, eq(users.id, narratives.updatedBy))
      .where(and(eq(narratives.cityId, cityId), eq(narratives.year, year)))
      .orderBy(asc(narratives.measurementId));
    return rows.map((r) => ({ ...r.narrative, updatedByName: r.name }));
  }

  async findNarrative(cityId: string, year: number, measurementId: string) {
    const [row] = await this.db
      .select()
      .from(narratives)
      .where(
        and(eq(narratives.cityId, cityId), eq(narratives.year, year), eq(narratives.measurementId, measurementId)),
      );
    return row;
  }

  async insertNarrative(values: typeof narratives.$inferInsert): Promise<NarrativeRow | undefined> {
    const [row] = await this.db.insert(narratives).values(values).onConflictDoNothing().returning();
    return row;
  }

  async updateNarrative(values: typeof narratives.$inferInsert, expectedVersion: number) {
    const { cityId, year, measurementId, ...changes } = values;
    const [row] = await this.db
      .update(narratives)
      .set({ ...changes, version: sql`${narratives.version} + 1` })
      .where(
        and(
          eq(narratives.cityId, cityId),
          eq(narratives.year, year),
          eq(narratives.measurementId, measurementId),
          eq(narratives.version, expectedVersion),
        ),
      )
      .returning();
    return row;
  }

  // ── rubrics ──

  /** The latest version of every rubric. */
  async latestRubrics(): Promise<RubricRow[]> {
    return this.db
      .selectDistinctOn([rubrics.measurementId])
      .from(rubrics)
      .orderBy(asc(rubrics.measurementId), desc(rubrics.version));
  }

  async rubricHistory(measurementId: string): Promise<RubricRow[]> {
    return this.db
      .select()
      .from(rubrics)
      .where(eq(rubrics.measurementId, measurementId))
      .orderBy(desc(rubrics.version));
  }

  async rubricVersions(keys: { measurementId: string; version: number }[]): Promise<RubricRow[]> {
    if (keys.length === 0) return [];
    return this.db
      .select()
      .from(rubrics)
      .where(
        sql`(${rubrics.measurementId}, ${rubrics.version}) in (${sql.join(
          keys.map((k) => sql`(${k.measurementId}, ${k.version})`),
          sql`, `,
        )})`,
      );
  }

  async insertRubric(values: typeof rubrics.$inferInsert): Promise<RubricRow | undefined> {
    const [row] = await this.db.insert(rubrics).values(values).onConflictDoNothing().returning();
    return row;
  }

  /** Seed the rubrics shipped with the code: each seed version once, numbered after what exists. */
  async seedRubric(values: Omit<typeof rubrics.$inferInsert, 'version' | 'source'> & { seedVersion: number }) {
    const existing = await this.rubricHistory(values.measurementId);
    if (existing.some((r) => r.seedVersion === values.seedVersion)) return;
    await this.db.insert(rubrics).values({ ...values, source: 'seed', version: (existing[0]?.version ?? 0) + 1 });
  }

  // ── experts ──

  async expert(userId: string) {
    const [row] = await this.db
      .select({ id: users.id, name: users.displayName, email: users.email, lang: users.preferredLang })
      .from(users)
      .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
      .where(
        and(
          eq(users.id, userId),
          eq(roleGrants.role, 'expert'),
          isNull(roleGrants.revokedAt),
          isNull(users.disabledAt),
        ),
      )
      .limit(1);
    return row;
  }

  /** Active experts with their country and open workload. */
  async experts() {
    const open = this.db
      .select({ reviewerId: reviewAssignments.reviewerId, open: sql<number>`count(*)::int`.as('open') })
      .from(reviewAssignments)
      .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
      .where(and(eq(reviewAssignments.state, 'assigned'), eq(reviewRounds.state, 'open')))
      .groupBy(reviewAssignments.reviewerId)
      .as('open');
    return this.db
      .selectDistinct({
        id: users.id,
        name: users.displayName,
        countryIso2: expertProfiles.countryIso2,
        open: sql<number>`coalesce(${open.open}, 0)`,
      })
      .from(users)
      .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
      .leftJoin(expertProfiles, eq(expertProfiles.userId, users.id))
      .leftJoin(open, eq(open.reviewerId, users.id))
      .where(and(eq(roleGrants.role, 'expert'), isNull(roleGrants.revokedAt), isNull(users.disabledAt)))
      .orderBy(asc(users.displayName), asc(users.id));
  }

  async profile(userId: string) {
    const [row] = await this.db.select().from(expertProfiles).where(eq(expertProfiles.userId, userId));
    return row;
  }

  async saveProfile(values: typeof expertProfiles.$inferInsert): Promise<void> {
    await this.db
      .insert(expertProfiles)
      .values(values)
      .onConflictDoUpdate({
        target: expertProfiles.userId,
        set: { countryIso2: values.countryIso2, updatedAt: values.updatedAt, updatedBy: values.updatedBy },
      });
  }

  async countryExists(iso2: string): Promise<boolean> {
    return (await this.db.$count(countries, eq(countries.iso2, iso2))) > 0;
  }

  async conflictsOf(userId: string) {
    return this.db
      .select({ conflict: expertConflicts, slug: cities.slug, cityName: cities.name })
      .from(expertConflicts)
      .innerJoin(cities, eq(cities.id, expertConflicts.cityId))
      .where(eq(expertConflicts.userId, userId))
      .orderBy(asc(cities.name));
  }

  async conflictsWith(cityId: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ userId: expertConflicts.userId })
      .from(expertConflicts)
      .where(eq(expertConflicts.cityId, cityId));
    return new Set(rows.map((r) => r.userId));
  }

  async insertConflict(values: typeof expertConflicts.$inferInsert): Promise<boolean> {
    const rows = await this.db.insert(expertConflicts).values(values).onConflictDoNothing().returning();
    return rows.length > 0;
  }

  async deleteConflict(cityId: string, userId: string) {
    const [row] = await this.db
      .delete(expertConflicts)
      .where(and(eq(expertConflicts.cityId, cityId), eq(expertConflicts.userId, userId)))
      .returning();
    return row;
  }

  /** A reviewer who declares a conflict steps back from her unsubmitted assignments for that city. */
  async recuse(cityId: string, userId: string): Promise<AssignmentRow[]> {
    return this.db
      .update(reviewAssignments)
      .set({ state: 'recused' })
      .where(
        and(
          eq(reviewAssignments.cityId, cityId),
          eq(reviewAssignments.reviewerId, userId),
          eq(reviewAssignments.state, 'assigned'),
        ),
      )
      .returning();
  }

  // ── rounds ──

  async rounds(): Promise<RoundRow[]> {
    return this.db.select().from(reviewRounds).orderBy(desc(reviewRounds.createdAt));
  }

  async round(id: string, options: { lock?: boolean } = {}): Promise<RoundRow | undefined> {
    const query = this.db.select().from(reviewRounds).where(eq(reviewRounds.id, id));
    const [row] = options.lock ? await query.for('update') : await query;
    return row;
  }

  async insertRound(values: typeof reviewRounds.$inferInsert): Promise<RoundRow> {
    const [row] = await this.db.insert(reviewRounds).values(values).returning();
    if (!row) throw new Error('round insert returned no row');
    return row;
  }

  async updateRound(id: string, changes: Partial<typeof reviewRounds.$inferInsert>): Promise<RoundRow> {
    const [row] = await this.db.update(reviewRounds).set(changes).where(eq(reviewRounds.id, id)).returning();
    if (!row) throw new Error('round update returned no row');
    return row;
  }

  async roundCycles(roundIds: string[]): Promise<RoundCycleView[]> {
    if (roundIds.length === 0) return [];
    return this.db
      .select({
        roundCycle: reviewRoundCycles,
        slug: cities.slug,
        cityName: cities.name,
        countryIso2: cities.countryIso2,
      })
      .from(reviewRoundCycles)
      .innerJoin(cities, eq(cities.id, reviewRoundCycles.cityId))
      .where(inArray(reviewRoundCycles.roundId, roundIds))
      .orderBy(asc(cities.name));
  }

  async roundCycle(roundId: string, cityId: string): Promise<RoundCycleRow | undefined> {
    const [row] = await this.db
      .select()
      .from(reviewRoundCycles)
      .where(and(eq(reviewRoundCycles.cityId, cityId), eq(reviewRoundCycles.roundId, roundId)));
    return row;
  }

  async insertRoundCycle(values: typeof reviewRoundCycles.$inferInsert): Promise<boolean> {
    const rows = await this.db.insert(reviewRoundCycles).values(values).onConflictDoNothing().returning();
    return rows.length > 0;
  }

  async markConsolidated(roundId: string, cityId: string, at: Date, by: string): Promise<void> {
    await this.db
      .update(reviewRoundCycles)
      .set({ consolidatedAt: at, consolidatedBy: by })
      .where(and(eq(reviewRoundCycles.cityId, cityId), eq(reviewRoundCycles.roundId, roundId)));
  }

  // ── assignments ──

  private assignmentViews() {
    return this.db
      .select({
        assignment: reviewAssignments,
        round: reviewRounds,
        year: reviewRoundCycles.year,
        slug: cities.slug,
        cityName: cities.name,
        countryIso2: cities.countryIso2,
        reviewerName: users.displayName,
      })
      .from(reviewAssignments)
      .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
      .innerJoin(
        reviewRoundCycles,
        and(
          eq(reviewRoundCycles.cityId, reviewAssignments.cityId),
          eq(reviewRoundCycles.roundId, reviewAssignments.roundId),
        ),
      )
      .innerJoin(cities, eq(cities.id, reviewAssignments.cityId))
      .innerJoin(users, eq(users.id, reviewAssignments.reviewerId));
  }

  async assignment(id: string): Promise<AssignmentView | undefined> {
    const [row] = await this.assignmentViews().where(eq(reviewAssignments.id, id)).limit(1);
    return row;
  }

  async assignmentsOfReviewer(reviewerId: string): Promise<AssignmentView[]> {
    return this.assignmentViews()
      .where(eq(reviewAssignments.reviewerId, reviewerId))
      .orderBy(asc(reviewRounds.deadline), asc(cities.name));
  }

  /** A round's assignments, in the order they were made (which numbers the anonymous "Reviewer n"). */
  async assignmentsOfRound(roundId: string, cityId?: string): Promise<AssignmentView[]> {
    return this.assignmentViews()
      .where(and(eq(reviewAssignments.roundId, roundId), cityId ? eq(reviewAssignments.cityId, cityId) : undefined))
      .orderBy(asc(reviewAssignments.createdAt), asc(reviewAssignments.id));
  }

  /** The assignment, locked for the rest of the transaction: two submits at once cannot both win. */
  async lockAssignment(cityId: string, id: string): Promise<AssignmentRow | undefined> {
    const [row] = await this.db
      .select()
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.cityId, cityId), eq(reviewAssignments.id, id)))
      .for('update');
    return row;
  }

  async insertAssignment(values: typeof reviewAssignments.$inferInsert): Promise<AssignmentRow | undefined> {
    const [row] = await this.db.insert(reviewAssignments).values(values).onConflictDoNothing().returning();
    return row;
  }

  async deleteAssignment(cityId: string, id: string): Promise<void> {
    await this.db
      .delete(reviewRatings)
      .where(and(eq(reviewRatings.cityId, cityId), eq(reviewRatings.assignmentId, id)));
    await this.db
      .delete(reviewAssignments)
      .where(and(eq(reviewAssignments.cityId, cityId), eq(reviewAssignments.id, id)));
  }

  async markSubmitted(cityId: string, id: string, at: Date): Promise<void> {
    await this.db
      .update(reviewAssignments)
      .set({ state: 'submitted', submittedAt: at })
      .where(and(eq(reviewAssignments.cityId, cityId), eq(reviewAssignments.id, id)));
    await this.db
      .update(reviewRatings)
      .set({ submittedAt: at })
      .where(
        and(eq(reviewRatings.cityId, cityId), eq(reviewRatings.assignmentId, id), isNull(reviewRatings.submittedAt)),
      );
  }

  // ── ratings ──

  async ratingsOf(cityId: string, assignmentIds: string[]): Promise<RatingRow[]> {
    if (assignmentIds.length === 0) return [];
    return this.db
      .select()
      .from(reviewRatings)
      .where(and(eq(reviewRatings.cityId, cityId), inArray(reviewRatings.assignmentId, assignmentIds)))
      .orderBy(asc(reviewRatings.measurementId), asc(reviewRatings.version));
  }

  /** Every version of the ratings of a round's submitted assignments (drafts stay out of every statistic). */
  async submittedRatingsOfRound(roundId: string) {
    return this.db
      .select({ rating: reviewRatings, reviewerId: reviewAssignments.reviewerId })
      .from(reviewRatings)
      .innerJoin(
        reviewAssignments,
        and(eq(reviewAssignments.cityId, reviewRatings.cityId), eq(reviewAssignments.id, reviewRatings.assignmentId)),
      )
      .where(and(eq(reviewAssignments.roundId, roundId), eq(reviewAssignments.state, 'submitted')))
      .orderBy(asc(reviewRatings.version));
  }

  async upsertDraft(values: typeof reviewRatings.$inferInsert): Promise<RatingRow> {
    const [row] = await this.db
      .insert(reviewRatings)
      .values(values)
      .onConflictDoUpdate({
        target: [reviewRatings.cityId, reviewRatings.assignmentId, reviewRatings.measurementId, reviewRatings.version],
        set: { value: values.value, rationale: values.rationale, updatedAt: values.updatedAt },
        // A submitted rating never changes, whatever path reaches it.
        setWhere: isNull(reviewRatings.submittedAt),
      })
      .returning();
    if (!row) throw new Error('the rating is submitted and cannot change');
    return row;
  }

  async insertRating(values: typeof reviewRatings.$inferInsert): Promise<RatingRow | undefined> {
    const [row] = await this.db.insert(reviewRatings).values(values).onConflictDoNothing().returning();
    return row;
  }

  // ── flags ──

  async flagsOfRound(roundId: string, cityId?: string): Promise<FlagRow[]> {
    return this.db
      .select()
      .from(reviewFlags)
      .where(and(eq(reviewFlags.roundId, roundId), cityId ? eq(reviewFlags.cityId, cityId) : undefined))
      .orderBy(asc(reviewFlags.cityId), asc(reviewFlags.measurementId));
  }

  async insertFlags(values: (typeof reviewFlags.$inferInsert)[]): Promise<FlagRow[]> {
    if (values.length === 0) return [];
    return this.db.insert(reviewFlags).values(values).onConflictDoNothing().returning();
  }

  async updateFlag(
    cityId: string,
    roundId: string,
    measurementId: string,
    changes: Partial<typeof reviewFlags.$inferInsert>,
  ): Promise<FlagRow | undefined> {
    const [row] = await this.db
      .update(reviewFlags)
      .set(changes)
      .where(
        and(
          eq(reviewFlags.cityId, cityId),
          eq(reviewFlags.roundId, roundId),
          eq(reviewFlags.measurementId, measurementId),
        ),
      )
      .returning();
    return row;
  }

  // ── consolidation ──

  async insertConsolidations(values: (typeof reviewConsolidations.$inferInsert)[]): Promise<void> {
    if (values.length > 0) await this.db.insert(reviewConsolidations).values(values);
  }

  async consolidationsOf(cityId: string, year: number) {
    return this.db
      .select({ consolidation: reviewConsolidations, round: reviewRounds, roundCycle: reviewRoundCycles })
      .from(reviewConsolidations)
      .innerJoin(reviewRounds, eq(reviewRounds.id, reviewConsolidations.roundId))
      .innerJoin(
        reviewRoundCycles,
        and(
          eq(reviewRoundCycles.cityId, reviewConsolidations.cityId),
          eq(reviewRoundCycles.roundId, reviewConsolidations.roundId),
        ),
      )
      .where(and(eq(reviewConsolidations.cityId, cityId), eq(reviewRoundCycles.year, year)))
      .orderBy(asc(reviewRoundCycles.consolidatedAt), asc(reviewConsolidations.measurementId));
  }

  /** Write an expert-consolidated figure into the cycle: a new observation, or the next version of the one there. */
  async upsertObservation(values: typeof observations.$inferInsert) {
    const [row] = await this.db
      .insert(observations)
      .values(values)
      .onConflictDoUpdate({
        target: [observations.cityId, observations.year, observations.measurementId, observations.breakdown],
        set: {
          value: values.value,
          unit: values.unit,
          sourceDetail: values.sourceDetail,
          note: values.note,
          provenance: values.provenance,
          provenanceDetail: values.provenanceDetail,
          electionYear: null,
          warningsConfirmed: false,
          version: sql`${observations.version} + 1`,
          updatedAt: values.updatedAt,
          updatedBy: values.updatedBy,
        },
      })
      .returning();
    if (!row) throw new Error('observation upsert returned no row');
    return row;
  }

  // ── reminders ──

  /**
   * Claim the assignments whose reminder is due (inside the reminder window, before the deadline, not yet
   * reminded for this deadline) and mark them reminded, in one statement: running twice sends nothing twice.
   */
  async claimDueReminders(now: Date) {
    return this.db
      .update(reviewAssignments)
      .set({ remindedFor: sql`${reviewRounds.deadline}`, remindedAt: now })
      .from(reviewRounds)
      .where(
        and(
          eq(reviewRounds.id, reviewAssignments.roundId),
          eq(reviewRounds.state, 'open'),
          eq(reviewAssignments.state, 'assigned'),
          sql`${reviewRounds.deadline} > ${now.toISOString()}::timestamptz`,
          sql`${reviewRounds.deadline} - make_interval(days => ${reviewRounds.reminderDaysBefore}) <= ${now.toISOString()}::timestamptz`,
          sql`${reviewAssignments.remindedFor} is distinct from ${reviewRounds.deadline}`,
        ),
      )
      .returning({ cityId: reviewAssignments.cityId, id: reviewAssignments.id });
  }

  /** People holding one of these roles for a city, to mail them (in their language). */
  async cityTeam(cityId: string) {
    return this.db
      .selectDistinct({ email: users.email, lang: users.preferredLang })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(
        and(
          inArray(roleGrants.role, ['city-coordinator', 'city-editor']),
          eq(roleGrants.scopeId, cityId),
          isNull(roleGrants.revokedAt),
          isNull(users.disabledAt),
        ),
      );
  }

  async person(userId: string) {
    const [row] = await this.db
      .select({ id: users.id, email: users.email, lang: users.preferredLang, name: users.displayName })
      .from(users)
      .where(eq(users.id, userId));
    return row;
  }
}
