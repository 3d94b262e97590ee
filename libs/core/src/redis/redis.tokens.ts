/** The shared ioredis client; every key it touches gets REDIS_PREFIX automatically. */
export const REDIS = Symbol('REDIS');
