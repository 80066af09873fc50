// The line-independent fingerprint of a finding (SARIF partialFingerprints, baselines), in a module of its own so the
// language server's small bundle can use it without the CLI's formatters or the rule registry.
import * as crypto from 'node:crypto';
import type { SourceFile } from '../engine/source';
import type { Finding } from '../engine/types';

/** One-shot crypto.hash (Node 20.12+) is about twice as fast as a Hash object for short texts; older Node gets the object. */
export const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * The hash part of a fingerprint, 32 hex digits: rule, resource address and the offending line's text with its
 * whitespace normalized; never the line number, so moving code keeps it.
 */
export function fingerprintHash(f: Pick<Finding, 'ruleId' | 'resource' | 'range'>, file: Pick<SourceFile, 'lines'> | undefined): string {
  const lineText = file ? file.lines.lineText(f.range.start.line) : '';
  const normalized = lineText.replace(/\s+/g, ' ').trim();
  return sha256Hex(`${f.ruleId}\u0000${f.resource ?? ''}\u0000${normalized}`).slice(0, 32);
}
