// What the status bar item says for a `demarc/status` notification. No `vscode` import, so it is tested under Node.
import type { StatusParams } from '../../../server/src/shared/protocol';

export interface StatusPresentation {
  text: string;
  tooltip: string;
  /** `error` and `warning` map to the status bar's theme colors; undefined is the normal look. */
  tone?: 'error' | 'warning';
}

/** The language client's own state: before the server's first report, or when there is no server at all. */
export type ClientPhase = 'starting' | 'running' | 'stopped';

export function presentStatus(status: StatusParams | undefined, phase: ClientPhase): StatusPresentation {
  if (phase === 'stopped') {
    return {
      text: '$(error) Demarc',
      tooltip: 'Demarc: the language server is not running\nClick for Demarc actions (Restart Language Server)',
      tone: 'error',
    };
  }
  if (!status) {
    return phase === 'running'
      ? { text: '$(shield) Demarc', tooltip: 'Demarc: waiting for the first analysis' }
      : { text: '$(loading~spin) Demarc', tooltip: 'Demarc: starting the language server' };
  }
  const { counts } = status;
  const lines: string[] = [];
  let text: string;
  let tone: StatusPresentation['tone'];
  switch (status.state) {
    case 'starting':
      text = '$(loading~spin) Demarc';
      lines.push('Starting the language server');
      break;
    case 'analyzing':
      text = `$(sync~spin) Demarc ${counts.total}`;
      lines.push('Analyzing');
      break;
    case 'scanning':
      text = `$(sync~spin) Demarc${status.percentage !== undefined ? ` ${Math.round(status.percentage)}%` : ''}`;
      lines.push(`Scanning the workspace${status.percentage !== undefined ? ` (${Math.round(status.percentage)}%)` : ''}`);
      break;
    case 'disabled':
      text = '$(circle-slash) Demarc';
      lines.push('Analysis is turned off (demarc.enable)');
      break;
    case 'error':
      text = '$(error) Demarc';
      tone = 'error';
      lines.push('The language server reported an error');
      break;
    default:
      text = counts.total === 0 ? '$(shield) Demarc' : `$(shield) ${counts.total}`;
      if (counts.critical + counts.high > 0) tone = 'warning';
  }
  lines.push(summarizeCounts(status));
  if (!status.trusted) lines.push('Restricted mode: analysis only, no AWS account access');
  if (status.message) lines.push(status.message);
  lines.push('Click for Demarc actions');
  return { text, tooltip: lines.join('\n'), ...(tone ? { tone } : {}) };
}

function summarizeCounts(status: StatusParams): string {
  const { counts } = status;
  if (counts.total === 0) {
    return status.problems > 0 ? `No findings; ${plural(status.problems, 'input problem')}` : 'No findings';
  }
  const parts = (['critical', 'high', 'medium', 'low', 'info'] as const).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const where = status.files > 0 ? ` in ${plural(status.files, 'file')}` : '';
  const problems = status.problems > 0 ? `; ${plural(status.problems, 'input problem')}` : '';
  return `${plural(counts.total, 'finding')}${where} (${parts.join(', ')})${problems}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
