/**
 * Uploads one file in a process of its own and reports its memory, so the parent can tell
 * constant-memory streaming from buffering: `{ baselineRssBytes, peakRssBytes, bytes }` on stdout.
 * Input from the environment: UPLOAD_URL, UPLOAD_FILE, UPLOAD_TRANSPORT (`undici` | `fetch`).
 */
import { uploadPackage } from '../../src/upload/index.js';

const baselineRssBytes = process.memoryUsage().rss;
const result = await uploadPackage(
  {
    baseUrl: process.env.UPLOAD_URL ?? '',
    tokens: { getToken: async () => ({ token: 'child-token' }) },
    transport: process.env.UPLOAD_TRANSPORT === 'fetch' ? 'fetch' : 'undici',
  },
  { packageId: '1', file: process.env.UPLOAD_FILE ?? '' },
);
process.stdout.write(
  JSON.stringify({
    baselineRssBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    bytes: result.bytes,
  }),
);
