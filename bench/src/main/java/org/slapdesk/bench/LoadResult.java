package org.slapdesk.bench;

/** One round of a workload: calls per second, latency percentiles (seconds), failed calls. */
record LoadResult(int calls, double perSecond, double p50, double p99, int errors) {}
