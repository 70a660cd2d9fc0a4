import type { ImportProgress } from '../import/importExportFolder';

/**
 * A one-line progress bar on a TTY (`[#####-----] 50/100 objects`); on anything else (CI, pipes)
 * one line per phase, so logs stay short.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): (progress: ImportProgress) => void {
  let lastPhase = '';
  let lastDrawn = 0;
  return ({ phase, done, total }) => {
    if (!stream.isTTY) {
      if (phase !== lastPhase) stream.write(`${phase}…\n`);
      lastPhase = phase;
      return;
    }
    const now = Date.now();
    if (done !== total && phase === lastPhase && now - lastDrawn < 50) return;
    lastPhase = phase;
    lastDrawn = now;
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${phase}   `);
    if (done === total) stream.write('\n');
  };
}
