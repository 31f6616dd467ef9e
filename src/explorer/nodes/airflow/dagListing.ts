// The DAGs under an MWAA environment, page by page through InvokeRestApi, each with its last run's
// state from one batch request per page (never one request per DAG). Loaded on the first expand of
// an environment (environmentDags.ts), with the Airflow client code.

import { AirflowRestApi, type AirflowAws } from '../../../airflow/restApi';
import type { DagItem } from '../../model/airflowItems';
import type { Page } from '../../model/resources';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { DagNode } from './dagNode';

/** The Airflow REST API's largest page (its `limit` maximum by default). */
const MAX_PAGE = 100;

export function airflowApi(aws: AirflowAws, name: string, region: string): AirflowRestApi {
  return new AirflowRestApi(aws, name, region);
}

export async function fetchDagPage(api: AirflowRestApi, owner: ExplorerNode, ctx: ExplorerContext, token: string | undefined): Promise<Page<DagItem>> {
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
}

export function makeDagNode(owner: ExplorerNode, item: DagItem, ctx: ExplorerContext, api: AirflowRestApi): ExplorerNode {
  return new DagNode(owner, item, ctx, api);
}
