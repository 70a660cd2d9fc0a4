/** Parsed command line: positional words and `--name value` / `--flag` options. */
export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | true>;
}

/** Splits argv into positional words and options (`--a b`, `--a=b`, `--flag`). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const [name, inline] = word.slice(2).split(/=(.*)/s, 2);
    if (inline !== undefined) options[name] = inline;
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) options[name] = argv[++i];
    else options[name] = true;
  }
  return { positional, options };
}

/** A required string option, or an error naming it. */
export function requireOption(args: ParsedArgs, name: string): string {
  const value = args.options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {}
