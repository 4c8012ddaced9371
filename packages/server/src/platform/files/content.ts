import { Readable } from 'node:stream';
import { fileTypeFromStream } from 'file-type';

/** A type read from a file's bytes, never from its name or the type the client claimed. */
export interface SniffedType {
  mime: string;
  ext: string;
}

/** Plain text: what is left when the bytes match no binary format and are clean UTF-8. */
export const PLAIN_TEXT: SniffedType = { mime: 'text/plain', ext: 'txt' };

/**
 * The type of a stored file from its content: the binary formats file-type knows by their magic bytes
 * (and, for zip-based office files, by their entries), else plain text when the whole file is valid UTF-8
 * without binary control characters, else undefined. `open` is called once or twice; each stream is
 * read only as far as needed.
 */
export async function sniffContent(open: () => Promise<Readable>): Promise<SniffedType | undefined> {
  const head = await open();
  try {
    // As a web stream: the type declarations the bundler resolution picks know only those.
    const type = await fileTypeFromStream(Readable.toWeb(head));
    if (type) return { mime: type.mime, ext: type.ext };
  } finally {
    head.destroy();
  }
  return (await isUtf8Text(await open())) ? PLAIN_TEXT : undefined;
}

// C0 controls other than tab, line feed, form feed and carriage return, and DEL: signs of a binary file.
const isBinaryControl = (byte: number) =>
  (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f;

async function isUtf8Text(stream: Readable): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      if (bytes.some(isBinaryControl)) return false;
      decoder.decode(bytes, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  } finally {
    stream.destroy();
  }
}

const MAX_NAME = 120;

/**
 * A file name fit to show and to offer on download: no folders, no control or bidirectional formatting
 * characters (which can disguise "exe" as "pdf"), trimmed, at most 120 characters with the extension kept,
 * and ending in an extension of the sniffed type (added when the given one is another).
 * @example safeFileName('C:\\Users\\me\\report.exe', { mime: 'application/pdf', ext: 'pdf' }) // 'report.exe.pdf'
 */
export function safeFileName(given: string, type: SniffedType, aliases: readonly string[] = []): string {
  const base = given.split(/[/\\]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (name === '') name = 'evidence';
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (ext !== type.ext && !aliases.includes(ext)) name = `${name}.${type.ext}`;
  const last = name.lastIndexOf('.');
  const suffix = name.slice(last);
  const stem = name.slice(0, last);
  return [...stem].length + suffix.length > MAX_NAME
    ? `${[...stem]
        .slice(0, MAX_NAME - suffix.length)
        .join('')
        .trimEnd()}${suffix}`
    : name;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback name and the exact name in RFC 8187 form.
 * @example contentDisposition('Résumé.pdf') // `attachment; filename="R_sum_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf`
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
