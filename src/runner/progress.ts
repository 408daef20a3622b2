/** Progress of a run; the Node entry installs a terminal bar, the browser may install its own. */
export interface ProgressReporter {
  start(totalSteps: number): void;
  update(doneSteps: number): void;
  stop(): void;
}

let defaultFactory: (() => ProgressReporter | undefined) | undefined;

/** Set what `progress: true` shows (the Node entry sets a terminal bar that is silent without a TTY). */
export function setDefaultProgress(factory: (() => ProgressReporter | undefined) | undefined): void {
  defaultFactory = factory;
}

export function defaultProgress(): ProgressReporter | undefined {
  return defaultFactory?.();
}
