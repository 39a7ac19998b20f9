// Group commit: commands that arrive while a write is in flight wait for it and then go
// together, as one statement, so throughput follows the database's rate of statements rather
// than of commands. A command arriving when nothing is in flight goes on the next turn of the
// event loop (whatever else arrived in the same turn joins it), so alone it is not delayed.
// Each caller hears its own outcome only after the statement that carried it has committed.

export type BatchWriter<In, Out> = (items: In[]) => Promise<(Out | Error)[]>;

export function createGroupCommit<In, Out>(write: BatchWriter<In, Out>, { maxBatch = 1000 }: { maxBatch?: number } = {}) {
  type Pending = { item: In; resolve: (out: Out) => void; reject: (error: unknown) => void };
  let queue: Pending[] = [];
  let running = false;

  async function drain() {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const outcomes = await write(batch.map((p) => p.item));
        batch.forEach((p, i) => {
          const outcome = outcomes[i];
          if (outcome instanceof Error) p.reject(outcome);
          else p.resolve(outcome as Out);
        });
      } catch (error) {
        // The statement failed as a whole: nothing of it committed, and every caller hears so.
        for (const p of batch) p.reject(error);
      }
    }
    running = false;
  }

  return {
    submit(item: In): Promise<Out> {
      return new Promise<Out>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!running) {
          running = true;
          setImmediate(() => void drain());
        }
      });
    },
    /** Commands waiting for the next statement (for tests and metrics). */
    get waiting() {
      return queue.length;
    },
  };
}
