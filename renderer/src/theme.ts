// Light and dark, following the system; focus always visible (a thick outline, not only a colour change).
import { createTheme } from '@mui/material/styles';

export const theme = createTheme({
  colorSchemes: { light: true, dark: true },
  typography: { fontSize: 15 },
  components: {
    MuiButtonBase: { defaultProps: { disableRipple: false } },
    MuiCssBaseline: {
      styleOverrides: {
        ':focus-visible': { outline: '3px solid #1976d2', outlineOffset: '2px' },
      },
    },
  },
});
