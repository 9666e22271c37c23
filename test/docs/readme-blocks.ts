// The ```ts code blocks of README.md, as the README check type-checks and runs them.
import { readFileSync } from 'node:fs';

/** One ```ts block of the README. */
export interface ReadmeBlock {
  /** `block-07`: the file name the check gives it. */
  name: string;
  /** The section it sits in and its line, e.g. `Close > Sequences (line 57)`. */
  title: string;
  /** The code, as written. */
  code: string;
  /** False for a block marked ```ts no-run: type-checked, never run (it needs something the fakes cannot give). */
  runnable: boolean;
}

/** Every ```ts block of the markdown file at `path`, in order. */
export function readmeBlocks(path: string): ReadmeBlock[] {
  return markdownBlocks(readFileSync(path, 'utf8'));
}

/** Every ```ts block of a markdown text, in order. */
export function markdownBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const headings: string[] = [];
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^(#{2,3}) (.*)$/.exec(line);
    if (heading) headings.splice(heading[1]!.length - 2, headings.length, heading[2]!);
    const fence = /^```(\S*)(.*)$/.exec(line);
    if (!fence || fence[1] === '') continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    if (fence[1] !== 'ts') continue;
    const code = body.join('\n');
    blocks.push({
      name: `block-${String(blocks.length + 1).padStart(2, '0')}`,
      title: `${headings.join(' > ')} (line ${start + 1})`,
      code,
      runnable: !fence[2]!.split(/\s+/).includes('no-run'),
    });
  }
  return blocks;
}
