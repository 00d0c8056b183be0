import { realPageChecks } from '../real-page-checks.ts';
import { benchmarkPages, realPages } from '../page-cases.ts';

realPageChecks('chromium', 'real-pages', realPages, { minShare: 0.9 });
realPageChecks('chromium', 'article-extraction-benchmark', benchmarkPages, { minShare: 0.9 });
