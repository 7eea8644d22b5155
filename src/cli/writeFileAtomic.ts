/** Writing output files so that a failure never leaves half a file behind. */
import * as fs from 'fs';
import * as path from 'path';

/** Writes through a temporary file beside the target, then renames it into place. */
export async function writeFileAtomic(file: string, bytes: Buffer | ArrayBuffer): Promise<void> {
  await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await fs.promises.writeFile(tmp, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
