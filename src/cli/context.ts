/** What every command gets: where to print, whether colour is wanted, and the exit status so far. */
import * as path from 'path';

export interface CliIO {
  /** Writes to stdout (the caller supplies line breaks). */
  out(text: string): void;
  /** Writes to stderr. */
  err(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Working directory for resolving paths (tests run the CLI elsewhere). */
  cwd: string;
}

export const EXIT_OK = 0;
/** A file could not be read, or the arguments are wrong. */
export const EXIT_FAILURE = 1;
/** A file held no self-evaluation table. */
export const EXIT_NO_TABLE = 2;

export class CliContext {
  exitCode = EXIT_OK;

  constructor(readonly io: CliIO) {}

  /** Records an outcome; a failure (1) outranks "no table" (2), which outranks success. */
  worsen(code: number): void {
    const rank = (c: number) => (c === EXIT_FAILURE ? 2 : c === EXIT_NO_TABLE ? 1 : 0);
    if (rank(code) > rank(this.exitCode)) this.exitCode = code;
  }

  /** One line on stderr, never a stack trace. */
  errorLine(message: string): void {
    this.io.err(`${message.replace(/\s*\r?\n\s*/g, ' ').trim()}\n`);
  }

  /** Prints an error line and records exit status 1. */
  fail(message: string): void {
    this.errorLine(message);
    this.worsen(EXIT_FAILURE);
  }

  get colour(): boolean {
    return this.io.stdoutIsTTY && !process.env.NO_COLOR;
  }
}

/** Raised for wrong arguments or settings: main prints the line and exits 1 before any file is read. */
export class UsageError extends Error {}

export function nodeIO(): CliIO {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

/**
 * A path for messages: always absolute, so a reviewer can copy it from the terminal into Explorer or
 * another command whatever folder they are in.
 */
export function absolutePath(cwd: string, file: string): string {
  return path.resolve(cwd, file);
}
