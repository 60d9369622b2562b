// The baseline: a file that imports nothing, so `tsc` costs only its own start-up and lib files.
export function run(): Promise<number> {
  return Promise.resolve(1);
}
