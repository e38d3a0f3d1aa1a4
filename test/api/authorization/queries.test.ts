import { MATRIX } from './matrix.js';
import { describeMatrix } from './matrix-kit.js';

// Every query row: the cells share one world (queries write nothing, and each cell checks that).
describeMatrix('authorization matrix: queries', MATRIX, Object.keys(MATRIX).filter((op) => MATRIX[op].kind === 'query').sort());
