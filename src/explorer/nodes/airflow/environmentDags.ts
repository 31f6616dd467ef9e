// The DAG list under an MWAA environment node. Light: the Airflow code (client, nodes, readers)
// loads on the first expand of an environment, so activation carries none of it.

import type { DagItem } from '../../model/airflowItems';
import type { ExplorerContext } from '../explorerNode';
import { ListChildren, type ListOwner } from '../listChildren';

type DagListingModule = typeof import('./dagListing');
type Api = ReturnType<DagListingModule['airflowApi']>;

export class EnvironmentDags {
  readonly listing: ListChildren<DagItem>;
  private module: DagListingModule | undefined;
  private api: Api | undefined;

  constructor(owner: ListOwner, ctx: ExplorerContext, name: string, region: string) {
    this.listing = new ListChildren<DagItem>({
      owner,
      ctx,
      region,
      noun: `DAGs of ${name}`,
      serviceName: 'Amazon MWAA',
      fetch: async (token) => {
        this.module ??= await import('./dagListing');
        this.api ??= this.module.airflowApi(ctx.aws, name, region);
        return this.module.fetchDagPage(this.api, owner, ctx, token);
      },
      // Nodes are made only for fetched items, so the module and the API are there.
      makeNode: (item) => this.module!.makeDagNode(owner, item, ctx, this.api!),
    });
  }

  /** Forgets the DAGs and the environment's state (status, Airflow version). */
  reset(): void {
    this.api?.reset();
    this.listing.reset();
  }
}
