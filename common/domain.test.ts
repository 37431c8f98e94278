import { describe, expect, it } from 'vitest';
import { isReadable, type ConnectionStatus } from './domain.js';

describe('isReadable', () => {
  it.each<[ConnectionStatus, boolean]>([
    ['active', true],
    ['expiring', true],
    ['authorizing', false],
    ['expired', false],
    ['revoked', false],
    ['rejected', false],
    ['reauth-required', false],
  ])('%s → %s', (status, readable) => {
    expect(isReadable(status)).toBe(readable);
  });
});
