export { IntegrityError } from './integrity-error.js';
export { NotSupportedBySwift } from './not-supported-by-swift.js';
export { SourceChangedError } from './source-changed-error.js';
export { UploadIncompleteError } from './upload-incomplete-error.js';
