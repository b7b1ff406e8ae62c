/**
 * Thrown by work that cannot finish yet through nobody's fault (another process's deployment of
 * the same commit is in flight): the queue retries the delivery at `retryAt`, without counting an attempt.
 */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly retryAt: Date,
  ) {
    super(message);
    this.name = "RetryLater";
  }
}
