import { NeurodynError } from '../core/errors.js';

/** A data file that is not in the format it claims, or uses a feature the reader does not support. */
export class FileFormatError extends NeurodynError {}
