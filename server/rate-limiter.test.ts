import { memoryRateLimiters } from './rate-limiter';
import { rateLimiterContract } from './rate-limiter-contract';

rateLimiterContract('memory', async () => memoryRateLimiters);
