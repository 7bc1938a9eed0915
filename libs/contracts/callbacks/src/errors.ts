export const CallbackErrors = {
  CALLBACK_NOT_FOUND: 'CALLBACKS_CALLBACK_NOT_FOUND',
  /** The session's `url` is not an http(s) URL on a public address (see libs/net-guard). */
  URL_NOT_ALLOWED: 'CALLBACKS_URL_NOT_ALLOWED',
} as const;
