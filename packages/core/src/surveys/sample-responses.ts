import { isRelevant } from './instrument.ts';
import type { Answers, Instrument } from './types.ts';

/**
 * A small seeded generator (mulberry32): the same seed gives the same numbers on every machine, so
 * generated sample waves and test data are reproducible.
 * @example seededRandom(1)() // 0.6270739405881613
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Invented answers to an instrument, for Sample City and tests: every demographic answered, about one
 * measurement answer in twenty skipped, 'yes' more likely among the young and the employed so weighting
 * has something to correct. Deterministic for a seed.
 * @example generateResponses(instrument, 400, 7).length // 400
 */
export function generateResponses(instrument: Instrument, count: number, seed: number): Answers[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const out: Answers[] = [];
  for (let i = 0; i < count; i++) {
    const answers: Answers = {};
    for (const question of instrument.questions) {
      if (!isRelevant(question.relevant, answers)) {
        answers[question.id] = null;
        continue;
      }
      if (question.block !== 'demographic' && random() < 0.05) {
        answers[question.id] = null;
        continue;
      }
      if (question.type === 'number') {
        const span = Math.min(question.max, 12) - question.min;
        const value = question.min + random() * random() * span;
        answers[question.id] = question.integer ? Math.round(value) : Math.round(value * 2) / 2;
        continue;
      }
      const codes = question.choices.map((c) => c.code);
      if (codes.includes('yes') && question.block !== 'demographic') {
        const young = typeof answers.age_group === 'string' && /^(15|25)/.test(answers.age_group);
        const boost = (young ? 0.15 : 0) + (answers.employment === 'employed' ? 0.1 : 0);
        answers[question.id] = random() < 0.35 + boost ? 'yes' : 'no';
      } else if (question.id === 'age_group') {
        // Younger people answer online surveys more often than they are in the population.
        answers[question.id] = random() < 0.4 ? (codes[0] ?? null) : pick(codes);
      } else {
        answers[question.id] = pick(codes);
      }
    }
    out.push(answers);
  }
  return out;
}
