import { realPageChecks } from '../real-page-checks.ts';
import { benchmarkPages, realPages } from '../page-cases.ts';

// Popups can't be closed over BiDi; a fresh browser every 40 keeps memory flat.
realPageChecks('firefox', 'real-pages', realPages, { minShare: 0.9, popupsPerLaunch: 40 });
realPageChecks('firefox', 'article-extraction-benchmark', benchmarkPages, { minShare: 0.9, popupsPerLaunch: 40 });
