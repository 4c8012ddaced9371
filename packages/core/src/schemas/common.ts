import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';

export const LangSchema = z.enum(LANGUAGES);

/** A text and the language it is really in: when `lang` differs from the response's language it is the English fallback. */
export const LocalizedTextSchema = z.object({
  text: z.string(),
  lang: LangSchema,
});

/** Every localized response says which language it speaks and whether it fell back from the one requested. */
export const LanguageMetaSchema = z.object({
  lang: LangSchema,
  requestedLang: z.string().nullable(),
  fallback: z.boolean(),
});

/** `?lang=` is free text on purpose: an unknown language is not an error, it falls back to English. */
export const LangQuerySchema = z.object({
  lang: z.string().max(35).optional(),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    total: z.number().int().min(0),
  });
}

/** RFC 9457 problem details, as every error of the API is shaped. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z
    .array(
      z.object({
        field: z.string(),
        message: z.string(),
      }),
    )
    .optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
