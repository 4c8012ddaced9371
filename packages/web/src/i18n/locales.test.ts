import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = { [key: string]: string | Messages };

const root = join(import.meta.dirname, 'locales');
const readJson = (dir: string, lang: string): Messages => JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8'));

/** Every message key, with plural suffixes folded into their base key (languages differ in plural forms). */
function keys(messages: Messages, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(messages)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') {
      const base = path.replace(/_(zero|one|two|few|many|other)$/, '');
      out.set(base, [...(out.get(base) ?? []), value]);
    } else {
      for (const [k, v] of keys(value, `${path}.`)) out.set(k, v);
    }
  }
  return out;
}

const variables = (texts: string[]) =>
  new Set(texts.flatMap((text) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1])));

// The main messages, and the accounts pages' messages that load with them (merged into one namespace).
for (const [set, dir] of [
  ['main', root],
  ['accounts', join(root, 'accounts')],
  ['monitoring', join(root, 'monitoring')],
  ['review', join(root, 'review')],
  ['membership', join(root, 'membership')],
  ['awards', join(root, 'awards')],
  ['surveys', join(root, 'surveys')],
] as const) {
  const load = (lang: string) => readJson(dir, lang);
  const english = keys(load('en'));
  const others = readdirSync(dir)
    .filter((file) => file.endsWith('.json') && file !== 'en.json')
    .map((file) => file.replace('.json', ''));

  describe(`interface messages (${set})`, () => {
    it('exist for the five other UN languages', () => {
      expect(others.sort()).toEqual(['ar', 'es', 'fr', 'ru', 'zh']);
    });

    for (const lang of others) {
      const messages = keys(load(lang));

      it(`${lang} has exactly the English keys`, () => {
        expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
      });

      it(`${lang} uses the same {{variables}} as English and no empty text`, () => {
        for (const [key, texts] of messages) {
          expect(variables(texts), key).toEqual(variables(english.get(key) ?? []));
          for (const text of texts) expect(text.trim(), key).not.toBe('');
        }
      });

      it(`${lang} has every plural form its language needs`, () => {
        const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
        const flat = JSON.stringify(load(lang));
        for (const [key] of english) {
          const leaf = key.split('.').at(-1);
          if (!flat.includes(`"${leaf}_other"`)) continue;
          for (const form of needed) expect(flat, `${key}_${form}`).toContain(`"${leaf}_${form}"`);
        }
      });
    }
  });
}

describe('interface messages (main, accounts, monitoring and review together)', () => {
  it('share no top-level group, so merging the later sets overwrites nothing', () => {
    const groups = [root, ...['accounts', 'monitoring', 'review', 'membership'].map((set) => join(root, set))].map(
      (dir) => Object.keys(readJson(dir, 'en')),
    );
    const all = groups.flat();
    expect(all.filter((key, i) => all.indexOf(key) !== i)).toEqual([]);
  });
});
