import { describeEveryScreen } from '../kit/every-screen.js';

// Part 3 of the "learners" group's screens, at 360 px and on a desktop (test/kit/every-screen.ts says what is checked and how
// the screens are dealt over the parts).
describeEveryScreen('learners', 3);
