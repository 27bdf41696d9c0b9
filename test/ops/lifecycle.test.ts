import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { backgroundIn } from '../../src/ops/background.js';
import { withInteraction } from '../../src/ops/interaction.js';
import { exitOnSignals, Lifecycle } from '../../src/ops/lifecycle.js';
import { Metrics } from '../../src/ops/metrics.js';
import { sleep } from '../support/sleep.js';

describe('graceful stop', () => {
  it('stops intake, lets in-flight replies finish, then drains, saves state and closes, in that order', async () => {
    const lifecycle = new Lifecycle({ graceMs: 2_000 });
    const steps: string[] = [];
    lifecycle.onStop('close', 'store', () => {
      steps.push('close store');
    });
    lifecycle.onStop('state', 'quiz', () => {
      steps.push('save quiz state');
    });
    lifecycle.onStop('drain', 'poster', () => {
      steps.push('drain poster');
    });
    lifecycle.onStop('intake', 'listener', () => {
      steps.push(`stop intake (accepting=${lifecycle.accepting})`);
    });
    const reply = withInteraction(
      { log: silentLogger, metrics: new Metrics({ defaults: false }), lifecycle },
      { platform: 'console', command: 'quiz' },
      async () => {
        await sleep(150);
        steps.push('reply sent');
        return 'done';
      },
    );

    const report = await lifecycle.stop('SIGTERM');
    expect(await reply).toBe('done');
    expect(steps).toEqual([
      'stop intake (accepting=false)',
      'reply sent',
      'drain poster',
      'save quiz state',
      'close store',
    ]);
    expect(report).toMatchObject({ reason: 'SIGTERM', clean: true, abandoned: 0, failed: [] });
  });

  it('waits for the work a reply set off in the background (a quiz round’s close) before closing the store', async () => {
    const lifecycle = new Lifecycle({ graceMs: 2_000 });
    const steps: string[] = [];
    lifecycle.onStop('close', 'store', () => {
      steps.push('close store');
    });
    const background = backgroundIn(lifecycle, silentLogger);
    const reply = withInteraction(
      { log: silentLogger, metrics: new Metrics({ defaults: false }), lifecycle },
      { platform: 'discord', command: 'quiz' },
      async () => {
        await sleep(50);
        background(async () => {
          await sleep(150);
          steps.push('round closed');
        });
        steps.push('reply sent');
      },
    );
    const report = await lifecycle.stop('SIGTERM');
    await reply;
    expect(steps).toEqual(['reply sent', 'round closed', 'close store']);
    expect(report).toMatchObject({ clean: true, abandoned: 0 });
  });

  it('still closes the store when a reply hangs past the grace period, and reports it', async () => {
    const lifecycle = new Lifecycle({ graceMs: 400, closeReserveMs: 150 });
    let closed = false;
    lifecycle.onStop('close', 'store', () => {
      closed = true;
    });
    lifecycle.track(new Promise(() => {}));
    const started = Date.now();
    const report = await lifecycle.stop('SIGTERM');
    expect(closed).toBe(true);
    expect(report).toMatchObject({ clean: false, abandoned: 1 });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('runs the other hooks when one throws or hangs, and names the culprits', async () => {
    const lifecycle = new Lifecycle({ graceMs: 400, closeReserveMs: 150 });
    let storeClosed = false;
    lifecycle.onStop('drain', 'broken', () => {
      throw new Error('nope');
    });
    lifecycle.onStop('state', 'stuck', () => new Promise(() => {}));
    lifecycle.onStop('close', 'store', () => {
      storeClosed = true;
    });
    const report = await lifecycle.stop('SIGTERM');
    expect(storeClosed).toBe(true);
    expect(report.failed).toEqual(['drain:broken', 'state:stuck']);
    expect(report.clean).toBe(false);
  });

  it('stops once however many times it is asked', async () => {
    const lifecycle = new Lifecycle({ graceMs: 500 });
    let runs = 0;
    lifecycle.onStop('close', 'count', () => {
      runs += 1;
    });
    const [a, b] = await Promise.all([lifecycle.stop('SIGTERM'), lifecycle.stop('SIGINT')]);
    expect(runs).toBe(1);
    expect(b).toBe(a);
  });

  it('lets a part that stopped on its own unregister its hook', async () => {
    const lifecycle = new Lifecycle({ graceMs: 500 });
    let ran = false;
    const unregister = lifecycle.onStop('close', 'gone', () => {
      ran = true;
    });
    unregister();
    await lifecycle.stop('test');
    expect(ran).toBe(false);
  });
});

describe('signals', () => {
  it('exits 0 after a clean stop when the signal arrives', async () => {
    const lifecycle = new Lifecycle({ graceMs: 500 });
    const codes: number[] = [];
    const exited = new Promise<void>((resolve) => {
      const remove = exitOnSignals({
        log: silentLogger,
        lifecycle,
        signals: ['SIGUSR2'],
        exit: (code) => {
          codes.push(code);
          remove();
          resolve();
        },
      });
    });
    process.kill(process.pid, 'SIGUSR2');
    await exited;
    expect(codes).toEqual([0]);
    expect(lifecycle.accepting).toBe(false);
  });

  it('exits 1 at once on a second signal while a stop hangs', async () => {
    const lifecycle = new Lifecycle({ graceMs: 5_000 });
    lifecycle.onStop('close', 'stuck', () => new Promise(() => {}));
    const codes: number[] = [];
    const remove = exitOnSignals({
      log: silentLogger,
      lifecycle,
      signals: ['SIGUSR2'],
      exit: (code) => codes.push(code),
    });
    process.kill(process.pid, 'SIGUSR2');
    await sleep(50);
    process.kill(process.pid, 'SIGUSR2');
    await sleep(50);
    remove();
    expect(codes).toEqual([1]);
  });
});
