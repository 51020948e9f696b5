import type { components } from './generated/turbonomic.js';

type S = components['schemas'];

/** A service entity (ServiceEntityApiDTO): virtual machine, host, storage, … */
export type Entity = S['ServiceEntityApiDTO'];
/** A group or cluster (GroupApiDTO). */
export type Group = S['GroupApiDTO'];
/** Body of `POST groups` / `PUT groups/{uuid}`. */
export type GroupInput = S['GroupApiDTORequest'];
/** A recommended action (ActionApiDTO). */
export type Action = S['ActionApiDTO'];
/** A market (MarketApiDTO); `Market` is the real-time one. */
export type Market = S['MarketApiDTO'];
/** A plan scenario (ScenarioApiDTO). */
export type Scenario = S['ScenarioApiDTO'];
/** One statistic (StatApiDTO). */
export type Stat = S['StatApiDTO'];
/** Statistics at one time (StatSnapshotApiDTO). */
export type StatSnapshot = S['StatSnapshotApiDTO'];
/** An entity's statistics over time (EntityStatsApiDTO). */
export type EntityStats = S['EntityStatsApiDTO'];
/** Body of `POST stats` (StatScopesApiInputDTO). */
export type StatScopesInput = S['StatScopesApiInputDTO'];
/** A statistics period / filter (StatPeriodApiInputDTO). */
export type StatPeriodInput = S['StatPeriodApiInputDTO'];
/** A supply chain (SupplychainApiDTO). */
export type Supplychain = S['SupplychainApiDTO'];
/** A discovery target (TargetApiDTO). */
export type Target = S['TargetApiDTO'];
/** A template (TemplateApiDTO). */
export type Template = S['TemplateApiDTO'];
/** Body of `POST templates`. */
export type TemplateInput = S['TemplateApiInputDTO'];
/** A user (UserApiDTO). */
export type User = S['UserApiDTO'];
/** One search criterion (FilterApiDTO). */
export type SearchFilter = S['FilterApiDTO'];
/** Body of `POST search` (SearchRequestApiDTO). */
export type SearchRequest = S['SearchRequestApiDTO'];
/** One entry of `GET search/criteria`. */
export type SearchCriteria = S['SearchCriteriaApiDTO'];
/** Anything a search returns. */
export type SearchResult = S['SearchResult'];
/** The `admin/versions` body. */
export type ProductVersionDTO = S['ProductVersionDTO'];
