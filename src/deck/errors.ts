/** A deck, backup or other input that failed validation. The message names file, path and field. */
export class ValidationError extends Error {
  constructor(
    readonly file: string,
    /** JSON path of the offending value, e.g. `facts[3].distractors[1]`. */
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${file}: ${path || '(root)'}: ${problem}`);
    this.name = 'ValidationError';
  }
}

/** Several validation problems in one input; `errors[0]` is the first found. */
export class ValidationErrors extends Error {
  constructor(readonly errors: ValidationError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'ValidationErrors';
  }
}

/** Join a valibot-style path of keys into `facts[3].answer`. */
export function formatPath(keys: readonly (string | number)[]): string {
  return keys
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`))
    .join('');
}
