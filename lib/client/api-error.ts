export type TProblem = {
  status: number;
  title: string;
  detail: string;
  requestId?: string;
  errors?: { path: string; message: string; line?: number }[];
};

export class ApiError extends Error {
  constructor(
    readonly problem: TProblem,
    /** The server's `Retry-After` (429, 503), in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
  }

  /** The message for one field, for showing next to that field in a form. */
  fieldMessage(path: string): string | undefined {
    return this.problem.errors?.find((e) => e.path === path)?.message;
  }
}
