import type { ApprovedEntry } from './store/report-store';

/** RFC 4180: quote a field holding a comma, quote or line break; double inner quotes. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The list compiler's CSV input (`url,category`); an empty category takes its default. */
export function approvedCsv(entries: readonly ApprovedEntry[]): string {
  const lines = ['url,category'];
  for (const entry of entries) lines.push(`${csvField(entry.url)},${entry.category ?? ''}`);
  return `${lines.join('\n')}\n`;
}
