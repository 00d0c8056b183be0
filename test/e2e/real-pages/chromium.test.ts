import { realPageChecks } from '../real-page-checks.ts';
import { benchmarkPages, realPages } from '../page-cases.ts';

realPageChecks('chromium', 'real-pages', realPages, 0.9);
realPageChecks('chromium', 'article-extraction-benchmark', benchmarkPages, 0.9);
