/**
 * A small line diff for snapshot failures: lines only in `expected` are marked `-`, lines only in
 * `actual` `+` (removals before additions), with `context` unchanged lines around each change and
 * `@@ -n +m @@` headers giving the 1-based line numbers in both texts where a hunk starts. Returns ''
 * when the texts have the same lines (line ends aside).
 *
 * The common head and tail are skipped; the rest is diffed by longest common subsequence. A middle
 * too large for the quadratic table is shown as one replaced block (still correct, just not minimal).
 */
export function lineDiff(expected: string, actual: string, options: { context?: number; maxLines?: number } = {}): string {
  const context = options.context ?? 3;
  const maxLines = options.maxLines ?? 200;
  const ops = diffOps(splitLines(expected), splitLines(actual));
  if (ops.every((op) => op.kind === ' ')) return '';

  // Which operations to show: every change and `context` lines of unchanged text either side.
  const show = new Array<boolean>(ops.length).fill(false);
  ops.forEach((op, i) => {
    if (op.kind === ' ') return;
    for (let j = Math.max(0, i - context); j <= Math.min(ops.length - 1, i + context); j++) show[j] = true;
  });

  const out: string[] = [];
  for (let i = 0; i < ops.length; i++) {
    if (!show[i]) continue;
    if (i === 0 || !show[i - 1]) out.push(`@@ -${ops[i].aLine} +${ops[i].bLine} @@`);
    out.push(`${ops[i].kind} ${ops[i].text}`);
  }
  if (out.length > maxLines) return [...out.slice(0, maxLines), `… ${out.length - maxLines} more diff lines`].join('\n');
  return out.join('\n');
}

interface DiffOp {
  kind: ' ' | '-' | '+';
  text: string;
  /** 1-based line number in `expected` (for `+`: of the line it comes before). */
  aLine: number;
  /** 1-based line number in `actual` (for `-`: of the line it comes before). */
  bLine: number;
}

/** Beyond this many table cells the middle part is not diffed line by line. */
const MAX_TABLE_CELLS = 4_000_000;

/** Lines without their ends; a final newline does not make an extra empty line. */
function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function diffOps(a: readonly string[], b: readonly string[]): DiffOp[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;

  const ops: DiffOp[] = [];
  const same = (i: number, j: number) => ops.push({ kind: ' ', text: a[i], aLine: i + 1, bLine: j + 1 });
  const removed = (i: number, j: number) => ops.push({ kind: '-', text: a[i], aLine: i + 1, bLine: j + 1 });
  const added = (i: number, j: number) => ops.push({ kind: '+', text: b[j], aLine: i + 1, bLine: j + 1 });

  for (let k = 0; k < head; k++) same(k, k);
  const aEnd = a.length - tail;
  const bEnd = b.length - tail;
  const rows = aEnd - head;
  const cols = bEnd - head;
  if (rows * cols > MAX_TABLE_CELLS) {
    for (let i = head; i < aEnd; i++) removed(i, head);
    for (let j = head; j < bEnd; j++) added(aEnd, j);
  } else {
    // lcs[r][c]: length of the longest common subsequence of a[head + r .. aEnd) and b[head + c .. bEnd).
    const lcs: Uint32Array[] = Array.from({ length: rows + 1 }, () => new Uint32Array(cols + 1));
    for (let r = rows - 1; r >= 0; r--) {
      for (let c = cols - 1; c >= 0; c--) {
        lcs[r][c] = a[head + r] === b[head + c] ? lcs[r + 1][c + 1] + 1 : Math.max(lcs[r + 1][c], lcs[r][c + 1]);
      }
    }
    let r = 0;
    let c = 0;
    while (r < rows || c < cols) {
      if (r < rows && c < cols && a[head + r] === b[head + c]) {
        same(head + r++, head + c++);
      } else if (r < rows && (c === cols || lcs[r + 1][c] >= lcs[r][c + 1])) {
        removed(head + r++, head + c);
      } else {
        added(head + r, head + c++);
      }
    }
  }
  for (let k = 0; k < tail; k++) same(aEnd + k, bEnd + k);
  return ops;
}
