export type { IoredisLike, NodeRedisLike, RedisClientLike } from './redis-commands.js';
export type { RedisTokenStoreOptions } from './redis-token-store.js';
export { redisTokenStore } from './redis-token-store.js';
