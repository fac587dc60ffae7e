export { startCatcher, type Catcher, type CatcherOptions } from "./catcher.ts";
export type { CaughtMessage } from "./caught-message.ts";
