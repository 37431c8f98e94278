import { connect, createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { writeTurns } from './write-turns.js';

describe('writeTurns', () => {
  it('lets timers and I/O run between two writes that were ready at once, and keeps their order', async () => {
    const turn = writeTurns();
    const seen: string[] = [];
    // A socket's data arrives while the first write holds the loop: it must be served before the second.
    let peer: Socket | undefined;
    const server = createServer((socket) => {
      peer = socket;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const client = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
    while (peer === undefined) await new Promise((resolve) => setImmediate(resolve));
    client.on('data', () => seen.push('io'));
    try {
      await Promise.all([
        turn(() => {
          seen.push('write 1');
          setTimeout(() => seen.push('timer'), 0);
          peer?.write('x');
          const until = Date.now() + 30;
          while (Date.now() < until); // holds the loop while the server's answer arrives
        }),
        turn(() => seen.push('write 2')),
      ]);
    } finally {
      client.destroy();
      server.close();
    }
    expect(seen).toEqual(['write 1', 'timer', 'io', 'write 2']);
  });

  it('gives the next write its turn after one that threw, and hands each its own result', async () => {
    const turn = writeTurns();
    const failed = turn(() => {
      throw new Error('disk full');
    });
    const next = turn(() => 42);
    await expect(failed).rejects.toThrow('disk full');
    await expect(next).resolves.toBe(42);
  });
});
