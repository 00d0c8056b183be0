import { privacyChecks } from './privacy.ts';

privacyChecks('chromium');
