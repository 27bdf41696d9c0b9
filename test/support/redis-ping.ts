import { createConnection } from 'node:net';
import { sleep } from './sleep.js';

async function answersPing(port: number, password?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('error', () => resolve(false));
    const commands = password ? [`AUTH ${password}`, 'PING'] : ['PING'];
    socket.once('connect', () => socket.write(commands.map((c) => `${c}\r\n`).join('')));
    let seen = '';
    socket.on('data', (data) => {
      seen += data.toString();
      // One reply line per command sent.
      if (seen.split('\r\n').length <= commands.length) return;
      socket.destroy();
      resolve(seen.includes('+PONG'));
    });
  });
}

/** Waits (about five seconds at most) for the redis-server just spawned on `port` to answer PING. */
export async function waitForRedis(port: number, password?: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await answersPing(port, password)) return;
    await sleep(25);
  }
  throw new Error(`redis-server on port ${port} did not answer PING`);
}
