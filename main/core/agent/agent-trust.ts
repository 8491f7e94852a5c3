import { lstatSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { currentUid, describeAccount } from './local-account.ts';

/**
 * Why a config folder cannot hold the token agent's socket, or undefined when it can: it must belong to this account
 * and no other account may open it (the rule gpg-agent applies to its own folder). The agent applies it before it
 * listens, and ctm before it believes an answer: the one rule, in one place.
 */
export function privateFolderProblem(
  folder: string,
  info: Pick<Stats, 'uid' | 'mode'>,
  uid = currentUid(),
): string | undefined {
  if (uid !== undefined && info.uid !== uid)
    return `the config folder ${folder} belongs to account ${describeAccount(info.uid)}, not to you (${describeAccount(uid)}); use a folder of your own (set CTM_CONFIG_DIR)`;
  if ((info.mode & 0o022) !== 0)
    return `the config folder ${folder} can be changed by other accounts; run: chmod 700 '${folder}'`;
  if ((info.mode & 0o077) !== 0)
    return `the config folder ${folder} can be opened by other accounts; run: chmod 700 '${folder}'`;
  return undefined;
}

/** Who an agent's socket belongs to, once its place checked out. */
export interface TrustedSocket {
  trusted: true;
  /** The socket file's owner: the account whose process bound it. */
  ownerUid: number;
}

/** A socket ctm will not talk to, and why (one line a person can act on). */
export interface UntrustedSocket {
  trusted: false;
  reason: string;
}

/**
 * Checks an agent socket before anything is sent to it (ssh and gpg check their agents' folders the same way): the
 * folder passes `privateFolderProblem`, and the socket is a socket this account owns that no one else may write.
 * Nobody else can then swap it between this check and the connect: only the owner can change a private folder.
 */
export function verifyAgentSocket(socketPath: string, uid = currentUid()): TrustedSocket | UntrustedSocket {
  const folder = dirname(socketPath);
  let folderInfo: Stats;
  let socketInfo: Stats;
  try {
    folderInfo = statSync(folder);
    socketInfo = lstatSync(socketPath);
  } catch {
    return { trusted: false, reason: `there is no socket at ${socketPath}` };
  }
  const folderProblem = privateFolderProblem(folder, folderInfo, uid);
  if (folderProblem) return { trusted: false, reason: folderProblem };
  if (!socketInfo.isSocket()) return { trusted: false, reason: `${socketPath} is not a socket` };
  if (uid !== undefined && socketInfo.uid !== uid)
    return {
      trusted: false,
      reason: `${socketPath} belongs to account ${describeAccount(socketInfo.uid)}, not to you (${describeAccount(uid)})`,
    };
  if ((socketInfo.mode & 0o022) !== 0) return { trusted: false, reason: `${socketPath} can be used by other accounts` };
  return { trusted: true, ownerUid: socketInfo.uid };
}
