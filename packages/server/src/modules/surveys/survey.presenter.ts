import {
  type Instrument,
  type Lang,
  SURVEY_TRANSLATION_NOTICES,
  type SurveyKind,
  type SurveyOut,
  type WaveOut,
} from '@lco/core';
import type { CityRef } from '../monitoring/cycle.repository.ts';
import type { ResponseCounts, SurveyRow, WaveRow } from './survey.repository.ts';

/** The public response page of a wave. */
export function waveUrl(publicUrl: string, city: Pick<CityRef, 'slug'>, wave: Pick<WaveRow, 'code'>): string {
  return `${publicUrl.replace(/\/+$/, '')}/s/${city.slug}/${wave.code}`;
}

export function waveState(wave: Pick<WaveRow, 'opensAt' | 'closesAt'>, now: Date): WaveOut['state'] {
  if (now < wave.opensAt) return 'scheduled';
  return now < wave.closesAt ? 'open' : 'closed';
}

function summary(publicUrl: string, city: CityRef, wave: WaveRow) {
  return {
    id: wave.id,
    name: wave.name,
    code: wave.code,
    instrumentVersion: wave.instrument.version,
    opensAt: wave.opensAt.toISOString(),
    closesAt: wave.closesAt.toISOString(),
    languages: wave.languages as Lang[],
    url: waveUrl(publicUrl, city, wave),
  };
}

export function presentSurvey(
  publicUrl: string,
  city: CityRef,
  row: SurveyRow,
  instrument: Instrument,
  waves: WaveRow[],
): SurveyOut {
  return {
    id: row.id,
    city: city.slug,
    kind: row.kind as SurveyKind,
    name: row.name,
    version: row.version,
    design: row.design,
    instrument,
    translationNotice: SURVEY_TRANSLATION_NOTICES.en,
    waves: waves.map((w) => summary(publicUrl, city, w)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentWave(
  publicUrl: string,
  city: CityRef,
  wave: WaveRow,
  counts: ResponseCounts,
  now: Date,
): WaveOut {
  return {
    ...summary(publicUrl, city, wave),
    surveyId: wave.surveyId,
    city: city.slug,
    kind: wave.instrument.kind,
    state: waveState(wave, now),
    instrument: wave.instrument,
    margins: wave.margins ? { ageSex: [...wave.margins.ageSex], district: [...wave.margins.district] } : null,
    responses: counts,
  };
}
