/**
 * `work`'s value if it settles within `ms`, otherwise `fallback`; rejects
 * when `work` rejects in time. The timer is always cleared, so a settled race
 * never keeps the process alive.
 */
export async function orAfter<T, F>(work: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
