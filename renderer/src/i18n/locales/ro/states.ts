/** What the person can do about a failure, beside its sentence (errors.ts): by AppError.state. */
export const states = {
  reconnect: 'Reconectați',
  openSettings: 'Verificați profilul în Setări',
  cachedAge: 'Se arată datele salvate, sincronizate {{age}}.',
  cachedNever: 'Nu există încă date salvate.',
  detail: 'Detalii: {{detail}}',
} as const;
