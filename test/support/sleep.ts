/** Real time passing, for tests of real timers and other processes; a TestClock is the first choice. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
