import fs from 'node:fs';
import path from 'node:path';

/**
 * The server package's directory. Found by walking up to its package.json rather than by a fixed number of
 * `..`, because the same code runs from `src/` (tests, tsx) and from the `dist/` bundle `bin/lco.mjs` serves.
 */
export const SERVER_ROOT = findPackageRoot(import.meta.dirname);

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === '@lco/server') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no @lco/server package.json above ${from}`);
  }
}
