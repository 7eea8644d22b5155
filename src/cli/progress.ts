/**
 * Batch progress on stderr, only when stderr is a terminal and there is more than one file
 * (quiet in pipes, CI and tests). Lines printed meanwhile clear the bar first so nothing is garbled.
 */
import type { SingleBar } from 'cli-progress';
import type { CliContext } from './context';

const CLEAR_LINE = '\r\x1b[2K';

export class Progress {
  private bar: SingleBar | null = null;
  private done_ = 0;

  constructor(
    private readonly ctx: CliContext,
    private readonly total: number,
  ) {
    if (ctx.io.stderrIsTTY && total > 1) {
      // Loaded only when a bar is shown: a pipe or a single file never pays for it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { SingleBar: Bar } = require('cli-progress') as typeof import('cli-progress');
      this.bar = new Bar({
        format: '评分中 [{bar}] {value}/{total} {file}',
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
        barsize: 24,
      });
      this.bar.start(total, 0, { file: '' });
    }
  }

  /** Announces the next file. */
  tick(file: string): void {
    if (this.bar) this.bar.update(this.done_++, { file });
  }

  private clear(): void {
    if (this.bar) this.ctx.io.err(CLEAR_LINE);
  }

  out(text: string): void {
    this.clear();
    this.ctx.io.out(text);
  }

  errorLine(message: string): void {
    this.clear();
    this.ctx.errorLine(message);
  }

  fail(message: string): void {
    this.clear();
    this.ctx.fail(message);
  }

  done(): void {
    if (this.bar) {
      this.bar.update(this.total, { file: '' });
      this.bar.stop();
      this.bar = null;
    }
  }
}
