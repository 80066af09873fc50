// The one door to AWS. Demarc only ever reads: every request goes through `send`, which refuses any operation
// that is not on the frozen allow-list below before the SDK serializes anything. Each client built here also
// carries a guard middleware, so a stray `client.send(...)` elsewhere is refused the same way.
// A test greps server/src for `.send(` outside this file and for SDK Command imports not on the list.

/** `service:Operation`, where service is the Smithy namespace of the SDK client (`com.amazonaws.<service>`). */
export const ALLOWED_OPERATIONS: readonly string[] = Object.freeze([
  'sts:GetCallerIdentity',
  's3control:GetPublicAccessBlock',
  'ec2:GetEbsEncryptionByDefault',
  'ec2:GetEbsDefaultKmsKeyId',
  'ec2:GetInstanceMetadataDefaults',
  'ec2:GetSnapshotBlockPublicAccessState',
  'iam:GetAccountSummary',
  'iam:GetAccountPasswordPolicy',
  'iam:GenerateCredentialReport',
  'iam:GetCredentialReport',
  'cloudtrail:DescribeTrails',
  'cloudtrail:GetTrailStatus',
  'guardduty:ListDetectors',
  'guardduty:GetDetector',
  'configservice:DescribeConfigurationRecorders',
  'configservice:DescribeConfigurationRecorderStatus',
  'securityhub:DescribeHub',
  'securityhub:GetEnabledStandards',
  'accessanalyzer:ListAnalyzers',
]);

const ALLOWED = new Set(ALLOWED_OPERATIONS);

/**
 * The IAM action each allowed operation needs, for "needs …" messages. Several differ from the API name:
 * S3 Control's GetPublicAccessBlock is authorized as s3:GetAccountPublicAccessBlock, Config's namespace is
 * `config:`, Access Analyzer's is `access-analyzer:`.
 */
export const IAM_ACTIONS: Readonly<Record<string, string>> = Object.freeze({
  'sts:GetCallerIdentity': '(no permission needed)',
  's3control:GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',
  'ec2:GetEbsEncryptionByDefault': 'ec2:GetEbsEncryptionByDefault',
  'ec2:GetEbsDefaultKmsKeyId': 'ec2:GetEbsDefaultKmsKeyId',
  'ec2:GetInstanceMetadataDefaults': 'ec2:GetInstanceMetadataDefaults',
  'ec2:GetSnapshotBlockPublicAccessState': 'ec2:GetSnapshotBlockPublicAccessState',
  'iam:GetAccountSummary': 'iam:GetAccountSummary',
  'iam:GetAccountPasswordPolicy': 'iam:GetAccountPasswordPolicy',
  'iam:GenerateCredentialReport': 'iam:GenerateCredentialReport',
  'iam:GetCredentialReport': 'iam:GetCredentialReport',
  'cloudtrail:DescribeTrails': 'cloudtrail:DescribeTrails',
  'cloudtrail:GetTrailStatus': 'cloudtrail:GetTrailStatus',
  'guardduty:ListDetectors': 'guardduty:ListDetectors',
  'guardduty:GetDetector': 'guardduty:GetDetector',
  'configservice:DescribeConfigurationRecorders': 'config:DescribeConfigurationRecorders',
  'configservice:DescribeConfigurationRecorderStatus': 'config:DescribeConfigurationRecorderStatus',
  'securityhub:DescribeHub': 'securityhub:DescribeHub',
  'securityhub:GetEnabledStandards': 'securityhub:GetEnabledStandards',
  'accessanalyzer:ListAnalyzers': 'access-analyzer:ListAnalyzers',
});

export function isAllowed(operation: string): boolean {
  return ALLOWED.has(operation);
}

/** Thrown when code asks for an operation that is not on the allow-list. Nothing was sent. */
export class ForbiddenOperationError extends Error {
  constructor(readonly operation: string) {
    super(`Demarc only reads from AWS; ${operation} is not on the allow-list of read-only operations`);
    this.name = 'ForbiddenOperationError';
  }
}

/** The parts of an SDK v3 command that the gate needs (structural, so any client version fits). */
interface SdkCommand {
  /** Smithy operation schema: `[9, "com.amazonaws.sts", "GetCallerIdentity", traits, input, output]`. */
  schema?: unknown;
}

/** The output type of an SDK command, read from its middleware handler's signature. */
export type OutputOf<C> = C extends { resolveMiddleware(...args: never[]): (...args: never[]) => Promise<{ output: infer O }> } ? O : unknown;

export interface SendingClient {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  send(command: any, options?: any): Promise<unknown>;
}

/**
 * `service:Operation` of a command, from its Smithy schema. Read from data rather than the class name, which
 * minification would rename. Undefined when the command has no schema (then it is refused).
 */
export function operationOf(command: SdkCommand): string | undefined {
  const s = command.schema;
  let ns: unknown;
  let name: unknown;
  if (Array.isArray(s)) {
    ns = s[1];
    name = s[2];
  } else if (s && typeof s === 'object') {
    ns = (s as { namespace?: unknown }).namespace;
    name = (s as { name?: unknown }).name;
  }
  if (typeof ns !== 'string' || typeof name !== 'string') return undefined;
  const service = ns.startsWith('com.amazonaws.') ? ns.slice('com.amazonaws.'.length) : ns;
  return `${service}:${name}`;
}

