import { describe, expect, it } from 'vitest';
import { type AwardRules, AwardRulesSchema } from '../schemas/awards.ts';
import {
  AWARD_CRITERIA,
  AWARD_RULES_2015,
  AWARD_RULES_CURRENT,
  type AwardCandidate,
  awardEligibility,
  awardeeQuota,
  nextAwardYear,
  nominationQuota,
  scoreRefusal,
  summarizeScores,
  weightedScore,
} from './rules.ts';

const member = (over: Partial<AwardCandidate> = {}): AwardCandidate => ({
  name: 'Cork',
  isMember: true,
  joinedAt: null,
  memberSince: null,
  awardYears: [],
  ...over,
});
const ON = new Date('2027-03-01T00:00:00Z');

describe('award rules as data', () => {
  it('express the 2015 rules of the seeds and current practice, both valid settings', () => {
    expect(AwardRulesSchema.parse(AWARD_RULES_2015)).toEqual(AWARD_RULES_2015);
    expect(AwardRulesSchema.parse(AWARD_RULES_CURRENT)).toEqual(AWARD_RULES_CURRENT);
    expect(AWARD_RULES_2015).toMatchObject({ periodicityYears: 2, nominationsPerCountry: 3 });
    expect(AWARD_RULES_CURRENT).toMatchObject({
      periodicityYears: 3,
      minMembershipMonths: 12,
      exclusionYears: 6,
      nominationsPerCountry: 2,
      maxAwardeesPerCountry: 1,
    });
    expect(AWARD_RULES_2015.criteria.map((c) => c.id)).toEqual([
      'inclusive-learning',
      'families-and-communities',
      'workplace-learning',
      'learning-technologies',
      'quality-in-learning',
      'culture-of-learning',
    ]);
  });

  it('let a cycle choose the later criteria with weights, each once', () => {
    const later: AwardRules = {
      ...AWARD_RULES_CURRENT,
      criteria: AWARD_CRITERIA.filter((c) => c.group === 'later').map((c, i) => ({ id: c.id, weight: i + 1 })),
    };
    expect(AwardRulesSchema.parse(later).criteria).toHaveLength(8);
    const twice = {
      ...AWARD_RULES_CURRENT,
      criteria: [
        { id: 'innovation', weight: 1 },
        { id: 'innovation', weight: 2 },
      ],
    };
    expect(AwardRulesSchema.safeParse(twice).success).toBe(false);
    expect(AwardRulesSchema.safeParse({ ...AWARD_RULES_CURRENT, criteria: [] }).success).toBe(false);
    expect(AwardRulesSchema.safeParse({ ...AWARD_RULES_CURRENT, scale: { min: 5, max: 1 } }).success).toBe(false);
  });

  it('title every criterion in the six languages', () => {
    for (const c of AWARD_CRITERIA) {
      expect(Object.keys(c.title).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
      for (const text of Object.values(c.title)) expect(text.trim()).not.toBe('');
    }
  });
});

describe('eligibility', () => {
  it('refuses a city that is not a member', () => {
    expect(awardEligibility(AWARD_RULES_CURRENT, 2027, ON, member({ isMember: false }))?.rule).toBe('notMember');
    expect(awardEligibility(AWARD_RULES_2015, 2015, ON, member({ isMember: false }))?.rule).toBe('notMember');
  });

  it('refuses a city that joined 6 months ago, and takes one that joined 12 months ago', () => {
    const sixMonths = member({ joinedAt: new Date('2026-09-01T00:00:00Z') });
    expect(awardEligibility(AWARD_RULES_CURRENT, 2027, ON, sixMonths)?.rule).toBe('memberTooShort');
    const twelve = member({ joinedAt: new Date('2026-03-01T00:00:00Z') });
    expect(awardEligibility(AWARD_RULES_CURRENT, 2027, ON, twelve)).toBeNull();
    // The 2015 rules ask only for membership.
    expect(awardEligibility(AWARD_RULES_2015, 2027, ON, sixMonths)).toBeNull();
  });

  it('counts a joining year alone from its first of January, and an unknown date as long enough', () => {
    expect(awardEligibility(AWARD_RULES_CURRENT, 2027, ON, member({ memberSince: 2026 }))).toBeNull();
    expect(awardEligibility(AWARD_RULES_CURRENT, 2027, ON, member({ memberSince: 2027 }))?.rule).toBe('memberTooShort');
    expect(awardEligibility(AWARD_RULES_CURRENT, 2027, ON, member())).toBeNull();
  });

  it('refuses a city awarded 4 or 6 years ago, takes one awarded 7 years ago', () => {
    expect(awardEligibility(AWARD_RULES_CURRENT, 2028, ON, member({ awardYears: [2024] }))?.rule).toBe(
      'recentlyAwarded',
    );
    expect(awardEligibility(AWARD_RULES_CURRENT, 2028, ON, member({ awardYears: [2015, 2022] }))?.detail).toContain(
      'in 2022',
    );
    expect(awardEligibility(AWARD_RULES_CURRENT, 2028, ON, member({ awardYears: [2015, 2021] }))).toBeNull();
    expect(awardEligibility(AWARD_RULES_2015, 2017, ON, member({ awardYears: [2015] }))).toBeNull();
  });
});

describe('quotas', () => {
  it('refuses a fourth nomination under a quota of three', () => {
    expect(nominationQuota(AWARD_RULES_2015, 2)).toBeNull();
    expect(nominationQuota(AWARD_RULES_2015, 3)?.rule).toBe('nominationQuota');
    expect(nominationQuota(AWARD_RULES_CURRENT, 2)?.detail).toContain('nominate 2 cities');
  });

  it('refuses a second awardee from the same country, and one over the region limit', () => {
    const ie = { countryIso2: 'IE', region: 'europe-north-america' as const };
    expect(awardeeQuota(AWARD_RULES_CURRENT, [], ie)).toBeNull();
    expect(awardeeQuota(AWARD_RULES_CURRENT, [ie], ie)?.rule).toBe('countryAwardees');
    const europe = ['GB', 'FR', 'DE'].map((countryIso2) => ({ countryIso2, region: ie.region }));
    expect(awardeeQuota(AWARD_RULES_CURRENT, europe, ie)?.rule).toBe('regionAwardees');
    expect(awardeeQuota(AWARD_RULES_2015, europe, ie)).toBeNull();
  });

  it('spaces cycles by their periodicity', () => {
    expect(nextAwardYear(2015, AWARD_RULES_2015.periodicityYears)).toBe(2017);
    expect(nextAwardYear(2024, AWARD_RULES_CURRENT.periodicityYears)).toBe(2027);
    expect(nextAwardYear(null, 3)).toBeNull();
  });
});

describe('scores', () => {
  it('refuses a score outside the scale or without a rationale', () => {
    expect(scoreRefusal(AWARD_RULES_CURRENT, 6, 'Strong plan')?.rule).toBe('scoreOutOfScale');
    expect(scoreRefusal(AWARD_RULES_CURRENT, 0, 'Strong plan')?.rule).toBe('scoreOutOfScale');
    expect(scoreRefusal(AWARD_RULES_CURRENT, 3.5, 'Strong plan')?.rule).toBe('scoreOutOfScale');
    expect(scoreRefusal(AWARD_RULES_CURRENT, 4, '  ')?.rule).toBe('rationaleRequired');
    expect(scoreRefusal(AWARD_RULES_CURRENT, 4, 'Strong plan')).toBeNull();
  });

  it('sums up a criterion by mean and spread, and the criteria by their weights', () => {
    expect(summarizeScores([3, 5, 4])).toEqual({ count: 3, mean: 4, spread: 2 });
    expect(summarizeScores([])).toEqual({ count: 0, mean: null, spread: null });
    const criteria = [
      { id: 'innovation' as const, weight: 3 },
      { id: 'resources' as const, weight: 1 },
    ];
    expect(weightedScore(criteria, { innovation: 4, resources: 2 })).toBe(3.5);
    expect(weightedScore(criteria, { innovation: 4 })).toBe(4);
    expect(weightedScore(criteria, {})).toBeNull();
  });
});
