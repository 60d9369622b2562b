import type { BenchmarkResult } from './result.js';

/** Formats a figure for people: thousands separators for large values, 3 significant digits otherwise. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toString();
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** Renders benchmark results as a plain-text table (one block per benchmark). */
export function renderTable(results: readonly BenchmarkResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(
      `${result.id}  ${result.title}  [${result.status}, ${formatNumber(result.durationMs / 1000)} s]`,
    );
    if (result.reason) lines.push(`    ${result.status}: ${result.reason}`);
    if (result.variants.length > 0) {
      const nameWidth = Math.max(
        8,
        ...result.variants.map((v) => v.name.length),
        ...result.ratios.map((r) => r.name.length),
      );
      lines.push(
        `    ${pad('variant', nameWidth)}  ${pad('median', 14, true)}  ${pad('unit', 7)}  ${pad('min – max', 25, true)}  ${pad('spread', 7, true)}  n`,
      );
      for (const v of result.variants) {
        lines.push(
          `    ${pad(v.name, nameWidth)}  ${pad(formatNumber(v.median), 14, true)}  ${pad(v.unit, 7)}  ${pad(`${formatNumber(v.min)} – ${formatNumber(v.max)}`, 25, true)}  ${pad(`${formatNumber(v.spreadPct)}%`, 7, true)}  ${v.n}`,
        );
      }
      for (const r of result.ratios) {
        lines.push(
          `    ${pad(r.name, nameWidth)}  ${pad(`${formatNumber(r.median)}×`, 14, true)}  ${pad('ratio', 7)}  ${pad(`${formatNumber(r.min)} – ${formatNumber(r.max)}`, 25, true)}  ${pad(`${formatNumber(r.spreadPct)}%`, 7, true)}  ${r.n}`,
        );
      }
    }
    for (const note of result.notes) lines.push(`    · ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}
