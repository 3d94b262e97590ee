import { PollResultsView } from './poll-view';

// Spreadsheets run cells starting with these as formulas (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 cell: defused against formulas, quoted when it holds a quote, comma or newline. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `option,votes,percentage`, one row per option in position order, CRLF line ends. */
export function resultsToCsv(results: PollResultsView): string {
  const rows = [
    ['option', 'votes', 'percentage'],
    ...results.options.map((o) => [o.text, o.votesCount ?? '', o.percentage ?? '']),
  ];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
