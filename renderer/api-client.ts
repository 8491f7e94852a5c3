import type { Api, ApiErrorCode, ApiResult, Bridge } from '../main/ipc/contract.ts';

/** An error answered by the main process, with its code (bad-input, sign-in-required, network, ...). */
export class ApiError extends Error {
  override readonly name: string = 'ApiError';
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** The Api as the page uses it: each bridge call's ApiResult unwrapped, errors thrown as ApiError. */
export function apiClient(bridge: Bridge): Api {
  return new Proxy({} as Api, {
    get:
      (_target, method: string) =>
      async (...args: unknown[]) => {
        const call = bridge[method as keyof Bridge] as ((...a: unknown[]) => Promise<ApiResult<unknown>>) | undefined;
        if (!call) throw new ApiError('internal', `Unknown operation ${method}.`);
        const result = await call(...args);
        if (!result.ok) throw new ApiError(result.error.code, result.error.message);
        return result.value;
      },
  });
}
