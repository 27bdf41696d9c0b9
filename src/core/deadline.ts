/**
 * `work`'s value if it settles within `ms`, otherwise `fallback`; rejects
 * when `work` rejects in time. The timer is always cleared, so a settled race
 * never keeps the process alive. Written without Promise.race: this runs
 * twice for every Discord interaction, and the race's extra promises were
 * most of what it allocated.
 */
export function orAfter<T, F>(work: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  return new Promise<T | F>((resolve, reject) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
