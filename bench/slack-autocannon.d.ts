// The slice of autocannon's API bench/slack.ts uses (the package ships no types).
declare module 'autocannon' {
  interface Options {
    url: string;
    method?: string;
    body?: string;
    headers?: Record<string, string>;
    connections?: number;
    duration?: number;
    /** Each request of the sequence may be rewritten before it is sent. */
    requests?: { setupRequest?: (request: RequestShape) => RequestShape }[];
  }
  interface RequestShape {
    method?: string;
    path?: string;
    body?: string;
    headers?: Record<string, string>;
  }
  interface Histogram {
    p50: number;
    p99: number;
    average: number;
    total: number;
  }
  interface Result {
    latency: Histogram;
    requests: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  export default function autocannon(options: Options): Promise<Result>;
}
