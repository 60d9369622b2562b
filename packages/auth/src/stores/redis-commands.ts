import { JamfAuthError } from '../errors.js';

/** The part of an ioredis client the store uses (`Redis` or `Cluster`). */
export interface IoredisLike {
  call(command: string, ...args: Array<string | number>): Promise<unknown>;
}

/** The part of a node-redis (`redis` v4/v5) client the store uses. */
export interface NodeRedisLike {
  sendCommand(args: string[]): Promise<unknown>;
}

/** A Redis client the store accepts: ioredis or node-redis, told apart by shape. */
export type RedisClientLike = IoredisLike | NodeRedisLike;

/** Sends one raw command, whichever client it is given; the store speaks only raw commands. */
export type SendRedisCommand = (command: string, ...args: string[]) => Promise<unknown>;

/** Picks how to send raw commands to `client`; throws `STORE_UNSUPPORTED_CLIENT` otherwise. */
export function redisCommandSender(client: RedisClientLike): SendRedisCommand {
  // ioredis also has a `sendCommand`, but one taking Command objects, so test `call` first.
  if (typeof (client as IoredisLike).call === 'function') {
    const io = client as IoredisLike;
    return (command, ...args) => io.call(command, ...args);
  }
  if (typeof (client as NodeRedisLike).sendCommand === 'function') {
    const node = client as NodeRedisLike;
    return (command, ...args) => node.sendCommand([command, ...args]);
  }
  throw new JamfAuthError(
    'STORE_UNSUPPORTED_CLIENT',
    'redisTokenStore needs an ioredis client or a node-redis client',
  );
}
