import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where uploaded files live. Keys are ids the server generates, never names people send, so a key can
 * always be a file name, an object name or a URL segment. Local disk now; an object store (S3 and the
 * like) can implement the same three calls later.
 */
export interface FileStorage {
  /** Store the whole content under the key, or nothing: a failed or aborted write leaves no object. */
  put(key: string, content: Readable | Buffer): Promise<void>;
  /** The content, or null when there is no object under the key. */
  get(key: string): Promise<Readable | null>;
  /** Remove the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

/** A fresh key for a new object. */
export function newStorageKey(): string {
  return randomUUID();
}

// Lower-case letters, digits and inner hyphens: no dots, no slashes, so no key can leave the root.
const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class InvalidStorageKeyError extends Error {}

/**
 * Files under one folder (DATA_DIR/files): `objects/<first two characters>/<key>`, written to `tmp/` first
 * and renamed into place, so a reader never sees half a file and a crash leaves only a temp file.
 */
export class LocalFileStorage implements FileStorage {
  private readonly objects: string;
  private readonly tmp: string;

  constructor(readonly root: string) {
    this.objects = path.join(root, 'objects');
    this.tmp = path.join(root, 'tmp');
  }

  async put(key: string, content: Readable | Buffer): Promise<void> {
    const target = this.pathOf(key);
    await fs.promises.mkdir(this.tmp, { recursive: true });
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const temp = path.join(this.tmp, `${randomUUID()}.part`);
    try {
      const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
      await pipeline(source, fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
      await fs.promises.rename(temp, target);
    } catch (error) {
      await fs.promises.rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    const file = this.pathOf(key);
    try {
      const handle = await fs.promises.open(file, 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key) || key.length < 8 || key.length > 128) {
      throw new InvalidStorageKeyError(`not a storage key: ${JSON.stringify(key.slice(0, 40))}`);
    }
    return path.join(this.objects, key.slice(0, 2), key);
  }
}

/** The storage of a data folder: DATA_DIR/files. */
export function dataDirFiles(dataDir: string): LocalFileStorage {
  return new LocalFileStorage(path.join(dataDir, 'files'));
}
