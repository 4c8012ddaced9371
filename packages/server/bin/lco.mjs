#!/usr/bin/env node
// Runs the server from its bundle, (re)built from the TypeScript sources when they changed (see
// scripts/build.mjs). LCO_FROM_SOURCE=1 runs the sources through tsx instead, e.g. to debug them.
if (process.env.LCO_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/lco.ts');
} else {
  const { ensureServerBuild } = await import('../scripts/build.mjs');
  const { pathToFileURL } = await import('node:url');
  await import(pathToFileURL(await ensureServerBuild()).href);
}
