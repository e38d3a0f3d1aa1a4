import { MATRIX } from './matrix.js';
import { describeMatrix } from './matrix-kit.js';

// Half of the mutation rows (alternating by name, so the two files take about as long and run in parallel);
// every cell builds a world of its own.
const mutations = Object.keys(MATRIX).filter((op) => MATRIX[op].kind === 'mutation').sort();
describeMatrix('authorization matrix: mutations, part 1', MATRIX, mutations.filter((_, i) => i % 2 === 0));
