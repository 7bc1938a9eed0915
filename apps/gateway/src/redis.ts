/** The gateway's Redis client (rate limits, throttles, the development mail catcher). */
export const REDIS = Symbol('REDIS');
