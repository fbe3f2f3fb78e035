/**
 * The one HTTP layer every connector uses: {@link dev.sextant.connectors.http.SourceHttp} with timeouts, retries
 * with jittered exponential back-off, rate limits honoured from the response
 * ({@link dev.sextant.connectors.http.RateLimitRule}), a per-source concurrency cap, ETag revalidation, and paging
 * helpers ({@link dev.sextant.connectors.http.LinkHeader}).
 */
package dev.sextant.connectors.http;
