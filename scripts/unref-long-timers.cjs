// Preloaded (NODE_OPTIONS=--require) into the Prisma CLI on PostgreSQL only: the Prisma 6.19 wasm schema engine
// leaves a 10 s timer pending after `migrate deploy`, so the process would idle 10 s before exiting. Long timers
// are unref'd so Node exits as soon as the real work (sockets, I/O) is done.
const setTimeoutOriginal = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(fn, ms, ...args) {
  const timer = setTimeoutOriginal.call(this, fn, ms, ...args);
  if (ms >= 10000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
