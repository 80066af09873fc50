// A loopback AWS look-alike for the account tests. It speaks the wire protocols the real SDK v3 clients send:
// STS and IAM (AWS query, XML), EC2 (EC2 query, XML), S3 Control (REST-XML), CloudTrail and Config (JSON 1.1 with
// X-Amz-Target), GuardDuty, Security Hub and Access Analyzer (REST-JSON). Responses follow the shapes in the AWS
// API references. Which account answers depends on the access key in the SigV4 Authorization header, so tests
// can tell which profile's credentials the SDK used.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  /** `sts:GetCallerIdentity`, `s3control:GetPublicAccessBlock`, … (`unknown:METHOD path` when not recognized). */
  op: string;
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Date.now() when the request arrived. */
  at: number;
  accessKeyId?: string;
  /** Service name in the SigV4 credential scope (S3 Control signs as `s3`). */
  signingService?: string;
  /** Region in the SigV4 credential scope: the Region the client was made for. */
  signingRegion?: string;
}

export interface Identity {
  account: string;
  arn: string;
  userId: string;
}

type Protocol = 'query' | 'ec2' | 'restxml' | 'json' | 'restjson';
export type ErrorSpec = { status: number; code: string; message: string };

export interface FakeAwsOptions {
  /** Access key id → identity. Requests signed with any other key get InvalidClientTokenId. */
  identities?: Record<string, Identity>;
  /** Access keys whose session has expired (every call answers ExpiredToken). */
  expiredKeys?: string[];
  /** Operation → error returned instead of the normal answer. */
  errors?: Record<string, ErrorSpec>;
  /** Operation → number of first requests answered with a throttling error. */
  throttle?: Record<string, number>;
  /** Serve container credentials at /container-credentials for this bearer token and access key. */
  container?: { token: string; accessKeyId: string };
  /** Operations that never answer (to exercise timeouts). */
  hang?: string[];
  /** Milliseconds to wait before answering any request. */
  delayMs?: number;
  /** Operation → replacement success body (object for JSON protocols, XML inner text for query/XML ones). */
  bodies?: Record<string, unknown>;
  /** Region (of the request's signature) → operation → replacement success body, before `bodies`. */
  regionBodies?: Record<string, Record<string, unknown>>;
}

