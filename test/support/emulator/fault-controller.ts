/** What a request hit by a fault gets instead of (or on top of) its normal answer. */
export type FaultOutcome =
  | { kind: 'fail'; status: 500 | 503 }
  | { kind: 'throttle'; type: 'TooManyRequestsException' | 'LimitExceededException' }
  | { kind: 'reset' }
  | { kind: 'lambda'; trigger: string }
  | { kind: 'unknown'; style: UnknownOperationStyle };

/** How a server that lacks an operation answers: AWS's JSON protocol, or cognito-local (npm) as it does today. */
export type UnknownOperationStyle = 'aws' | 'cognito-local';

interface OutcomeRule {
  op: string;
  outcome: FaultOutcome;
  remaining: number;
}

/** Faults tests inject per operation ('*' = every operation); `times` omitted = until clear(). */
export interface FaultController {
  latency(op: string, ms: number): void;
  fail(op: string, options: { status: 500 | 503; times?: number }): void;
  throttle(op: string, options: { type: 'TooManyRequestsException' | 'LimitExceededException'; times?: number }): void;
  resetConnection(op: string, options?: { times?: number }): void;
  /** UnexpectedLambdaException from a trigger (default PreTokenGeneration, which runs on every refresh). */
  lambdaFailure(op: string, options?: { trigger?: string; times?: number }): void;
  /** Answers as a server that does not have the operation (an older emulator, cognito-local). */
  unknownOperation(op: string, options?: { style?: UnknownOperationStyle; times?: number }): void;
  /** Resets every connection for `ms` milliseconds of wall-clock time. */
  down(ms: number): void;
  clear(): void;
}

/** The controller plus what the server asks it for each request. */
export interface FaultPlan extends FaultController {
  isDown(): boolean;
  latencyFor(op: string): number;
  takeOutcome(op: string): FaultOutcome | undefined;
}

/** A fresh plan with no faults. */
export function createFaultPlan(): FaultPlan {
  let latencies: { op: string; ms: number }[] = [];
  let rules: OutcomeRule[] = [];
  let downUntil = 0;
  const matches = (rule: { op: string }, op: string): boolean => rule.op === '*' || rule.op === op;
  const add = (op: string, outcome: FaultOutcome, times: number | undefined): void => {
    rules.push({ op, outcome, remaining: times ?? Number.POSITIVE_INFINITY });
  };
  return {
    latency: (op, ms) => void latencies.push({ op, ms }),
    fail: (op, options) => add(op, { kind: 'fail', status: options.status }, options.times),
    throttle: (op, options) => add(op, { kind: 'throttle', type: options.type }, options.times),
    resetConnection: (op, options) => add(op, { kind: 'reset' }, options?.times),
    lambdaFailure: (op, options) =>
      add(op, { kind: 'lambda', trigger: options?.trigger ?? 'PreTokenGeneration' }, options?.times),
    unknownOperation: (op, options) => add(op, { kind: 'unknown', style: options?.style ?? 'aws' }, options?.times),
    down: (ms) => {
      downUntil = Date.now() + ms;
    },
    clear: () => {
      latencies = [];
      rules = [];
      downUntil = 0;
    },
    isDown: () => Date.now() < downUntil,
    latencyFor: (op) => latencies.filter((rule) => matches(rule, op)).reduce((sum, rule) => sum + rule.ms, 0),
    takeOutcome: (op) => {
      const rule = rules.find((candidate) => candidate.remaining > 0 && matches(candidate, op));
      if (!rule) return undefined;
      rule.remaining -= 1;
      return rule.outcome;
    },
  };
}
