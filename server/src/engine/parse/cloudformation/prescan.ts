// A cheap lexical pass that finds YAML nested deeper than a bound, before the `yaml` package sees the text.
//
// Why: the `yaml` CST parser unwinds nested block collections recursively when they close (thousands of
// levels of `- - - -` overflow the stack), and deep flow collections make its lexer slow. Templates never come
// close to the bound, so an estimate is enough: block depth from indentation and compact `- ` / `? ` indicators,
// flow depth from brackets outside quotes and comments. Over-deep regions are returned for blanking; the exact
// CST check in yaml.ts remains as the second line of defence.

/** Regions [start, end) holding structure nested deeper than `max`. */
export function deepRegions(text: string, max: number): [number, number][] {
  const regions: [number, number][] = [];
  const stack: number[] = [];
  let flowDepth = 0;
  let flowBlankStart = -1;
  let flowBlankDepth = 0;
  let inQuote = '';
  let blockScalarIndent = -1;
  let blankChildrenOf = -1;
  let ls = 0;
  const n = text.length;
  while (ls < n) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = n;
    let lineEnd = le;
    if (lineEnd > ls && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    let indent = 0;
    while (ls + indent < lineEnd && text.charCodeAt(ls + indent) === 32) indent++;
    const blank = ls + indent >= lineEnd || text[ls + indent] === '#';
    const continuation = inQuote !== '' || flowDepth > 0;

    if (!continuation) {
      if (blockScalarIndent >= 0) {
        if (blank || indent > blockScalarIndent) {
          ls = le + 1;
          continue;
        }
        blockScalarIndent = -1;
      }
      if (blankChildrenOf >= 0) {
        if (blank) {
          ls = le + 1;
          continue;
        }
        if (indent > blankChildrenOf) {
          regions.push([ls + indent, lineEnd]);
          ls = le + 1;
          continue;
        }
        blankChildrenOf = -1;
      }
      if (blank) {
        ls = le + 1;
        continue;
      }
    }

    let col = indent;
    if (!continuation) {
      while (stack.length > 0 && stack[stack.length - 1]! >= indent) stack.pop();
      stack.push(indent);
      if (stack.length > max) {
        regions.push([ls + indent, lineEnd]);
        blankChildrenOf = indent - 1;
        stack.pop();
        ls = le + 1;
        continue;
      }
      let tooDeep = false;
      for (;;) {
        const c = text[ls + col];
        const next = text[ls + col + 1];
        if ((c === '-' || c === '?') && (next === ' ' || next === '\t' || ls + col + 1 >= lineEnd)) {
          if (stack.length + 1 > max) {
            regions.push([ls + col, lineEnd]);
            blankChildrenOf = col;
            tooDeep = true;
            break;
          }
          col += 1;
          while (ls + col < lineEnd && text[ls + col] === ' ') col++;
          stack.push(col);
        } else break;
      }
      if (tooDeep) {
        ls = le + 1;
        continue;
      }
    }

    // Brackets, quotes, comments and block scalar headers on the rest of the line.
    let prev = '';
    for (let i = ls + col; i < lineEnd; i++) {
      const c = text[i]!;
      if (inQuote) {
        if (inQuote === '"' && c === '\\') i++;
        else if (c === inQuote) {
          if (inQuote === "'" && text[i + 1] === "'") i++;
          else inQuote = '';
        }
        prev = 'x';
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      if (c === '#' && (i === ls || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
      if ((c === '"' || c === "'") && (prev === '' || '[{,:-?'.includes(prev))) {
        inQuote = c;
        prev = 'x';
        continue;
      }
      if (c === '[' || c === '{') {
        flowDepth++;
        if (flowBlankStart < 0 && stack.length + flowDepth > max) {
          flowBlankStart = i;
          flowBlankDepth = flowDepth;
        }
      } else if ((c === ']' || c === '}') && flowDepth > 0) {
        if (flowBlankStart >= 0 && flowDepth === flowBlankDepth) {
          regions.push([flowBlankStart, i + 1]);
          flowBlankStart = -1;
        }
        flowDepth--;
      } else if ((c === '|' || c === '>') && flowDepth === 0 && /^[0-9+-]*[ \t]*(#.*)?$/.test(text.slice(i + 1, lineEnd))) {
        blockScalarIndent = indent;
        break;
      }
      prev = c;
    }
    ls = le + 1;
  }
  if (flowBlankStart >= 0) regions.push([flowBlankStart, n]);
  return regions;
}
