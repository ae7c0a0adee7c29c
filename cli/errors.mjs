/** An error the person running the command can fix (bad arguments, missing Chromium, unreachable page): exit code 2. */
export class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UsageError';
  }
}
