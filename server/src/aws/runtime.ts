// Everything that pulls in the AWS SDK, gathered in one module that esbuild builds as its own file
// (dist/aws-posture.js). The CLI and the server load it only when an account is used, so `demarc --version` and
// the server's initialize never parse the SDK's megabytes.
export { PostureCache } from './cache';
export { AccountError, loadPosture } from './posture';
export { setAccountLogSink } from './log';
