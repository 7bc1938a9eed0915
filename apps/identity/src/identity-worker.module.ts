import { Module } from '@nestjs/common';
import { EmailsWorker } from './console/mail/emails.worker.js';
import { IDENTITY_CONFIG, loadIdentityConfig } from './config/identity.config.js';

/** Identity's queue processors: `identity.emails` (console mail over SMTP, or the development catcher). */
@Module({
  providers: [{ provide: IDENTITY_CONFIG, useFactory: loadIdentityConfig }, EmailsWorker],
})
export class IdentityWorkerModule {}
