import type { components } from '../generated/synnefo-astakos.js';

type S = components['schemas'];

/** The reply of `POST /tokens`: token, user and service catalog (`access`). */
export type AccessResponse = S['AccessResponse'];
/** `access.user`: uuid (`id`), name, roles, active projects. */
export type AccessUser = S['AccessUser'];
/** One service of the catalog: `name`, `type` and its endpoints. */
export type CatalogService = S['CatalogService'];
/** One endpoint of a catalog service: `versionId`, `publicURL`, `SNF:uiURL`, `region`. */
export type CatalogEndpoint = S['CatalogEndpoint'];
/** A user's quota of one resource in one project. */
export type Quota = S['Quota'];
/** Project uuid → resource → quota. */
export type ProjectQuotas = S['ProjectQuotas'];
/** A project's own quota of one resource. */
export type ProjectQuota = S['ProjectQuota'];
/** A resource definition (`cyclades.vm`, `pithos.diskspace`, …). */
export type Resource = S['Resource'];
/** One provision of a commission. */
export type Provision = S['Provision'];
/** The body of `POST /commissions`. */
export type CommissionRequest = S['CommissionRequest'];
/** A pending commission. */
export type Commission = S['Commission'];
/** What `resolveCommissions` answers. */
export type ResolveResult = S['ResolveResult'];
/** The fields of a project application (create and modify). */
export type ProjectSpecs = S['ProjectSpecs'];
/** A project. */
export type Project = S['Project'];
/** A project membership. */
export type Membership = S['Membership'];
/** `{ id: <project uuid>, application: <application id> }`. */
export type ApplicationRef = S['ApplicationRef'];
/** The uuid and display-name catalogs. */
export type UserCatalogs = S['UserCatalogs'];
/** `CachedAstakosClient.userInfo()`: `access.user` plus the default project. */
export type UserInfo = AccessUser & { default_project?: string };
