import zlib from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';

/** The encodings a shared body is kept in, best first. */
const ENCODINGS: Encoding[] = ['br', 'gzip'];
type Encoding = 'br' | 'gzip';

/** A body as sent: compressed in `encoding`, or plain when null. */
export interface Encoded {
  body: Buffer;
  encoding: Encoding | null;
}

/**
 * Bodies that are the same for every visitor (a survey's intro, a page of questions not yet answered), made
 * once and kept with their compressed forms, so a busy page pays neither its rendering nor its compression per
 * request. Being done once, compression uses the highest levels: smaller pages for a slow phone. Keys beyond
 * `capacity` go, oldest first.
 */
export class SharedBodies {
  private readonly bodies = new Map<string, SharedBody>();

  constructor(private readonly capacity: number) {}

  /** The body of `key` (made by `make` the first time) in the encoding `acceptEncoding` prefers. */
  get(key: string, make: () => string, acceptEncoding: string | undefined): Encoded {
    let body = this.bodies.get(key);
    if (!body) {
      body = new SharedBody(Buffer.from(make(), 'utf8'));
      this.bodies.set(key, body);
      if (this.bodies.size > this.capacity) {
        const oldest = this.bodies.keys().next().value;
        if (oldest !== undefined) this.bodies.delete(oldest);
      }
    }
    const encoding = acceptEncoding ? negotiate(acceptEncoding, ENCODINGS) : null;
    return { body: encoding ? body.in(encoding) : body.plain, encoding };
  }
}

class SharedBody {
  private readonly compressed = new Map<Encoding, Buffer>();

  constructor(readonly plain: Buffer) {}

  in(encoding: Encoding): Buffer {
    let bytes = this.compressed.get(encoding);
    if (!bytes) {
      bytes =
        encoding === 'br'
          ? zlib.brotliCompressSync(this.plain, {
              params: {
                [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: this.plain.length,
              },
            })
          : zlib.gzipSync(this.plain, { level: zlib.constants.Z_BEST_COMPRESSION });
      this.compressed.set(encoding, bytes);
    }
    return bytes;
  }
}
