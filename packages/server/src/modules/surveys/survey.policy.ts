import { type Actor, hasRole } from '../../platform/security/actor.ts';
import type { CityScope } from '../monitoring/cycle.policy.ts';

export type SurveyAction = 'survey.read' | 'survey.write';

/**
 * A city's surveys, waves, responses and estimates belong to its team: the coordinator and the editors
 * of that city, and nobody else (responses are not published; their estimates reach the public through
 * the cycle). Answering a survey needs no account and no policy: it is throttled instead.
 */
export function can(actor: Actor | null, action: SurveyAction, city: CityScope): boolean {
  if (!actor) return false;
  switch (action) {
    case 'survey.read':
    case 'survey.write':
      return hasRole(actor, 'city-coordinator', city.cityId) || hasRole(actor, 'city-editor', city.cityId);
  }
}
