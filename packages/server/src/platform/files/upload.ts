import { createHash } from 'node:crypto';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, HttpProblem, PROBLEM_TYPES } from '../http/problem.ts';
import type { VirusScanner } from './scanner.ts';
import { type FileStorage, newStorageKey } from './storage.ts';

/** One part of a multipart upload, independent of the HTTP library that parsed it. */
export type UploadPart =
  | { type: 'field'; name: string; value: string }
  | { type: 'file'; name: string; fileName: string; stream: Readable };

export interface Upload {
  /** The request's Content-Length, when it said one: a body far over the limit is refused unread. */
  declaredBytes: number | null;
  /** Null when the request is not multipart/form-data. */
  parts: AsyncIterable<UploadPart> | null;
}

/** A file streamed to storage, with the text fields sent around it. */
export interface StoredUpload {
  key: string;
  fileName: string;
  size: number;
  sha256: string;
  fields: Record<string, string>;
}

/** Room for the multipart framing and the small text fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Receive one file from a multipart upload, in the field named "file": streamed to storage (never buffered whole),
 * counted against `maxBytes` (`tooLarge` is thrown one byte over) and hashed. Whatever fails removes the stored
 * file again. The caller removes it when a later step (typing, scanning, recording) refuses it.
 */
export async function receiveUpload(
  files: FileStorage,
  upload: Upload,
  limits: { maxBytes: number; tooLarge: () => HttpProblem },
): Promise<StoredUpload> {
  if (upload.declaredBytes !== null && upload.declaredBytes > limits.maxBytes + MULTIPART_OVERHEAD) {
    throw limits.tooLarge();
  }
  if (!upload.parts) {
    throw new HttpProblem(
      415,
      PROBLEM_TYPES.unsupportedMediaType,
      'Unsupported media type',
      'Send the file as multipart/form-data in a field named "file".',
    );
  }
  const fields: Record<string, string> = {};
  let stored: Omit<StoredUpload, 'fields'> | null = null;
  try {
    for await (const part of upload.parts) {
      if (part.type === 'field') {
        fields[part.name] = part.value;
        continue;
      }
      if (stored || part.name !== 'file') {
        part.stream.resume();
        throw badRequest('Send one file per upload, in the field named "file".', [
          { field: part.name, message: 'is not the one file field' },
        ]);
      }
      const key = newStorageKey();
      const meter = new Meter(limits.maxBytes, limits.tooLarge);
      // Both sides settle before going on: a refused write has removed its temporary file by then.
      const results = await Promise.allSettled([pipeline(part.stream, meter), files.put(key, meter)]);
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
      stored = { key, fileName: part.fileName, size: meter.bytes, sha256: meter.digest() };
    }
    if (!stored) {
      throw badRequest('Send the file in a field named "file".', [{ field: 'file', message: 'is missing' }]);
    }
    if (stored.size === 0) throw badRequest('The file is empty.', [{ field: 'file', message: 'is empty' }]);
    return { ...stored, fields };
  } catch (error) {
    if (stored) await files.delete(stored.key);
    throw error;
  }
}

/** A way to read a stored file from the start, as often as the type sniffer and the scanner need. */
export function opener(files: FileStorage, key: string): () => Promise<Readable> {
  return async () => {
    const stream = await files.get(key);
    if (!stream) throw new Error(`stored upload ${key} vanished`);
    return stream;
  };
}

/** Scan a stored file; a file that is not clean is refused (422) and the caller removes it. Returns the scanner. */
export async function scanOrRefuse(scanner: VirusScanner, open: () => Promise<Readable>, size: number) {
  const verdict = await scanner.scan({ open, size });
  if (!verdict.clean) {
    throw new HttpProblem(
      422,
      PROBLEM_TYPES.unsafeFile,
      'File refused by the virus scanner',
      `${verdict.scanner} found ${verdict.threat} in the file.`,
    );
  }
  return verdict.scanner;
}

/**
 * The parts of a multipart request as an Upload. Registers the streaming multipart parser on first use; its own
 * limit is only a backstop, set higher than the meter's, because past it the parser would read (and discard)
 * the rest of the body.
 */
export async function registerMultipart(app: FastifyInstance): Promise<void> {
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
}

export function uploadOf(request: FastifyRequest, maxBytes: number): Upload {
  const length = Number(request.headers['content-length']);
  const limits = { fileSize: maxBytes * 2, files: 2, fields: 10, fieldSize: 4000, parts: 12, headerPairs: 100 };
  async function* parts(): AsyncIterable<UploadPart> {
    for await (const part of request.parts({ limits })) {
      if (part.type === 'file') {
        yield { type: 'file', name: part.fieldname, fileName: part.filename, stream: part.file };
      } else {
        yield { type: 'field', name: part.fieldname, value: String(part.value) };
      }
    }
  }
  return {
    declaredBytes: Number.isFinite(length) ? length : null,
    parts: request.isMultipart() ? parts() : null,
  };
}

/**
 * Run an upload; if it is refused, the connection closes after the answer: the rest of a refused body (an
 * oversized file, say) is not worth reading.
 */
export function closingOnRefusal<T>(reply: FastifyReply, upload: Promise<T>): Promise<T> {
  return upload.catch((error: unknown) => {
    reply.header('connection', 'close');
    throw error;
  });
}

/** A stored file as a download: its sniffed type, as an attachment no browser will render or run. */
export function sendStoredFile(
  reply: FastifyReply,
  file: { contentType: string; contentDisposition: string; size: number; stream: NodeJS.ReadableStream },
) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', file.contentDisposition)
    .header('content-length', String(file.size))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-cache')
    .send(file.stream);
}

/** Counts and hashes what passes, and fails as soon as it passes the limit. */
class Meter extends Transform {
  bytes = 0;
  private readonly hash = createHash('sha256');

  constructor(
    private readonly max: number,
    private readonly tooLarge: () => HttpProblem,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.max) {
      callback(this.tooLarge());
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
