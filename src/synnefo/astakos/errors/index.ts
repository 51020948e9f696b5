export { AstakosClientError } from './astakos-client-error.js';
export { QuotaLimit, type OverLimitData } from './quota-limit.js';
export { NoEndpoints } from './no-endpoints.js';
export { NoUserName } from './no-user-name.js';
export { NoUUID } from './no-uuid.js';
export { astakosErrorFor } from './error-for.js';
