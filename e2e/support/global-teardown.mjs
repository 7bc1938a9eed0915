// Stops the stack the global setup booted.
export default async function globalTeardown() {
  await globalThis.__signetStack?.stop();
}
