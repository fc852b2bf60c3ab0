/** pino-roll 4 ships no types; this declares the options core/logging uses (see its README). */
declare module 'pino-roll' {
  import type { Writable } from 'node:stream';
  interface PinoRollOptions {
    file: string | (() => string);
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    mkdir?: boolean;
    symlink?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    dateFormat?: string;
    /** Passed on to sonic-boom: the mode new log files are created with. */
    mode?: number;
  }
  export default function pinoRoll(options: PinoRollOptions): Promise<Writable>;
}
