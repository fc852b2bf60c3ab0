/**
 * A small RFC 4180 CSV reader: comma-separated, fields may be quoted with "…", a quote inside a
 * quoted field is written "", and quoted fields may hold commas and line breaks. Lines end in LF
 * or CRLF; a leading UTF-8 BOM and a final line break are ignored. Our seed list needs nothing
 * more, and owning these forty lines is cheaper than a dependency in the platform layer.
 */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field was quoted; only a separator may follow its closing quote
  let line = 1;

  const endField = () => {
    row.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };

  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === ',') {
      endField();
    } else if (char === '\n' || (char === '\r' && source[i + 1] === '\n')) {
      if (char === '\r') i++;
      endRow();
      line++;
    } else if (wasQuoted) {
      throw new Error(`CSV line ${line}: unexpected ${JSON.stringify(char)} after a closing quote`);
    } else if (char === '"') {
      if (field !== '') throw new Error(`CSV line ${line}: a quote inside an unquoted field`);
      quoted = true;
      wasQuoted = true;
    } else {
      field += char;
    }
  }
  if (quoted) throw new Error(`CSV line ${line}: a quoted field is not closed`);
  // A final line break ends the last row; it does not start an empty one.
  if (field !== '' || row.length > 0 || wasQuoted) endRow();
  return rows;
}
