import { networkInterfaces } from 'node:os';

/** One address of one interface, as `os.networkInterfaces()` lists it. */
export interface InterfaceAddress {
  address: string;
  /** `'IPv4'`, or the number 4 on the Node releases that briefly reported it so. */
  family: string | number;
  internal: boolean;
}

/**
 * The address sent as `PSU-IP-Address` on the reads the person starts: the first non-internal
 * IPv4 of this machine, else 127.0.0.1. Banks use the header to tell a person at a screen from an
 * unattended batch (Berlin Group counts only the latter against the four-reads-a-day limit), so a
 * plausible device address matters more than the public one, which the app cannot know offline.
 * @see Berlin Group NextGenPSD2 1.3.12 §4.2 (PSU-IP-Address)
 */
export function psuIpAddress(interfaces: NodeJS.Dict<InterfaceAddress[]> = networkInterfaces()): string {
  for (const addresses of Object.values(interfaces)) {
    const found = addresses?.find((a) => !a.internal && (a.family === 'IPv4' || a.family === 4));
    if (found !== undefined) return found.address;
  }
  return '127.0.0.1';
}
