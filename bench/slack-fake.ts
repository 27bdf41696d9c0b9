/**
 * The fake Slack Web API for bench/slack.ts, in its own process: Chronicle
 * uploads its picture after every /timeline (three Web API calls and a
 * 100 KB body), which Slack's servers would handle, not the machine that
 * sends the load. In autocannon's process it would slow the load generator
 * for Chronicle's run only and skew the comparison.
 * Prints {"apiUrl", "responseUrl"} on stdout once listening on 127.0.0.1.
 */
import { FakeSlackApi } from '../test/fakes/slack-api.js';

const fake = await new FakeSlackApi().start();
fake.keepRecords = false;
process.stdout.write(`${JSON.stringify({ apiUrl: fake.apiUrl, responseUrl: fake.responseUrl('bench') })}\n`);
process.on('SIGTERM', () => {
  void fake.stop().finally(() => process.exit(0));
});
