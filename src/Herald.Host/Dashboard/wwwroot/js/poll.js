// Short polling: runs refresh now and again interval ms after each run ends; stop() ends it (when the page changes).
export function poll(refresh, interval) {
  let stopped = false;
  let timer = 0;
  const run = async () => {
    try {
      await refresh();
    } finally {
      if (!stopped) timer = setTimeout(run, interval);
    }
  };
  run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
