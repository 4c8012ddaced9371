/**
 * Group commit: calls that arrive while the engine is busy wait and then go together, as one statement, so
 * fifty phones posting at once cost a few statements rather than fifty. The first call of a quiet moment
 * waits only for the I/O already received to be read (`setImmediate`); the next batch starts as soon as the
 * previous one has finished. A batch holds at most `maxBatch` calls.
 *
 * `run` answers each input, in order. When it fails on a batch of several inputs, each input is run again on
 * its own, so one bad input fails only its own caller. (DataLoader batches per tick and caches per key; here
 * the batch is what arrived while the previous one ran, and nothing is cached, so writes can go through it.)
 */
export class Batcher<I, O> {
  private queue: { input: I; resolve: (output: O) => void; reject: (error: unknown) => void }[] = [];
  private busy = false;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly maxBatch = 200,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      const outputs = await this.runChecked(batch.map((b) => b.input));
      for (const [i, b] of batch.entries()) b.resolve(outputs[i] as O);
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      else {
        for (const b of batch) {
          await this.runChecked([b.input]).then(([output]) => b.resolve(output as O), b.reject);
        }
      }
    }
    if (this.queue.length > 0) setImmediate(() => void this.flush());
    else this.busy = false;
  }

  private async runChecked(inputs: I[]): Promise<O[]> {
    const outputs = await this.run(inputs);
    if (outputs.length !== inputs.length) {
      throw new Error(`a batch of ${inputs.length} answered ${outputs.length} results`);
    }
    return outputs;
  }
}
