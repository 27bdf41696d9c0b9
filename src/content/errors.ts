/** One problem in a content file, located to the line. */
export interface ContentProblem {
  file: string;
  line: number;
  /** Field path inside the file, like `claims[3].statedBy`. */
  path: string;
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  return p.path ? `${where} ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** Thrown when a pack is invalid; the bot refuses to serve half a pack. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `content is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'ContentError';
  }
}
