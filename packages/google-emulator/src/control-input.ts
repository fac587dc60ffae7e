/** A control request the emulator refuses: answered 400 with the sentence. */
export class ControlError extends Error {}

/** Control bodies are unchecked JSON, so dates are checked here. */
export function instant(value: Date | string, name: string): number {
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) throw new ControlError(`${name} must be a date`);
  return ms;
}
