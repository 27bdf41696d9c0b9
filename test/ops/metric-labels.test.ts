import { describe, expect, it } from 'vitest';
import { Metrics } from '../../src/ops/metrics.js';

describe('command labels on /metrics', () => {
  it('come from the registered commands: a forged action counts as unknown, adding no series', async () => {
    const metrics = new Metrics({ defaults: false });
    metrics.allowCommands(['quiz', 'timeline']);
    metrics.recordCommand({ command: 'quiz', platform: 'slack', kind: 'choice', outcome: 'ok', seconds: 0.01 });
    metrics.recordCommand({
      command: 'nosuch',
      platform: 'slack',
      kind: 'choice',
      outcome: 'user_error',
      seconds: 0.01,
    });
    const text = await metrics.text();
    expect(text).toContain('command="quiz"');
    expect(text).toContain('command="unknown"');
    expect(text).not.toContain('nosuch');
  });
});
