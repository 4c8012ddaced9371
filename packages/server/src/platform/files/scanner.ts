import type { Readable } from 'node:stream';

/** What a scanner says about one file. `scanner` names it, so a record shows what checked the file. */
export type ScanVerdict = { clean: true; scanner: string } | { clean: false; scanner: string; threat: string };

/**
 * The hook point for virus scanning of uploads. It is called after a file is stored and before it is
 * recorded; a file that is not clean is deleted and refused (422).
 *
 * A real scanner (e.g. ClamAV: stream `open()` to clamd's INSTREAM command, or run `clamdscan -` on it)
 * implements this interface and is handed to `buildApp({ scanner })`. It should throw when it cannot
 * scan (daemon down, timeout) rather than answer clean: the upload then fails with a 500 and nothing
 * is recorded.
 */
export interface VirusScanner {
  scan(file: { open: () => Promise<Readable>; size: number }): Promise<ScanVerdict>;
}

/** The default: no scanning, and every verdict says so (`scanner: 'none'`) instead of claiming a check. */
export const NO_SCANNER: VirusScanner = {
  async scan() {
    return { clean: true, scanner: 'none' };
  },
};
