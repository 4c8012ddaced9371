import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { LANGUAGES, type Lang, type MeasurementResponse, presentFramework, presentMeasurement } from '@lco/core';
import type { LanguageMeta } from '../../platform/http/language.ts';

/** A response body serialized once, with what conditional and compressed requests need. */
export interface PreparedBody {
  json: string;
  gzip: Buffer;
  etag: string;
}

/**
 * The catalogue is immutable for the life of the process, so each language's framework document is
 * serialized and gzipped once; the hot path is a map lookup. Only well-formed requests are cached, so
 * hostile `?lang=` values cannot grow the cache.
 */
export class FrameworkService {
  private readonly prepared = new Map<string, PreparedBody>();

  framework(meta: LanguageMeta): PreparedBody {
    const cacheable = meta.requestedLang === null || (LANGUAGES as readonly string[]).includes(meta.requestedLang);
    const key = `${meta.lang}|${meta.requestedLang ?? ''}`;
    const hit = cacheable ? this.prepared.get(key) : undefined;
    if (hit) return hit;
    const body = prepare(JSON.stringify({ ...meta, ...presentFramework(meta.lang) }));
    if (cacheable) this.prepared.set(key, body);
    return body;
  }

  measurement(id: string, meta: LanguageMeta): MeasurementResponse | undefined {
    const presented = presentMeasurement(id, meta.lang);
    return presented && { ...meta, ...presented };
  }

  /** Serialize every language up front so the first visitor does not pay for it. */
  warm(): void {
    for (const lang of LANGUAGES) this.framework({ lang: lang as Lang, requestedLang: null, fallback: false });
  }
}

function prepare(json: string): PreparedBody {
  const etag = `"${createHash('sha1').update(json).digest('base64url')}"`;
  return { json, gzip: gzipSync(json), etag };
}
