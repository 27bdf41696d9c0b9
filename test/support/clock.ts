/** A clock a test moves by hand, so deadlines pass without waiting. Starts at noon UTC on 1 May 2024 unless told. */
export class TestClock {
  constructor(public ms = Date.parse('2024-05-01T12:00:00Z')) {}
  now = () => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
  /** Waiting on this clock moves it: a back-off or a retry-after passes at once, and the clock shows it passed. */
  sleep = async (ms: number): Promise<void> => {
    this.advance(ms);
  };
}
