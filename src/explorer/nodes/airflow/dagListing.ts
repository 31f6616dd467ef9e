// The DAGs under an MWAA environment, page by page through InvokeRestApi, each with its last run's
// state from one batch request per page (never one request per DAG).

import type { AirflowRestApi } from '../../../airflow/restApi';
import type { DagItem } from '../../model/airflowItems';
import type { ExplorerContext } from '../explorerNode';
import { ListChildren, type ListOwner } from '../listChildren';
import { DagNode } from './dagNode';

/** The Airflow REST API's largest page (its `limit` maximum by default). */
const MAX_PAGE = 100;

export function dagListing(owner: ListOwner, ctx: ExplorerContext, api: AirflowRestApi): ListChildren<DagItem> {
  return new ListChildren<DagItem>({
    owner,
    ctx,
    region: api.region,
    noun: `DAGs of ${api.name}`,
    serviceName: 'Amazon MWAA',
    fetch: async (token) => {
      const offset = token ? Number(token) : 0;
      const { dags, total } = await api.listDags(offset, Math.min(MAX_PAGE, Math.max(1, ctx.pageSize())));
      let latest = new Map<string, DagItem['lastRun']>();
      try {
        latest = await api.latestRunStates(dags.map((d) => d.dagId));
      } catch (err) {
        // The DAGs still show; only their last run states are missing.
        ctx.logger.warn(`explorer: last runs of ${api.name}'s DAGs: ${(err as Error).message}`);
      }
      const next = offset + dags.length;
      return {
        items: dags.map((dag) => ({ id: `${owner.id}|dag|${dag.dagId}`, name: dag.dagId, dag, lastRun: latest.get(dag.dagId) })),
        nextToken: dags.length > 0 && next < total ? String(next) : undefined,
      };
    },
    makeNode: (item) => new DagNode(owner, item, ctx, api),
  });
}

