import { interleave } from './interleave.js';
import { closedLoop } from './load.js';

/** A named client call to load-test. */
export type NamedCall = readonly [name: string, call: () => Promise<void>];

/** Settings of {@link interleavedLoad}. */
export interface InterleavedLoadOptions {
  warmupRequests: number;
  /** Requests per measured sample of each call. */
  requests: number;
  inFlight: number;
  rounds: number;
  log: (line: string) => void;
}

/** Per call: req/s and client CPU (µs per request) of every measured round. */
export interface InterleavedLoad {
  requestsPerSecond: Map<string, number[]>;
  clientCpuMicros: Map<string, number[]>;
}

/**
 * Warms each call up, then runs closed-loop samples of all of them interleaved round by round,
 * recording req/s and this process's CPU per request. Client CPU moves far less than wall time
 * when other processes compete for the cores, so comparisons should read both.
 */
export async function interleavedLoad(
  calls: readonly NamedCall[],
  options: InterleavedLoadOptions,
): Promise<InterleavedLoad> {
  const { warmupRequests, requests, inFlight, rounds, log } = options;
  for (const [name, call] of calls) {
    log(`warm-up ${name}`);
    await closedLoop(warmupRequests, inFlight, call);
  }
  const clientCpuMicros = new Map<string, number[]>(calls.map(([name]) => [name, []]));
  const requestsPerSecond = await interleave(
    calls.map(([name, call]) => ({
      name,
      run: async () => {
        const cpu = process.cpuUsage();
        const load = await closedLoop(requests, inFlight, call);
        const used = process.cpuUsage(cpu);
        clientCpuMicros.get(name)!.push((used.user + used.system) / requests);
        return load.requestsPerSecond;
      },
    })),
    {
      rounds,
      warmupRounds: 0,
      onSample: (round, name) => log(`round ${round + 1}/${rounds}: ${name}`),
    },
  );
  return { requestsPerSecond, clientCpuMicros };
}
