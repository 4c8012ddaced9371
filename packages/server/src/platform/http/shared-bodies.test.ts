import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SharedBodies } from './shared-bodies.ts';

const page = `<!doctype html><p>${'Did you take part in education or training? '.repeat(40)}</p>`;

describe('SharedBodies', () => {
  it('makes a body once and sends it in the encoding the request prefers', () => {
    const bodies = new SharedBodies(10);
    let made = 0;
    const make = () => {
      made++;
      return page;
    };
    const br = bodies.get('intro', make, 'gzip, deflate, br');
    expect(br.encoding).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(page);
    expect(br.body.length).toBeLessThan(page.length / 4);
    const gzip = bodies.get('intro', make, 'gzip, br;q=0');
    expect(gzip.encoding).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(page);
    for (const accept of [undefined, '', 'identity', 'deflate']) {
      const plain = bodies.get('intro', make, accept);
      expect([plain.encoding, plain.body.toString()]).toEqual([null, page]);
    }
    expect(bodies.get('intro', make, 'br').body).toBe(br.body); // compressed once
    expect(made).toBe(1);
  });

  it('keeps at most its capacity, forgetting the oldest first', () => {
    const bodies = new SharedBodies(2);
    const made: string[] = [];
    const make = (key: string) => () => {
      made.push(key);
      return key;
    };
    for (const key of ['a', 'b', 'c', 'b', 'a']) bodies.get(key, make(key), undefined);
    expect(made).toEqual(['a', 'b', 'c', 'a']);
  });
});
