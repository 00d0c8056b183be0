import { privacyChecks } from './privacy.ts';

privacyChecks('firefox');
