// Account logging with secrets scrubbed. Anything that reaches a log sink passes through `redact`, which
// removes every secret value Demarc has seen (environment credentials, resolved credentials) and anything
// that looks like a key assignment, so a stray error message cannot leak a credential.

type Sink = (message: string) => void;

let sink: Sink | undefined;
const secrets = new Set<string>();

/** Where account log lines go (the language server's output channel, the CLI's stderr with --verbose). */
export function setAccountLogSink(next: Sink | undefined): void {
  sink = next;
}

/** Remembers a secret so it is scrubbed from every later log line. Short strings are ignored (too many false hits). */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 8) secrets.add(value);
}

/** Registers the secret-bearing variables of an environment. */
export function registerEnvSecrets(env: Record<string, string | undefined>): void {
  for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_CONTAINER_AUTHORIZATION_TOKEN', 'AWS_WEB_IDENTITY_TOKEN']) {
    registerSecret(env[name]);
  }
}

const KEY_PATTERNS: RegExp[] = [
  /(aws_secret_access_key|aws_session_token|secretaccesskey|sessiontoken|accesstoken|refreshtoken|clientsecret)(["'\s:=]+)([^\s"',}]+)/gi,
  /\b(ASIA|AKIA)[A-Z0-9]{12,}\b/g,
];

export function redact(text: string): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('[redacted]');
  out = out.replace(KEY_PATTERNS[0]!, (_m, k: string, sep: string) => `${k}${sep}[redacted]`);
  out = out.replace(KEY_PATTERNS[1]!, (m) => `${m.slice(0, 4)}…[redacted]`);
  return out;
}

export function logAccount(message: string): void {
  if (sink) sink(redact(`[account] ${message}`));
}
