// The rows of `demarc report`'s matrix, kept as their rendered text in a Spool (memory, then an unlinked temporary
// file) with only a small key per row in memory, so the report's memory does not grow with the number of
// resources: 10,000 files make 88,000 rows and a 450 MB report. Each row arrives rendered for the report's format
// (matrix-unit.ts, in the thread that analyzed it): its main piece (the JSON row, the HTML table row, the Markdown
// table line) and, for HTML and Markdown, its findings entry. Rows are sorted by their keys and their pieces read
// back in that order, as often as a renderer walks them.
import type { MatrixRow, MatrixRows, RowKey, RowPiece } from '../report';
import { compareRows } from '../report';
import { Spool } from './spool';

export type MatrixFormat = 'json' | 'html' | 'markdown';

/** The pieces a row is stored as, per format: [main, findings]. */
export const ROW_PIECES: Record<MatrixFormat, readonly [RowPiece, RowPiece?]> = {
  json: ['json'],
  html: ['html-row', 'html-findings'],
  markdown: ['md-row', 'md-findings'],
};

interface Entry extends RowKey {
  at: number;
  length: number;
  /** The findings piece: bytes right after the main piece; 0 when the row has none. */
  findingsLength: number;
  /** The analysis unit the row came from, so rows of units left out at the end can be dropped. */
  unit: number;
  /** Its place among its unit's rows: ties in the matrix order keep the order of one in-process pass. */
  seq: number;
}

export class SpooledRows implements MatrixRows {
  private entries: Entry[] = [];
  private lastUnit = -1;
  private seq = 0;

  constructor(
    readonly format: MatrixFormat,
    private readonly spool: Spool = new Spool(),
  ) {}

  get length(): number {
    return this.entries.length;
  }

  /** The keys of the rows, in their current order. */
  get keys(): readonly RowKey[] {
    return this.entries;
  }

  /** A row's pieces (ROW_PIECES of the format), with its key. A unit's rows are added together, in order. */
  add(pieces: readonly string[], key: RowKey, unit: number): void {
    const main = Buffer.from(pieces[0] ?? '', 'utf8');
    const findings = Buffer.from(pieces[1] ?? '', 'utf8');
    if (unit !== this.lastUnit) [this.lastUnit, this.seq] = [unit, 0];
    const at = this.spool.append(main);
    this.spool.append(findings);
    const e: Entry = { address: key.address, displayFile: key.displayFile, line: key.line, service: key.service, serviceName: key.serviceName, at, length: main.length, findingsLength: findings.length, unit, seq: this.seq++ };
    if (key.team !== undefined) e.team = key.team;
    this.entries.push(e);
  }

  /** Keeps the rows of these units only, in matrix order. */
  finish(keep: (unit: number) => boolean): void {
    this.entries = this.entries.filter((e) => keep(e.unit));
    this.entries.sort((a, b) => compareRows(a, b) || a.unit - b.unit || a.seq - b.seq);
  }

  pieces(part: RowPiece): Iterable<string> | undefined {
    const [main, findings] = ROW_PIECES[this.format];
    if (part === main) return this.read((e) => [e.at, e.length]);
    if (part === findings) return this.read((e) => [e.at + e.length, e.findingsLength]);
    return undefined;
  }

  /** The rows themselves, parsed back from the JSON report's pieces; other formats keep no rows to give. */
  *[Symbol.iterator](): Iterator<MatrixRow> {
    if (this.format !== 'json') throw new Error(`the matrix rows were kept as ${this.format} text, not as rows`);
    for (const text of this.pieces('json')!) yield JSON.parse(text) as MatrixRow;
  }

  close(): void {
    this.spool.close();
  }

  private *read(where: (e: Entry) => [number, number]): Generator<string> {
    for (const e of this.entries) {
      const [at, length] = where(e);
      yield length === 0 ? '' : this.spool.read(at, length).toString('utf8');
    }
  }
}
