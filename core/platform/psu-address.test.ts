import { describe, expect, it } from 'vitest';
import { psuIpAddress } from './psu-address.js';

const lo = { address: '127.0.0.1', family: 'IPv4', internal: true };
const lo6 = { address: '::1', family: 'IPv6', internal: true };

describe('psuIpAddress', () => {
  it('picks the first non-internal IPv4 address', () => {
    expect(
      psuIpAddress({
        lo: [lo, lo6],
        eth0: [{ address: 'fe80::1', family: 'IPv6', internal: false }, { address: '192.168.1.20', family: 'IPv4', internal: false }],
        wlan0: [{ address: '10.0.0.5', family: 'IPv4', internal: false }],
      }),
    ).toBe('192.168.1.20');
  });

  it('accepts the numeric family some Node releases reported', () => {
    expect(psuIpAddress({ eth0: [{ address: '172.16.0.9', family: 4, internal: false }] })).toBe('172.16.0.9');
  });

  it('falls back to 127.0.0.1 when only loopback and IPv6 addresses exist', () => {
    expect(psuIpAddress({ lo: [lo, lo6], eth0: [{ address: '2001:db8::7', family: 'IPv6', internal: false }], down: undefined })).toBe('127.0.0.1');
  });

  it('falls back to 127.0.0.1 when there is no interface at all', () => {
    expect(psuIpAddress({})).toBe('127.0.0.1');
  });

  it('reads this machine by default and answers an IPv4 address', () => {
    expect(psuIpAddress()).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);
  });
});
