import type { Random } from './random.js';

/**
 * Resource ids in CEC's form: time-based UUIDs whose node part is the bank's host
 * ("d5efc274-5674-11f0-b039-0a0800610000"), so clients meet the same shape as in production.
 */
export function cecResourceId(random: Random): string {
  const hex = random.uuid().replace(/-/g, '');
  const clockSeq = ((parseInt(hex.slice(12, 16), 16) & 0x3fff) | 0x8000).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-11f0-${clockSeq}-0a0800610000`;
}
