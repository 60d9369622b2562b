// Preloaded into measured child processes (node --import): on exit, writes the process's own
// resource usage to the file named by BENCH_RUSAGE_FILE, so the parent gets peak memory and CPU.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RUSAGE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({
        maxRssBytes: usage.maxRSS * 1024,
        userCpuMs: usage.userCPUTime / 1000,
        systemCpuMs: usage.systemCPUTime / 1000,
      }),
    );
  });
}
