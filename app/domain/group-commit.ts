// Group commit: commands that arrive while the writes in flight are busy wait for one of them
// and then go together, as one statement, so throughput follows the database's rate of
// statements rather than of commands. A command arriving when a writer is free goes on the
// next turn of the event loop (whatever else arrived in the same turn joins it), so alone it is
// not delayed. Each caller hears its own outcome only after the statement that carried it has
// committed.

export type BatchWriter<In, Out> = (items: In[]) => Promise<(Out | Error)[]>;

export type GroupCommitOptions = {
  /** Most commands in one statement */
  maxBatch?: number;
  /** Statements in flight at once (they overlap one's round trip with the next one's preparation) */
  concurrency?: number;
};

export function createGroupCommit<In, Out>(write: BatchWriter<In, Out>, { maxBatch = 1000, concurrency = 4 }: GroupCommitOptions = {}) {
  type Pending = { item: In; resolve: (out: Out) => void; reject: (error: unknown) => void };
  let queue: Pending[] = [];
  let inFlight = 0;
  let scheduled = false;

  async function run(batch: Pending[]) {
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

  function pump() {
    while (queue.length > 0 && inFlight < concurrency) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return {
    submit(item: In): Promise<Out> {
      return new Promise<Out>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!scheduled && inFlight < concurrency) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            pump();
          });
        }
      });
    },
    /** Commands waiting for the next statement (for tests and metrics). */
    get waiting() {
      return queue.length;
    },
  };
}
