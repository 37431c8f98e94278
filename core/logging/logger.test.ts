import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, logFiles } from './logger.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'conturi-log-')), 'logs');
  dirs.push(dir);
  return dir;
};
const readAll = (dir: string) => logFiles(dir).map((f) => readFileSync(f, 'utf8')).join('');
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(join(dir, '..'), { recursive: true, force: true });
});

describe('createLogger', () => {
  it('redacts secrets by key at any depth, keeping error codes', async () => {
    const dir = freshDir();
    const logger = await createLogger({ dir, level: 'debug' });
    logger.info({
      headers: { Authorization: 'Bearer AT-1', 'x-ibm-client-id': 'client-42' },
      grant: { code: 'CODE-1', code_verifier: 'VERIFIER-1', client_secret: 'CS-1' },
      answer: { access_token: 'AT-2', refresh_token: 'RT-1' },
      deep: { a: { b: { refreshToken: 'RT-2', clientSecret: 'CS-2', password: 'PW-1' } } },
      profile: { certificatePem: 'CERT', privateKeyPem: 'KEY-1' },
      error: { code: 'CONSENT_EXPIRED' },
    }, 'exchange');
    const text = readAll(dir);
    for (const secret of ['AT-1', 'AT-2', 'RT-1', 'RT-2', 'CODE-1', 'VERIFIER-1', 'CS-1', 'CS-2', 'PW-1', 'KEY-1']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
    expect(text).toContain('client-42');
    expect(text).toContain('CONSENT_EXPIRED');
  });

  it('writes an error with its stack and cause', async () => {
    const dir = freshDir();
    const logger = await createLogger({ dir });
    logger.error({ err: new TypeError('x is undefined', { cause: new Error('deeper') }) }, 'unexpected error');
    const line = JSON.parse(readAll(dir).trim()) as { level: number; msg: string; err: { type: string; message: string; stack: string } };
    expect(line).toMatchObject({ level: 50, msg: 'unexpected error', err: { type: 'TypeError', message: expect.stringMatching(/^x is undefined/) } });
    expect(line.err.stack).toMatch(/logger\.test\.ts/);
    expect(line.err.stack).toContain('deeper');
  });

  it('keeps its folder 0700 and its files 0600', async () => {
    const dir = freshDir();
    const logger = await createLogger({ dir });
    logger.info('hello');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const [file] = logFiles(dir);
    expect(statSync(file as string).mode & 0o777).toBe(0o600);
  });

  it('rolls over to a new file past its size and keeps a bounded number, across runs', async () => {
    const dir = freshDir();
    const fill = async (logger: Awaited<ReturnType<typeof createLogger>>, run: number) => {
      for (let i = 0; i < 12; i++) {
        logger.info({ run, i, filler: 'x'.repeat(400) }, 'line');
        await new Promise((resolve) => setTimeout(resolve, 5)); // the roll happens on the stream's drain
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    await fill(await createLogger({ dir, size: '1k', keep: 3 }), 1);
    expect(logFiles(dir)).toHaveLength(3);
    await fill(await createLogger({ dir, size: '1k', keep: 3 }), 2);
    const files = logFiles(dir);
    expect(files).toHaveLength(3);
    expect(readAll(dir)).toContain('"run":2');
    for (const f of files) expect(statSync(f).mode & 0o777).toBe(0o600);
  });
});
