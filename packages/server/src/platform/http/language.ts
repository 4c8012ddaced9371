import { type Lang, resolveLang } from '@lco/core';
import type { FastifyReply } from 'fastify';

export interface LanguageMeta {
  lang: Lang;
  requestedLang: string | null;
  fallback: boolean;
}

/**
 * Resolve `?lang=` for a localized response and say in the headers which language it is in.
 * An unknown language is not an error: it falls back to English and the body says so.
 */
export function negotiateLanguage(requested: string | undefined, reply: FastifyReply): LanguageMeta {
  const { lang, requested: requestedLang, fallback } = resolveLang(requested);
  reply.header('content-language', lang);
  return { lang, requestedLang, fallback };
}
