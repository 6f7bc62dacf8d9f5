/**
 * A queue of async jobs that run one after another, each starting when the one before it
 * settled (a failure does not stop the queue). For read-modify-write of one stored record,
 * and for writes whose order matters, where two triggers may fire at once.
 */
export function oneAtATime(): <T>(work: () => Promise<T>) => Promise<T> {
  let chain: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = chain.then(work);
    chain = run.catch(() => undefined);
    return run;
  };
}
