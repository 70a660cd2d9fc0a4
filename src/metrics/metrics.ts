import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Counts a cache keeps of its own lookups. */
export interface LookupCounts {
  hits: number;
  misses: number;
}

/** Where the metrics read what other parts count themselves (read at each scrape). */
export interface MetricSources {
  /** Caches by name (`responses`, `typeViews`). */
  caches: Record<string, LookupCounts>;
  /** Whether the instance is ready (1) or not (0). */
  ready(): boolean;
  /** Restarts of the embedded database so far (absent without one). */
  embeddedRestarts?(): number;
  /** Whether to add prom-client's process metrics (memory, CPU, event loop; the server's one registry only). */
  processMetrics?: boolean;
}

/** Upper bounds of the latency histogram, in seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One instance's Prometheus metrics (prom-client, its own registry so that several gateways can
 * live in one process): requests and their latency per listener, route pattern and status, access
 * denials, cache lookups, readiness, restarts of the embedded database, and the process defaults.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests: Counter<'listener' | 'method' | 'route' | 'status'>;
  readonly latency: Histogram<'listener' | 'method' | 'route' | 'status'>;
  readonly denials: Counter<'surface' | 'reason'>;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'contentgate_http_requests_total',
      help: 'HTTP requests answered, by listener, method, route pattern and status',
      labelNames: ['listener', 'method', 'route', 'status'],
      registers,
    });
    this.latency = new Histogram({
      name: 'contentgate_http_request_duration_seconds',
      help: 'Time from a request arriving to its answer being sent',
      labelNames: ['listener', 'method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.denials = new Counter({
      name: 'contentgate_access_denials_total',
      help: 'Requests refused for their key: unauthenticated (401) or forbidden (403, GraphQL FORBIDDEN)',
      labelNames: ['surface', 'reason'],
      registers,
    });
    new Counter({
      name: 'contentgate_cache_lookups_total',
      help: 'Lookups of the in-process caches (responses: cached answers; typeViews: in-memory copies of types)',
      labelNames: ['cache', 'result'],
      registers,
      collect() {
        this.reset();
        for (const [cache, counts] of Object.entries(sources.caches)) {
          this.labels({ cache, result: 'hit' }).inc(counts.hits);
          this.labels({ cache, result: 'miss' }).inc(counts.misses);
        }
      },
    });
    new Gauge({
      name: 'contentgate_ready',
      help: 'Whether this instance is ready to serve (1) or not (0: database not open yet, or shutting down)',
      registers,
      collect() {
        this.set(sources.ready() ? 1 : 0);
      },
    });
    if (sources.embeddedRestarts) {
      const restarts = sources.embeddedRestarts;
      new Counter({
        name: 'contentgate_embedded_database_restarts_total',
        help: 'Times the embedded database was started again after it died',
        registers,
        collect() {
          this.reset();
          this.inc(restarts());
        },
      });
    }
    if (sources.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'contentgate_' });
  }

  /** The exposition text for a scrape, and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
