// The clock the sign-in code reads and waits with; injectable, so that tests advance time instead of waiting.
export interface Clock {
  now(): Date;
  /** Waits `ms` milliseconds (a fake clock advances itself instead). */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
