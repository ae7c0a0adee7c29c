/**
 * An error the person running the command can fix (bad arguments, missing
 * Chromium, unreachable page): exit code 2. `usage: false` when printing the
 * usage text would not help (the arguments were fine).
 */
export class UsageError extends Error {
  constructor(message, { usage = true } = {}) {
    super(message);
    this.name = 'UsageError';
    this.usage = usage;
  }
}
