/** pino-roll 4 ships no types; this is the part of its API the logger uses (see its pino-roll.js). */
declare module 'pino-roll' {
  import type SonicBoom from 'sonic-boom';

  interface PinoRollOptions {
    /** Base path; the rotation number goes before the extension (`conturi.1.log`). */
    file: string;
    /** Rotate once the file reaches this size: a number of MB, or `'5m'`, `'500k'`. */
    size?: number | string;
    frequency?: number | 'daily' | 'hourly';
    extension?: string;
    /** Keep `count` rotated files besides the current one. */
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    mkdir?: boolean;
    /** sonic-boom options. */
    sync?: boolean;
    mode?: number;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<SonicBoom>;
}
