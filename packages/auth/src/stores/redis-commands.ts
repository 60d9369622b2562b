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

/**
 * `send` with each command bounded by `timeoutMs` and every failure as `STORE_UNAVAILABLE`: a
 * client with no server may queue commands for ever (ioredis with `maxRetriesPerRequest: null`,
 * node-redis while it reconnects), and its own errors may carry the command's arguments (a
 * token) in fields `util.inspect` prints, so only their name and message are kept as the cause.
 */
export function boundedSender(send: SendRedisCommand, timeoutMs: number): SendRedisCommand {
  return async (command, ...args) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new JamfAuthError(
              'STORE_UNAVAILABLE',
              `Redis did not answer ${command} within ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([send(command, ...args), timedOut]);
    } catch (error) {
      if (error instanceof JamfAuthError) throw error;
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      throw new JamfAuthError('STORE_UNAVAILABLE', `Redis ${command} failed: ${message}`, {
        cause: new Error(`${name}: ${message}`),
      });
    } finally {
      clearTimeout(timer);
    }
  };
}
