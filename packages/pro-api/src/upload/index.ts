export type { PackageRecord } from './package-record.js';
export type { PackageUploadErrorCode } from './package-upload-error.js';
export { PackageUploadError } from './package-upload-error.js';
export type {
  UploadConnection,
  UploadPackageOptions,
  UploadPackageResult,
  UploadProgress,
} from './upload-package.js';
export { uploadPackage } from './upload-package.js';
export type { UploadTokenSource } from './upload-session.js';
