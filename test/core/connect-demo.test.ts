import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('npm run connect:demo', () => {
  it('connects both demo PSUs through the bank’s pages and lists their accounts with balances', async () => {
    const { stdout } = await run('node_modules/.bin/tsx', ['scripts/connect-demo.ts', '--auto'], { timeout: 60_000 });
    expect(stdout).toMatch(/^Sandbox bank: http:\/\/127\.0\.0\.1:\d+\/cec\/prod$/m);
    expect(stdout).toMatch(/oauthcec\/oauth2\/authorize\?response_type=code&scope=AIS%3A[0-9a-f-]+&redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fcallback&client_id=\w+&code_challenge=[\w-]{43}&code_challenge_method=S256&state=[\w-]{43}/);
    expect(stdout).toMatch(/^CEC \(demo\) — active, 179 days left$/m);
    expect(stdout).toMatch(/^CEC \(demo2\) — active, 179 days left$/m);
    const accountLines = stdout.split('\n').filter((l) => /^ {2}(RO\d\d( \w{4}){5}|\d{6}\*{6}\d{4})/.test(l));
    expect(accountLines).toHaveLength(8);
    for (const line of accountLines) expect(line).toMatch(/-?[\d.]+,\d{2} (RON|EUR)/);
  }, 90_000);
});
