/** callback-dispatcher's NATS subjects: the delivery log and replay, served through the gateway. */
export const CallbackSubjects = {
  list: 'callback-dispatcher.callback.list',
  retry: 'callback-dispatcher.callback.retry',
  retryFailed: 'callback-dispatcher.callback.retry_failed',
} as const;

/** The queue only callback-dispatcher adds to; job id = the verify event's id (a replay: `<id>-r<n>`). */
export const CallbackQueues = {
  statusCallbacks: { name: 'callback-dispatcher.status-callbacks', jobs: ['send'] },
} as const;
