// Light and dark, following the system. Status colours are darker (light) or lighter (dark) than MUI's
// defaults so that text on them meets WCAG AA contrast (4.5:1), and the focus is always a visible outline.
import { createTheme } from '@mui/material/styles';

export const theme = createTheme({
  colorSchemes: {
    light: {
      palette: {
        contrastThreshold: 4.5,
        error: { main: '#b71c1c' },
        warning: { main: '#8a4500' },
        info: { main: '#01579b' },
        success: { main: '#1b5e20' },
      },
    },
    dark: {
      palette: {
        contrastThreshold: 4.5,
        error: { main: '#ff8a80' },
        warning: { main: '#ffb74d' },
        info: { main: '#81d4fa' },
        success: { main: '#a5d6a7' },
      },
    },
  },
  typography: { fontSize: 15 },
  components: {
    MuiCssBaseline: {
      styleOverrides: {
        ':focus-visible': { outline: '3px solid #1976d2', outlineOffset: '2px' },
      },
    },
  },
});
