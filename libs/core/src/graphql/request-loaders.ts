import DataLoader from 'dataloader';

/**
 * Per-request DataLoader registry: resolvers ask for a loader by name, the first call builds it.
 * Lives on the GraphQL context, so batching and caching never outlive one request (for a
 * subscription, one event: `withFreshLoaders`).
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}
