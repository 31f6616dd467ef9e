// The HTTP handler of every SDK client: the SDK's own NodeHttpHandler with a connection and a
// request timeout, which also aborts a request when the operation it belongs to is cancelled.

import { currentAbortSignal, type RequestTimeouts } from './cancellation';
import { loadSmithy } from './lazySdk';

type NodeHttpHandler = InstanceType<ReturnType<typeof loadSmithy>['NodeHttpHandler']>;
type HandleArgs = Parameters<NodeHttpHandler['handle']>;

export class CancellableRequestHandler {
  private readonly inner: NodeHttpHandler;
  readonly metadata = { handlerProtocol: 'http/1.1' };

  constructor(timeouts: RequestTimeouts, upload = false) {
    const { NodeHttpHandler } = loadSmithy();
    this.inner = new NodeHttpHandler({
      connectionTimeout: timeouts.connectMs,
      requestTimeout: upload ? timeouts.uploadMs : timeouts.requestMs,
      // Without it the handler only logs a warning when the request timeout passes.
      throwOnRequestTimeout: true,
    });
  }

  handle(request: HandleArgs[0], options: HandleArgs[1] = {}): ReturnType<NodeHttpHandler['handle']> {
    const abortSignal = options.abortSignal ?? currentAbortSignal();
    return this.inner.handle(request, abortSignal ? { ...options, abortSignal } : options);
  }

  updateHttpClientConfig(key: never, value: never): void {
    this.inner.updateHttpClientConfig(key, value);
  }

  httpHandlerConfigs(): ReturnType<NodeHttpHandler['httpHandlerConfigs']> {
    return this.inner.httpHandlerConfigs();
  }

  destroy(): void {
    this.inner.destroy();
  }
}