/** The single place that talks to AWS. */
export async function send<C extends SdkCommand>(client: SendingClient, command: C, options: { signal?: AbortSignal } = {}): Promise<OutputOf<C>> {
  const op = operationOf(command);
  if (!op || !ALLOWED.has(op)) throw new ForbiddenOperationError(op ?? 'an operation without a schema');
  const sendOptions = options.signal ? { abortSignal: options.signal } : {};
  return (await client.send(command, sendOptions)) as OutputOf<C>;
}

/**
 * Adds the allow-list guard to a client's middleware stack (initialize step: before serialization, signing
 * and any network I/O), keyed by the client's service namespace.
 */
export function guardClient<C extends { middlewareStack: unknown }>(client: C, service: string): C {
  const guard = (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
    const name = (context.commandName ?? '').replace(/Command$/, '');
    const op = `${service}:${name}`;
    if (!ALLOWED.has(op)) throw new ForbiddenOperationError(op);
    return next(args);
  };
  const stack = client.middlewareStack as { add(mw: unknown, opts: { step: string; name: string; priority?: string }): void };
  stack.add(guard, { step: 'initialize', name: 'demarcReadOnlyGuard', priority: 'high' });
  return client;
}

// ---------------------------------------------------------------------------------------------------------
// Errors

export type CallErrorKind =
  | 'access-denied'
  | 'not-found'
  | 'not-enabled'
  | 'throttled'
  | 'expired-token'
  | 'sso-expired'
  | 'invalid-credentials'
  | 'no-credentials'
  | 'timeout'
  | 'network'
  | 'forbidden-operation'
  | 'other';

export interface CallError {
  kind: CallErrorKind;
  /** AWS error code or SDK error name. */
  code: string;
  message: string;
  httpStatus?: number;
}

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'UnauthorizedException', 'Forbidden']);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const INVALID = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'SignatureDoesNotMatch', 'AuthFailure', 'InvalidAccessKeyId', 'IncompleteSignature', 'MissingAuthenticationToken']);
const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'ThrottledException', 'RequestLimitExceeded', 'TooManyRequestsException', 'RequestThrottled', 'RequestThrottledException', 'SlowDown']);

export function classifyError(e: unknown): CallError {
  if (e instanceof ForbiddenOperationError) return { kind: 'forbidden-operation', code: e.name, message: e.message };
  const err = (e ?? {}) as { name?: string; code?: string; Code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const code = err.Code ?? (err.name && err.name !== 'Error' ? err.name : undefined) ?? err.code ?? 'Error';
  const message = typeof err.message === 'string' ? err.message : String(e);
  const httpStatus = err.$metadata?.httpStatusCode;
  const base = httpStatus === undefined ? { code, message } : { code, message, httpStatus };
  const lower = message.toLowerCase();
  if (/sso/.test(lower) && /(expired|aws sso login|refresh)/.test(lower)) return { kind: 'sso-expired', ...base };
  if (code === 'TokenProviderError' || (code === 'CredentialsProviderError' && /token/.test(lower) && /expir/.test(lower))) return { kind: 'sso-expired', ...base };
  if (EXPIRED.has(code)) return { kind: 'expired-token', ...base };
  if (INVALID.has(code)) return { kind: 'invalid-credentials', ...base };
  if (code === 'CredentialsProviderError' || /could not load credentials/.test(lower)) return { kind: 'no-credentials', ...base };
  if (ACCESS_DENIED.has(code) || (httpStatus === 403 && !INVALID.has(code))) return { kind: 'access-denied', ...base };
  if (THROTTLED.has(code)) return { kind: 'throttled', ...base };
  if (code === 'TimeoutError' || code === 'AbortError' || code === 'RequestTimeout' || /timed? ?out/.test(lower) || err.code === 'ETIMEDOUT') return { kind: 'timeout', ...base };
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|ENETUNREACH|socket hang up/.test(`${err.code ?? ''} ${message}`)) return { kind: 'network', ...base };
  return { kind: 'other', ...base };
}

/** True for errors that concern the credentials rather than one call, so the whole connection fails. */
export function isCredentialError(c: CallError): boolean {
  return c.kind === 'expired-token' || c.kind === 'sso-expired' || c.kind === 'invalid-credentials' || c.kind === 'no-credentials';
}

/** The reason an unknown fact shows: "AccessDenied: needs s3:GetAccountPublicAccessBlock". */
export function unknownReason(operation: string, c: CallError): string {
  const action = IAM_ACTIONS[operation] ?? operation;
  switch (c.kind) {
    case 'access-denied':
      return `${c.code}: needs ${action}`;
    case 'throttled':
      return `${c.code}: still throttled after retries (${operation})`;
    case 'timeout':
      return `timed out calling ${operation}`;
    case 'network':
      return `network error calling ${operation}: ${firstLine(c.message)}`;
    case 'expired-token':
    case 'sso-expired':
      return `${c.code}: credentials expired`;
    default:
      return `${c.code}: ${firstLine(c.message)} (${operation})`;
  }
}

function firstLine(s: string): string {
  const line = s.split('\n')[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
