// DESIGN.md §2: core imports nothing of ours and does no I/O; web and server meet only over HTTP.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const packages = path.resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes('node_modules') && !f.startsWith('dist'))
    .map((f) => path.join(folder, f));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? '');
}

const isTest = (file: string) => file.endsWith('.test.ts');

describe('dependency rules', () => {
  it('core imports no package of ours and nothing that does I/O', () => {
    const offending = sourceFiles(path.join(packages, 'core/src'))
      .filter((f) => !isTest(f))
      .flatMap((file) =>
        importsOf(file)
          .filter(
            (spec) =>
              spec.startsWith('@lco/') || spec.startsWith('node:') || /^(fs|path|pg|http|https|net)$/.test(spec),
          )
          .map((spec) => `${path.relative(packages, file)} imports ${spec}`),
      );
    expect(offending).toEqual([]);
  });

  it('web never imports server, and server never imports web', () => {
    const web = sourceFiles(path.join(packages, 'web/src')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('@lco/server') || spec.includes('packages/server'))
        .map((spec) => `${path.relative(packages, file)} imports ${spec}`),
    );
    const server = sourceFiles(path.join(packages, 'server/src')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('@lco/web') || spec.includes('packages/web'))
        .map((spec) => `${path.relative(packages, file)} imports ${spec}`),
    );
    expect([...web, ...server]).toEqual([]);
  });

  it('SQL stays in repositories, table definitions and the platform', () => {
    const offending = sourceFiles(path.join(packages, 'server/src/modules'))
      .filter((f) => !isTest(f) && !/\.(repository|tables)\.ts$/.test(f))
      .filter((file) => importsOf(file).some((spec) => spec === 'drizzle-orm' || spec.startsWith('drizzle-orm/')))
      .map((file) => path.relative(packages, file));
    expect(offending).toEqual([]);
  });
});
