import type { PublicResponseRow } from './survey.repository.ts';

/**
 * What this process last wrote of each response under way, by its token's hash: when this process is the
 * database's only client (the embedded engine), that is what the database holds, so the page shown after a
 * post needs no read. Only writes that took effect are remembered, never reads, which a write may overtake.
 * Entries beyond `capacity` go oldest first; a response not remembered is read as before.
 */
export class ResponseMemory {
  private readonly entries = new Map<string, { waveId: string; response: PublicResponseRow }>();

  constructor(private readonly capacity: number) {}

  /** The response of a token, if this process wrote it last under this wave. */
  get(waveId: string, tokenHash: string): PublicResponseRow | undefined {
    const entry = this.entries.get(tokenHash);
    return entry?.waveId === waveId ? entry.response : undefined;
  }

  remember(waveId: string, tokenHash: string, response: PublicResponseRow): void {
    this.entries.delete(tokenHash); // re-inserted last: a Map iterates in insertion order, oldest first
    this.entries.set(tokenHash, { waveId, response });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }
}
