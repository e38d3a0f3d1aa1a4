import { describeEveryScreen } from '../kit/every-screen.js';

// Every screen these demo roles open, at 360 px and on a desktop (test/kit/every-screen.ts says what is checked).
describeEveryScreen(['AGENCY_ADMIN']);
