import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/free-port.ts';

/** The pool and app client written into cognito-local's data files (its own CreateUserPool names pools "local_..."). */
export const LOCAL_POOL = 'us-east-1_CogLocal1';
export const LOCAL_CLIENT = 'cognitolocalclient1';

/** A running cognito-local (the npm package, code we did not write), on its own port and data folder. */
export interface CognitoLocal {
  endpoint: string;
  /** Calls one of its operations (admin ones need no credentials there). */
  call(operation: string, body: Record<string, unknown>): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/**
 * Writes the pool (MFA optional, plain usernames) and client into the data folder, since cognito-local's
 * CreateUserPool only makes "local_" ids, which are not valid AWS pool ids; then starts it and waits.
 */
function writeDataFiles(dir: string): void {
  const db = join(dir, '.cognito', 'db');
  mkdirSync(db, { recursive: true });
  const now = new Date().toISOString();
  const options = {
    Id: LOCAL_POOL,
    Name: 'ctm-tests',
    UsernameAttributes: [],
    MfaConfiguration: 'OPTIONAL',
    LambdaConfig: {},
    SchemaAttributes: [],
    Policies: {
      PasswordPolicy: {
        MinimumLength: 8,
        RequireUppercase: false,
        RequireLowercase: false,
        RequireNumbers: false,
        RequireSymbols: false,
        TemporaryPasswordValidityDays: 7,
      },
    },
    CreationDate: now,
    LastModifiedDate: now,
  };
  writeFileSync(join(db, `${LOCAL_POOL}.json`), JSON.stringify({ Users: {}, Options: options }));
  const client = {
    ClientId: LOCAL_CLIENT,
    ClientName: 'ctm',
    UserPoolId: LOCAL_POOL,
    CreationDate: now,
    LastModifiedDate: now,
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  };
  writeFileSync(join(db, 'clients.json'), JSON.stringify({ Clients: { [LOCAL_CLIENT]: client } }));
}

function waitForStart(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`cognito-local did not start: ${output.slice(-500)}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Cognito Local running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cognito-local exited (${code}): ${output.slice(-500)}`));
    });
  });
}

/** Creates a confirmed user with a permanent password (cognito-local's admin operations need no credentials). */
export async function addLocalUser(local: CognitoLocal, username: string, password: string): Promise<void> {
  await local.call('AdminCreateUser', { UserPoolId: LOCAL_POOL, Username: username, MessageAction: 'SUPPRESS' });
  await local.call('AdminSetUserPassword', {
    UserPoolId: LOCAL_POOL,
    Username: username,
    Password: password,
    Permanent: true,
  });
}

/** Starts cognito-local as a child process. */
export async function startCognitoLocal(): Promise<CognitoLocal> {
  const dir = mkdtempSync(join(tmpdir(), 'ctm-cognito-local-'));
  writeDataFiles(dir);
  const port = await freePort();
  const child = spawn(process.execPath, [join(process.cwd(), 'node_modules/cognito-local/lib/bin/start.js')], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForStart(child);
  child.stdout?.resume();
  child.stderr?.resume();
  const endpoint = `http://127.0.0.1:${port}/`;
  return {
    endpoint,
    async call(operation, body) {
      const response = await fetch(endpoint, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
        },
      });
      const answer = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`${operation}: ${JSON.stringify(answer)}`);
      return answer;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
