// Self-hosted Plus Jakarta Sans; each file carries unicode ranges, so a browser downloads only
// the latin subset it needs.
import '@fontsource/plus-jakarta-sans/400.css';
import '@fontsource/plus-jakarta-sans/500.css';
import '@fontsource/plus-jakarta-sans/600.css';
import '@fontsource/plus-jakarta-sans/700.css';
import '@fontsource/plus-jakarta-sans/800.css';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
