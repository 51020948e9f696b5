/** Reasons our own timers abort with, so an abort can be told apart from a timeout. */
export class TimeoutReason {
  constructor(
    readonly scope: 'attempt' | 'total',
    readonly ms: number,
  ) {}
}
