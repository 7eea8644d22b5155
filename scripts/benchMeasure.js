/**
 * Measuring a child node process for the benchmarks: wall time around the process, peak RSS from
 * /usr/bin/time when present, else from the child's own process.resourceUsage().maxRSS.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const HAS_TIME = (() => {
  if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/time')) return false;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+\s*$/.test(r.stderr);
})();

/** Runs node with args in `work`; resolves { ms, rssKB, status, stderr }. */
function measure(nodeArgs, work, env = {}) {
  const rssFile = path.join(work, `rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  let cmd;
  let args;
  if (HAS_TIME) {
    cmd = '/usr/bin/time';
    args = ['-o', rssFile, '-f', '%M', process.execPath, ...nodeArgs];
  } else {
    const probe = path.join(work, 'rss-probe.js');
    if (!fs.existsSync(probe)) fs.writeFileSync(probe, "process.on('exit', () => require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
    cmd = process.execPath;
    args = ['--require', probe, ...nodeArgs];
  }
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', BENCH_RSS_FILE: rssFile, ...env } });
    const err = [];
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      let rssKB = NaN;
      try {
        rssKB = Number(fs.readFileSync(rssFile, 'utf8').trim().split(/\s+/).pop());
        fs.rmSync(rssFile, { force: true });
      } catch {
        /* left NaN: printed as unknown */
      }
      resolve({ ms, rssKB, status, stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

module.exports = { HAS_TIME, measure };
