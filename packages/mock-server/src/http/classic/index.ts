export { classicError } from './classic-error.js';
export { classicRoutes } from './classic-routes.js';
