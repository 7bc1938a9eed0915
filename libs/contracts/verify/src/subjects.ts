export const VerifySubjects = {
  sessionCreate: 'verify.session.create',
  sessionGet: 'verify.session.get',
  sessionList: 'verify.session.list',
  sessionValidate: 'verify.session.validate',
  appCreate: 'verify.app.create',
  appList: 'verify.app.list',
  appGet: 'verify.app.get',
  appUpdate: 'verify.app.update',
  appDelete: 'verify.app.delete',
  outboxList: 'verify.outbox.list',
} as const;
