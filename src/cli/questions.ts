import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { loadPack } from '../content/load.js';
import { type AuditReport, auditQuestions, COVERAGE_TARGET, GUESS_LIMIT } from '../engine/questions/audit/audit.js';

const USAGE = 'usage: chronicle questions audit [--json] [--dir CONTENT_DIR]';

/**
 * `chronicle questions audit`: builds every question the pack can make,
 * under several seeds, and checks each against the named rules, the blind
 * guessers and the coverage target. Exit 1 on any violation.
 */
export async function main(argv: string[]): Promise<number> {
  const [what, ...rest] = argv;
  let values: { json: boolean; dir?: string };
  try {
    values = parseArgs({
      args: rest,
      options: { json: { type: 'boolean', default: false }, dir: { type: 'string' } },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (what !== 'audit') {
    console.error(USAGE);
    return 1;
  }
  const pack = await loadPack(values.dir ?? loadConfig().CONTENT_DIR);
  const report = auditQuestions(pack);
  console.log(values.json ? JSON.stringify(report) : formatReport(report));
  return report.passed ? 0 : 1;
}

function pct(n: number): string {
  return `${(n * 100).toFixed(0)}%`;
}

export function formatReport(report: AuditReport): string {
  const lines: string[] = ['Questions by kind (every candidate, several seeds):', ''];
  lines.push('| kind | questions | variants | violations | best blind guesser |', '| --- | --- | --- | --- | --- |');
  for (const k of report.kinds) {
    const top = [...k.guessers].sort((a, b) => b.ratio - a.ratio)[0];
    const broken =
      Object.entries(k.violations)
        .map(([rule, n]) => `${rule} ${n}`)
        .join(', ') || 'none';
    lines.push(
      `| ${k.kind} | ${k.questions} | ${k.variants} | ${broken} | ${top ? `${top.name}: ${pct(top.right / Math.max(1, top.total))} (${top.ratio.toFixed(2)}× chance)` : '-'} |`,
    );
  }
  lines.push(
    '',
    `Coverage (target ${pct(COVERAGE_TARGET)} of each; under it, every item not asked carries its reasons):`,
  );
  for (const c of report.coverage) {
    lines.push(`  ${c.type}: ${c.asked} of ${c.total} (${pct(c.asked / Math.max(1, c.total))})`);
    for (const m of c.missing) lines.push(`    not asked: ${m.id}: ${m.reason}`);
  }
  lines.push('', 'Heaviest 20:');
  for (const q of report.heaviest) lines.push(`  ${q.weight?.toFixed(2)} ${q.id}`);
  lines.push('', 'Lightest 20:');
  for (const q of report.lightest) lines.push(`  ${q.weight?.toFixed(2)} ${q.id}`);
  lines.push('');
  if (report.violations.length === 0)
    lines.push(
      `audit passed: no rule broken, no guesser above ${GUESS_LIMIT}× chance, every item not asked has a reason.`,
    );
  else {
    lines.push(`${report.violations.length} violations:`);
    for (const v of report.violations) lines.push(`  ${v.rule}: ${v.id}: ${v.detail}`);
    lines.push('audit failed.');
  }
  return lines.join('\n');
}