export const DEFAULT_IDENTITY: Identity = { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/alice', userId: 'AIDAJQABLZS4A3QDU576Q' };

export class FakeAws {
  readonly requests: RecordedRequest[] = [];
  private server: http.Server;
  private throttled = new Map<string, number>();
  url = '';

  constructor(readonly options: FakeAwsOptions = {}) {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => (body += d));
      req.on('end', () => this.handle(req, res, body));
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  ops(): string[] {
    return this.requests.map((r) => r.op);
  }

  count(op: string): number {
    return this.requests.filter((r) => r.op === op).length;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const auth = String(req.headers.authorization ?? '');
    const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth);
    const { op, protocol } = identify(req, url, body);
    const rec: RecordedRequest = { op, method: req.method ?? '', path: url.pathname, headers: req.headers, body, at: Date.now() };
    if (scope) {
      rec.accessKeyId = scope[1];
      rec.signingRegion = scope[2];
      rec.signingService = scope[3];
    }
    this.requests.push(rec);
    if (op === 'container:credentials') return this.containerCredentials(req, res);
    if (this.options.hang?.includes(op)) return;
    if (this.options.delayMs) {
      setTimeout(() => this.respond(req, res, rec, protocol), this.options.delayMs);
      return;
    }
    this.respond(req, res, rec, protocol);
  }

  private respond(req: http.IncomingMessage, res: http.ServerResponse, rec: RecordedRequest, protocol: Protocol | undefined): void {
    const { op } = rec;
    const url = new URL(req.url ?? '/', 'http://x');
    if (!protocol) return send(res, 404, 'text/plain', `no such route ${req.method} ${url.pathname}`);

    const key = rec.accessKeyId ?? '';
    const identities = this.options.identities ?? { AKIAIOSFODNN7EXAMPLE: DEFAULT_IDENTITY };
    if (this.options.expiredKeys?.includes(key))
      return this.error(res, protocol, { status: 403, code: protocol === 'json' || protocol === 'restjson' ? 'ExpiredTokenException' : 'ExpiredToken', message: 'The security token included in the request is expired' });
    const identity = identities[key];
    if (!identity) return this.error(res, protocol, { status: 403, code: protocol === 'ec2' ? 'AuthFailure' : 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' });

    const limit = this.options.throttle?.[op] ?? 0;
    const seen = this.throttled.get(op) ?? 0;
    if (seen < limit) {
      this.throttled.set(op, seen + 1);
      const code = protocol === 'ec2' ? 'RequestLimitExceeded' : protocol === 'json' || protocol === 'restjson' ? 'ThrottlingException' : 'Throttling';
      return this.error(res, protocol, { status: protocol === 'ec2' ? 503 : 400, code, message: 'Rate exceeded' });
    }
    const err = this.options.errors?.[op];
    if (err) return this.error(res, protocol, err);
    this.success(res, op, protocol, identity, url, rec.signingRegion);
  }

  /** The ECS/EKS container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI), with its bearer token check. */
  private containerCredentials(req: http.IncomingMessage, res: http.ServerResponse): void {
    const c = this.options.container;
    if (!c || req.headers.authorization !== c.token) return send(res, 403, 'application/json', JSON.stringify({ message: 'bad token' }));
    const expiration = new Date(Date.now() + 3600_000).toISOString();
    send(res, 200, 'application/json', JSON.stringify({ AccessKeyId: c.accessKeyId, SecretAccessKey: 'containerSecretExample33333333333333333', Token: 'containerSessionTokenExample', Expiration: expiration, RoleArn: 'arn:aws:iam::123456789012:role/task' }));
  }

  private error(res: http.ServerResponse, protocol: Protocol, e: ErrorSpec): void {
    const rid = 'c6104cbe-af31-11e0-8154-cbc7ccf896c7';
    switch (protocol) {
      case 'query':
        return send(res, e.status, 'text/xml', `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${e.code}</Code><Message>${xml(e.message)}</Message></Error><RequestId>${rid}</RequestId></ErrorResponse>`);
      case 'ec2':
        return send(res, e.status, 'text/xml;charset=UTF-8', `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${e.code}</Code><Message>${xml(e.message)}</Message></Error></Errors><RequestID>${rid}</RequestID></Response>`);
      case 'restxml':
        return send(res, e.status, 'application/xml', `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Code>${e.code}</Code><Message>${xml(e.message)}</Message></Error><RequestId>${rid}</RequestId><HostId>host-id</HostId></ErrorResponse>`);
      case 'json':
        res.setHeader('x-amzn-RequestId', rid);
        return send(res, e.status, 'application/x-amz-json-1.1', JSON.stringify({ __type: e.code, message: e.message }));
      case 'restjson':
        res.setHeader('x-amzn-ErrorType', `${e.code}:http://internal.amazon.com/coral/com.amazonaws.service/`);
        res.setHeader('x-amzn-RequestId', rid);
        return send(res, e.status, 'application/json', JSON.stringify({ message: e.message, Message: e.message, Code: e.code }));
    }
  }

  private success(res: http.ServerResponse, op: string, protocol: Protocol, id: Identity, url: URL, region?: string): void {
    const override = (region !== undefined ? this.options.regionBodies?.[region]?.[op] : undefined) ?? this.options.bodies?.[op];
    const rid = '4ec3fa0d-1dd2-4d2b-9d9f-6a6b7c8d9e0f';
    if (protocol === 'json' || protocol === 'restjson') {
      res.setHeader('x-amzn-RequestId', rid);
      return send(res, 200, protocol === 'json' ? 'application/x-amz-json-1.1' : 'application/json', JSON.stringify(override ?? jsonBody(op, id, url)));
    }
    const inner = (override as string | undefined) ?? xmlBody(op, id);
    const name = op.split(':')[1]!;
    if (protocol === 'query') {
      const ns = op.startsWith('sts:') ? 'https://sts.amazonaws.com/doc/2011-06-15/' : 'https://iam.amazonaws.com/doc/2010-05-08/';
      return send(res, 200, 'text/xml', `<${name}Response xmlns="${ns}"><${name}Result>${inner}</${name}Result><ResponseMetadata><RequestId>${rid}</RequestId></ResponseMetadata></${name}Response>`);
    }
    if (protocol === 'ec2')
      return send(res, 200, 'text/xml;charset=UTF-8', `<?xml version="1.0" encoding="UTF-8"?>\n<${name}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${rid}</requestId>${inner}</${name}Response>`);
    return send(res, 200, 'application/xml', `<?xml version="1.0" encoding="UTF-8"?>\n${inner}`);
  }
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const QUERY_SERVICES: Record<string, string> = { '2011-06-15': 'sts', '2010-05-08': 'iam', '2016-11-15': 'ec2' };
const JSON_TARGETS: Record<string, string> = { CloudTrail_20131101: 'cloudtrail', StarlingDoveService: 'configservice' };

function identify(req: http.IncomingMessage, url: URL, body: string): { op: string; protocol?: Protocol } {
  const method = req.method ?? 'GET';
  const ct = String(req.headers['content-type'] ?? '');
  if (method === 'POST' && ct.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(body);
    const service = QUERY_SERVICES[form.get('Version') ?? ''];
    const action = form.get('Action') ?? '';
    if (service) return { op: `${service}:${action}`, protocol: service === 'ec2' ? 'ec2' : 'query' };
  }
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') {
    const [prefix, action] = target.split('.');
    const service = JSON_TARGETS[prefix ?? ''];
    if (service) return { op: `${service}:${action}`, protocol: 'json' };
  }
  const p = url.pathname;
  if (method === 'GET' && p === '/container-credentials') return { op: 'container:credentials' };
  if (p === '/v20180820/configuration/publicAccessBlock') return { op: `s3control:${method === 'GET' ? 'GetPublicAccessBlock' : method === 'PUT' ? 'PutPublicAccessBlock' : 'DeletePublicAccessBlock'}`, protocol: 'restxml' };
  if (method === 'GET' && p === '/detector') return { op: 'guardduty:ListDetectors', protocol: 'restjson' };
  if (method === 'GET' && /^\/detector\/[^/]+$/.test(p)) return { op: 'guardduty:GetDetector', protocol: 'restjson' };
  if (method === 'GET' && p === '/accounts') return { op: 'securityhub:DescribeHub', protocol: 'restjson' };
  if (method === 'POST' && p === '/standards/get') return { op: 'securityhub:GetEnabledStandards', protocol: 'restjson' };
  if (method === 'GET' && p === '/analyzer') return { op: 'accessanalyzer:ListAnalyzers', protocol: 'restjson' };
  return { op: `unknown:${method} ${p}` };
}

function xmlBody(op: string, id: Identity): string {
  switch (op) {
    case 'sts:GetCallerIdentity':
      return `<Arn>${id.arn}</Arn><UserId>${id.userId}</UserId><Account>${id.account}</Account>`;
    case 's3control:GetPublicAccessBlock':
      return '<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>';
    case 'ec2:GetEbsEncryptionByDefault':
      return '<ebsEncryptionByDefault>true</ebsEncryptionByDefault><sseType>sse-ebs</sseType>';
    case 'ec2:GetEbsDefaultKmsKeyId':
      return `<kmsKeyId>arn:aws:kms:eu-west-1:${id.account}:key/1234abcd-12ab-34cd-56ef-1234567890ab</kmsKeyId>`;
    case 'ec2:GetInstanceMetadataDefaults':
      return '<accountLevel><httpTokens>required</httpTokens><httpPutResponseHopLimit>2</httpPutResponseHopLimit><httpEndpoint>enabled</httpEndpoint><instanceMetadataTags>disabled</instanceMetadataTags><managedBy>account</managedBy></accountLevel>';
    case 'ec2:GetSnapshotBlockPublicAccessState':
      return '<state>block-all-sharing</state><managedBy>account</managedBy>';
    case 'iam:GetAccountSummary':
      return `<SummaryMap>${[
        ['Users', 27],
        ['AccountMFAEnabled', 0],
        ['AccountAccessKeysPresent', 1],
        ['Roles', 40],
        ['Policies', 8],
        ['MFADevices', 6],
        ['MFADevicesInUse', 3],
        ['UsersQuota', 5000],
      ]
        .map(([k, v]) => `<entry><key>${k}</key><value>${v}</value></entry>`)
        .join('')}</SummaryMap>`;
    case 'iam:GetAccountPasswordPolicy':
      return '<PasswordPolicy><AllowUsersToChangePassword>true</AllowUsersToChangePassword><RequireLowercaseCharacters>true</RequireLowercaseCharacters><RequireUppercaseCharacters>true</RequireUppercaseCharacters><MinimumPasswordLength>8</MinimumPasswordLength><RequireNumbers>true</RequireNumbers><RequireSymbols>true</RequireSymbols><ExpirePasswords>false</ExpirePasswords></PasswordPolicy>';
    default:
      return '';
  }
}

function jsonBody(op: string, id: Identity, url: URL): unknown {
  switch (op) {
    case 'cloudtrail:DescribeTrails':
      return {
        trailList: [
          {
            Name: 'org-trail',
            S3BucketName: 'aws-cloudtrail-logs-org',
            IncludeGlobalServiceEvents: true,
            IsMultiRegionTrail: true,
            HomeRegion: 'us-east-1',
            TrailARN: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail',
            LogFileValidationEnabled: true,
            HasCustomEventSelectors: false,
            HasInsightSelectors: false,
            IsOrganizationTrail: true,
          },
        ],
      };
    case 'cloudtrail:GetTrailStatus':
      return { IsLogging: true, LatestDeliveryTime: 1763900000.123, StartLoggingTime: 1700000000.0, LatestDeliveryAttemptTime: '2025-11-23T10:00:00Z' };
    case 'guardduty:ListDetectors':
      return { detectorIds: ['12abc34d567e8fa901bc2d34e56789f0'] };
    case 'guardduty:GetDetector':
      return { createdAt: '2024-03-01T10:00:00.000Z', findingPublishingFrequency: 'SIX_HOURS', serviceRole: `arn:aws:iam::${id.account}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`, status: url.pathname.endsWith('disabled') ? 'DISABLED' : 'ENABLED', updatedAt: '2025-01-01T10:00:00.000Z' };
    case 'configservice:DescribeConfigurationRecorders':
      return { ConfigurationRecorders: [{ name: 'default', roleARN: `arn:aws:iam::${id.account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [] } }] };
    case 'configservice:DescribeConfigurationRecorderStatus':
      return { ConfigurationRecordersStatus: [{ name: 'default', lastStartTime: 1700000000.0, recording: false, lastStatus: 'SUCCESS', lastStatusChangeTime: 1700000100.0 }] };
    case 'securityhub:DescribeHub':
      return { HubArn: `arn:aws:securityhub:eu-west-1:${id.account}:hub/default`, SubscribedAt: '2024-01-15T10:00:00.000Z', AutoEnableControls: true, ControlFindingGenerator: 'SECURITY_CONTROL' };
    case 'securityhub:GetEnabledStandards':
      return { StandardsSubscriptions: [{ StandardsSubscriptionArn: `arn:aws:securityhub:eu-west-1:${id.account}:subscription/aws-foundational-security-best-practices/v/1.0.0`, StandardsArn: 'arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0', StandardsInput: {}, StandardsStatus: 'READY' }] };
    case 'accessanalyzer:ListAnalyzers':
      return { analyzers: [{ arn: `arn:aws:access-analyzer:eu-west-1:${id.account}:analyzer/ConsoleAnalyzer-1a2b`, name: 'ConsoleAnalyzer-1a2b', type: 'ACCOUNT', createdAt: '2024-01-01T00:00:00Z', status: 'ACTIVE' }] };
    default:
      return {};
  }
}
